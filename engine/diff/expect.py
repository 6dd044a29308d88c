"""Expected changes (`diff --expect FILE`): a diff passes only when it finds exactly these."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.decide.explore import Fixed
from engine.diff.cells import Cell
from engine.diff.decision import Decision
from engine.diff.samples import Sample
from engine.errors import Problem, phrase, suggest
from engine.model import FactKey, Library, Text, Value


@dataclass(frozen=True, slots=True, kw_only=True)
class Expected:
    """One declared change: what it touches and why, in words."""

    index: int
    outcome: str | None
    tree: str | None
    kind: str | None
    facts: Mapping[str, frozenset[str]]
    case: str | None
    record: str | None
    reason: Text
    line: int


Change = Cell | Sample


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """How the changes found relate to the declared ones."""

    unexpected: tuple[Change, ...]
    unmet: tuple[Expected, ...]
    met: Mapping[int, int]

    @property
    def passed(self) -> bool:
        return not self.unexpected and not self.unmet


def read_expected(path: Path, library: Library, base: Path | None = None,
                  ) -> tuple[tuple[Expected, ...], tuple[Problem, ...]]:
    """The declared changes, each checked against the vocabulary."""
    from engine.read.build import Context  # noqa: PLC0415 - reading files needs the YAML stack
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(path, "expect", base)
    if doc is None:
        return (), problems
    ctx = Context(doc)
    out = []
    for i, item in enumerate(doc.data["changes"]):
        facts = {}
        for key, raw in (item.get("facts") or {}).items():
            values = [raw] if isinstance(raw, str) else list(raw)
            fact = library.facts.get(FactKey(key))
            if fact is None:
                ctx.problem(("changes", i, "facts", key), "expect.fact",
                            phrase("case.unknown_fact", fact=key), phrase("case.fact_expected"),
                            suggest(key, library.facts))
                continue
            for value in values:
                if value not in fact.values:
                    ctx.problem(("changes", i, "facts", key), "expect.value",
                                phrase("case.value", value=value, fact=key),
                                phrase("case.one_of", values=", ".join(fact.values)),
                                suggest(value, fact.values))
            facts[key] = frozenset(values)
        reason = item["reason"]
        out.append(Expected(
            index=i + 1, outcome=item.get("outcome"), tree=item.get("tree"),
            kind=item.get("kind"), facts=facts, case=item.get("case"), record=item.get("record"),
            reason=Text(nl=reason) if isinstance(reason, str) else
            Text(nl=reason["nl"], en=reason.get("en")),
            line=doc.locate(("changes", i)).line))
    return tuple(out), tuple(ctx.problems)


def judge(expected: Sequence[Expected], found: Sequence[Change]) -> Verdict:
    """Each change found must be declared, and each declaration must have happened."""
    met: dict[int, int] = {e.index: 0 for e in expected}
    unexpected = []
    for change in found:
        hits = [e for e in expected if matches(e, change)]
        for e in hits:
            met[e.index] += 1
        if not hits:
            unexpected.append(change)
    unmet = tuple(e for e in expected if not met[e.index])
    return Verdict(unexpected=tuple(unexpected), unmet=unmet, met=met)


def matches(expected: Expected, change: Change) -> bool:
    """Whether a change found is the declared one: every key the declaration gives must hold."""
    ends = (change.before, change.after)
    if expected.kind and change.kind.value != expected.kind:
        return False
    if expected.outcome and not any(_is_end(expected.outcome, d) for d in ends):
        return False
    if expected.tree and not any(_in_tree(expected.tree, d) for d in ends):
        return False
    if isinstance(change, Sample):
        if expected.case and not (change.what == "case" and change.name == expected.case):
            return False
        if expected.record and not (change.what == "record" and
                                    expected.record in (change.name, Path(change.file).stem)):
            return False
        return all(_value_within(change.facts.get(k), v) for k, v in expected.facts.items())
    if expected.case or expected.record:
        return False
    return all(_fixed_within(change.facts.get(k), v) for k, v in expected.facts.items())


def _is_end(name: str, decision: Decision) -> bool:
    return decision.end == name or decision.end.endswith(f"/{name}")


def _in_tree(tree: str, decision: Decision) -> bool:
    trees = {decision.end.split("/")[0]} | {q.split("/")[0] for q in decision.questions}
    return tree in trees


def _fixed_within(fixed: Fixed | None, values: frozenset[str]) -> bool:
    """The path fixes the fact to some of `values` (many_of: it includes one of them)."""
    if fixed is None:
        return False
    if fixed.allowed is not None:
        return fixed.allowed <= values
    return any(need <= values for need in fixed.present)


def _value_within(value: Value | None, values: frozenset[str]) -> bool:
    if value is None:
        return False
    return bool(set(value) & values) if isinstance(value, tuple) else value in values
