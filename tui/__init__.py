"""Deelwijzer's shells: the command line, the plain prompt walk and the Textual app."""
