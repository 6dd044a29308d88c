"""One attempt at a scenario: the prediction, the walk, what differs from the story, the score.

Pure: the participant's inputs (a prediction and the answers given in the walk) go in, the
trees' own walk on the story's facts is the measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from engine import citation
from engine.decide.evaluate import Walk, walk
from engine.decide.versions import resolve
from engine.errors import DeelwijzerError, phrase
from engine.model import Citation, Library, Regime, Value, Verdict
from engine.practice.scenario import Scenario, expected

#: Verdicts under which sharing is allowed; the other two hold sharing back.
#: Points: the verdict predicted, the regime predicted (only when predicted), the walk.
VERDICT_POINTS, REGIME_POINTS, WALK_POINTS = 2, 1, 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Prediction:
    verdict: Verdict
    regime: Regime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Attempt:
    """What one participant did with one scenario: the inputs only, never the answer."""

    scenario: str
    prediction: Prediction | None = None
    answers: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Difference:
    """An answer in the participant's walk next to what the story says (None: it says nothing)."""

    fact: str
    answered: Value
    story: Value | None

    @property
    def is_misreading(self) -> bool:
        return self.story is not None and _same(self.story) != _same(self.answered)


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    points: int
    maximum: int
    verdict_right: bool | None
    regime_right: bool | None
    walk_right: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Reveal:
    scenario: Scenario
    expected: Walk
    walked: Walk | None
    prediction: Prediction | None
    differences: tuple[Difference, ...]
    score: Score

    @property
    def verdict(self) -> Verdict:
        out = self.expected.outcome
        if out is None:  # read_scenario keeps only scenarios whose walk is complete
            raise DeelwijzerError(phrase("practice.no_outcome", scenario=self.scenario.id))
        return out.verdict

    @property
    def lean(self) -> str | None:
        """'angst' when the prediction held back where the trees allow sharing, 'ruim' when it
        shared where they do not; None when right or not predicted."""
        return lean(self.prediction, self.verdict)

    @property
    def misreadings(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.is_misreading)


def _same(value: Value) -> frozenset[str]:
    return frozenset(value) if isinstance(value, tuple) else frozenset((value,))


def lean(prediction: Prediction | None, verdict: Verdict) -> str | None:
    if prediction is None:
        return None
    said, truth = prediction.verdict.allows_sharing, verdict.allows_sharing
    if truth and not said:
        return "angst"
    if said and not truth:
        return "ruim"
    return None


def participant_walk(library: Library, on: date, scenario: Scenario,
                     answers: Mapping[str, Value]) -> Walk:
    """The participant's own walk: nothing known up front, only their answers."""
    return walk(resolve(library, on), scenario.start, {}, answers)


def differences(walked: Walk, scenario: Scenario) -> tuple[Difference, ...]:
    """Every answer the participant gave on their path, next to the story's fact."""
    seen: set[str] = set()
    out = []
    for step in walked.questions:
        fact = str(step.question.fact)
        if fact in seen:
            continue
        seen.add(fact)
        out.append(Difference(fact=fact, answered=step.value, story=scenario.facts.get(fact)))
    return tuple(out)


def reveal(library: Library, on: date, scenario: Scenario, attempt: Attempt,
           truth: Walk | None = None) -> Reveal:
    """The trees' answer beside the participant's prediction and walk, and the score.
    `truth` is `expected(library, on, scenario)` when the caller has it already."""
    truth = truth or expected(library, on, scenario)
    walked = participant_walk(library, on, scenario, attempt.answers) if attempt.answers else None
    diffs = differences(walked, scenario) if walked is not None else ()
    out = truth.outcome
    if out is None:
        raise DeelwijzerError(phrase("practice.no_outcome", scenario=scenario.id))
    return Reveal(scenario=scenario, expected=truth, walked=walked,
                  prediction=attempt.prediction, differences=diffs,
                  score=score(attempt.prediction, walked, out.verdict, out.regime))


def score(prediction: Prediction | None, walked: Walk | None, verdict: Verdict,
          regime: Regime) -> Score:
    verdict_right = None if prediction is None else prediction.verdict is verdict
    regime_right = (None if prediction is None or prediction.regime is None
                    else prediction.regime is regime)
    reached = walked.outcome if walked is not None else None
    walk_right = None if reached is None else reached.verdict is verdict
    points = (VERDICT_POINTS * bool(verdict_right) + REGIME_POINTS * bool(regime_right)
              + WALK_POINTS * bool(walk_right))
    maximum = VERDICT_POINTS + WALK_POINTS + (REGIME_POINTS if regime_right is not None else 0)
    return Score(points=points, maximum=maximum, verdict_right=verdict_right,
                 regime_right=regime_right, walk_right=walk_right)


def total(scores: Iterable[Score]) -> tuple[int, int]:
    """Points and maximum over a set."""
    items = list(scores)
    return sum(s.points for s in items), sum(s.maximum for s in items)


def taught(result: Reveal) -> tuple[Citation, ...]:
    """The citations on the trees' path that the teaching point names, each once: a broad
    reference (`wgs:2.23`) gives the precise ones the path holds (`wgs:2.23(1)`)."""
    path = result.expected.citations
    out: dict[str, Citation] = {}
    for ref in result.scenario.citations:
        for c in path:
            if citation.matches(ref, c.ref):
                out.setdefault(c.ref, c)
    return tuple(out.values())
