"""The walk: a pure function of (trees, decision date, facts, answers) to a trace and its end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from engine.decide.versions import Resolution
from engine.errors import WalkError, phrase, suggest
from engine.model import (
    Citation,
    Fact,
    FactKey,
    FactType,
    Goto,
    Option,
    Outcome,
    Question,
    Text,
    Tree,
    TreeId,
    Value,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """A question on the path and how it was settled: asked now, or already known."""

    tree: Tree
    question: Question
    value: Value
    option: Option
    asked: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Transfer:
    """The walk continued in another tree."""

    tree: Tree
    goto: Goto
    target: Tree


@dataclass(frozen=True, slots=True, kw_only=True)
class Pending:
    """The walk stopped at a question whose fact is not known yet."""

    tree: Tree
    question: Question


Trace = Step | Transfer


@dataclass(frozen=True, slots=True, kw_only=True)
class Walk:
    resolution: Resolution
    start: TreeId
    steps: tuple[Trace, ...]
    end: Outcome | Pending
    tree: Tree
    known: Mapping[str, Value]

    @property
    def outcome(self) -> Outcome | None:
        return self.end if isinstance(self.end, Outcome) else None

    @property
    def pending(self) -> Pending | None:
        return self.end if isinstance(self.end, Pending) else None

    @property
    def questions(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if isinstance(s, Step))

    @property
    def settled(self) -> tuple[Step, ...]:
        """The question steps with each fact once, where it was first settled: a fact asked
        in one tree and met again in the next is one fact to count and to show, not two."""
        seen: set[str] = set()
        out = []
        for step in self.questions:
            if step.question.fact not in seen:
                seen.add(step.question.fact)
                out.append(step)
        return tuple(out)

    @property
    def asked(self) -> tuple[Step, ...]:
        return tuple(s for s in self.questions if s.asked)

    @property
    def trees(self) -> tuple[Tree, ...]:
        """Every tree version the walk used, in order of first use."""
        used = {self.resolution.tree(self.start).id: self.resolution.tree(self.start)}
        for step in self.steps:
            if isinstance(step, Transfer):
                used.setdefault(step.target.id, step.target)
        return tuple(used.values())

    @property
    def facts(self) -> dict[str, Value]:
        """The facts this walk relied on, in path order; a derived fact after its source."""
        out: dict[str, Value] = {}
        vocabulary = self.resolution.library.facts
        for s in self.questions:
            source = vocabulary[s.question.fact].derived_from
            if source is not None and source in self.known:
                out.setdefault(source, self.known[source])
            out[s.question.fact] = s.value
        return out

    @property
    def citations(self) -> tuple[Citation, ...]:
        """All citations on the path and in the outcome, each once, in order of first use;
        unverified when any of its copies says so (the first copy may be verified, a later
        one not, and the list must not hide that)."""
        cited: list[Citation] = []
        for step in self.questions:
            cited += step.question.why.citations if step.question.why else ()
            cited += step.option.citations
        if self.outcome:
            cited += self.outcome.grounds
            for cond in (*self.outcome.conditions, *self.outcome.alternatives):
                cited += cond.citations
        out: dict[str, Citation] = {}
        for c in cited:
            first = out.setdefault(c.ref, c)
            if first.verified and not c.verified:
                out[c.ref] = replace(first, verified=False)
        return tuple(out.values())


def normalise(fact: Fact, raw: object) -> Value:
    """A checked value for `fact`: a str, or for many_of a tuple in vocabulary order."""
    if fact.type is FactType.MANY_OF:
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, Sequence) else None
        if items is None or not all(isinstance(i, str) for i in items):
            raise WalkError(phrase("walk.list_expected", fact=fact.key),
                            phrase("walk.list_example"))
        bad = [i for i in items if i not in fact.values]
        if bad:
            raise WalkError(phrase("walk.no_value", value=bad[0], fact=fact.key),
                            phrase("walk.choose", values=", ".join(fact.values)))
        return tuple(v for v in fact.values if v in items)
    if not isinstance(raw, str) or raw not in fact.values:
        raise WalkError(phrase("walk.no_value", value=raw, fact=fact.key),
                        phrase("walk.choose", values=", ".join(fact.values)))
    return raw


def route(question: Question, fact: Fact, value: Value) -> Option:
    """The option a value leads to (for many_of: the first option sharing a value)."""
    chosen = set(value) if fact.type is FactType.MANY_OF else {value}
    for option in question.options:
        if chosen & set(option.values):
            return option
    if question.otherwise is None:
        raise WalkError(phrase("walk.no_next", question=question.id, value=value))
    return question.otherwise


def choices(question: Question, fact: Fact) -> tuple[tuple[str, Text], ...]:
    """The values a person can pick for `question`, with labels, in the order to show them.

    The listed options (an option's own label wins for a single value) and, with `otherwise`,
    every other value of the fact, so that the answer is recorded exactly. Always in the fact's
    own order: Ja before Nee on every question, organisations in one order in every list.
    """
    out: dict[str, Text] = {}
    for option in question.options:
        for value in option.values:
            own = option.label if option.label and len(option.values) == 1 else None
            out.setdefault(value, own or _label(fact, value))
    if question.otherwise is not None or fact.type is FactType.MANY_OF:
        for choice in fact.choices:
            out.setdefault(choice.value, choice.label)
    rank = {choice.value: i for i, choice in enumerate(fact.choices)}
    return tuple(sorted(out.items(), key=lambda item: rank.get(item[0], len(rank))))


def _label(fact: Fact, value: str) -> Text:
    return next(c.label for c in fact.choices if c.value == value)


def _fact(vocabulary: Mapping[FactKey, Fact], key: str) -> Fact:
    fact = vocabulary.get(FactKey(key))
    if fact is None:
        raise WalkError(phrase("case.unknown_fact", fact=key), suggest(key, vocabulary))
    return fact


def derive(vocabulary: Mapping[FactKey, Fact], known: dict[str, Value]) -> dict[str, Value]:
    """`known` with every derived fact whose source is known. A given derived value that
    contradicts its source is refused: the table decides, not the input."""
    for fact in vocabulary.values():
        if fact.derived_from is None or fact.derived_from not in known:
            continue
        value = fact.derive(known[fact.derived_from])
        if value is None:
            continue
        given = known.get(fact.key)
        if given is not None and given != value:
            raise WalkError(phrase("walk.derived", fact=fact.key, source=fact.derived_from,
                                   given=known[fact.derived_from], value=value, stated=given),
                            phrase("walk.derived_fix", fact=fact.key))
        known[fact.key] = value
    return known


def _on_path(vocabulary: Mapping[FactKey, Fact], steps: list[Trace]) -> dict[str, Value]:
    """The facts known on the walk's trace: those its questions settled, and what they derive."""
    return derive(vocabulary, {s.question.fact: s.value for s in steps if isinstance(s, Step)})


def _asking(vocabulary: Mapping[FactKey, Fact], question: Question) -> Question:
    """The question to put to the person: for a derived fact, its source (a derived fact is
    never asked); the options name every source value and lead back to `question`."""
    source = vocabulary[question.fact].derived_from
    if source is None:
        return question
    fact = vocabulary[source]
    return Question(id=question.id, fact=fact.key, text=fact.help or fact.label, help=None,
                    why=question.why, options=tuple(
                        Option(values=(v,), next=question.id, location=question.location)
                        for v in fact.values), otherwise=None, location=question.location)


def walk(resolution: Resolution, start: str, facts: Mapping[str, object],
         answers: Mapping[str, object] | None = None) -> Walk:
    """Walk from `start`; `facts` are known up front, `answers` were given by the user.

    An answer overrides a known fact of the same key. The walk never asks a fact twice.
    """
    answers = answers or {}
    vocabulary = resolution.library.facts
    known = derive(vocabulary, {key: normalise(_fact(vocabulary, key), raw)
                                for key, raw in {**facts, **answers}.items()})
    tree = resolution.tree(start)
    node_id = tree.start
    steps: list[Trace] = []
    consumed: set[str] = set()
    visited: set[tuple[str, str]] = set()
    while True:
        if (tree.id, node_id) in visited:
            raise WalkError(phrase("walk.cycle", tree=tree.id, node=node_id),
                            phrase("walk.cycle_fix"))
        visited.add((tree.id, node_id))
        node = tree.nodes[node_id]
        match node:
            case Outcome():  # only the grounds, conditions... whose guard the path meets
                return Walk(resolution=resolution, start=TreeId(start), steps=tuple(steps),
                            end=node.on_path(_on_path(vocabulary, steps)) if node.guarded
                            else node, tree=tree, known=known)
            case Goto():
                target = resolution.tree(node.tree)
                steps.append(Transfer(tree=tree, goto=node, target=target))
                tree, node_id = target, node.node or target.start
            case Question():
                fact = vocabulary[FactKey(node.fact)]
                value = known.get(node.fact)
                if value is None:
                    return Walk(resolution=resolution, start=TreeId(start), steps=tuple(steps),
                                end=Pending(tree=tree, question=_asking(vocabulary, node)),
                                tree=tree, known=known)
                option = route(node, fact, value)
                asked = node.fact in answers and node.fact not in consumed
                consumed.add(node.fact)
                steps.append(Step(tree=tree, question=node, value=value, option=option,
                                  asked=asked))
                node_id = option.next
