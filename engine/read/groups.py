"""Answer groups: a long list of values (the organisations) shown under headings by sector.

A fact may list `groups`, each a heading and its values; then every value is in exactly one
group, and the groups give the order in which the values are shown everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from engine.errors import Location, Problem, phrase, problem, suggest
from engine.model import Choice, Fact, FactKey, Text
from engine.read.source import Document


def grouped(choices: tuple[Choice, ...], spec: Mapping[str, Any],
            label: Callable[[Mapping[str, str]], Text]) -> tuple[Choice, ...]:
    """The choices in the order of their groups, each with its group's heading; without
    groups (or with values a group does not name: `check` reports those) as they are."""
    groups = spec.get("groups")
    if not groups:
        return choices
    by_value = {c.value: c for c in choices}
    out: dict[str, Choice] = {}
    for group in groups:
        heading = label(group["label"])
        for value in group["values"]:
            if value in by_value and value not in out:
                c = by_value[value]
                out[value] = Choice(value=c.value, label=c.label, group=heading)
    out.update((c.value, c) for c in choices if c.value not in out)
    return tuple(out.values())


def check(doc: Document, facts: Mapping[FactKey, Fact]) -> Iterator[Problem]:
    """Every problem with a fact's groups in facts.yaml, located: an unknown value, a value in
    two groups, a value in none."""
    for key, spec in doc.data["facts"].items():
        if spec.get("groups"):
            yield from _check(doc, facts[FactKey(key)], spec["groups"])


def _check(doc: Document, fact: Fact, groups: list[dict[str, Any]]) -> Iterator[Problem]:
    def at(*path: str | int) -> Location:
        return doc.locate(("facts", fact.key, "groups", *path))

    seen: set[str] = set()
    for i, group in enumerate(groups):
        for j, value in enumerate(group["values"]):
            if value not in fact.values:
                yield problem(at(i, "values", j), "fact.groups",
                              phrase("groups.unknown", value=value, fact=fact.key),
                              phrase("derived.a_value_of", fact=fact.key),
                              suggest(value, fact.values))
            elif value in seen:
                yield problem(at(i, "values", j), "fact.groups",
                              phrase("groups.twice", value=value), phrase("groups.once"))
            seen.add(value)
    missing = [v for v in fact.values if v not in seen]
    if missing:
        yield problem(at(), "fact.groups",
                      phrase("groups.missing", fact=fact.key,
                             values=", ".join(f"'{v}'" for v in missing)),
                      phrase("groups.once"))
