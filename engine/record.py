"""Decision records: what was decided, on which tree versions, from which facts; and replay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from engine.decide.evaluate import Step, Walk, walk
from engine.decide.versions import Resolution, pinned, resolve
from engine.errors import Problem, WalkError
from engine.model import Library, Value

SCHEMA_ID = "https://deelwijzer.nl/schemas/record/1.0.0"


def make_record(result: Walk, tool_version: str) -> dict[str, Any]:
    """The record of a finished walk. Holds fact values and ids only: no names, no free text."""
    out = result.outcome
    if out is None:
        raise WalkError("alleen een afgeronde beslissing kan worden vastgelegd",
                        "beantwoord eerst alle vragen")
    covenant = result.resolution.covenant
    steps: list[dict[str, Any]] = []
    for s in result.steps:
        if isinstance(s, Step):
            steps.append({"tree": s.tree.id, "node": s.question.id, "fact": s.question.fact,
                          "asked": s.asked})
        else:
            steps.append({"tree": s.tree.id, "node": s.goto.id, "goto": s.target.id})
    return {
        "schema": SCHEMA_ID, "tool_version": tool_version,
        "decision_date": result.resolution.on.isoformat(), "start": result.start,
        "trees": [{"id": t.id, "version": t.version, "sha256": t.sha256} for t in result.trees],
        "facts": {k: list(v) if isinstance(v, tuple) else v for k, v in result.facts.items()},
        "steps": steps,
        "outcome": {"tree": result.tree.id, "node": out.id, "verdict": out.verdict.value,
                    "regime": out.regime.value},
        "clauses": list(out.clauses), "citations": [c.ref for c in result.citations],
        "covenant": f"{covenant.id} {covenant.version}" if covenant else None,
    }


def read_record(path: Path) -> tuple[dict[str, Any] | None, tuple[Problem, ...]]:
    """A decision record from a JSON file, checked against record.schema.json and for dates that
    exist (the schema checks only their shape)."""
    from engine.read.build import Context, day  # noqa: PLC0415 - reading files needs the YAML stack
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(path, "record", base=Path.cwd())
    if doc is None:
        return None, problems
    ctx = Context(doc)
    day(doc.data["decision_date"], ctx, ("decision_date",))
    if ctx.problems:
        return None, tuple(ctx.problems)
    return doc.data, problems


@dataclass(frozen=True, slots=True, kw_only=True)
class Replay:
    walk: Walk
    changed_trees: tuple[str, ...]
    differences: tuple[str, ...]
    #: Versions the record was made on that have since been replaced: kept for this replay,
    #: never used for a new decision. Not a difference: the record still replays the same.
    replaced: tuple[str, ...] = ()

    @property
    def same(self) -> bool:
        return not self.changed_trees and not self.differences


def replay(library: Library, record: dict[str, Any], today: date | None = None) -> Replay:
    """Walk the record's facts again: on its own tree versions, or on those in force `today`."""
    on = date.fromisoformat(record["decision_date"])
    versions = {t["id"]: t["version"] for t in record["trees"]}
    resolution: Resolution = pinned(library, on, versions, record.get("covenant")) \
        if today is None else resolve(library, today)
    changed = []
    for t in record["trees"]:
        now = resolution.trees.get(t["id"])
        if today is None and now is not None and now.sha256 != t["sha256"]:
            changed.append(f"boom '{t['id']}' versie {t['version']} is inhoudelijk gewijzigd "
                           "sinds dit besluit (andere sha256)")
    facts: dict[str, Value] = {k: tuple(v) if isinstance(v, list) else v
                               for k, v in record["facts"].items()}
    result = walk(resolution, record["start"], facts)
    replaced = [f"boom '{t.id}' versie {t.version} is vervangen door versie {t.superseded_by}"
                for t in result.trees if t.superseded_by]
    cov = resolution.covenant
    if cov is not None and cov.superseded_by:
        replaced.append(f"convenant '{cov.id}' versie {cov.version} is vervangen door versie "
                        f"{cov.superseded_by}")
    return Replay(walk=result, changed_trees=tuple(changed),
                  differences=tuple(_differences(record, make_or_pending(result))),
                  replaced=tuple(replaced))


def make_or_pending(result: Walk) -> dict[str, Any]:
    if result.outcome is None:
        pending = result.pending
        node = pending.question.id if pending else "?"
        cov = result.resolution.covenant
        return {"outcome": {"tree": result.tree.id, "node": node, "verdict": "(open vraag)",
                            "regime": "-"}, "clauses": [],
                "trees": [{"id": t.id, "version": t.version} for t in result.trees],
                "covenant": f"{cov.id} {cov.version}" if cov else None}
    return make_record(result, "")


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = []
    for key in ("verdict", "regime", "node"):
        if old["outcome"][key] != new["outcome"][key]:
            out.append(f"{key}: was '{old['outcome'][key]}', nu '{new['outcome'][key]}'")
    if old["clauses"] != new["clauses"]:
        out.append(f"clausules: was {old['clauses']}, nu {new['clauses']}")
    old_trees = {t["id"]: t["version"] for t in old["trees"]}
    for t in new["trees"]:
        if old_trees.get(t["id"], t["version"]) != t["version"]:
            out.append(f"boom '{t['id']}': was versie {old_trees[t['id']]}, nu {t['version']}")
    if new.get("covenant") and old.get("covenant") and old["covenant"] != new["covenant"]:
        out.append(f"convenant: was {old['covenant']}, nu {new['covenant']}")
    return out
