"""Where each fact value goes: values no option names fall into a question's `otherwise`."""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import Location
from engine.model import Library, Question


@dataclass(frozen=True, slots=True, kw_only=True)
class Fallthrough:
    """A value that no option of any usable tree names, and the questions where it falls into
    `otherwise` (where it goes without anyone having decided so)."""

    fact: str
    value: str
    questions: tuple[tuple[str, str, str, Location], ...]  # tree, version, question, place


def fallthroughs(library: Library) -> list[Fallthrough]:
    """Every fact value that the usable trees never route explicitly, with its `otherwise`s."""
    named: set[tuple[str, str]] = set()
    asked: dict[str, list[tuple[str, str, str, Location]]] = {}
    for versions in library.trees.values():
        for tree in versions:
            if not tree.is_usable:
                continue
            for node in tree.nodes.values():
                if not isinstance(node, Question):
                    continue
                named.update((node.fact, v) for o in node.options for v in o.values)
                if node.otherwise is not None:
                    asked.setdefault(node.fact, []).append(
                        (tree.id, tree.version, node.id, node.otherwise.location))
    out = []
    for key, fact in library.facts.items():
        if fact.derived_from is not None or key not in asked:
            continue
        for value in fact.values:
            if (key, value) not in named:
                out.append(Fallthrough(fact=key, value=value, questions=tuple(asked[key])))
    return out
