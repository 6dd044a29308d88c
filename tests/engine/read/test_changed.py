"""A fresh source check only for the sources a version's change cites (`source.stale`)."""

from __future__ import annotations

from pathlib import Path

from engine.errors import Problem
from engine.read.changed import changed_nodes
from tests.helpers import copy_example, load_example

NEW = ('version: 1.0.0\nvalid_from: "2026-01-01"', 'version: 1.1.0\nvalid_from: "2026-12-01"')
LOG = ("changelog:\n", 'changelog:\n  - version: 1.1.0\n    date: "2026-12-01"\n'
                       '    changes: {nl: Nieuwe versie., en: New version.}\n')


def _new_version(root: Path, *edits: tuple[str, str]) -> Path:
    """start 1.1.0 from 2026-12-01 (every source was checked on 2026-07-01): 1.0.0 with
    `edits`, two comment lines on top so that every node moves down."""
    text = (root / "trees/start/1.0.0.yaml").read_text(encoding="utf-8")
    for old, new in (NEW, LOG, *edits):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = root / "trees/start/1.1.0.yaml"
    path.write_text("# een correctie\n\n" + text, encoding="utf-8")
    return path


def _stale(root: Path) -> list[Problem]:
    return [p for p in load_example(root).problems if p.code == "source.stale"]


def test_a_version_that_changes_no_node_asks_no_fresh_check(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    _new_version(root)
    loaded = load_example(root).library
    before, after = loaded.versions("start")
    assert changed_nodes(before, after) == []
    assert _stale(root) == []


def test_only_the_sources_the_changed_node_cites(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    path = _new_version(root, ("Je mag gewone gegevens delen.", "Je mag gewone gegevens delen "
                                                                 "als dat nodig is."))
    stale = _stale(root)
    assert [str(p.found) for p in stale] == [
        "bron 'avg' is gecontroleerd tegen de tekst van 2026-07-01, deze versie geldt vanaf "
        "2026-12-01 en wijzigt knopen die haar noemen: delen"]
    # at the changed node (its first line, below its name)
    line = path.read_text(encoding="utf-8").splitlines().index("  delen:") + 2
    assert (stale[0].location.file.endswith("start/1.1.0.yaml"), stale[0].location.line) == \
        (True, line)
    # the tree cites wpg and bw too, in nodes this version leaves as they were
    cited = (root / "trees/start/1.0.0.yaml").read_text(encoding="utf-8")
    assert "wpg:" in cited and "bw:" in cited


def test_a_note_for_the_reviewer_is_no_change(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    _new_version(root, ("    summary: {nl: Je mag gewone gegevens delen.",
                        "    review_note: {nl: Nalopen.}\n"
                        "    summary: {nl: Je mag gewone gegevens delen."))
    assert _stale(root) == []


def test_a_first_version_asks_a_fresh_check_of_every_source_it_cites(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    first = root / "trees/start/1.0.0.yaml"
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace('valid_from: "2026-01-01"', 'valid_from: "2026-12-01"'),
                     encoding="utf-8")
    found = {(p.found.split("'")[1], p.location.line) for p in _stale(root)
             if p.location.file.endswith("start/1.0.0.yaml")}
    assert {source for source, _ in found} == {"avg", "wpg", "bw"}
    assert {line for _, line in found} == {4}  # at valid_from
