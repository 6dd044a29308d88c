"""Derived facts: a fact whose value follows from another fact by a fixed table, never asked.

`verstrekker_sector` follows from `verstrekker` (gemeente -> publiek, particulier -> privaat).
The table must map every value of the source fact to a value of the derived fact, so that the
derived value is known as soon as the source value is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from engine.errors import Location, Problem, phrase, problem, suggest
from engine.model import Fact, FactKey, FactType
from engine.read.source import Document


def check(doc: Document, facts: Mapping[FactKey, Fact]) -> Iterator[Problem]:
    """Every problem with a derived fact in facts.yaml, located."""
    for key, spec in doc.data["facts"].items():
        if "derived_from" in spec:
            yield from _check(doc, facts, FactKey(key), spec)


def _check(doc: Document, facts: Mapping[FactKey, Fact], key: FactKey, spec: dict[str, Any],
           ) -> Iterator[Problem]:
    def at(*path: str) -> Location:
        return doc.locate(("facts", key, *path))

    fact, name = facts[key], spec["derived_from"]
    source = facts.get(FactKey(name))
    if fact.type is FactType.MANY_OF:
        yield problem(at("type"), "fact.derived", phrase("derived.many", derived=key),
                      phrase("derived.one_of"))
    if source is None:
        yield problem(at("derived_from"), "fact.derived",
                      phrase("derived.unknown", derived=key, name=name),
                      phrase("derived.vocabulary"), suggest(name, facts))
        return
    if source.derived_from is not None or source.type is FactType.MANY_OF:
        why = "derived.chain_derived" if source.derived_from is not None else "derived.chain_many"
        yield problem(at("derived_from"), "fact.derived", phrase(why, derived=key, name=name),
                      phrase("derived.asked"), phrase("derived.asked_hint"))
        return
    mapping: dict[str, str] = spec["mapping"]
    missing = [v for v in source.values if v not in mapping]
    if missing:
        yield problem(at("mapping"), "fact.mapping",
                      phrase("derived.unmapped", name=name, derived=key,
                             values=", ".join(f"'{v}'" for v in missing)),
                      phrase("derived.map_every", name=name), phrase("derived.map_hint"))
    for frm, to in mapping.items():
        if frm not in source.values:
            yield problem(at("mapping", frm), "fact.mapping",
                          phrase("derived.not_value", value=frm, fact=name),
                          phrase("derived.a_value_of", fact=name), suggest(frm, source.values))
        elif to not in fact.values:
            yield problem(at("mapping", frm), "fact.mapping",
                          phrase("derived.not_value", value=to, fact=key),
                          phrase("schema.one_of", items=", ".join(fact.values)),
                          suggest(to, fact.values))
