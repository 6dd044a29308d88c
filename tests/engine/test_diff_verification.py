"""A change that only flips whether a citation is verified is a change the diff reports."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from engine import load
from engine.diff.compare import ReportInput, build
from engine.diff.decision import Kind
from engine.diff.render import to_data, to_text
from engine.diff.report import Report, groups
from engine.model import Library
from tests.helpers import DATA

BEFORE = DATA / "diff" / "before"
ON = date(2026, 3, 1)


def _set(tmp_path: Path, *edits: tuple[str, str]) -> Library:
    root = tmp_path / "na"
    shutil.copytree(BEFORE, root)
    tree = root / "trees/start/1.0.0.yaml"
    text = tree.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    tree.write_text(text, encoding="utf-8")
    loaded = load(root / "trees", root / "conventions", base=root)
    assert not loaded.errors, loaded.errors
    return loaded.library


def _report(new: Library, expect: Path | None = None) -> Report:
    old = load(BEFORE / "trees", BEFORE / "conventions", base=BEFORE).library
    built = build(ReportInput(before="voor", after="na", old=old, new=new, on=ON,
                              case_files=[(p, BEFORE) for p in
                                          sorted(BEFORE.glob("trees/*/cases/*.yaml"))],
                              expect=expect))
    return built.report


VERIFIED = ("        verified: false\n        note: {nl: Nog te controleren., en: To be "
            "checked.}\n", "        verified: true\n")
WHY_UNVERIFIED = ("      citations: [avg:6(1)(d)]\n    options:",
                  "      citations: [{ref: avg:6(1)(d), verified: false}]\n    options:")


def test_a_ground_now_verified(tmp_path: Path) -> None:
    report = _report(_set(tmp_path, VERIFIED))
    found = [(g.kind, g.before.end, g.aspects, len(g.cells)) for g in groups(report.periods[0])]
    assert found == [(Kind.VERIFICATION, "start/advies", ("unverified",), 1)]
    text = to_text(report)
    assert "[Zelfde uitkomst en redenering, verificatie van een bron gewijzigd: start/advies → " \
        "start/advies (1 pad)]" in text
    assert "  bron nu geverifieerd: avg:10" in text
    data = to_data(report)["periods"][0]["changes"][0]
    assert (data["kind"], data["before"]["unverified"], data["after"]["unverified"]) == \
        ("verificatie", ["avg:10"], [])
    assert not report.passed


def test_a_citation_on_the_way_no_longer_verified(tmp_path: Path) -> None:
    report = _report(_set(tmp_path, WHY_UNVERIFIED))
    period = report.periods[0]
    # every path asks about acute danger, so every path now cites it unverified
    assert {c.kind for c in period.starts[0].changed} == {Kind.VERIFICATION}
    assert len(period.starts[0].changed) == period.starts[0].cells == 7
    assert "bron niet meer geverifieerd: avg:6(1)(d)" in to_text(report, "nl")
    assert "source no longer verified: avg:6(1)(d)" in to_text(report, "en")
    # every case file that reaches an outcome (all pass the question) changed the same way
    decided = [s for s in report.samples if s.before.verdict is not None]
    assert len(decided) == 4 and all(s.kind is Kind.VERIFICATION for s in decided)


def test_expect_declares_a_verification(tmp_path: Path) -> None:
    new = _set(tmp_path, VERIFIED)
    declared = tmp_path / "verwacht.yaml"
    declared.write_text("changes:\n  - outcome: start/advies\n    kind: verificatie\n"
                        "    reason: Artikel 10 AVG is nagelopen.\n", encoding="utf-8")
    assert _report(new, declared).passed
    wrong = tmp_path / "fout.yaml"
    wrong.write_text("changes:\n  - outcome: start/advies\n    kind: uitkomst\n"
                     "    reason: Artikel 10 AVG is nagelopen.\n", encoding="utf-8")
    verdict = _report(new, wrong).verdict
    assert verdict is not None and len(verdict.unexpected) == 1 and len(verdict.unmet) == 1


def test_a_verification_beside_a_change_in_outcome_is_named_too(tmp_path: Path) -> None:
    report = _report(_set(tmp_path, VERIFIED, ("summary: {nl: Vraag je FG om advies., en: Ask your "
                                               "DPO.}\n    grounds:\n      - ref: avg:10",
                                               "summary: {nl: Vraag je FG om advies., en: Ask "
                                               "your DPO.}\n    grounds:\n      - ref: avg:9")))
    group = groups(report.periods[0])[0]
    assert group.kind is Kind.OUTCOME and group.aspects == ("grounds", "unverified")
    text = to_text(report)
    assert "gronden en artikelen: − avg:10; + avg:9" in text
    assert "bron nu geverifieerd" not in text  # avg:10 is gone, not verified
