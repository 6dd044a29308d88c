"""The walk: known facts are never asked, versions follow the date, the trace is complete."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from engine import Pending, Transfer, WalkError, resolve, walk
from engine.decide.evaluate import choices
from engine.model import FactKey, NodeId, Question, Verdict
from tests.helpers import load_example

LIB = load_example().library
MARCH = resolve(LIB, date(2026, 3, 1))
AUGUST = resolve(LIB, date(2026, 8, 1))


def test_empty_walk_is_pending_at_the_first_question() -> None:
    w = walk(MARCH, "start", {})
    assert isinstance(w.end, Pending) and w.end.question.id == "gevaar"
    assert w.steps == () and w.outcome is None


def test_known_facts_are_not_asked_and_answers_are() -> None:
    w = walk(MARCH, "start", {"gevaar": "nee"}, {"rol": "arts", "gegevens": ["gezondheid"]})
    assert [(s.question.fact, s.asked) for s in w.questions] == [
        ("gevaar", False), ("rol", True), ("gegevens", True)]
    assert w.pending is not None and w.pending.question.fact == "toestemming"


def test_an_answer_overrides_a_known_fact() -> None:
    w = walk(MARCH, "start", {"gevaar": "ja"}, {"gevaar": "nee"})
    assert w.questions[0].value == "nee" and w.questions[0].asked


def test_a_fact_met_again_in_another_tree_is_known_not_asked() -> None:
    w = walk(MARCH, "start", {}, {"gevaar": "nee", "rol": "agent", "ontvanger": "politie"})
    assert isinstance(w.steps[2], Transfer) and w.steps[2].target.id == "regel"
    again = w.questions[-1]
    assert again.question.id == "terug" and again.question.fact == "gevaar" and not again.asked
    assert w.outcome is not None and w.outcome.id == "wpg_intern"


def test_settled_counts_a_fact_met_again_once_where_it_was_first_settled() -> None:
    w = walk(MARCH, "start", {}, {"gevaar": "nee", "rol": "agent", "ontvanger": "politie"})
    assert [s.question.fact for s in w.questions] == ["gevaar", "rol", "ontvanger", "gevaar"]
    assert [(s.question.id, s.asked) for s in w.settled] == [
        ("gevaar", True), ("rol", True), ("ontvanger", True)]


def test_the_version_in_force_on_the_decision_date_is_used() -> None:
    facts = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}
    march, august = walk(MARCH, "start", facts), walk(AUGUST, "start", facts)
    assert march.outcome is not None and march.outcome.verdict is Verdict.DELEN_MITS
    assert august.outcome is not None and august.outcome.verdict is Verdict.ADVIES
    assert [t.version for t in march.trees] == ["1.0.0", "1.0.0"]
    assert [t.version for t in august.trees] == ["1.0.0", "1.1.0"]


def test_many_of_takes_the_first_matching_option_else_otherwise() -> None:
    base = {"gevaar": "nee", "rol": "ambtenaar"}
    both = walk(MARCH, "start", {**base, "gegevens": ["gezondheid", "strafrechtelijk"]})
    assert both.outcome is not None and both.outcome.id == "advies"
    plain = walk(MARCH, "start", {**base, "gegevens": ["gewoon"]})
    assert plain.outcome is not None and plain.outcome.id == "delen"
    none = walk(MARCH, "start", {**base, "gegevens": []})
    assert none.outcome is not None and none.outcome.id == "delen"


def test_many_of_values_are_kept_in_vocabulary_order() -> None:
    w = walk(MARCH, "start", {"gevaar": "nee", "rol": "arts",
                              "gegevens": ["strafrechtelijk", "gewoon"]})
    assert w.questions[-1].value == ("gewoon", "strafrechtelijk")


def test_citations_collect_path_and_outcome_once_each() -> None:
    w = walk(MARCH, "start", {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"],
                              "toestemming": "ja"})
    refs = [c.ref for c in w.citations]
    assert refs == ["avg:6(1)(d)", "avg:9(2)(a)", "bw:7:457", "avg:5(1)(c)"]


@pytest.mark.parametrize(("facts", "message"), [
    ({"gevaar": "misschien"}, "'misschien' is geen waarde van feit 'gevaar'"),
    ({"gevaar": "nee", "rol": "arts", "gegevens": ["geheim"]}, "'geheim' is geen waarde"),
    ({"gevaar": ["ja"]}, "geen waarde van feit 'gevaar'"),
])
def test_impossible_values_raise_a_readable_walk_error(facts: dict[str, object],
                                                       message: str) -> None:
    with pytest.raises(WalkError, match=message):
        walk(MARCH, "start", facts)


def test_unknown_start_tree_names_the_known_ones() -> None:
    with pytest.raises(WalkError, match=r"onbekende boom 'strat'.*regel, start"):
        walk(MARCH, "strat", {})


def test_a_walk_error_is_said_in_english_too() -> None:
    with pytest.raises(WalkError) as raised:
        walk(MARCH, "start", {"gevaar": "misschien"})
    assert raised.value.text("en").startswith("'misschien' is not a value of fact 'gevaar'; "
                                              "choose from: ")
    with pytest.raises(WalkError) as raised:
        walk(MARCH, "strat", {})
    assert raised.value.text("en") == "unknown tree 'strat'; known trees: regel, start"


def test_a_date_before_the_first_version_is_refused_and_an_expired_tree_warns() -> None:
    early = resolve(LIB, date(2025, 1, 1))
    with pytest.raises(WalkError, match="geen versie die geldt op 2025-01-01"):
        walk(early, "start", {})


def test_choices_show_every_value_in_the_facts_own_order() -> None:
    tree = MARCH.tree("start")
    rol = tree.nodes[NodeId("rol")]
    assert isinstance(rol, Question)
    values = [v for v, _ in choices(rol, LIB.facts[FactKey("rol")])]
    assert values == ["agent", "arts", "ambtenaar"]  # listed option and 'otherwise' alike
    gevaar = tree.nodes[NodeId("gevaar")]
    assert isinstance(gevaar, Question)
    turned = dataclasses.replace(gevaar, options=tuple(reversed(gevaar.options)))
    assert [v for v, _ in choices(turned, LIB.facts[FactKey("gevaar")])] == ["ja", "nee"]
