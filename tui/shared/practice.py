"""Finding and reading a scenario set for the shells (the CLI and the app)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import Problem, UsageError
from engine.model import Library
from engine.read.paths import set_folders

if TYPE_CHECKING:
    from engine.practice.scenario import ScenarioSet

DEFAULT_SET = "basis"


def set_names(trees: Path) -> list[str]:
    return [folder.name for folder in set_folders(trees)]


def find_set(trees: Path, name: str | None) -> Path:
    """The folder of set `name`; without a name the only set, or 'basis'."""
    folders = {folder.name: folder for folder in set_folders(trees)}
    if not folders:
        raise UsageError(f"geen scenariosets gevonden in {trees / 'scenarios'} / no scenario sets")
    if name is None:
        name = next(iter(folders)) if len(folders) == 1 else DEFAULT_SET
    if name not in folders:
        raise UsageError(f"onbekende scenarioset '{name}' / unknown scenario set",
                         "kies uit: " + ", ".join(folders))
    return folders[name]


def load_set(trees: Path, name: str | None, library: Library, on: date,
             ) -> tuple[ScenarioSet, tuple[Problem, ...]]:
    """The set, checked; raises UsageError when it has no usable scenario at all."""
    from engine.practice.scenario import read_set  # noqa: PLC0415 - the app offers practice
    # on its start screen (set_names) without loading the practice code

    folder = find_set(trees, name)
    scenario_set, problems = read_set(folder, library, on)
    if scenario_set is None or not scenario_set.scenarios:
        raise UsageError(f"scenarioset '{folder.name}' is niet te gebruiken: "
                         + "; ".join(str(p) for p in problems if p.is_error)[:2000],
                         "deelwijzer check toont alle problemen")
    return scenario_set, problems
