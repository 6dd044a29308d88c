"""Back and change: the engine keeps the answers still on the path and reports the others."""

from __future__ import annotations

from datetime import date

import pytest

from engine import Session, WalkError, answer, back, resolve
from engine.decide.session import current, from_data, to_data
from tests.helpers import load_example

RES = resolve(load_example().library, date(2026, 3, 1))


def _answered(*pairs: tuple[str, object]) -> Session:
    session = Session(start="start", on=RES.on)
    for fact, value in pairs:
        session = answer(RES, session, fact, value).session
    return session


def test_answers_accumulate_in_path_order() -> None:
    s = _answered(("gevaar", "nee"), ("rol", "arts"), ("gegevens", ["gezondheid"]))
    assert list(s.answers) == ["gevaar", "rol", "gegevens"]
    assert current(RES, s).pending.question.fact == "toestemming"  # type: ignore[union-attr]


def test_changing_an_early_answer_keeps_answers_still_on_the_path() -> None:
    s = _answered(("gevaar", "nee"), ("rol", "arts"), ("gegevens", ["gezondheid"]),
                  ("toestemming", "ja"))
    revision = answer(RES, s, "rol", "ambtenaar")  # same path: rol 'otherwise' -> gegevens
    assert revision.dropped == ()
    assert revision.walk.outcome is not None and revision.walk.outcome.id == "delen_mits"


def test_changing_an_answer_drops_and_reports_what_left_the_path() -> None:
    s = _answered(("gevaar", "nee"), ("rol", "arts"), ("gegevens", ["gezondheid"]),
                  ("toestemming", "nee"))
    revision = answer(RES, s, "gevaar", "ja")
    assert revision.walk.outcome is not None and revision.walk.outcome.id == "bel_112"
    assert revision.dropped == (("rol", "arts"), ("gegevens", ("gezondheid",)),
                                ("toestemming", "nee"))
    assert list(revision.session.answers) == ["gevaar"]
    assert revision.session.remembered == {"rol": "arts", "gegevens": ("gezondheid",),
                                           "toestemming": "nee"}
    back_again = answer(RES, revision.session, "gevaar", "nee")
    assert back_again.walk.pending is not None
    assert back_again.walk.pending.question.fact == "rol"
    assert back_again.session.answers == {"gevaar": "nee"}, "remembered is never applied"


def test_back_takes_back_the_last_answer_and_remembers_it() -> None:
    s = _answered(("gevaar", "nee"), ("rol", "arts"))
    revision = back(RES, s)
    assert list(revision.session.answers) == ["gevaar"]
    assert revision.session.remembered == {"rol": "arts"}
    assert revision.walk.pending is not None and revision.walk.pending.question.fact == "rol"
    again = answer(RES, revision.session, "rol", "agent")
    assert again.session.remembered == {}


def test_back_at_the_start_changes_nothing() -> None:
    s = Session(start="start", on=RES.on)
    assert back(RES, s).session == s


def test_back_never_takes_back_facts_from_a_case_file() -> None:
    s = Session(start="start", on=RES.on, given={"gevaar": "nee"})
    s = answer(RES, s, "rol", "arts").session
    once = back(RES, s)
    revision = back(RES, once.session)  # nothing asked is left: the case facts stay
    assert revision.session == once.session
    assert revision.session.given == {"gevaar": "nee"}
    assert revision.walk.pending is not None and revision.walk.pending.question.fact == "rol"


def test_a_session_survives_a_round_trip_through_json_data() -> None:
    s = _answered(("gevaar", "nee"), ("rol", "arts"), ("gegevens", ["gezondheid", "gewoon"]))
    s = back(RES, s).session
    restored = from_data(to_data(s), RES)
    assert restored == s


@pytest.mark.parametrize("data", [
    {"start": "start"},
    {"start": "start", "on": "gisteren"},
    {"start": "start", "on": "2026-03-01", "answers": {"gevaar": "misschien"}},
    {"start": "start", "on": "2026-03-01", "answers": {"kleur": "rood"}},
    {"start": "start", "on": "2026-03-01", "answers": ["gevaar"]},
])
def test_damaged_saved_sessions_raise_a_walk_error(data: dict[str, object]) -> None:
    with pytest.raises(WalkError):
        from_data(data, RES)
