"""Derived facts: never asked, known as soon as their source is, never contradicted."""

from __future__ import annotations

from datetime import date

import pytest

from engine import Session, answer, back, justify, load, resolve, walk
from engine.decide.explore import paths
from engine.errors import WalkError
from engine.model import FactKey
from engine.record import make_record, replay
from tests.helpers import DATA

ROOT = DATA / "derived"
LOADED = load(ROOT / "trees", ROOT / "conventions", base=ROOT)
LIB = LOADED.library
RES = resolve(LIB, date(2026, 3, 1))


def test_the_fixture_loads_and_the_table_maps_every_source_value() -> None:
    assert LOADED.errors == ()
    sector = LIB.facts[FactKey("sector")]
    assert sector.derived_from == "rol"
    assert [sector.derive(v) for v in ("arts", "agent", "ambtenaar")] == [
        "privaat", "publiek", "publiek"]


@pytest.mark.parametrize(("rol", "sector", "end"), [("arts", "privaat", "belang"),
                                                     ("agent", "publiek", "taak"),
                                                     ("ambtenaar", "publiek", "taak")])
def test_a_derived_question_is_never_asked_and_takes_the_derived_option(
        rol: str, sector: str, end: str) -> None:
    result = walk(RES, "sector", {}, {"rol": rol})
    assert result.outcome is not None and result.outcome.id == end
    first, second = result.questions
    assert (first.question.fact, first.asked) == ("rol", True)
    assert (second.question.fact, second.value, second.asked) == ("sector", sector, False)
    assert [s.question.fact for s in result.asked] == ["rol"]


def test_a_derived_question_reached_before_its_source_asks_the_source() -> None:
    pending = walk(RES, "direct", {}).pending
    assert pending is not None
    assert (pending.question.id, pending.question.fact) == ("sector", "rol")
    assert [o.values for o in pending.question.options] == [("arts",), ("agent",),
                                                             ("ambtenaar",)]
    revision = answer(RES, Session(start="direct", on=RES.on), "rol", "arts")
    assert revision.session.answers == {"rol": "arts"}
    assert revision.dropped == ()
    assert revision.walk.outcome is not None and revision.walk.outcome.id == "belang"
    assert revision.walk.facts == {"rol": "arts", "sector": "privaat"}


def test_a_given_value_that_contradicts_the_table_is_refused() -> None:
    with pytest.raises(WalkError, match="feit 'sector' volgt uit 'rol' \\(arts\\) en is dan "
                                        "'privaat', niet 'publiek'"):
        walk(RES, "sector", {"rol": "arts", "sector": "publiek"})
    agreeing = walk(RES, "sector", {"rol": "arts", "sector": "privaat"})
    assert agreeing.outcome is not None and agreeing.outcome.id == "belang"


def test_records_hold_the_source_and_replay_the_same() -> None:
    result = walk(RES, "direct", {"rol": "agent"})
    record = make_record(result, "0.1.0")
    assert record["facts"] == {"rol": "agent", "sector": "publiek"}
    again = replay(LIB, record)
    assert again.same and again.walk.outcome == result.outcome


def test_the_justification_shows_the_derived_answer_as_known() -> None:
    j = justify(walk(RES, "sector", {"rol": "arts"}), "nl")
    step = j.steps[1]
    assert step.fact == "sector" and step.answer == "Private organisatie"  # type: ignore[union-attr]
    assert step.asked is False  # type: ignore[union-attr]


def test_path_enumeration_ties_a_derived_fact_to_its_source() -> None:
    found = {p.end.id: p.facts for p in paths(RES, "sector")}  # type: ignore[union-attr]
    assert found["belang"]["rol"].allowed == frozenset({"arts"})
    assert found["taak"]["rol"].allowed == frozenset({"agent", "ambtenaar"})
    direct = {p.end.id: p.facts for p in paths(RES, "direct")}  # type: ignore[union-attr]
    assert direct["belang"]["rol"].allowed == frozenset({"arts"})


def test_back_takes_back_a_source_asked_in_a_derived_questions_place() -> None:
    session = Session(start="direct", on=RES.on)
    answered = answer(RES, session, "rol", "agent")
    assert answered.walk.outcome is not None
    undone = back(RES, answered.session)
    assert undone.session.answers == {}
    assert undone.session.remembered == {"rol": "agent"}
    assert undone.walk.pending is not None and undone.walk.pending.question.fact == "rol"
