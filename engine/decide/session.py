"""The answer state of an interactive walk: answer, go back, change an earlier answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from engine.decide.evaluate import Walk, normalise, walk
from engine.decide.versions import Resolution
from engine.errors import WalkError, phrase
from engine.model import FactKey, Value


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """What is known at one moment of a walk. `given` comes from a case file; `answers` from the
    person, in the order given; `remembered` holds answers taken back with 'back', offered again
    as the preselected choice but never applied by themselves."""

    start: str
    on: date
    given: Mapping[str, Value] = field(default_factory=dict)
    answers: Mapping[str, Value] = field(default_factory=dict)
    remembered: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """The session after an answer, the new walk, and the answers that fell off the path."""

    session: Session
    walk: Walk
    dropped: tuple[tuple[str, Value], ...] = ()


def current(resolution: Resolution, session: Session) -> Walk:
    return walk(resolution, session.start, session.given, session.answers)


def answer(resolution: Resolution, session: Session, fact: str, raw: object) -> Revision:
    """Answer (or change the answer to) `fact`. Later answers still on the new path are kept;
    the others are dropped and reported."""
    value = normalise(resolution.library.facts[FactKey(fact)], raw)
    answers = {**session.answers, fact: value}
    result = walk(resolution, session.start, session.given, answers)
    # The facts on the path, with the source of each derived fact on it (asked in its place).
    kept: dict[str, Value] = {key: answers[key] for key in result.facts if key in answers}
    dropped = tuple((k, v) for k, v in answers.items() if k not in kept)
    # Dropped answers are remembered: if their question comes back, they are preselected.
    remembered = {k: v for k, v in {**session.remembered, **dict(dropped)}.items()
                  if k not in kept}
    new = replace(session, answers=kept, remembered=remembered)
    return Revision(session=new, walk=result, dropped=dropped)


def back(resolution: Resolution, session: Session) -> Revision:
    """Take back the last answer given; it is remembered as the preselected choice."""
    now = current(resolution, session)
    # The answers on the path, in path order: also the source of a derived fact, which was
    # asked in the derived question's place and has no step of its own.
    asked = [fact for fact in now.facts if fact in session.answers]
    if not asked:
        return Revision(session=session, walk=now)
    last = asked[-1]
    answers = {k: v for k, v in session.answers.items() if k != last}
    remembered = {**session.remembered, last: session.answers[last]}
    new = replace(session, answers=answers, remembered=remembered)
    return Revision(session=new, walk=current(resolution, new))


def to_data(session: Session) -> dict[str, object]:
    """A JSON-ready form of a session (fact values and ids only), for resuming a walk."""

    def plain(values: Mapping[str, Value]) -> dict[str, object]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}

    return {"start": session.start, "on": session.on.isoformat(), "given": plain(session.given),
            "answers": plain(session.answers), "remembered": plain(session.remembered)}


def from_data(data: Mapping[str, object], resolution: Resolution | None = None) -> Session:
    """The session saved by `to_data`; with a resolution, every value is checked again.

    Raises WalkError (a DeelwijzerError) when a value no longer fits the vocabulary.
    """

    def values(key: str) -> dict[str, Value]:
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise WalkError(phrase("walk.saved_not_mapping", part=key))
        out: dict[str, Value] = {}
        for fact, value in raw.items():
            if resolution is not None:
                known = resolution.library.facts.get(FactKey(fact))
                if known is None:
                    raise WalkError(phrase("walk.saved_unknown_fact", fact=fact))
                out[fact] = normalise(known, value)
            else:
                out[fact] = tuple(value) if isinstance(value, list) else str(value)
        return out

    try:
        on = date.fromisoformat(str(data["on"]))
        start = str(data["start"])
    except (KeyError, ValueError) as exc:
        raise WalkError(phrase("walk.saved_damaged")) from exc
    return Session(start=start, on=on, given=values("given"), answers=values("answers"),
                   remembered=values("remembered"))
