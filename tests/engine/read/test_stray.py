"""No silent skips, no collateral damage: what sits where a tree file should be is reported, and
it withdraws only its own tree."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from engine import WalkError, resolve, walk
from engine.model import TreeId
from tests.helpers import copy_example, load_example
from tui.cli.main import main


def _stray(root: Path, kind: str) -> Path:
    folder = root / "trees/regel"
    if kind == "yml":
        path = folder / "1.2.0.yml"
        shutil.copy(folder / "1.1.0.yaml", path)
    elif kind == "dangling":
        path = folder / "1.2.0.yaml"
        path.symlink_to(folder / "weg.yaml")
    elif kind == "loop":
        path = folder / "1.2.0.yaml"
        path.symlink_to(path)
    else:
        path = folder / "1.2.0.yaml"
        path.mkdir()
    return path


@pytest.mark.parametrize(("kind", "found"), [
    ("yml", "een boombestand met '.yml'"),
    ("dangling", "een koppeling naar een bestand dat niet bestaat (of in een kring)"),
    ("loop", "een koppeling naar een bestand dat niet bestaat (of in een kring)"),
    ("folder", "een map waar een boombestand hoort"),
])
def test_a_stray_tree_file_is_reported_and_withdraws_only_its_tree(
        kind: str, found: str, tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    stray = _stray(root, kind)
    loaded = load_example(root)
    named = [p for p in loaded.problems if p.code == "tree.file"]
    assert [str(p) for p in named] == [
        f"trees/regel/1.2.0.{'yml' if kind == 'yml' else 'yaml'}: {found}; een boombestand "
        f"trees/regel/<versie>.yaml; " + next(p.hint for p in named)]
    assert os.fspath(stray).endswith(named[0].location.file)
    library = loaded.library
    assert TreeId("regel") in library.broken and TreeId("regel") not in library.trees
    assert TreeId("start") in library.trees, "the tree that points at it stays in use"
    at = resolve(library, date(2026, 3, 1))
    assert walk(at, "start", {"gevaar": "ja"}).outcome is not None  # never needs regel
    with pytest.raises(WalkError, match="regel"):
        walk(at, "start", {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"})


def test_the_root_cause_is_the_only_error(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    _stray(root, "yml")
    errors = load_example(root).errors
    assert [p.code for p in errors] == ["tree.file"]


def test_conventions_pointing_nowhere_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    code = main(["check", "--trees", str(root / "trees"), "--conventions", str(root / "nergens")])
    assert code == 2
    assert "map met het modelconvenant niet gevonden" in capsys.readouterr().err
