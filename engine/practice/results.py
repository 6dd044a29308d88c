"""A participant's results file in a group folder: inputs only (seat, predictions, answers).

The trees' answers are never written: the overview walks them again. JSON-ready data in and
out; reading and writing files is the shells' job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from engine.errors import DeelwijzerError, phrase
from engine.model import Regime, Value, Verdict
from engine.practice.score import Attempt, Prediction

FORMAT = "deelwijzer-oefen/1"
#: A seat number or nickname: no names needed, and safe as a file name.
SEAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Results:
    seat: str
    set: str
    on: date
    attempts: Mapping[str, Attempt]


def check_seat(seat: str) -> str:
    if not SEAT.match(seat):
        raise DeelwijzerError(phrase("practice.bad_seat", seat=seat))
    return seat


def to_data(results: Results) -> dict[str, object]:
    return {"format": FORMAT, "seat": results.seat, "set": results.set,
            "on": results.on.isoformat(),
            "attempts": {sid: _attempt_data(a) for sid, a in results.attempts.items()}}


def _attempt_data(attempt: Attempt) -> dict[str, object]:
    p = attempt.prediction
    return {"prediction": None if p is None else {
                "verdict": p.verdict.value, "regime": p.regime.value if p.regime else None},
            "answers": {k: list(v) if isinstance(v, tuple) else v
                        for k, v in attempt.answers.items()}}


def from_data(data: object, where: str) -> Results:
    """Results read back; raises DeelwijzerError naming `where` when the file is not ours."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DeelwijzerError(phrase("practice.not_results", where=where, format=FORMAT))
    try:
        attempts = {str(sid): _attempt(str(sid), raw)
                    for sid, raw in dict(data["attempts"]).items()}
        return Results(seat=check_seat(str(data["seat"])), set=str(data["set"]),
                       on=date.fromisoformat(str(data["on"])), attempts=attempts)
    except (KeyError, TypeError, ValueError) as exc:
        raise DeelwijzerError(phrase("practice.damaged_results", where=where,
                                     detail=str(exc))) from exc


def _attempt(scenario: str, raw: Mapping[str, object]) -> Attempt:
    pred = raw.get("prediction")
    prediction = None
    if isinstance(pred, dict):
        regime = pred.get("regime")
        prediction = Prediction(verdict=Verdict(pred["verdict"]),
                                regime=Regime(regime) if regime else None)
    answers_raw = raw.get("answers") or {}
    if not isinstance(answers_raw, dict):
        raise TypeError("answers is geen mapping")
    answers: dict[str, Value] = {
        str(k): tuple(str(x) for x in v) if isinstance(v, list) else str(v)
        for k, v in answers_raw.items()}
    return Attempt(scenario=scenario, prediction=prediction, answers=answers)
