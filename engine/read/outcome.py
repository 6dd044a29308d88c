"""Build an outcome node: its grounds, conditions, alternatives and clauses, each maybe guarded.

Any item may carry `when: {fact: value | [values]}`: it applies only on a path where every named
fact is known with one of the values. The guard is checked against the vocabulary here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engine.errors import phrase, suggest
from engine.model import (
    Citation,
    ClauseId,
    Condition,
    Fact,
    FactKey,
    Guard,
    NodeId,
    Outcome,
    Regime,
    Text,
    Verdict,
)

if TYPE_CHECKING:
    from engine.read.build import Context
    from engine.read.source import Path_


def build_outcome(ctx: Context, facts: Mapping[FactKey, Fact], node_id: NodeId,
                  spec: dict[str, Any], path: Path_) -> Outcome:
    grounds: list[Citation] = []
    for i, item in enumerate(spec["grounds"]):
        guarded = isinstance(item, dict) and "citation" in item
        here = (*path, "grounds", i)
        found = ctx.citation(item["citation"], (*here, "citation")) if guarded \
            else ctx.citation(item, here)
        if found is not None:
            grounds.append(replace(found, when=guard(ctx, facts, item["when"], (*here, "when")))
                           if guarded else found)
    clauses, clause_when = [], []
    for i, item in enumerate(spec.get("clauses", ())):
        guarded = isinstance(item, dict)
        clauses.append(ClauseId(item["clause"] if guarded else item))
        clause_when.append(guard(ctx, facts, item["when"], (*path, "clauses", i, "when"))
                           if guarded else ())
    outcome = Outcome(id=node_id, verdict=Verdict(spec["verdict"]), regime=Regime(spec["regime"]),
                   summary=_text(spec["summary"]), grounds=tuple(grounds),
                   conditions=_points(ctx, facts, spec, "conditions", path),
                   alternatives=_points(ctx, facts, spec, "alternatives", path),
                   clauses=tuple(clauses),
                   clause_when=tuple(clause_when) if any(clause_when) else (),
                   advice=_text(spec["advice"]) if "advice" in spec else None,
                   location=ctx.doc.locate(path), review_note=_note(spec))
    return replace(outcome, guarded=any(outcome.guards))


def _points(ctx: Context, facts: Mapping[FactKey, Fact], spec: dict[str, Any], key: str,
            path: Path_) -> tuple[Condition, ...]:
    return tuple(
        Condition(text=_text(c["text"]),
                  citations=ctx.citations(c.get("citations"), (*path, key, i, "citations")),
                  when=guard(ctx, facts, c["when"], (*path, key, i, "when")) if "when" in c
                  else (), review_note=_note(c))
        for i, c in enumerate(spec.get(key, ())))


def guard(ctx: Context, facts: Mapping[FactKey, Fact], spec: Mapping[str, Any],
          path: Path_) -> Guard:
    """A checked guard: every fact exists and every value belongs to it (else a problem)."""
    out = []
    for name, raw in spec.items():
        fact = facts.get(FactKey(name))
        if fact is None:
            ctx.problem((*path, name), "when.fact", phrase("when.unknown", name=name),
                        phrase("derived.vocabulary"), suggest(name, facts))
            continue
        values = (raw,) if isinstance(raw, str) else tuple(raw)
        for i, value in enumerate(values):
            if value not in fact.values:
                where = (*path, name) if isinstance(raw, str) else (*path, name, i)
                ctx.problem(where, "when.value", phrase("when.value", value=value, fact=name),
                            phrase("schema.one_of", items=", ".join(fact.values)),
                            suggest(value, fact.values))
        out.append((fact.key, values))
    return tuple(out)


def _note(spec: Mapping[str, Any]) -> Text | None:
    """An item's note for the reviewer (`review_note`), if it has one."""
    return _text(spec["review_note"]) if "review_note" in spec else None


def _text(data: Mapping[str, str]) -> Text:
    return Text(nl=data["nl"], en=data.get("en"))
