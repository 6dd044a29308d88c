"""Messages the screens send up to the app; the app alone talks to the engine."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from engine.model import Value


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
