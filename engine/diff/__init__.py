"""Compare two tree sets: every path, case and decision record, before and after."""
