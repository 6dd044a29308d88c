"""The example scenario set (tests/data/example) and the fixture group folder (tests/data/groep)."""

from __future__ import annotations

from datetime import date

from engine.model import Library
from engine.practice.scenario import ScenarioSet, read_set
from tests.helpers import DATA, SCENARIOS, load_example

ON = date(2026, 6, 1)
GROUP = DATA / "groep"


def example() -> tuple[Library, ScenarioSet]:
    library = load_example().library
    scenario_set, problems = read_set(SCENARIOS / "oefen", library, ON)
    assert scenario_set is not None and not problems, problems
    return library, scenario_set
