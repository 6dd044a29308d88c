"""The shipped scenario sets: clean, complete, and covering the mix a workshop needs.

Expected verdicts are never written here: they come from the engine on today's trees, so these
tests keep holding when the trees change, as long as the scenarios still fit them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from engine.model import Library, Verdict
from engine.practice.scenario import ScenarioSet, expected, read_set
from engine.read.loader import load
from engine.read.paths import conventions_dir, set_folders, trees_dir
from tests.helpers import copy_example, load_example, with_scenarios

ON = date.today()  # the date a trainer would run the set on


@pytest.fixture(scope="module")
def shipped() -> tuple[Library, ScenarioSet]:
    library = load(trees_dir(), conventions_dir()).library
    folders = set_folders(trees_dir())
    assert [f.name for f in folders] == ["basis"]
    scenario_set, problems = read_set(folders[0], library, ON)
    assert scenario_set is not None
    assert [str(p) for p in problems] == []
    return library, scenario_set


def test_the_first_set_has_at_least_sixteen_scenarios(shipped: tuple[Library, ScenarioSet]) -> None:
    assert len(shipped[1].scenarios) >= 16


def test_the_first_set_covers_the_workshop_mix(shipped: tuple[Library, ScenarioSet]) -> None:
    library, scenario_set = shipped
    outcomes = {s.id: expected(library, ON, s).outcome for s in scenario_set.scenarios}
    verdicts = [o.verdict for o in outcomes.values() if o is not None]
    assert len(verdicts) == len(scenario_set.scenarios), "every scenario reaches an outcome"
    assert set(verdicts) == set(Verdict), "all four verdicts"
    assert sum(v in (Verdict.DELEN, Verdict.DELEN_MITS) for v in verdicts) >= 6
    kinds = {s.exploitation for s in scenario_set.scenarios}
    assert kinds == {"arbeid", "seksueel", "crimineel"}
    facts = [s.facts for s in scenario_set.scenarios]
    roles = {f.get("verstrekker") for f in facts} | {f.get("ontvanger") for f in facts}
    assert {"gemeente", "politie", "om", "nla_inspectie", "comensha"} <= roles
    assert roles & {"zorgverlener", "jeugdhulp", "hulpverlener"}, "care"
    assert any(f.get("gevaar") == "acuut" for f in facts), "acute danger"
    assert any(f.get("samenwerkingsverband") == "wgs" and f.get("doel") == "casusoverleg"
               for f in facts), "a WGS case meeting"
    assert any(f.get("minderjarig") == "ja" and s.exploitation == "seksueel"
               for s, f in zip(scenario_set.scenarios, facts, strict=True)), "loverboy minor"


def test_stories_are_b1_length_and_name_no_one(shipped: tuple[Library, ScenarioSet]) -> None:
    for s in shipped[1].scenarios:
        assert 80 <= len(s.story.nl.split()) <= 150, s.id
        assert s.story.en and s.teaching.en and s.misconception.en, s.id


def test_a_scenario_set_is_walked_on_its_own_date_when_it_has_one(tmp_path: Path) -> None:
    root = with_scenarios(copy_example(tmp_path))
    set_file = root / "trees" / "scenarios" / "oefen" / "set.yaml"
    set_file.write_text(set_file.read_text(encoding="utf-8") + "date: '2025-01-01'\n",
                        encoding="utf-8")
    library = load_example(root).library
    scenario_set, problems = read_set(set_file.parent, library, date(2026, 6, 1), base=root)
    assert scenario_set is not None and scenario_set.date == date(2025, 1, 1)
    # no tree is in force in 2025: every scenario is reported, none is kept
    assert scenario_set.scenarios == ()
    assert {p.code for p in problems} >= {"scenario.walk", "scenario.empty"}
