"""What a tree version changes against the version before it: the nodes whose content differs.

Content is what a node says to a professional (texts, options, citations, guards...), never
where it stands in its file nor a note for the reviewer: a line that moved, or a `review_note`
added, does not make a node changed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from engine.model import Citation, Goto, Node, NodeId, Outcome, Question, SourceId, Tree

#: Fields that say nothing to a professional.
IGNORED = frozenset({"location", "review_note"})


def previous(versions: tuple[Tree, ...], tree: Tree) -> Tree | None:
    """The highest version of the same tree below `tree` (None: `tree` is its first)."""
    lower = [v for v in versions if v.version_key < tree.version_key]
    return max(lower, key=lambda v: v.version_key) if lower else None


def changed_nodes(before: Tree, after: Tree) -> list[NodeId]:
    """The nodes of `after` that are new or say something else than in `before`."""
    return [node_id for node_id, node in after.nodes.items()
            if node_id not in before.nodes or content(node) != content(before.nodes[node_id])]


def content(value: Any) -> Any:
    """`value` without its locations and reviewer notes, as plain tuples that compare by
    what they say."""
    kind = type(value)
    if kind in (str, int, bool, type(None)):
        return value
    if kind is tuple or kind is list:
        return tuple([content(v) for v in value])
    names = _NAMES.get(kind)
    if names is None and is_dataclass(value):
        names = _NAMES[kind] = tuple(f.name for f in fields(value) if f.name not in IGNORED)
    if names is not None:
        return (kind.__name__, tuple([content(getattr(value, n)) for n in names]))
    if isinstance(value, Mapping):
        return tuple(sorted((k, content(v)) for k, v in value.items()))
    return value


#: The compared fields of each model class (looked up once: `fields()` is slow).
_NAMES: dict[type, tuple[str, ...]] = {}


def cited(node: Node) -> Iterator[Citation]:
    """Every citation a node makes: its question's why and options, its outcome's items."""
    match node:
        case Question():
            if node.why:
                yield from node.why.citations
            for option in node.branches:
                yield from option.citations
        case Outcome():
            yield from node.grounds
            for item in (*node.conditions, *node.alternatives):
                yield from item.citations
        case Goto():
            pass


def touched_sources(versions: tuple[Tree, ...], tree: Tree) -> dict[SourceId, list[NodeId]]:
    """The sources a version's change cites, each with the changed nodes that cite it; for
    the first version of a tree, every source it cites (with every node that cites it)."""
    before = previous(versions, tree)
    nodes = changed_nodes(before, tree) if before else list(tree.nodes)
    out: dict[SourceId, list[NodeId]] = {}
    for node_id in nodes:
        for c in cited(tree.nodes[node_id]):
            found = out.setdefault(c.source, [])
            if node_id not in found:
                found.append(node_id)
    return out
