"""Covenant checks for `deelwijzer check`: does each outcome link clauses meant for its regime?

Outcomes may link clauses whatever their verdict: an `advies` or `niet_delen` outcome often
points to the clause that would make the flow lawful. `serves.verdicts` says which verdicts put a
clause into an assembled covenant; only `delen` and `delen_mits` flows are ever assembled.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from engine.errors import Problem, Severity
from engine.model import Clause, ClauseId, Library, Outcome


def lint(library: Library) -> list[Problem]:
    """Outcomes that link a clause not meant for their regime (warnings)."""
    return list(_serves(library))


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
            continue  # reported as clause.unknown by engine.lint
        if node.regime not in clause.regimes:
            yield Problem(
                location=node.location, code="clause.regime",
                found=f"uitkomst '{node.id}' (regime {node.regime.value}) wijst clausule "
                      f"'{clause_id}' aan", expected="een clausule voor regime "
                      + ", ".join(r.value for r in clause.regimes),
                hint="kies een andere clausule of vul 'serves.regimes' aan",
                severity=Severity.WARNING)
