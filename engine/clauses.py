"""Build model-covenant documents into Clause objects, and fill a clause for a flow."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from engine.build import Context, content_hash, day, req_text
from engine.errors import Problem
from engine.model import (
    Clause,
    ClauseId,
    Covenant,
    Fact,
    FactKey,
    Regime,
    Scope,
    Source,
    SourceId,
    Status,
    Value,
    Verdict,
)
from engine.source import Document

#: Placeholders a flow clause may use; each is filled from the fact of the same name.
PLACEHOLDERS = ("verstrekker", "ontvanger", "doel", "gegevens", "regime")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
#: In running text a party's explanation in brackets is left out: "Zorgverlener (huisarts, ...)".
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_PARTIES = ("verstrekker", "ontvanger")
_REGIME_NAMES = {"avg": "AVG/UAVG", "wpg": "Wet politiegegevens",
                 "wjsg": "Wet justitiële en strafvorderlijke gegevens"}


def build_covenant(doc: Document, sources: Mapping[SourceId, Source],
                   ) -> tuple[Covenant | None, tuple[Problem, ...]]:
    ctx = Context(doc, sources)
    data = doc.data
    clauses = []
    seen: set[str] = set()
    for i, spec in enumerate(data["clauses"]):
        path = ("clauses", i)
        if spec["id"] in seen:
            ctx.problem((*path, "id"), "clause.duplicate", f"clausule '{spec['id']}' staat er "
                        "twee keer in", "elke clausule-id één keer")
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
    covenant = Covenant(id=data["id"], title=req_text(data["title"]), version=data["version"],
                        valid_from=valid_from,
                        valid_until=day(data.get("valid_until"), ctx, ("valid_until",)),
                        status=Status(data["status"]), clauses=tuple(clauses), file=doc.file,
                        sha256=content_hash(data))
    return covenant, tuple(ctx.problems)


def _check_placeholders(ctx: Context, spec: dict[str, Any], path: tuple[str | int, ...]) -> None:
    for lang, body in spec["text"].items():
        for name in _PLACEHOLDER.findall(body):
            if name not in PLACEHOLDERS:
                ctx.problem((*path, "text", lang), "clause.placeholder",
                            f"onbekende invulplaats '{{{name}}}'",
                            "een van: " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
            elif spec["scope"] == "standaard":
                ctx.problem((*path, "text", lang), "clause.placeholder",
                            f"invulplaats '{{{name}}}' in een standaardartikel",
                            "geen invulplaatsen in artikelen met scope 'standaard'",
                            "maak er een stroomartikel van (scope: stroom)")


def placeholders(clause: Clause) -> tuple[str, ...]:
    """The placeholders a clause uses, in order of first appearance."""
    names = _PLACEHOLDER.findall(clause.text.nl + (clause.text.en or ""))
    return tuple(dict.fromkeys(names))


def join(items: list[str], lang: str) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and' in English)."""
    word = " and " if lang == "en" else " en "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def fill(clause: Clause, facts: Mapping[str, Value], vocabulary: Mapping[FactKey, Fact],
         regime: Regime | None, lang: str) -> tuple[str, tuple[str, ...]]:
    """The clause text with placeholders filled, and the names it could not fill."""
    missing: list[str] = []

    def value_of(match: re.Match[str]) -> str:
        name = match[1]
        if name == "regime" and regime is not None:
            return _REGIME_NAMES[regime.value]
        value = facts.get(name)
        fact = vocabulary.get(FactKey(name))
        if value is None or fact is None:
            missing.append(name)
            return f"[{name}]"
        values = [value] if isinstance(value, str) else list(value)
        labels = [fact.label_of(v, lang) for v in values]
        if name in _PARTIES:
            labels = [_PARENTHESES.sub("", label) for label in labels]
        return join(labels, lang)

    return _PLACEHOLDER.sub(value_of, clause.text.get(lang)), tuple(dict.fromkeys(missing))
