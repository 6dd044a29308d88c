"""Lifecycle: a correction replaces a released version without editing it; a law change on a
date ends the version before it without editing it; old records keep replaying."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from engine import justify, load, resolve, walk
from engine.cases import coverage
from engine.explain.render import to_data, to_markdown, to_text
from engine.model import FactKey
from engine.read.schema import is_valid
from engine.record import make_record, replay
from tests.helpers import DATA, load_example
from tui.cli.main import main

LIFECYCLE = DATA / "lifecycle"
LOADED = load(LIFECYCLE / "trees", LIFECYCLE / "conventions", base=LIFECYCLE)
LIB = LOADED.library
FACTS = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}


def _record_made_before_the_correction() -> dict[str, object]:
    """Made on the example set, where regel 1.0.0 is still the usable version."""
    before = load_example().library
    return make_record(walk(resolve(before, date(2026, 3, 1)), "start", FACTS), "0.1.0")


def test_a_correction_and_a_law_change_load_without_problems() -> None:
    assert [str(p) for p in LOADED.problems] == []


def test_the_replaced_version_is_marked_and_a_later_start_ends_the_one_before() -> None:
    v100, v110, v120 = LIB.versions("regel")
    assert (v100.version, v100.superseded_by, v100.is_usable) == ("1.0.0", "1.1.0", False)
    assert (v110.superseded_by, v110.valid_until, v110.until) == (None, None, date(2026, 8, 31))
    assert (v120.superseded_by, v120.until) == (None, None)


def test_a_replaced_version_is_never_chosen_for_a_new_decision() -> None:
    day, seen = date(2026, 1, 1), set()
    while day < date(2027, 1, 1):
        chosen = resolve(LIB, day).trees["regel"].version  # type: ignore[index]
        assert chosen != "1.0.0"
        seen.add((chosen, day >= date(2026, 9, 1)))
        day += timedelta(days=7)
    assert seen == {("1.1.0", False), ("1.2.0", True)}


def test_the_same_facts_before_and_after_the_law_change_differ_exactly_there() -> None:
    before = walk(resolve(LIB, date(2026, 8, 31)), "start", FACTS)
    after = walk(resolve(LIB, date(2026, 9, 1)), "start", FACTS)
    assert before.outcome is not None and after.outcome is not None
    assert (before.outcome.id, before.outcome.verdict.value) == ("wpg16", "advies")
    assert (after.outcome.id, after.outcome.verdict.value) == ("wpg16", "delen")


def test_the_covenant_follows_the_same_rule() -> None:
    old, new = LIB.covenants
    assert (old.version, old.superseded_by, new.superseded_by) == ("1.0.0", "1.1.0", None)
    assert resolve(LIB, date(2026, 3, 1)).covenant == new


def test_a_record_made_on_the_replaced_version_still_replays_the_same() -> None:
    record = _record_made_before_the_correction()
    result = replay(LIB, record)
    assert result.same and result.changed_trees == () and result.differences == ()
    assert [t.version for t in result.walk.trees] == ["1.0.0", "1.0.0"]
    assert result.replaced == ("boom 'regel' versie 1.0.0 is vervangen door versie 1.1.0",
                               "convenant 'voorbeeld' versie 1.0.0 is vervangen door versie "
                               "1.1.0")


def test_replay_current_shows_what_changed() -> None:
    record = _record_made_before_the_correction()
    result = replay(LIB, record, date(2026, 10, 1))
    assert not result.same
    assert result.differences == ("verdict: was 'delen_mits', nu 'delen'",
                                  "boom 'regel': was versie 1.0.0, nu 1.2.0",
                                  "convenant: was voorbeeld 1.0.0, nu voorbeeld 1.1.0")


def test_every_output_naming_a_replaced_version_says_so() -> None:
    record = _record_made_before_the_correction()
    result = replay(LIB, record)
    nl, en = justify(result.walk, "nl"), justify(result.walk, "en")
    assert "regel 1.0.0 (concept, vervangen door 1.1.0)" in to_text(nl)
    assert "`regel` 1.0.0 (concept, vervangen door 1.1.0)" in to_markdown(nl)
    assert "regel 1.0.0 (concept, replaced by 1.1.0)" in to_text(en)
    notice = ("Let op: boom 'regel' versie 1.0.0 is vervangen door versie 1.1.0. Dit besluit is "
              "op de oude versie genomen; neem een nieuw besluit op de nieuwe versie.")
    assert notice in nl.notices
    assert ("Note: tree 'regel' version 1.0.0 has been replaced by version 1.1.0. This decision "
            "was made on the old version; make a new decision on the new version.") \
        in en.notices
    data = to_data(nl)
    assert data["superseded_by"] == {"regel": "1.1.0"}
    assert is_valid(data, "decision")
    fresh = to_data(justify(walk(resolve(LIB, date(2026, 3, 1)), "start", FACTS)))
    assert fresh["superseded_by"] == {} and is_valid(fresh, "decision")


def test_the_replay_command_names_the_replacement_and_still_exits_0(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(_record_made_before_the_correction()), encoding="utf-8")
    lib = ["--trees", str(LIFECYCLE / "trees"), "--conventions", str(LIFECYCLE / "conventions")]
    assert main(["replay", str(path), *lib]) == 0
    out = capsys.readouterr().out
    assert "Vervangen: boom 'regel' versie 1.0.0 is vervangen door versie 1.1.0" in out
    assert "Zelfde uitkomst op de vastgelegde boomversies: delen_mits" in out
    assert main(["replay", str(path), "--current", "--date", "2026-10-01", *lib]) == 1
    assert "Verschil: boom 'regel': was versie 1.0.0, nu 1.2.0" in capsys.readouterr().out


def test_coverage_leaves_out_replaced_versions() -> None:
    versions = {(c.tree, c.version) for c in coverage(LIB, [])}
    assert ("regel", "1.0.0") not in versions
    assert {("regel", "1.1.0"), ("regel", "1.2.0")} <= versions


def test_a_replaced_version_tolerates_values_added_to_the_vocabulary_later(
        tmp_path: Path) -> None:
    root = tmp_path / "set"
    shutil.copytree(LIFECYCLE, root)
    facts = root / "trees/facts.yaml"
    facts.write_text(facts.read_text().replace(
        "      gemeente: {nl: de gemeente, en: the municipality}\n",
        "      gemeente: {nl: de gemeente, en: the municipality}\n"
        "      onbekend: {nl: Weet ik niet, en: I don't know}\n"), encoding="utf-8")
    result = load(root / "trees", root / "conventions", base=root)
    dead = {(p.location.file, p.code) for p in result.errors}
    assert dead == {("trees/regel/1.1.0.yaml", "question.dead_end"),
                    ("trees/regel/1.2.0.yaml", "question.dead_end")}
    assert "trees/regel/1.0.0.yaml" not in {p.location.file for p in result.problems}


def test_a_yes_no_fact_may_declare_weet_ik_niet() -> None:
    root = DATA / "derived"
    lib = load(root / "trees", root / "conventions", base=root).library
    assert lib.facts[FactKey("gevaar")].values == ("ja", "nee")
    assert lib.facts[FactKey("toestemming")].values == ("ja", "nee", "onbekend")
    assert lib.facts[FactKey("toestemming")].label_of("onbekend", "en") == "I don't know"


def test_replay_current_names_moved_versions_even_when_the_new_tree_asks_more(
        tmp_path: Path) -> None:
    root = tmp_path / "set"
    shutil.copytree(LIFECYCLE, root)
    newer = root / "trees/regel/1.2.0.yaml"  # 1.2.0 asks a new question before its outcome
    newer.write_text(newer.read_text().replace("    options:\n      - value: gemeente\n        "
                                               "next: wpg16", "    options:\n      - value: "
                                               "gemeente\n        next: toestemming_vraag", 1)
                     + "  toestemming_vraag:\n    kind: question\n    fact: toestemming\n"
                     "    text: {nl: Toestemming?, en: Consent?}\n    options:\n"
                     "      - {value: ja, next: wpg16}\n      - {value: nee, next: wpg16}\n",
                     encoding="utf-8")
    lib = load(root / "trees", root / "conventions", base=root).library
    result = replay(lib, _record_made_before_the_correction(), date(2026, 10, 1))
    assert result.walk.pending is not None
    assert result.differences == ("verdict: was 'delen_mits', nu '(open vraag)'",
                                  "regime: was 'wpg', nu '-'",
                                  "node: was 'wpg16', nu 'toestemming_vraag'",
                                  "clausules: was ['convenant.grondslag.wpg16'], nu []",
                                  "bronverwijzingen: was ['avg:6(1)(d)', 'wpg:1', "
                                  "'wpg:16(1)(b)'], nu ['avg:6(1)(d)', 'wpg:1']",
                                  "grondslagen: was ['wpg:16(1)(b)'], nu []",
                                  "boom 'regel': was versie 1.0.0, nu 1.2.0",
                                  "convenant: was voorbeeld 1.0.0, nu voorbeeld 1.1.0")


def test_the_cases_command_says_a_replaced_version_is_not_counted(
        capsys: pytest.CaptureFixture[str]) -> None:
    main(["cases", "--trees", str(LIFECYCLE / "trees")])
    out = capsys.readouterr().out
    assert "regel 1.0.0: vervangen door 1.1.0, niet meegeteld" in out
    assert "regel 1.1.0: knopen" in out and "regel 1.0.0: knopen" not in out
