"""Checks across nodes, trees and versions: reachability, cycles, validity, sources, clauses."""

from __future__ import annotations

from collections.abc import Iterator

from engine.errors import Problem, Severity, phrase, problem, suggest
from engine.model import FactType, Goto, Library, Outcome, Question, Tree, Verdict
from engine.read import changed, lifecycle
from engine.read import clause_lint as covenant_lint
from engine.read.graph import edges, feasible_nodes, find_cycle, reachable

W = Severity.WARNING


def lint(library: Library, reach: bool = True) -> list[Problem]:
    """Every cross-node and cross-tree problem, each once (without `reach`: not the search
    for outcomes no answers reach, which only warns)."""
    out: list[Problem] = []
    for versions in library.trees.values():
        out.extend(_validity(versions))
        for tree in versions:
            out.extend(_dead_ends(library, tree))
            out.extend(_without_alternatives(tree))
            out.extend(_gotos(library, tree))
            out.extend(_unreachable(tree))
            out.extend(_sources(library, versions, tree))
    out.extend(_cycles(library))
    if reach:
        out.extend(_infeasible(library))
    out.extend(_entries(library))
    out.extend(_covenant_validity(library))
    out.extend(covenant_lint.lint(library))
    return list(dict.fromkeys(out))


def _validity(versions: tuple[Tree, ...]) -> Iterator[Problem]:
    seen: dict[str, Tree] = {}
    for tree in versions:
        if tree.version in seen:
            yield problem(
                tree.where("version"),
                "validity.version",
                phrase("lint.version_twice.found", version=tree.version),
                phrase("lint.version_twice.expected"),
                phrase("lint.version_twice.hint", file=seen[tree.version].file),
            )
        seen[tree.version] = tree
    if len(seen) == len(versions):
        yield from lifecycle.check(versions, phrase("lifecycle.tree", id=versions[0].id))


def _covenant_validity(library: Library) -> Iterator[Problem]:
    for cov_id in dict.fromkeys(c.id for c in library.covenants):
        versions = [c for c in library.covenants if c.id == cov_id]
        if len({c.version for c in versions}) == len(versions):
            yield from lifecycle.check(versions, phrase("lifecycle.covenant", id=cov_id))


def _overlapping(library: Library, tree: Tree, target: str) -> tuple[Tree, ...]:
    """The versions of `target` a goto in `tree` may enter: for a usable version, the usable
    ones whose period overlaps its own; for a replaced one (kept for replay), any overlapping."""
    return tuple(
        t
        for t in library.versions(target)
        if (t.is_usable or not tree.is_usable)
        and (t.until is None or t.until >= tree.valid_from)
        and (tree.until is None or t.valid_from <= tree.until)
    )


def _gotos(library: Library, tree: Tree) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if not isinstance(node, Goto):
            continue
        if node.tree in library.broken:
            yield problem(
                node.location,
                "goto.broken",
                phrase("lint.goto_broken.found", tree=node.tree),
                phrase("lint.goto_broken.expected"),
                phrase("lint.goto_broken.hint", files=", ".join(library.broken[node.tree])),
                # a warning: this tree stays usable for every walk that does not go there (a
                # walk that does stops with a WalkError naming the broken tree)
                Severity.WARNING,
            )
        elif node.tree not in library.trees:
            yield problem(
                node.location,
                "goto.tree",
                phrase("lint.goto_tree.found", tree=node.tree),
                phrase("lint.goto_tree.expected"),
                suggest(node.tree, library.trees),
            )
        else:
            targets = _overlapping(library, tree, node.tree)
            if not targets:
                yield problem(
                    node.location,
                    "goto.version",
                    phrase("lint.goto_version.found", target=node.tree, tree=tree.id,
                           version=tree.version),
                    phrase("lint.goto_version.expected"),
                )
            for target in targets:
                if node.node is not None and node.node not in target.nodes:
                    yield problem(
                        node.location,
                        "goto.node",
                        phrase("lint.goto_node.found", node=node.node, tree=target.id,
                               version=target.version),
                        phrase("lint.goto_node.expected"),
                        suggest(node.node, target.nodes),
                    )


def _dead_ends(library: Library, tree: Tree) -> Iterator[Problem]:
    """A question of a usable version must lead somewhere for every value of its fact. A
    replaced version is exempt: values added to the vocabulary after its release never reach
    it (a replay feeds it only the answers recorded on it), and it may not be edited."""
    if not tree.is_usable:
        return
    for node in tree.nodes.values():
        if not isinstance(node, Question) or node.otherwise is not None:
            continue
        fact = library.facts[node.fact]
        if fact.type is FactType.MANY_OF:
            continue  # reported when building: a many_of question always needs 'otherwise'
        seen = {v for option in node.options for v in option.values}
        missing = [v for v in fact.values if v not in seen]
        if missing:
            yield problem(node.location, "question.dead_end",
                          phrase("dead_end.found", id=node.id,
                                 values=", ".join(f"'{v}'" for v in missing)),
                          phrase("dead_end.expected", fact=fact.key), phrase("dead_end.hint"))


