"""The screens of the Deelwijzer app."""
