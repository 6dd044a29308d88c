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


#: Names that look like a tree version file but that `tree_files` cannot read.
TREE_SUFFIXES = (".yaml", ".yml", ".YAML", ".YML")


def stray_tree_files(trees_dir: Path) -> list[Path]:
    """What sits where a tree version file should be but is not one: a `.yml` file, a link to
    nothing (or in a circle), a folder named like a tree file. Never silently skipped."""
    if not trees_dir.is_dir():
        return []
    return sorted(p for p in trees_dir.glob("*/*") if not p.name.startswith(".")
                  and p.suffix in TREE_SUFFIXES and not (p.suffix == ".yaml" and p.is_file()))


def covenant_files(conventions_dir: Path | None) -> list[Path]:
    """Every covenant version file: conventions/<covenant-id>/<version>.yaml."""
    if conventions_dir is None or not conventions_dir.is_dir():
        return []
    return sorted(p for p in conventions_dir.glob("*/*.yaml") if p.is_file())


def input_files(trees_dir: Path, conventions_dir: Path | None) -> list[Path]:
    """Every file `load` reads, and nothing else (case files are not part of a tree set)."""
    return [trees_dir / "facts.yaml", trees_dir / "sources.yaml", *tree_files(trees_dir),
            *sorted(trees_dir.glob("*/vaststelling/*.yaml")), *covenant_files(conventions_dir)]


#: A scenario set's own file, in trees/scenarios/<set>/ (engine/practice/scenario.py).
SET_FILE = "set.yaml"


def scenarios_dir(trees_dir: Path) -> Path:
    return trees_dir / "scenarios"


def set_folders(trees_dir: Path) -> list[Path]:
    """Every scenario set: a folder under trees/scenarios/ that holds a set.yaml (here, with
    the other paths, so that finding a set loads none of the practice code)."""
    root = scenarios_dir(trees_dir)
    return sorted(p.parent for p in root.glob(f"*/{SET_FILE}")) if root.is_dir() else []
