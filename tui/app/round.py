"""A practice round: its options from the command line and one participant's state.

Kept apart from the app's practice actions (tui/app/practice.py) so that the app can be built
with its options before any practice code is imported."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from engine.read.paths import trees_dir

if TYPE_CHECKING:
    from engine.practice.scenario import ScenarioSet
    from engine.practice.score import Attempt

#: What a training machine never does: write files a person names, or open them.
KIOSK_OFF = frozenset({"save", "markdown", "docx", "open_case", "open_record"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PracticeOptions:
    """From the command line: which set, the group folder, the seat, kiosk, trainer."""

    trees: Path
    set: str | None = None
    group: Path | None = None
    seat: str | None = None
    kiosk: bool = False
    trainer: bool = False
    start: bool = False  # open practice mode at start-up (deelwijzer oefen)
    lang: str | None = None  # --lang: the app's language, over the saved preference


def practice_options(args: argparse.Namespace) -> PracticeOptions:
    """Practice mode from `deelwijzer oefen` (opened at once), or from the start menu."""
    trees = args.trees if getattr(args, "trees", None) is not None else trees_dir()
    if getattr(args, "command", None) != "oefen":
        return PracticeOptions(trees=trees)
    return PracticeOptions(trees=trees, set=args.set, group=args.groep, seat=args.plaats,
                           kiosk=args.kiosk, trainer=args.trainer, start=True, lang=args.lang)


@dataclass(slots=True, kw_only=True)
class Practice:
    """One participant's round: the set, the seat, the attempts so far, the scenario walked."""

    set: ScenarioSet
    seat: str | None
    attempts: dict[str, Attempt] = field(default_factory=dict)
    current: str | None = None

    def attempt(self, scenario_id: str) -> Attempt:
        from engine.practice.score import Attempt  # noqa: PLC0415 - see the imports above

        return self.attempts.get(scenario_id) or Attempt(scenario=scenario_id)
