"""Every complete path through the trees, each with the facts it fixes (for diff, graph, review)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from engine.decide.evaluate import Transfer
from engine.decide.versions import Resolution
from engine.model import (
    Fact,
    FactKey,
    FactType,
    Goto,
    NodeId,
    Option,
    Outcome,
    Question,
    Tree,
    Value,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fixed:
    """What a path knows about one fact.

    one_of and yes_no: `allowed`, the values still possible. many_of: `absent`, values known
    not to be chosen, and `present`, sets of which at least one value each is chosen.
    """

    allowed: frozenset[str] | None = None
    absent: frozenset[str] = frozenset()
    present: tuple[frozenset[str], ...] = ()

    def admits(self, value: Value) -> bool:
        """Whether a concrete value of the fact lies on this path."""
        if isinstance(value, tuple):
            chosen = set(value)
            return not chosen & self.absent and all(chosen & need for need in self.present)
        return self.allowed is None or value in self.allowed


Facts = Mapping[str, Fixed]


def narrow(fact: Fact, known: Fixed | None, option: Option, earlier: frozenset[str],
           ) -> Fixed | None:
    """What taking `option` adds to `known` (None when no value of the fact takes it).

    `earlier` holds the values of the options listed before it: the walk takes the first
    option that matches, so a later option implies that none of the earlier ones did.
    """
    if fact.type is FactType.MANY_OF:
        base = known or Fixed()
        absent = base.absent | earlier
        present = (*base.present, frozenset(option.values)) if option.values else base.present
        if any(not need - absent for need in present):
            return None
        return Fixed(absent=absent, present=tuple(dict.fromkeys(present)))
    allowed = known.allowed if known and known.allowed is not None else frozenset(fact.values)
    kept = allowed & frozenset(option.values) if option.values else allowed - earlier
    return Fixed(allowed=kept) if kept else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """A question on a path and the option the path takes there."""

    tree: Tree
    question: Question
    option: Option


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadEnd:
    """The path cannot go on: a node or tree is missing, or it runs in a circle."""

    tree: Tree
    node: str
    reason: str


Leg = Turn | Transfer


@dataclass(frozen=True, slots=True, kw_only=True)
class Path:
    """One complete path: the facts it fixes (in the order asked), its legs and its end."""

    start: str
    facts: Facts
    legs: tuple[Leg, ...]
    end: Outcome | DeadEnd
    tree: Tree

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(leg for leg in self.legs if isinstance(leg, Turn))


#: The node a value with no option leads to.
NO_ROUTE = NodeId("")

# A path under construction: the legs so far as a linked list, so a branch costs O(1).
_Chain = tuple["_Chain", Leg] | None
_State = tuple[Tree, str, dict[str, Fixed], _Chain, int]


def paths(resolution: Resolution, start: str, given: Facts | None = None) -> Iterator[Path]:
    """Every complete path from tree `start`, following gotos, in the order of the options.

    `given` restricts the paths to those facts (a path fixes their intersection). Paths whose
    facts contradict each other are left out. Cost: linear in the number of paths times
    their length; an unknown start tree raises WalkError like a walk.
    """
    tree = resolution.tree(start)
    stack: list[_State] = [(tree, tree.start, dict(given or {}), None, 0)]
    vocabulary = resolution.library.facts
    # A path longer than all nodes together runs in a circle (check rejects such trees).
    longest = sum(len(t.nodes) for t in resolution.trees.values())
    while stack:
        tree, node_id, facts, chain, depth = stack.pop()
        node = tree.nodes.get(NodeId(node_id))
        if node is None or depth > longest:
            why = ("kringloop" if node is not None else "geen vervolg voor deze waarde"
                   if node_id == NO_ROUTE else f"onbekende knoop '{node_id}'")
            yield _complete(start, facts, chain, DeadEnd(tree=tree, node=node_id, reason=why),
                            tree)
            continue
        here = depth + 1
        if isinstance(node, Outcome):
            for part, shown in _split(node, facts, _asked(chain), vocabulary):
                yield _complete(start, part, chain, shown, tree)
        elif isinstance(node, Goto):
            target = resolution.trees.get(node.tree)
            if target is None:
                end = DeadEnd(tree=tree, node=node_id, reason=f"boom '{node.tree}' ontbreekt")
                yield _complete(start, facts, chain, end, tree)
                continue
            leg = Transfer(tree=tree, goto=node, target=target)
            stack.append((target, node.node or target.start, facts, (chain, leg), here))
        else:
            stack.extend(reversed(list(_branches(tree, node, vocabulary, facts, chain, here))))


def _branches(tree: Tree, node: Question, vocabulary: Mapping[FactKey, Fact],
              facts: dict[str, Fixed], chain: _Chain, depth: int) -> Iterator[_State]:
    fact = vocabulary[FactKey(node.fact)]
    earlier: frozenset[str] = frozenset()
    for option in node.branches:
        fixed = narrow(fact, facts.get(node.fact), option, earlier)
        earlier |= frozenset(option.values)
        if fixed is not None:
            after = _with_source(vocabulary, fact, {**facts, node.fact: fixed})
            if after is not None:
                leg = Turn(tree=tree, question=node, option=option)
                yield tree, option.next, after, (chain, leg), depth
    if node.otherwise is None:  # values no option takes: the walk stops with an error there
        rest = narrow(fact, facts.get(node.fact), Option(values=(), next=NO_ROUTE,
                                                         location=node.location), earlier)
        if rest is not None:
            yield tree, NO_ROUTE, {**facts, node.fact: rest}, chain, depth


def _with_source(vocabulary: Mapping[FactKey, Fact], fact: Fact, facts: dict[str, Fixed],
                 ) -> dict[str, Fixed] | None:
    """For a derived fact, also narrow its source to the values that map into what the path
    allows (None: no source value does, the path is impossible)."""
    if fact.derived_from is None:
        return facts
    allowed = facts[fact.key].allowed or frozenset(fact.values)
    known = facts.get(fact.derived_from)
    source = known.allowed if known and known.allowed is not None else frozenset(
        vocabulary[fact.derived_from].values)
    kept = frozenset(frm for frm, to in fact.mapping if to in allowed) & source
    return {**facts, fact.derived_from: Fixed(allowed=kept)} if kept else None


def _asked(chain: _Chain) -> set[str]:
    """The facts the questions on the path settle (a guard sees only these, and what they
    derive)."""
    out: set[str] = set()
    while chain is not None:
        chain, leg = chain
        if isinstance(leg, Turn):
            out.add(leg.question.fact)
    return out


def _split(outcome: Outcome, facts: dict[str, Fixed], asked: set[str],
           vocabulary: Mapping[FactKey, Fact]) -> Iterator[tuple[dict[str, Fixed], Outcome]]:
    """The path cut where the outcome's guards hold for some of its values and not for others:
    each guard atom (one fact, its values) holds in one part and fails in the other. Every
    feasible part comes with the outcome as a walk there shows it (`Outcome.on_path`)."""
    if not outcome.guarded:
        yield facts, outcome
        return
    atoms = list(dict.fromkeys(atom for guard in outcome.guards for atom in guard))
    # Atom by atom, each feasible part cut in two (holds first): the order of
    # product((True, False)), without trying the combinations an earlier cut ruled out.
    parts: list[tuple[dict[str, Fixed], tuple[bool, ...]]] = [(facts, ())]
    for fact, values in atoms:
        parts = [(cut, (*truth, holds)) for part, truth in parts for holds in (True, False)
                 if (cut := _atom(part, vocabulary, asked, fact, values, holds)) is not None]
    for part, truth in parts:
        true = {atom for atom, holds in zip(atoms, truth, strict=True) if holds}
        yield part, outcome.keep(true.issuperset)


def _atom(facts: dict[str, Fixed], vocabulary: Mapping[FactKey, Fact], asked: set[str],
          key: FactKey, values: tuple[str, ...], holds: bool) -> dict[str, Fixed] | None:
    """`facts` where `key` has (or, not `holds`, lacks) one of `values`; None: impossible."""
    fact = vocabulary[key]
    source = fact.derived_from
    if key not in asked and (source is None or source not in asked):
        return None if holds else facts  # not known on the path: never holds there
    if key not in asked and source is not None:  # derived only: cut its source by the table
        wanted = frozenset(frm for frm, to in fact.mapping if (to in values) == holds)
        return _keep(facts, vocabulary[source], wanted)
    if fact.type is FactType.MANY_OF:
        base = facts.get(key) or Fixed()
        present = (*base.present, frozenset(values)) if holds else base.present
        absent = base.absent if holds else base.absent | frozenset(values)
        if any(not need - absent for need in present):
            return None
        return {**facts, key: Fixed(absent=absent, present=present)}
    wanted = frozenset(values) if holds else frozenset(fact.values) - frozenset(values)
    return _keep(facts, fact, wanted)


def _keep(facts: dict[str, Fixed], fact: Fact, wanted: frozenset[str]) -> dict[str, Fixed] | None:
    known = facts.get(fact.key)
    allowed = known.allowed if known and known.allowed is not None else frozenset(fact.values)
    kept = allowed & wanted
    return {**facts, fact.key: Fixed(allowed=kept)} if kept else None


def _complete(start: str, facts: dict[str, Fixed], chain: _Chain, end: Outcome | DeadEnd,
              tree: Tree) -> Path:
    legs: list[Leg] = []
    while chain is not None:
        chain, leg = chain
        legs.append(leg)
    legs.reverse()
    return Path(start=start, facts=facts, legs=tuple(legs), end=end, tree=tree)


def count(resolution: Resolution, start: str) -> int:
    """How many complete paths start in `start`."""
    return sum(1 for _ in paths(resolution, start))
