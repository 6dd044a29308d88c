"""The tree in docs/authoring.md is valid and walks as the text says."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from engine import load, resolve, walk
from engine.read.paths import conventions_dir, trees_dir
from tests.helpers import ROOT

DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def _example() -> str:
    match = re.search(r"<!-- example-tree -->\n```yaml\n(.*?)```", DOC, re.S)
    assert match, "docs/authoring.md lost its example tree"
    return match.group(1)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("doc")
    shutil.copytree(trees_dir(), root / "trees")
    shutil.copytree(conventions_dir(), root / "conventions")
    (root / "trees" / "voorbeeld").mkdir()
    (root / "trees" / "voorbeeld" / "1.0.0.yaml").write_text(_example(), encoding="utf-8")
    return root


def test_the_documented_tree_loads_without_problems(example: Path) -> None:
    result = load(example / "trees", example / "conventions", base=example)
    mine = [str(p) for p in result.problems if "voorbeeld" in p.location.file]
    assert mine == []
    assert "voorbeeld" in result.library.trees


@pytest.mark.parametrize(("facts", "end"), [
    ({"identificeerbaar": "nee"}, "anoniem_delen"),
    ({"identificeerbaar": "ja", "gegevens": ["gezondheid"], "toestemming": "gegeven"},
     "delen_met_toestemming"),
])
def test_the_documented_tree_walks_as_described(example: Path, facts: dict[str, object],
                                                end: str) -> None:
    lib = load(example / "trees", example / "conventions", base=example).library
    result = walk(resolve(lib, date(2026, 12, 1)), "voorbeeld", facts)
    assert result.outcome is not None and result.outcome.id == end


def test_the_documented_goto_continues_in_the_avg_tree(example: Path) -> None:
    lib = load(example / "trees", example / "conventions", base=example).library
    result = walk(resolve(lib, date(2026, 12, 1)), "voorbeeld",
                  {"identificeerbaar": "ja", "gegevens": ["gewoon"]})
    assert [t.id for t in result.trees] == ["voorbeeld", "avg"]
