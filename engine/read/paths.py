"""Where the shipped trees and covenants live: in the checkout, or inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent  # the engine package


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


def tree_files(trees_dir: Path) -> list[Path]:
    """Every tree version file: trees/<tree-id>/<version>.yaml (cases/ excluded)."""
    if not trees_dir.is_dir():
        return []
    return sorted(p for p in trees_dir.glob("*/*.yaml") if p.is_file())


def covenant_files(conventions_dir: Path | None) -> list[Path]:
    """Every covenant version file: conventions/<covenant-id>/<version>.yaml."""
    if conventions_dir is None or not conventions_dir.is_dir():
        return []
    return sorted(p for p in conventions_dir.glob("*/*.yaml") if p.is_file())


def input_files(trees_dir: Path, conventions_dir: Path | None) -> list[Path]:
    """Every file `load` reads, and nothing else (case files are not part of a tree set)."""
    return [trees_dir / "facts.yaml", trees_dir / "sources.yaml", *tree_files(trees_dir),
            *sorted(trees_dir.glob("*/vaststelling/*.yaml")), *covenant_files(conventions_dir)]
