"""Subcommands of `deelwijzer`; each module exposes `configure(parser)` and `run(args)`."""
