"""The command line: `deelwijzer` and its commands."""
