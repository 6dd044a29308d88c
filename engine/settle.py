"""Whether a tree version may be settled (vastgesteld), and the sign-off that records it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.cases import CaseResult, coverage
from engine.errors import Problem
from engine.model import Library, Outcome, Tree


@dataclass(frozen=True, slots=True, kw_only=True)
class Refusal:
    """One condition for sign-off that does not hold, in words, with what to do about it."""

    code: str
    reason: str
    fix: str


def unverified_grounds(tree: Tree) -> dict[str, list[str]]:
    """Each unverified outcome ground of `tree` (by citation), with the outcomes citing it."""
    found: dict[str, list[str]] = {}
    for node in tree.nodes.values():
        if isinstance(node, Outcome):
            for ground in node.grounds:
                if not ground.verified:
                    found.setdefault(ground.ref, []).append(node.id)
    return found


def refusals(library: Library, tree: Tree, problems: Sequence[Problem],
             results: Iterable[CaseResult], accepted: Mapping[str, str]) -> list[Refusal]:
    """Every reason not to settle `tree` now (none: it may be settled)."""
    out: list[Refusal] = []
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if errors or warnings:
        out.append(Refusal(code="check", reason=f"check --strict slaagt niet: {len(errors)} "
                           f"fout(en), {len(warnings)} waarschuwing(en)",
                           fix="los ze op (deelwijzer check --strict)"))
    done = list(results)
    failed = [r for r in done if not r.passed]
    if failed:
        names = ", ".join(r.case.id for r in failed[:5]) + (" ..." if len(failed) > 5 else "")
        out.append(Refusal(code="cases", reason=f"{len(failed)} casus(sen) kloppen niet: {names}",
                           fix="deelwijzer cases toont per casus wat er afwijkt"))
    walks = [r.walk for r in done if r.walk is not None]
    for c in coverage(library, walks):
        if (c.tree, c.version) == (tree.id, tree.version) and c.missed_outcomes:
            out.append(Refusal(code="coverage", reason="uitkomsten zonder casus: "
                               + ", ".join(c.missed_outcomes),
                               fix="schrijf voor elke uitkomst een casus in "
                                   f"trees/{tree.id}/cases/"))
    for ref, outcomes in unverified_grounds(tree).items():
        if not accepted.get(ref, "").strip():
            out.append(Refusal(code="unverified", reason=f"grond {ref} is niet geverifieerd "
                               f"(uitkomst {', '.join(outcomes)})",
                               fix=f"verifieer het artikel, of aanvaard het met reden: "
                                   f"--accepteer {ref} \"reden\""))
    unknown = sorted(set(accepted) - set(unverified_grounds(tree)))
    if unknown:
        out.append(Refusal(code="accepted", reason="--accepteer noemt geen onbevestigde grond van "
                           f"deze versie: {', '.join(unknown)}",
                           fix="noem alleen gronden die als 'verified: false' in de boom staan"))
    return out


def signoff(tree: Tree, door: str, rol: str, on: date, accepted: Mapping[str, str],
            ) -> dict[str, Any]:
    """The sign-off document (written next to the tree; the tree file itself is never edited)."""
    return {"tree": tree.id, "version": tree.version, "sha256": tree.sha256, "door": door,
            "rol": rol, "datum": on.isoformat(),
            "geaccepteerd": [{"citation": ref, "reden": reason}
                             for ref, reason in sorted(accepted.items())]}
