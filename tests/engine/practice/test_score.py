"""Scoring one attempt: the prediction, the walk, and where the answers differ from the story."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import DeelwijzerError
from engine.model import FactType, Regime, Value, Verdict
from engine.practice.results import Results, check_seat, from_data, to_data
from engine.practice.scenario import Scenario
from engine.practice.score import Attempt, Prediction, lean, reveal, total
from tests.engine.practice.fixtures import ON, example


def test_reveal_lists_the_answers_that_differ_from_the_story() -> None:
    library, scenarios = example()
    scenario = scenarios.scenario("zonder-toestemming")
    assert scenario is not None
    attempt = Attempt(scenario=scenario.id, prediction=Prediction(verdict=Verdict.NIET_DELEN),
                      answers={"gevaar": "nee", "rol": "arts", "gegevens": ("gezondheid",),
                               "toestemming": "ja"})
    result = reveal(library, ON, scenario, attempt)
    assert result.verdict is Verdict.NIET_DELEN  # the trees, on the story's facts
    assert result.walked is not None and result.walked.outcome is not None
    assert result.walked.outcome.verdict is Verdict.DELEN_MITS  # the participant's own walk
    assert [(d.fact, d.answered, d.story) for d in result.misreadings] == [
        ("toestemming", "ja", "nee")]
    assert [d.fact for d in result.differences] == ["gevaar", "rol", "gegevens", "toestemming"]
    assert (result.score.points, result.score.maximum) == (2, 3)
    assert result.score.walk_right is False and result.lean is None


def test_an_answer_the_story_is_silent_about_is_not_a_misreading() -> None:
    library, scenarios = example()
    scenario = scenarios.scenario("gewoon")
    assert scenario is not None
    result = reveal(library, ON, scenario, Attempt(scenario=scenario.id, answers={
        "gevaar": "nee", "rol": "arts", "gegevens": ("gezondheid",), "toestemming": "ja"}))
    silent = [d for d in result.differences if d.story is None]
    assert [d.fact for d in silent] == ["toestemming"]
    assert [d.fact for d in result.misreadings] == ["rol", "gegevens"]
    assert result.prediction is None and result.score.verdict_right is None


def test_score_counts_verdict_regime_and_walk() -> None:
    library, scenarios = example()
    scenario = scenarios.scenario("gewoon")
    assert scenario is not None
    right = reveal(library, ON, scenario, Attempt(
        scenario=scenario.id, prediction=Prediction(verdict=Verdict.DELEN, regime=Regime.AVG),
        answers=dict(scenario.facts)))
    assert (right.score.points, right.score.maximum) == (4, 4)
    wrong = reveal(library, ON, scenario, Attempt(
        scenario=scenario.id, prediction=Prediction(verdict=Verdict.ADVIES, regime=Regime.WPG)))
    assert (wrong.score.points, wrong.score.maximum) == (0, 4)
    assert wrong.lean == "angst"
    assert total([right.score, wrong.score]) == (4, 8)


@pytest.mark.parametrize(("said", "truth", "expected"), [
    (Verdict.NIET_DELEN, Verdict.DELEN_MITS, "angst"), (Verdict.ADVIES, Verdict.DELEN, "angst"),
    (Verdict.DELEN, Verdict.NIET_DELEN, "ruim"), (Verdict.DELEN_MITS, Verdict.ADVIES, "ruim"),
    (Verdict.DELEN, Verdict.DELEN_MITS, None), (Verdict.ADVIES, Verdict.NIET_DELEN, None)])
def test_lean_names_avg_angst_and_its_opposite(said: Verdict, truth: Verdict,
                                               expected: str | None) -> None:
    assert lean(Prediction(verdict=said), truth) == expected


def test_results_round_trip_and_refuse_what_is_not_theirs() -> None:
    results = Results(seat="12", set="oefen", on=ON, attempts={"gewoon": Attempt(
        scenario="gewoon", prediction=Prediction(verdict=Verdict.DELEN, regime=Regime.AVG),
        answers={"gegevens": ("gewoon",), "gevaar": "nee"})})
    assert from_data(to_data(results), "12.json") == results
    with pytest.raises(DeelwijzerError, match=r"x\.json: geen resultatenbestand"):
        from_data({"seat": "1"}, "x.json")
    with pytest.raises(DeelwijzerError, match=r"x\.json: resultatenbestand is beschadigd"):
        from_data({**to_data(results), "attempts": {"gewoon": {"prediction": {
            "verdict": "misschien"}}}}, "x.json")
    with pytest.raises(DeelwijzerError, match="plaatsnummer of bijnaam"):
        check_seat("../etc/passwd")


_LIBRARY, _SCENARIOS = example()


def _answers() -> st.SearchStrategy[dict[str, Value]]:
    """Any answers a participant could give: a subset of the facts that are asked (a derived
    fact never is: it follows from its source), any of their values."""
    items = {}
    for key, fact in _LIBRARY.facts.items():
        if fact.derived_from is not None:
            continue
        values = st.sampled_from(fact.values)
        items[str(key)] = (st.lists(values, min_size=1, unique=True).map(tuple)
                           if fact.type is FactType.MANY_OF else values)
    return st.fixed_dictionaries({}, optional=items)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_SCENARIOS.scenarios), st.none() | st.sampled_from(list(Verdict)),
       _answers())
def test_any_attempt_scores_within_bounds_and_compares_only_what_was_asked(
        scenario: Scenario, verdict: Verdict | None, answers: dict[str, Value]) -> None:
    prediction = Prediction(verdict=verdict) if verdict else None
    result = reveal(_LIBRARY, ON, scenario, Attempt(scenario=scenario.id, prediction=prediction,
                                                     answers=answers))
    assert 0 <= result.score.points <= result.score.maximum
    asked = {str(s.question.fact) for s in result.walked.questions} if result.walked else set()
    assert {d.fact for d in result.differences} == asked
    for d in result.misreadings:
        assert d.story is not None and d.answered != scenario.facts[d.fact]
