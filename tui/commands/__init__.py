"""Subcommands of `deelwijzer`; each module exposes `register(subparsers)`."""
