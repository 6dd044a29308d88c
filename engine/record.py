"""Decision records: what was decided, on which tree versions, from which facts; and replay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from engine.decide.evaluate import Step, Walk, walk
from engine.decide.versions import Resolution, pinned, resolve
from engine.errors import (
    Location,
    Phrase,
    Problem,
    Severity,
    WalkError,
    error_phrase,
    phrase,
    problem,
)
from engine.model import Library, Value
from engine.seal import check, sealed

SCHEMA_ID = "https://deelwijzer.nl/schemas/record/1.1.0"

#: What each sealed field holds, for messages that name a changed field (in words: Dutch as a
#: string, English too through the catalogue).
FIELDS: dict[str, Phrase] = {name: phrase(f"record.field.{name}") for name in (
    "schema", "tool_version", "decision_date", "start", "trees", "facts", "steps", "outcome",
    "grounds", "clauses", "citations", "covenant", "seal")}


def make_record(result: Walk, tool_version: str) -> dict[str, Any]:
    """The sealed record of a finished walk. Holds fact values and ids only: no names, no free
    text."""
    out = result.outcome
    if out is None:
        raise WalkError(phrase("record.unfinished"), phrase("record.unfinished_fix"))
    covenant = result.resolution.covenant
    return sealed({
        "schema": SCHEMA_ID, "tool_version": tool_version,
        "decision_date": result.resolution.on.isoformat(), "start": result.start,
        "trees": [{"id": t.id, "version": t.version, "sha256": t.sha256} for t in result.trees],
        "facts": {k: list(v) if isinstance(v, tuple) else v for k, v in result.facts.items()},
        "steps": _steps(result),
        "outcome": {"tree": result.tree.id, "node": out.id, "verdict": out.verdict.value,
                    "regime": out.regime.value},
        "grounds": [c.ref for c in out.grounds],
        "clauses": list(out.clauses), "citations": [c.ref for c in result.citations],
        "covenant": f"{covenant.id} {covenant.version}" if covenant else None,
    })


def _steps(result: Walk) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    for s in result.steps:
        if isinstance(s, Step):
            steps.append({"tree": s.tree.id, "node": s.question.id, "fact": s.question.fact,
                          "asked": s.asked})
        else:
            steps.append({"tree": s.tree.id, "node": s.goto.id, "goto": s.target.id})
    return steps


def read_record(path: Path) -> tuple[dict[str, Any] | None, tuple[Problem, ...]]:
    """A decision record from a JSON file, checked against record.schema.json, its seal, and
    for dates that exist (the schema checks only their shape).

    A record whose content no longer matches its seal is refused, with a problem per changed
    field; a record made before seals is returned with a warning that it is unsealed."""
    from engine.read.build import Context, day  # noqa: PLC0415 - reading files needs the YAML stack
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(path, "record", base=Path.cwd())
    if doc is None:
        return None, problems
    seal = check(doc.data)
    broken = tuple(problem(
        doc.locate((name,)), "record.seal",
        phrase("record.seal_differs", name=name, label=FIELDS.get(name, name)),
        phrase("record.seal_expected"), phrase("record.seal_fix"))
        for name in seal.differs)
    if broken:
        return None, broken
    ctx = Context(doc)
    day(doc.data["decision_date"], ctx, ("decision_date",))
    if ctx.problems:
        return None, tuple(ctx.problems)
    if not seal.is_sealed:
        return doc.data, (*problems, problem(
            Location(file=doc.file, line=1, column=1), "record.unsealed",
            phrase("record.unsealed"), phrase("record.unsealed_expected"),
            phrase("record.unsealed_fix"), Severity.WARNING))
    return doc.data, problems


@dataclass(frozen=True, slots=True, kw_only=True)
class Replay:
    walk: Walk
    changed_trees: tuple[str, ...]  # Phrases: Dutch as strings, `.said(lang)` in either
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
    changed: list[str] = []
    for t in record["trees"]:
        now = resolution.trees.get(t["id"])
        if today is None and now is not None and now.sha256 != t["sha256"]:
            changed.append(phrase("record.tree_changed", tree=t["id"], version=t["version"]))
    facts: dict[str, Value] = {k: tuple(v) if isinstance(v, list) else v
                               for k, v in record["facts"].items()}
    result = walk(resolution, record["start"], facts)
    replaced = [phrase("record.tree_replaced", tree=t.id, version=t.version, by=t.superseded_by)
                for t in result.trees if t.superseded_by]
    cov = resolution.covenant
    if cov is not None and cov.superseded_by:
        replaced.append(phrase("record.covenant_replaced", covenant=cov.id, version=cov.version,
                               by=cov.superseded_by))
    return Replay(walk=result, changed_trees=tuple(changed),
                  differences=tuple(_differences(record, make_or_pending(result))),
                  replaced=tuple(replaced))


def verified(library: Library, record: dict[str, Any], file: str,
             ) -> tuple[Replay | None, tuple[Problem, ...]]:
    """The replay of a record on its own tree versions, and the problems that make the record
    unfit as the basis of a covenant or an export: a replay that decides differently (error;
    then no replay is returned), a tree changed since (warning)."""
    at = Location(file=file, line=1, column=1)
    try:
        again = replay(library, record)
    except WalkError as exc:
        return None, (problem(at, "record.replay",
                              phrase("record.unplayable", error=error_phrase(exc)),
                              phrase("record.unplayable_expected")),)
    hint = phrase("record.see_replay")
    changed = tuple(problem(at, "record.changed", line, phrase("record.unchanged_tree"), hint,
                            Severity.WARNING) for line in again.changed_trees)
    differs = tuple(problem(at, "record.replay", phrase("record.differs", line=line),
                            phrase("record.differs_expected"), hint)
                    for line in again.differences)
    return (None if differs else again), (*differs, *changed)


def make_or_pending(result: Walk) -> dict[str, Any]:
    if result.outcome is None:
        pending = result.pending
        node = pending.question.id if pending else "?"
        cov = result.resolution.covenant
        return {"outcome": {"tree": result.tree.id, "node": node, "verdict": "(open vraag)",
                            "regime": "-"}, "clauses": [],
                "trees": [{"id": t.id, "version": t.version} for t in result.trees],
                "covenant": f"{cov.id} {cov.version}" if cov else None,
                "steps": _steps(result), "citations": [c.ref for c in result.citations],
                "grounds": []}
    return make_record(result, "")


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What the replayed walk gives that the record does not say: its outcome, the path to it,
    the clauses, the citations and grounds (when the record has them), the tree versions."""
    out: list[str] = []
    for key in ("verdict", "regime", "node"):
        if old["outcome"][key] != new["outcome"][key]:
            out.append(phrase("record.was_quoted", what=key, was=old["outcome"][key],
                              now=new["outcome"][key]))
    out.extend(_step_difference(old["steps"], new["steps"]))
    for key in ("clauses", "citations", "grounds"):
        if key in old and old[key] != new[key]:
            out.append(phrase("record.was", what=FIELDS[key], was=old[key], now=new[key]))
    old_trees = {t["id"]: t["version"] for t in old["trees"]}
    for t in new["trees"]:
        if old_trees.get(t["id"], t["version"]) != t["version"]:
            out.append(phrase("record.was_version", tree=t["id"], was=old_trees[t["id"]],
                              now=t["version"]))
    if new.get("covenant") and old.get("covenant") and old["covenant"] != new["covenant"]:
        out.append(phrase("record.was", what=phrase("record.covenant"), was=old["covenant"],
                          now=new["covenant"]))
    return out


def _step_difference(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    """The first step where the record and the replay part ways, if any. Whether a fact was
    asked is not compared: on a replay every fact is known beforehand."""
    for number, (was, now) in enumerate(zip(old, new, strict=False), start=1):
        if _path(was) != _path(now):
            return [phrase("record.was", what=phrase("record.step", number=number),
                           was=_step(was), now=_step(now))]
    if len(old) != len(new):
        return [phrase("record.was", what=FIELDS["steps"], was=len(old), now=len(new))]
    return []


def _path(step: dict[str, Any]) -> tuple[object, ...]:
    return tuple(step.get(key) for key in ("tree", "node", "fact", "goto"))


def _step(step: dict[str, Any]) -> str:
    return "/".join(str(step.get(key, "?")) for key in ("tree", "node"))
