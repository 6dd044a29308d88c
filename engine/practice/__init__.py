"""Workshops: scenario sets read and checked, a participant's attempt scored, a class summed up."""
