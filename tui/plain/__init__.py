"""The plain walk: one question per line, for screen readers and pipes."""
