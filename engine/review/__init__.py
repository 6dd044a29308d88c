"""The review document a lawyer reads and signs: one tree version, everything in it."""