def _without_alternatives(tree: Tree) -> Iterator[Problem]:
    """A refusal or "ask advice" must still name the lawful route (usable versions only: a
    replaced version may not be edited)."""
    if not tree.is_usable:
        return
    for node in tree.nodes.values():
        if isinstance(node, Outcome) and node.verdict in (Verdict.NIET_DELEN, Verdict.ADVIES) \
                and not node.alternatives:
            yield problem(node.location, "outcome.alternatives",
                          phrase("alternatives.found", id=node.id, verdict=node.verdict.value),
                          phrase("alternatives.expected"), phrase("alternatives.hint"), W)


def _unreachable(tree: Tree) -> Iterator[Problem]:
    seen = reachable(tree)
    for node_id, node in tree.nodes.items():
        if node_id not in seen:
            yield problem(
                node.location,
                "node.unreachable",
                phrase("lint.unreachable.found", node=node_id, start=tree.start),
                phrase("lint.unreachable.expected"),
                phrase("lint.unreachable.hint"),
                W,
            )


def _sources(library: Library, versions: tuple[Tree, ...], tree: Tree) -> Iterator[Problem]:
    """A source checked before the version's `valid_from`, for the sources its change cites
    only: a one-node correction asks for a fresh check of what that node cites, not of every
    statute the tree names (a first version: of every source it cites)."""
    first = changed.previous(versions, tree) is None
    for source_id, nodes in sorted(changed.touched_sources(versions, tree).items()):
        src = library.sources[source_id]
        if src.consolidation >= tree.valid_from:
            continue
        found = phrase("lint.stale.found", source=source_id, checked=src.consolidation,
                       valid_from=tree.valid_from) if first else \
            phrase("lint.stale.changed", source=source_id, checked=src.consolidation,
                   valid_from=tree.valid_from, nodes=", ".join(nodes))
        yield problem(tree.where("valid_from") if first else tree.nodes[nodes[0]].location,
                      "source.stale", found, phrase("lint.stale.expected"),
                      phrase("lint.stale.hint"), W)


def _cycles(library: Library) -> Iterator[Problem]:
    reported: set[frozenset[tuple[str, str]]] = set()
    for era in _eras(library):
        cycle = find_cycle(edges(era))
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            tree, node = cycle[0]
            loc = era[tree].nodes[node].location  # type: ignore[index]
            path = " -> ".join(f"{t}:{n}" for t, n in (*cycle, cycle[0]))
            yield problem(
                loc,
                "cycle",
                phrase("lint.cycle.found", path=path),
                phrase("lint.cycle.expected"),
                phrase("lint.cycle.hint"),
            )


def _infeasible(library: Library) -> Iterator[Problem]:
    for era in _eras(library):
        if _has_cycle(era):
            continue
        hit = feasible_nodes(era, library.facts)
        for tree in era.values():
            graph = reachable(tree)
            for node in tree.nodes.values():
                if isinstance(node, Outcome) and node.id in graph and (tree.id, node.id) not in hit:
                    yield problem(
                        node.location,
                        "outcome.unreached",
                        phrase("lint.infeasible.found", outcome=node.id),
                        phrase("lint.infeasible.expected"),
                        phrase("lint.infeasible.hint"),
                        W,
                    )


def _has_cycle(era: dict[str, Tree]) -> bool:
    return find_cycle(edges(era)) is not None


def _eras(library: Library) -> list[dict[str, Tree]]:
    """For each date on which some version starts, the versions in force then."""
    starts = sorted({t.valid_from for v in library.trees.values() for t in v if t.is_usable})
    eras = []
    for start in starts:
        era = {str(tid): t for tid, v in library.trees.items() for t in v
               if t.is_usable and t.is_in_force(start)}
        if era not in eras:
            eras.append(era)
    return eras


def _entries(library: Library) -> Iterator[Problem]:
    entries = [v[0] for v in library.trees.values() if any(t.entry for t in v)]
    if len(entries) > 1:
        names = ", ".join(t.id for t in entries)
        yield problem(
            entries[1].where("entry"),
            "entry",
            phrase("lint.entry.found", names=names),
            phrase("lint.entry.expected"),
        )
