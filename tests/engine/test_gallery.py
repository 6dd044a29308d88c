"""The error gallery: each deliberately broken file must produce its message at its place."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from engine.cases import read_case
from engine.errors import Problem
from engine.model import TreeId
from engine.practice.scenario import read_set
from tests.helpers import (
    SCENARIOS,
    GalleryEntry,
    copy_example,
    gallery,
    load_example,
    with_scenarios,
)

ENTRIES = gallery()
SCENARIO_DATE = date(2026, 6, 1)  # the example trees' scenarios are walked on this date


def _problems(entry: GalleryEntry, root: Path) -> list[Problem]:
    if "/scenarios/" in entry.target:
        with_scenarios(root)
    shutil.copy(entry.path, root / entry.target)
    result = load_example(root)
    found = list(result.problems)
    if "/cases/" in entry.target:
        found.extend(read_case(root / entry.target, result.library, base=root)[1])
    if "/scenarios/" in entry.target:
        folder = (root / entry.target).parent
        found.extend(read_set(folder, result.library, SCENARIO_DATE, base=root)[1])
    return found


def test_the_gallery_covers_every_problem_kind() -> None:
    codes = {e.code for e in ENTRIES}
    required = {
        "yaml", "encoding", "schema.additionalProperties", "schema.enum", "schema.type",
        "schema.required", "schema.pattern", "date", "node.unknown", "fact.unknown",
        "option.value", "option.duplicate", "question.dead_end", "citation.syntax",
        "citation.source", "clause.unknown", "clause.missing", "clause.orphan",
        "clause.placeholder", "goto.tree", "goto.node", "goto.broken", "node.unreachable",
        "cycle", "outcome.unreached", "tree.id", "tree.version", "validity",
        "validity.overlap", "validity.gap", "source.stale", "entry", "case.fact", "case.value",
        "lifecycle.replaces", "lifecycle.uncovered",
        "fact.derived", "fact.mapping", "fact.groups", "case.derived",
        "when.fact", "when.value",
        "scenario.incomplete", "scenario.citation", "scenario.length", "scenario.set",
        "outcome.alternatives",
    }
    assert required <= codes, f"missing from the gallery: {sorted(required - codes)}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.path.stem for e in ENTRIES])
def test_broken_file_is_reported_with_message_and_place(
    entry: GalleryEntry, tmp_path: Path
) -> None:
    found = _problems(entry, copy_example(tmp_path))
    hits = [p for p in found if p.code == entry.code and all(f in str(p) for f in entry.fragments)]
    assert hits, f"expected {entry.code} {entry.fragments}; got:\n" + "\n".join(map(str, found))
    assert (entry.line, entry.column) in {(p.location.line, p.location.column) for p in hits}
    for hit in hits:  # the parser's or the system's English never inside a Dutch sentence
        assert not PARSER_ENGLISH.search(hit.text("nl")), hit.text("nl")
        assert all(f in hit.text("en") for f in entry.english), hit.text("en")


#: Words of PyYAML's, libyaml's and the system's English messages.
PARSER_ENGLISH = re.compile(r"\b(found|while|expected|did not|could not|exceeded|maximum|"
                            r"scanning|parsing|unacceptable|position|stream|No such file|"
                            r"Permission denied)\b")


TREE_ERRORS = [e for e in ENTRIES if e.target.count("/") == 2 and "/cases/" not in e.target
               and e.target.startswith("trees/") and e.code not in {
                   "node.unreachable", "outcome.unreached", "clause.missing", "source.stale",
                   "outcome.alternatives",
                   "entry"}]  # entry: reported on the other entry tree


@pytest.mark.parametrize("entry", TREE_ERRORS, ids=[e.path.stem for e in TREE_ERRORS])
def test_an_invalid_tree_file_is_never_used(entry: GalleryEntry, tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    shutil.copy(entry.path, root / entry.target)
    library = load_example(root).library
    tree_id = TreeId(entry.target.split("/")[1])
    assert tree_id not in library.trees
    assert entry.target in library.broken[tree_id]


def test_the_example_set_itself_is_clean() -> None:
    result = load_example()
    assert [str(p) for p in result.problems] == []


def test_the_example_scenario_set_itself_is_clean() -> None:
    result = load_example()
    scenario_set, problems = read_set(SCENARIOS / "oefen", result.library, SCENARIO_DATE)
    assert [str(p) for p in problems] == []
    assert scenario_set is not None
    assert [s.id for s in scenario_set.scenarios] == ["gewoon", "zonder-toestemming"]
