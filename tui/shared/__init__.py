"""What more than one shell uses: loading, saving, exports."""
