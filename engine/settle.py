"""Whether a tree version may be settled (vastgesteld), and the sign-off that records it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.cases import CaseResult, coverage
from engine.errors import Problem
from engine.model import Library, Outcome, Tree
from engine.words import say


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
             results: Iterable[CaseResult], accepted: Mapping[str, str], lang: str = "nl",
             ) -> list[Refusal]:
    """Every reason not to settle `tree` now (none: it may be settled)."""
    out: list[Refusal] = []

    def refuse(code: str, **values: object) -> None:
        out.append(Refusal(code=code, reason=say(f"settle.{code}", lang, **values),
                           fix=say(f"settle.{code}_fix", lang, **values)))

    errors = [p for p in problems if p.is_error]
    if problems:
        refuse("check", errors=len(errors), warnings=len(problems) - len(errors))
    done = list(results)
    failed = [r for r in done if not r.passed]
    if failed:
        names = ", ".join(r.case.id for r in failed[:5]) + (" ..." if len(failed) > 5 else "")
        refuse("cases", n=len(failed), names=names)
    walks = [r.walk for r in done if r.walk is not None]
    for c in coverage(library, walks):
        if (c.tree, c.version) == (tree.id, tree.version) and c.missed_outcomes:
            refuse("coverage", outcomes=", ".join(c.missed_outcomes), tree=tree.id)
    for ref, outcomes in unverified_grounds(tree).items():
        if not accepted.get(ref, "").strip():
            refuse("unverified", ref=ref, outcomes=", ".join(outcomes))
    unknown = sorted(set(accepted) - set(unverified_grounds(tree)))
    if unknown:
        refuse("accepted", refs=", ".join(unknown))
    return out


def signoff(tree: Tree, door: str, rol: str, on: date, accepted: Mapping[str, str],
            ) -> dict[str, Any]:
    """The sign-off document (written next to the tree; the tree file itself is never edited)."""
    return {"tree": tree.id, "version": tree.version, "sha256": tree.sha256, "door": door,
            "rol": rol, "datum": on.isoformat(),
            "geaccepteerd": [{"citation": ref, "reden": reason}
                             for ref, reason in sorted(accepted.items())]}
