"""The class overview: every participant's attempts summed up per scenario and per question."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from engine.decide.evaluate import Walk
from engine.errors import DeelwijzerError, phrase
from engine.model import Library, Value, Verdict
from engine.practice.results import Results
from engine.practice.scenario import Scenario, ScenarioSet, expected
from engine.practice.score import Reveal, reveal


@dataclass(frozen=True, slots=True, kw_only=True)
class Misreading:
    """One answer that differed from the story, and how many participants gave it."""

    scenario: str
    fact: str
    answered: Value
    story: Value
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioSummary:
    scenario: Scenario
    verdict: Verdict
    regime: str
    spread: tuple[tuple[Verdict, int], ...]  # every verdict, in the model's order
    predicted: int
    correct: int
    angst: int
    ruim: int
    walked: int
    misreadings: tuple[Misreading, ...]

    @property
    def share_correct(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionSummary:
    """A fact across the set: how often an answer differed from the story, and the commonest."""

    fact: str
    count: int
    commonest: Misreading


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    set: ScenarioSet
    on: date
    participants: int
    scenarios: tuple[ScenarioSummary, ...]  # most often missed first
    questions: tuple[QuestionSummary, ...]  # most often misread first
    predictions: int
    correct: int
    angst: int
    allowed: int  # predictions made where the trees allow sharing: the base of the angst figure
    ruim: int
    restricted: int  # predictions made where they do not: the base of the opposite figure
    skipped: tuple[str, ...]  # results that could not be used, with the reason


def overview(library: Library, on: date, scenario_set: ScenarioSet,
             results: Iterable[tuple[str, Results]]) -> Overview:
    """Sum up every participant's results (name of the file, results) for this set."""
    reveals: dict[str, list[Reveal]] = {s.id: [] for s in scenario_set.scenarios}
    truths = {s.id: expected(library, on, s) for s in scenario_set.scenarios}
    skipped: list[str] = []
    people = 0
    for where, result in results:
        if result.set != scenario_set.id:
            skipped.append(f"{where}: andere set '{result.set}'")
            continue
        people += 1
        for sid, attempt in result.attempts.items():
            scenario = scenario_set.scenario(sid)
            if scenario is None:
                skipped.append(f"{where}: onbekend scenario '{sid}'")
                continue
            try:
                reveals[sid].append(reveal(library, on, scenario, attempt, truths[sid]))
            except DeelwijzerError as exc:
                skipped.append(f"{where}: {sid}: {exc}")
    summaries = [_summary(truths[s.id], s, reveals[s.id]) for s in scenario_set.scenarios]
    summaries.sort(key=lambda s: (s.share_correct if s.predicted else 2.0, -s.predicted))
    return Overview(
        set=scenario_set, on=on, participants=people, scenarios=tuple(summaries),
        questions=_questions(summaries), predictions=sum(s.predicted for s in summaries),
        correct=sum(s.correct for s in summaries), angst=sum(s.angst for s in summaries),
        allowed=sum(s.predicted for s in summaries if s.verdict.allows_sharing),
        ruim=sum(s.ruim for s in summaries),
        restricted=sum(s.predicted for s in summaries if not s.verdict.allows_sharing),
        skipped=tuple(skipped))


def _summary(walked: Walk, scenario: Scenario, reveals: list[Reveal]) -> ScenarioSummary:
    truth = walked.outcome
    if truth is None:
        raise DeelwijzerError(phrase("practice.no_outcome", scenario=scenario.id))
    votes = Counter(r.prediction.verdict for r in reveals if r.prediction is not None)
    misread = Counter((d.fact, _key(d.answered), _key(d.story or ""))
                      for r in reveals for d in r.misreadings)
    return ScenarioSummary(
        scenario=scenario, verdict=truth.verdict, regime=truth.regime.value,
        spread=tuple((v, votes.get(v, 0)) for v in Verdict), predicted=sum(votes.values()),
        correct=votes.get(truth.verdict, 0),
        angst=sum(1 for r in reveals if r.lean == "angst"),
        ruim=sum(1 for r in reveals if r.lean == "ruim"),
        walked=sum(1 for r in reveals if r.walked is not None),
        misreadings=tuple(Misreading(scenario=scenario.id, fact=f, answered=_value(a),
                                     story=_value(s), count=n)
                          for (f, a, s), n in misread.most_common()))


def _key(value: Value) -> str:
    return ",".join(value) if isinstance(value, tuple) else value


def _value(key: str) -> Value:
    return tuple(key.split(",")) if "," in key else key


def _questions(summaries: list[ScenarioSummary]) -> tuple[QuestionSummary, ...]:
    per_fact: dict[str, list[Misreading]] = {}
    for summary in summaries:
        for m in summary.misreadings:
            per_fact.setdefault(m.fact, []).append(m)
    out = [QuestionSummary(fact=fact, count=sum(m.count for m in items),
                           commonest=max(items, key=lambda m: m.count))
           for fact, items in per_fact.items()]
    out.sort(key=lambda q: (-q.count, q.fact))
    return tuple(out)
