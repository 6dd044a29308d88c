"""What a diff compares for one path, case or record: the decision and the reasoning on the way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from engine.decide.evaluate import Step, Transfer, Walk
from engine.decide.explore import DeadEnd, Path, Turn
from engine.model import Citation, Outcome, Question, Text

#: A condition or alternative: its text and the citations it carries.
Point = tuple[Text, tuple[str, ...]]


class Kind(Enum):
    """How a decision changed: not at all, in its outcome, in the reasoning on the way, or only
    in whether a citation it makes is verified (what a professional reads next to it)."""

    SAME = "gelijk"
    OUTCOME = "uitkomst"
    REASONING = "redenering"
    VERIFICATION = "verificatie"


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """A decision as a lawyer compares it. `end` is 'tree/node', or the problem that stopped it."""

    end: str
    verdict: str | None = None
    regime: str | None = None
    grounds: tuple[str, ...] = ()
    conditions: tuple[Point, ...] = ()
    alternatives: tuple[Point, ...] = ()
    clauses: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    reasoning: tuple[str, ...] = ()
    problem: str | None = None
    #: Every citation on the way or in the outcome that is not verified (sorted refs).
    unverified: tuple[str, ...] = ()

    @property
    def cited(self) -> frozenset[str]:
        """Every citation the decision makes: grounds, conditions, alternatives, on the way."""
        return frozenset((*self.grounds, *self.reasoning,
                          *(r for _, refs in (*self.conditions, *self.alternatives)
                            for r in refs)))


#: The aspects that make up the outcome; the others are the reasoning on the way.
OUTCOME_ASPECTS = ("end", "verdict", "regime", "grounds", "conditions", "alternatives", "clauses",
                   "problem")
REASONING_ASPECTS = ("questions", "reasoning")
VERIFICATION_ASPECTS = ("unverified",)
ASPECTS = tuple(f.name for f in fields(Decision))


def differences(before: Decision, after: Decision) -> tuple[str, ...]:
    """The aspects in which two decisions differ, in a fixed order."""
    return tuple(a for a in ASPECTS if getattr(before, a) != getattr(after, a))


def kind_of(before: Decision, after: Decision) -> Kind:
    changed = differences(before, after)
    if any(a in OUTCOME_ASPECTS and a != "end" for a in changed):
        return Kind.OUTCOME
    if changed == VERIFICATION_ASPECTS:  # the same citations, one verified or no longer
        return Kind.VERIFICATION
    # A renamed outcome with the same content is a change in the reasoning, not the decision.
    return Kind.REASONING if changed else Kind.SAME


def failed(problem: str) -> Decision:
    """A decision that could not be made (unknown value, missing tree...)."""
    return Decision(end="", problem=problem)


def of_path(path: Path) -> Decision:
    return _decide(path.legs, path.end, path.tree.id)


def of_walk(walk: Walk) -> Decision:
    if walk.outcome is None:
        pending = walk.pending
        fact = pending.question.fact if pending else "?"
        return failed(f"open vraag '{fact}'")
    return _decide(walk.steps, walk.outcome, walk.tree.id)


def _decide(legs: Iterable[Turn | Step | Transfer], end: Outcome | DeadEnd, tree: str,
            ) -> Decision:
    questions: list[str] = []
    reasoning: list[Citation] = []
    for leg in legs:
        if isinstance(leg, Transfer):
            questions.append(f"→ {leg.target.id}")
            continue
        questions.append(f"{leg.tree.id}/{leg.question.id}")
        reasoning.extend(_on_the_way(leg.question, leg.option.citations))
    refs = tuple(dict.fromkeys(c.ref for c in reasoning))
    if isinstance(end, DeadEnd):
        return Decision(end=f"{tree}/{end.node}", problem=end.reason, questions=tuple(questions),
                        reasoning=refs, unverified=_unverified(reasoning))
    cited = [*reasoning, *end.grounds,
             *(c for item in (*end.conditions, *_alternatives(end)) for c in item.citations)]
    return Decision(
        end=f"{tree}/{end.id}", verdict=end.verdict.value, regime=end.regime.value,
        grounds=_refs(end.grounds),
        conditions=tuple((c.text, _refs(c.citations)) for c in end.conditions),
        alternatives=tuple((a.text, _refs(a.citations)) for a in _alternatives(end)),
        clauses=tuple(end.clauses), questions=tuple(questions), reasoning=refs,
        unverified=_unverified(cited))


def _on_the_way(question: Question, option_citations: tuple[Citation, ...],
                ) -> list[Citation]:
    why = question.why.citations if question.why else ()
    return [*why, *option_citations]


def _unverified(citations: Iterable[Citation]) -> tuple[str, ...]:
    return tuple(sorted({c.ref for c in citations if not c.verified}))


def _refs(citations: Iterable[Citation]) -> tuple[str, ...]:
    return tuple(c.ref for c in citations)


def _alternatives(outcome: Outcome) -> tuple[Any, ...]:
    """The outcome's alternatives once the model has them (LEGAL-FORMAT.md, point 3)."""
    return tuple(getattr(outcome, "alternatives", ()))
