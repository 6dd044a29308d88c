"""Reusable widgets of the Deelwijzer app."""
