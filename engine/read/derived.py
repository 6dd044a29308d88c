"""Derived facts: a fact whose value follows from another fact by a fixed table, never asked.

`verstrekker_sector` follows from `verstrekker` (gemeente -> publiek, particulier -> privaat).
The table must map every value of the source fact to a value of the derived fact, so that the
derived value is known as soon as the source value is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from engine.errors import Location, Problem, problem, suggest
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
        yield problem(at("type"), "fact.derived", f"afgeleid feit '{key}' is meerkeuze",
                      "een afgeleid feit van type one_of of yes_no")
    if source is None:
        yield problem(at("derived_from"), "fact.derived", f"'{key}' is afgeleid van onbekend "
                      f"feit '{name}'", "een feit uit facts.yaml", suggest(name, facts))
        return
    if source.derived_from is not None or source.type is FactType.MANY_OF:
        why = "zelf afgeleid" if source.derived_from is not None else "meerkeuze"
        yield problem(at("derived_from"), "fact.derived", f"'{key}' is afgeleid van '{name}', "
                      f"dat {why} is", "een gevraagd feit van type one_of of yes_no",
                      "leid af van het feit dat echt gevraagd wordt")
        return
    mapping: dict[str, str] = spec["mapping"]
    missing = [v for v in source.values if v not in mapping]
    if missing:
        yield problem(at("mapping"), "fact.mapping", f"waarde(n) van '{name}' zonder afgeleide "
                      f"waarde voor '{key}': " + ", ".join(f"'{v}'" for v in missing),
                      f"elke waarde van '{name}' in 'mapping'",
                      "een afgeleid feit moet bekend zijn zodra het bronfeit bekend is")
    for frm, to in mapping.items():
        if frm not in source.values:
            yield problem(at("mapping", frm), "fact.mapping", f"'{frm}' is geen waarde van "
                          f"'{name}'", "een waarde van " + f"'{name}'",
                          suggest(frm, source.values))
        elif to not in fact.values:
            yield problem(at("mapping", frm), "fact.mapping", f"'{to}' is geen waarde van "
                          f"'{key}'", "een van: " + ", ".join(fact.values),
                          suggest(to, fact.values))
