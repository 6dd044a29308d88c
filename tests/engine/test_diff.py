"""The diff over a fixture pair of tree sets: exactly the changed paths, cases and records."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from engine import load
from engine.diff.compare import Built, ReportInput, build
from engine.diff.decision import Kind
from engine.diff.render import to_data, to_markdown, to_text
from engine.diff.report import groups, listings
from engine.diff.samples import Sample
from engine.errors import Problem
from engine.model import Library
from tests.helpers import DATA

PAIR = DATA / "diff"


def library(name: str) -> Library:
    root = PAIR / name
    result = load(root / "trees", root / "conventions", base=root)
    assert not result.errors, result.errors
    return result.library


OLD, NEW = library("before"), library("after")


def cases(root: Path) -> list[tuple[Path, Path | None]]:
    return [(p, root) for p in sorted((root / "trees").rglob("cases/*.yaml"))]


def diff(expect: str | None = None, old: Library = OLD, new: Library = NEW,
         versions: tuple[str, str, str] | None = None) -> Built:
    return build(ReportInput(
        before="voor", after="na", old=old, new=new, versions=versions,
        case_files=cases(PAIR / "after"), records=sorted((PAIR / "records").glob("*.json")),
        expect=PAIR / "expect" / f"{expect}.yaml" if expect else None))


def test_identical_sets_report_no_change_and_count_paths() -> None:
    built = diff(old=OLD, new=OLD)
    assert _only_unsealed(built.problems) and not built.report.changes and built.report.passed
    period = built.report.periods[0]
    assert [(s.start, s.before_paths, s.after_paths) for s in period.starts] == [("start", 7, 7)]
    assert "Geen wijzigingen." in to_text(built.report)


def test_exactly_the_changed_paths_cases_and_records() -> None:
    report = diff().report
    # Two periods (regel 1.0.0, then 1.1.0); start changed the same way in both.
    assert [p.on for p in report.periods] == [date(2026, 1, 1), date(2026, 7, 1)]
    for period in report.periods:
        found = [(g.kind, g.before.end, g.after.end, len(g.cells)) for g in groups(period)]
        assert found == [(Kind.OUTCOME, "start/delen_mits", "start/delen_mits", 1),
                         (Kind.REASONING, "start/delen", "start/delen", 2)]
        assert [(s.before_paths, s.after_paths) for s in period.starts] == [(7, 8)]
    outcome = groups(report.periods[0])[0]
    assert outcome.aspects == ("grounds",)
    assert outcome.before.grounds == ("avg:9(2)(a)", "bw:7:457")
    assert outcome.after.grounds == ("avg:9(2)(a)",)
    changed = {(s.what, s.name, s.kind) for s in report.samples if s.kind is not Kind.SAME}
    assert changed == {("case", "gewoon", Kind.REASONING), ("case", "toestemming", Kind.OUTCOME),
                       ("record", "toestemming.json", Kind.OUTCOME)}
    assert len(report.samples) == 5 + 2 and not report.passed


def test_same_outcome_changed_reasoning_is_flagged_with_its_facts() -> None:
    report = diff().report
    reasoning = groups(report.periods[0])[1]
    assert reasoning.before.verdict == reasoning.after.verdict == "delen"
    for cell in reasoning.cells:
        assert cell.after.questions[-1] == "start/ontvanger"
        assert "start/ontvanger" not in cell.before.questions
    text = to_text(report)
    assert "Zelfde uitkomst, redenering gewijzigd: start/delen → start/delen (2 paden)" in text
    assert "vragen onderweg: + start/ontvanger" in text
    assert "Ontvanger: de politie" in text and "Ontvanger: de gemeente" in text
    assert "gronden en artikelen: − bw:7:457" in text


def test_expected_changes_that_match_pass() -> None:
    built = diff("exact")
    verdict = built.report.verdict
    assert _only_unsealed(built.problems) and verdict is not None and verdict.passed
    assert built.report.passed and "precies de verwachte wijzigingen" in to_text(built.report)


def test_an_undeclared_change_fails() -> None:
    verdict = diff("undeclared").report.verdict
    assert verdict is not None and not verdict.passed and not verdict.unmet
    # Both reasoning paths (found in both periods, counted once), and the one case they reach.
    assert len(verdict.unexpected) == 3
    assert {c.kind for c in verdict.unexpected} == {Kind.REASONING}


def test_a_declared_change_that_did_not_happen_fails() -> None:
    built = diff("phantom")
    verdict = built.report.verdict
    assert verdict is not None and not verdict.unexpected
    assert [e.outcome for e in verdict.unmet] == ["start/niet_delen"]
    text = to_text(built.report, "en")
    assert "did NOT happen: start/niet_delen (line 7)" in text


def test_a_change_found_in_two_periods_is_listed_and_counted_once() -> None:
    report = diff("exact").report
    assert [p.changed for p in report.periods] == [3, 3]  # each period finds all three paths
    cells = [c for c in report.changes if not isinstance(c, Sample)]
    assert len(cells) == 3
    text = to_text(report)
    assert text.count("[Uitkomst gewijzigd: start/delen_mits") == 1
    assert "Uitkomst gewijzigd: start/delen_mits → start/delen_mits (1 pad): dezelfde paden als " \
        "vanaf 2026-01-01" in text
    # one path, one case and one record for the first declaration (it was 4: the path twice);
    # two paths and one case for the second (it was 5)
    assert "✓ 3 gevonden: start/delen_mits" in text and "✓ 3 gevonden: delen" in text


def test_a_change_only_in_a_later_period_is_listed_there(tmp_path: Path) -> None:
    """Paths that change only from the second period on are listed in full in that period."""
    root = tmp_path / "na"
    shutil.copytree(PAIR / "after", root)
    later = root / "trees/regel/1.1.0.yaml"
    text = later.read_text(encoding="utf-8")
    assert text.count("verdict: advies") == 1
    later.write_text(text.replace("verdict: advies", "verdict: niet_delen"), encoding="utf-8")
    new = load(root / "trees", root / "conventions", base=root)
    assert not new.errors
    found = listings(diff(new=new.library).report.periods)
    assert len(found[0].new) == 3 and not found[0].repeated
    assert [c.after.verdict for c in found[1].new] == ["niet_delen"]
    assert len(found[1].repeated) == 3  # the start tree's changes, listed in the first period


def test_versions_of_one_tree() -> None:
    report = diff(versions=("regel", "1.0.0", "1.1.0"), old=OLD, new=OLD).report
    (group,) = groups(report.periods[0])
    assert (group.before.verdict, group.after.verdict) == ("delen_mits", "advies")
    assert report.periods[0].on == date(2026, 7, 1)


def test_markdown_and_json_say_the_same() -> None:
    report = diff("undeclared").report
    markdown = to_markdown(report, "en")
    assert markdown.startswith("# What changes in the decisions?")
    assert "### Same outcome, reasoning changed" in markdown
    data = to_data(report)
    changes = data["periods"][0]["changes"]
    assert [c["kind"] for c in changes] == ["uitkomst", "redenering", "redenering"]
    assert [c["expected"] for c in changes] == [True, False, False]
    assert changes[0]["facts"]["toestemming"] == {"one_of": ["ja"]}
    assert data["passed"] is False and data["unexpected"] == 3
    # the second period finds the same changes: listed once, in the first
    later = data["periods"][1]
    assert later["changes"] == []
    assert [(r["kind"], r["listed_in"]) for r in later["repeated"]] == [
        ("uitkomst", "2026-01-01"), ("redenering", "2026-01-01"), ("redenering", "2026-01-01")]


def _only_unsealed(problems: tuple[Problem, ...]) -> bool:
    """The records in tests/data/diff were made before seals: read with that warning only."""
    return all(p.code == "record.unsealed" and not p.is_error for p in problems)


def test_a_large_group_shows_its_first_paths_and_counts_the_rest(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("engine.diff.render.SHOWN", 1)
    report = diff("undeclared").report
    text = to_text(report)
    assert "Zelfde uitkomst, redenering gewijzigd: start/delen → start/delen (2 paden)" in text
    assert "  1. (!) Ontvanger: de politie" in text and "Ontvanger: de gemeente" not in text
    assert "   (!) … en nog 1 paden met dezelfde wijziging (elk pad: --format json)" in text
    assert "- (!) … and 1 more paths" in to_markdown(report, "en")
    assert len(to_data(report)["periods"][0]["changes"]) == 3  # JSON keeps every path
