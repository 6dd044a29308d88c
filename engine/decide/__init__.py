"""Stage 2: decide — choose the versions in force on a date and walk the trees."""
