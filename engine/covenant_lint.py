"""Covenant checks for `deelwijzer check`: does each outcome link clauses meant for it?"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from engine.errors import Problem, Severity
from engine.model import Clause, ClauseId, Library, Outcome


def lint(library: Library) -> list[Problem]:
    """Outcomes that link a clause not meant for their regime or verdict (warnings)."""
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
        if node.verdict not in clause.verdicts:
            yield Problem(
                location=node.location, code="clause.verdict",
                found=f"uitkomst '{node.id}' ({node.verdict.value}) wijst clausule "
                      f"'{clause_id}' aan", expected="een clausule voor "
                      + ", ".join(v.value for v in clause.verdicts),
                hint="alleen uitkomsten die delen toestaan, wijzen convenantsclausules aan",
                severity=Severity.WARNING)
