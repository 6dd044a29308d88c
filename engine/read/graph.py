"""Graph views of trees: reachability, cycles across trees, and fact-consistent reachability."""

from __future__ import annotations

from collections.abc import Mapping

from engine.model import Fact, FactKey, FactType, Goto, NodeId, Question, Tree

Key = tuple[str, str]  # (tree id, node id)
Constraint = tuple[tuple[str, frozenset[str]], ...]

#: Above this many explored states the fact-consistency check gives up and assumes reachable.
MAX_STATES = 200_000


def successors(tree: Tree, node_id: NodeId) -> list[NodeId]:
    node = tree.nodes.get(node_id)
    if isinstance(node, Question):
        return list(dict.fromkeys(o.next for o in node.branches))
    return []


def reachable(tree: Tree) -> set[NodeId]:
    """Nodes of one tree reachable from its start (gotos end the walk within this tree)."""
    seen: set[NodeId] = set()
    stack = [tree.start]
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id not in tree.nodes:
            continue
        seen.add(node_id)
        stack.extend(successors(tree, node_id))
    return seen


def _target(era: Mapping[str, Tree], goto: Goto) -> Key | None:
    tree = era.get(goto.tree)
    if tree is None:
        return None
    return (tree.id, goto.node or tree.start)


def edges(era: Mapping[str, Tree]) -> dict[Key, list[Key]]:
    """The whole graph of the trees in force together, gotos included."""
    graph: dict[Key, list[Key]] = {}
    for tree in era.values():
        for node_id, node in tree.nodes.items():
            if isinstance(node, Goto):
                target = _target(era, node)
                graph[(tree.id, node_id)] = [target] if target else []
            else:
                graph[(tree.id, node_id)] = [(tree.id, n) for n in successors(tree, node_id)]
    return graph


def find_cycle(graph: Mapping[Key, list[Key]]) -> list[Key] | None:
    """One cycle as a list of nodes, or None (iterative DFS: deep trees do not overflow)."""
    colour: dict[Key, int] = {}
    for root in graph:
        if colour.get(root):
            continue
        stack: list[tuple[Key, int]] = [(root, 0)]
        path: list[Key] = []
        while stack:
            key, i = stack.pop()
            if i == 0:
                colour[key] = 1
                path.append(key)
            nexts = graph.get(key, [])
            if i < len(nexts):
                stack.append((key, i + 1))
                child = nexts[i]
                if colour.get(child) == 1:
                    return path[path.index(child):]
                if not colour.get(child):
                    stack.append((child, 0))
            else:
                colour[key] = 2
                path.pop()
    return None


def feasible_nodes(era: Mapping[str, Tree], facts: Mapping[FactKey, Fact]) -> set[Key]:
    """Nodes reachable by at least one consistent set of facts, walking from every tree's start.

    A fact met twice on a path must take a branch that agrees with the first answer. For many_of
    facts only exclusions are tracked, which errs on the side of 'reachable'.
    """
    hit: set[Key] = set()
    seen: set[tuple[Key, Constraint]] = set()
    stack: list[tuple[Key, Constraint]] = [((t.id, t.start), ()) for t in era.values()]
    every = sum(len(t.nodes) for t in era.values())
    while stack and len(hit) < every:  # once every node is hit, no state can add one
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        if len(seen) > MAX_STATES:
            return {k for t in era.values() for k in ((t.id, n) for n in t.nodes)}
        (tree_id, node_id), cons = state
        node = era[tree_id].nodes.get(NodeId(node_id))
        if node is None:
            continue
        hit.add((tree_id, node_id))
        if isinstance(node, Goto):
            target = _target(era, node)
            if target:
                stack.append((target, cons))
        elif isinstance(node, Question):
            fact = facts[node.fact]
            for nxt, new in _branches(node, fact, dict(cons)):
                stack.append(((tree_id, nxt), tuple(sorted(new.items()))))
    return hit


def _branches(q: Question, fact: Fact, cons: dict[str, frozenset[str]],
              ) -> list[tuple[NodeId, dict[str, frozenset[str]]]]:
    out = []
    many = fact.type is FactType.MANY_OF
    key = q.fact
    # one_of: the values still possible; many_of: the values known to be absent.
    current = cons.get(key, frozenset() if many else frozenset(fact.values))
    earlier: set[str] = set()
    for option in q.branches:
        values = frozenset(option.values)
        if many:  # this branch means: none of the earlier options' values is present
            after = current | earlier
            possible = not option.values or bool(values - after)
        else:
            after = (current & values) if option.values else current - earlier
            possible = bool(after)
        earlier |= values
        if possible:
            out.append((option.next, {**cons, key: frozenset(after)}))
    return out
