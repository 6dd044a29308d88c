"""Where the shipped trees and covenants live: in the checkout, or inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder holding `trees/` and `conventions/`."""
    checkout = _HERE.parent
    if (checkout / "trees" / "facts.yaml").is_file():
        return checkout
    return _HERE / "_data"


def trees_dir() -> Path:
    return data_root() / "trees"


def conventions_dir() -> Path:
    return data_root() / "conventions"
