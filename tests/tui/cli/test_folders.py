"""Friendlier tree folders: --trees may name the set's root; a missing covenant folder or a
folder that is no tree set gets one clear line, not hundreds of problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE
from tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_trees_may_name_the_folder_holding_trees(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "set")
    code, out, _ = run(capsys, "check", "--trees", str(tmp_path / "set"))
    assert code == 0 and "3 boomversie(s)" in out and "4 clausules" in out


def test_a_missing_covenant_folder_is_one_line(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "trees", tmp_path / "set/trees")
    code, _, err = run(capsys, "check", "--trees", str(tmp_path / "set/trees"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "geen" in err and "conventions" in err and "--conventions MAP" in err
    code, _, _ = run(capsys, "check", "--trees", str(tmp_path / "set/trees"),
                     "--conventions", str(EXAMPLE / "conventions"))
    assert code == 0


def test_a_folder_that_is_no_tree_set(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--trees", str(tmp_path), "--lang", "en")
    assert code == 2 and "holds no facts.yaml and sources.yaml" in err


def test_coverage_names_option_values_with_their_place_and_the_threshold(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cases", "--trees", str(EXAMPLE), "--min-options", "80",
                       "--all-outcomes")
    assert code == 1
    assert "      gevaar = ja (" in out and "trees/start/1.0.0.yaml:25:9)" in out
    assert "#1" not in out and "#2" not in out
    assert "te weinig gedekt: 56% van de opties, --min-options vraagt 80%" in out
    assert "--all-outcomes vraagt een casus voor elke uitkomst" in out
