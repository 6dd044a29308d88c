"""Stage 1: read YAML files into the checked model (source → schema → build → lint)."""
