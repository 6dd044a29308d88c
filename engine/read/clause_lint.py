"""Covenant checks for `deelwijzer check`: does each outcome link clauses meant for its regime?

Outcomes may link clauses whatever their verdict: an `advies` or `niet_delen` outcome often
points to the clause that would make the flow lawful. `serves.verdicts` says which verdicts put a
clause into an assembled covenant; only `delen` and `delen_mits` flows are ever assembled.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from engine.errors import Problem, Severity, phrase, problem, suggest
from engine.model import Clause, ClauseId, Library, Outcome, Tree


def lint(library: Library) -> list[Problem]:
    """Unknown and missing clause links, orphan clauses, and clauses of another regime."""
    out = [
        p
        for versions in library.trees.values()
        for tree in versions
        for p in _clauses(library, tree)
    ]
    return [*out, *_orphans(library), *_serves(library)]


W = Severity.WARNING


def _clauses(library: Library, tree: Tree) -> Iterator[Problem]:
    known = {c.id for cov in library.covenants for c in cov.clauses}
    for node in tree.nodes.values():
        if not isinstance(node, Outcome):
            continue
        for clause_id in node.clauses:
            if clause_id not in known:
                yield problem(
                    node.location,
                    "clause.unknown",
                    phrase("clause.unknown.found", clause=clause_id),
                    phrase("clause.unknown.expected"),
                    suggest(clause_id, known),
                )
        if node.verdict.allows_sharing and not node.clauses:
            yield problem(
                node.location,
                "clause.missing",
                phrase("clause.missing.found", outcome=node.id),
                phrase("clause.missing.expected"),
                phrase("clause.missing.hint"),
                W,
            )


def _orphans(library: Library) -> Iterator[Problem]:
    linked = {
        c
        for v in library.trees.values()
        for t in v
        for n in t.nodes.values()
        if isinstance(n, Outcome)
        for c in n.clauses
    }
    if not library.trees:
        return
    for covenant in library.covenants:
        for clause in covenant.clauses:
            if clause.scope.value == "stroom" and clause.id not in linked:
                yield problem(
                    clause.location,
                    "clause.orphan",
                    phrase("clause.orphan.found", clause=clause.id),
                    phrase("clause.orphan.expected"),
                    phrase("clause.orphan.hint"),
                    W,
                )


def _serves(library: Library) -> Iterator[Problem]:
    clauses = {c.id: c for cov in library.covenants for c in cov.clauses}
    for versions in library.trees.values():
        for tree in versions:
            for node in tree.nodes.values():
                if isinstance(node, Outcome):
                    yield from _mismatch(node, clauses)


def _mismatch(node: Outcome, clauses: Mapping[ClauseId, Clause]) -> Iterator[Problem]:
    for clause_id in node.clauses:
        clause = clauses.get(clause_id)
        if clause is None:
            continue  # reported as clause.unknown by engine.read.lint
        if node.regime not in clause.regimes:
            yield Problem(
                location=node.location,
                code="clause.regime",
                found=phrase("clause.regime.found", outcome=node.id, regime=node.regime.value,
                             clause=clause_id),
                expected=phrase("clause.regime.expected",
                                regimes=", ".join(r.value for r in clause.regimes)),
                hint=phrase("clause.regime.hint"),
                severity=Severity.WARNING,
            )
