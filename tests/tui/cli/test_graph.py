"""`deelwijzer graph`: one tree to stdout or a file, every tree into a folder, SVG via Graphviz."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, ROOT
from tui.cli.main import main

EX = ["--trees", str(EXAMPLE / "trees")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_version_as_mermaid_and_dot(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "regel@1.0.0", *EX)
    assert code == 0 and out.startswith("flowchart TD") and "(wpg16)" in out
    assert "[!] Je mag delen, mits" in out  # 1.0.0; 1.1.0 says 'advies' there
    code, out, _ = run(capsys, "graph", "regel", "--date", "2026-08-01", "--format", "dot",
                       "--lang", "en", *EX)
    assert code == 0 and out.startswith('digraph "regel"') and "[?] Ask for advice" in out


def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "graph", *EX)[0] == 2
    code, _, err = run(capsys, "graph", "regl", *EX)
    assert code == 2 and "onbekende boom 'regl'" in err
    code, _, err = run(capsys, "graph", "regel@3.0.0", *EX)
    assert code == 2 and "geen versie 3.0.0 (wel: 1.0.0, 1.1.0)" in err
    code, _, err = run(capsys, "graph", "--all", *EX)
    assert code == 2 and "--out-dir" in err
    mine = tmp_path / "mijn.md"
    mine.write_text("eigen werk", encoding="utf-8")
    code, _, err = run(capsys, "graph", "start", "--out", str(mine), *EX)
    assert code == 2 and "--force" in err and mine.read_text(encoding="utf-8") == "eigen werk"
    assert run(capsys, "graph", "start", "--out", str(mine), "--force", *EX)[0] == 0
    assert mine.read_text(encoding="utf-8").startswith("flowchart TD")


def test_svg_needs_graphviz(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("dot") is not None:
        code, out, _ = run(capsys, "graph", "start", "--format", "svg", *EX)
        assert code == 0 and "<svg" in out and "Is er acuut gevaar?" in out
    monkeypatch.setenv("PATH", "")
    code, _, err = run(capsys, "graph", "start", "--format", "svg", *EX)
    assert code == 2 and "'dot' van Graphviz" in err and "--format dot" in err


def test_all_writes_one_page_per_tree_and_keeps_unchanged_files(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "trees"
    assert run(capsys, "graph", "--all", "--out-dir", str(out), *EX)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["regel.md", "start.md"]
    assert "## Versie 1.1.0" in (out / "regel.md").read_text(encoding="utf-8")
    assert run(capsys, "graph", "--all", "--out-dir", str(out), *EX)[0] == 0  # up to date
    (out / "start.md").write_text("oud", encoding="utf-8")
    code, _, err = run(capsys, "graph", "--all", "--out-dir", str(out), *EX)
    assert code == 2 and "--force" in err


def test_the_shipped_tree_pictures_in_docs_are_current(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    assert run(capsys, "graph", "--all", "--out-dir", str(tmp_path))[0] == 0
    docs = ROOT / "docs" / "trees"
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    kept = {p.name: p.read_text(encoding="utf-8") for p in docs.glob("*.md")}
    stale = sorted(n for n in fresh.keys() | kept.keys() if fresh.get(n) != kept.get(n))
    assert not stale, f"docs/trees is niet actueel ({', '.join(stale)}): draai `make docs`"
