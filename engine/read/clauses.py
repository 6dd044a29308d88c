"""Build model-covenant documents into Clause objects (filling them: engine/fill.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.errors import Problem, phrase
from engine.model import (
    PLACEHOLDER,
    PLACEHOLDERS,
    Clause,
    ClauseId,
    Covenant,
    Regime,
    Scope,
    Source,
    SourceId,
    Status,
    Verdict,
)
from engine.read.build import Context, content_hash, day, req_text
from engine.read.source import Document


def build_covenant(doc: Document, sources: Mapping[SourceId, Source],
                   ) -> tuple[Covenant | None, tuple[Problem, ...]]:
    ctx = Context(doc, sources)
    data = doc.data
    clauses = []
    seen: set[str] = set()
    for i, spec in enumerate(data["clauses"]):
        path = ("clauses", i)
        if spec["id"] in seen:
            ctx.problem((*path, "id"), "clause.duplicate",
                        phrase("clause.duplicate.found", clause=spec["id"]),
                        phrase("clause.duplicate.expected"))
        seen.add(spec["id"])
        _check_placeholders(ctx, spec, path)
        clauses.append(Clause(
            id=ClauseId(spec["id"]), scope=Scope(spec["scope"]), section=spec["section"],
            title=req_text(spec["title"]), text=req_text(spec["text"]),
            citations=ctx.citations(spec["citations"], (*path, "citations")),
            regimes=tuple(Regime(r) for r in spec["serves"]["regimes"]),
            verdicts=tuple(Verdict(v) for v in spec["serves"]["verdicts"]),
            location=doc.locate(path)))
    valid_from = day(data["valid_from"], ctx, ("valid_from",))
    if valid_from is None or any(p.is_error for p in ctx.problems):
        return None, tuple(ctx.problems)
    valid_until = day(data.get("valid_until"), ctx, ("valid_until",))
    covenant = Covenant(id=data["id"], title=req_text(data["title"]), version=data["version"],
                        valid_from=valid_from, valid_until=valid_until,
                        status=Status(data["status"]), clauses=tuple(clauses), file=doc.file,
                        sha256=content_hash(data),
                        header={key: doc.locate((key,)) for key in data if key != "clauses"},
                        replaces=tuple(data.get("replaces", ())), until=valid_until)
    return covenant, tuple(ctx.problems)


def _check_placeholders(ctx: Context, spec: dict[str, Any], path: tuple[str | int, ...]) -> None:
    for lang, body in spec["text"].items():
        for name in PLACEHOLDER.findall(body):
            if name not in PLACEHOLDERS:
                ctx.problem((*path, "text", lang), "clause.placeholder",
                            phrase("clause.placeholder.found", name=name),
                            phrase("schema.one_of",
                                   items=", ".join(f"{{{p}}}" for p in PLACEHOLDERS)))
            elif spec["scope"] == "standaard":
                ctx.problem((*path, "text", lang), "clause.placeholder",
                            phrase("clause.standard.found", name=name),
                            phrase("clause.standard.expected"), phrase("clause.standard.hint"))
