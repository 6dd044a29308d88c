"""Messages the screens send up to the app; the app alone talks to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from engine.model import Value

if TYPE_CHECKING:  # the practice code is loaded only for practice (tui/app/practice.py)
    from engine.practice.score import Prediction


@dataclass
class Answered(Message):
    """The person chose `value` for `fact` (a new answer, or a change from the review)."""

    fact: str
    value: Value


@dataclass
class WentBack(Message):
    """Take back the last answer."""


@dataclass
class Continue(Message):
    """Leave the review: go on to the open question or the outcome."""


@dataclass
class SaveFailed(Message):
    """The walk in progress could not be saved (posted from the saving thread)."""

    reason: str


@dataclass
class ScenarioChosen(Message):
    """Practice: open this scenario's story."""

    scenario: str


@dataclass
class Predicted(Message):
    """Practice: the participant's prediction for a scenario."""

    scenario: str
    prediction: Prediction


@dataclass
class WalkScenario(Message):
    """Practice: walk the trees for this scenario, answering from its story."""

    scenario: str


@dataclass
class RevealLeft(Message):
    """Practice: back to the list from the reveal; `following` is the scenario to open next."""

    following: str | None


@dataclass
class ParticipantDone(Message):
    """Kiosk: the participant is done; forget everything and start clean for the next one."""


@dataclass
class Ticked(Message):
    """A condition of the result's checklist was ticked off (`checked`) or not."""

    index: int
    checked: bool
