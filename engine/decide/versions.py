"""The one "at this date" view: tree and covenant versions in force, or pinned ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from engine.errors import WalkError, phrase
from engine.model import Covenant, Library, Tree, TreeId

V = TypeVar("V", Tree, Covenant)


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """The tree versions a walk may enter (and why a tree is unavailable when it is), and the
    model covenant whose clauses the outcomes point into; all chosen by one rule."""

    on: date
    library: Library
    trees: Mapping[TreeId, Tree]
    unavailable: Mapping[TreeId, str] = field(default_factory=dict)
    covenant: Covenant | None = None

    def tree(self, tree_id: str) -> Tree:
        found = self.trees.get(TreeId(tree_id))
        if found is not None:
            return found
        reason = self.unavailable.get(TreeId(tree_id))
        if reason is None:
            known = ", ".join(sorted(self.trees)) or "-"
            raise WalkError(phrase("walk.unknown_tree", tree=tree_id),
                            phrase("walk.known_trees", trees=known))
        raise WalkError(reason)

    def notice(self, tree: Tree) -> str | None:
        """A warning to show whenever `tree` is used: replaced, or expired."""
        if tree.superseded_by is not None:
            return phrase("walk.notice_replaced", tree=tree.id, version=tree.version,
                          by=tree.superseded_by)
        if tree.valid_until is not None and self.on > tree.valid_until:
            return phrase("walk.notice_expired", tree=tree.id, version=tree.version,
                          until=tree.valid_until)
        return None


def resolve(library: Library, on: date) -> Resolution:
    """For each tree, the version in force on `on`; an expired last version stays (with notice)."""
    chosen: dict[TreeId, Tree] = {}
    unavailable: dict[TreeId, str] = {}
    for tree_id, files in library.broken.items():
        unavailable[tree_id] = phrase("walk.broken_tree", tree=tree_id, files=", ".join(files))
    for tree_id, versions in library.trees.items():
        found = _in_force([t for t in versions if t.is_usable], on)
        if found is not None:
            chosen[tree_id] = found
        else:
            first = min((t.valid_from for t in versions if t.is_usable), default=None)
            unavailable[tree_id] = (
                phrase("walk.not_yet", tree=tree_id, on=on, first=first) if first else
                phrase("walk.all_replaced", tree=tree_id, on=on))
    return Resolution(on=on, library=library, trees=chosen, unavailable=unavailable,
                      covenant=covenant_in_force(library, on))


def covenant_in_force(library: Library, on: date) -> Covenant | None:
    """The covenant version in force on `on`, by the trees' rule."""
    return _in_force([c for c in library.covenants if c.is_usable], on)


def _in_force(versions: list[V], on: date) -> V | None:
    """The rule for trees and covenants alike: of the usable (not replaced) versions, the one in
    force on `on` (a later one ends an earlier one's period: `until`); else the newest that has
    started (an expired last version stays, with a notice); None before the first."""
    ordered = sorted(versions, key=lambda v: v.valid_from)
    in_force = [v for v in ordered if v.is_in_force(on)]
    if in_force:
        return in_force[-1]
    started = [v for v in ordered if v.valid_from <= on]
    return started[-1] if started else None


def pinned(library: Library, on: date, versions: Mapping[str, str],
           covenant: str | None = None) -> Resolution:
    """Exactly the named versions (for replaying a decision record); `covenant` is the covenant
    version the record names ("<id> <version>"); without it, the one in force on `on`."""
    chosen: dict[TreeId, Tree] = {}
    unavailable: dict[TreeId, str] = {}
    for tree_id, version in versions.items():
        match = [t for t in library.versions(tree_id) if t.version == version]
        if match:
            chosen[TreeId(tree_id)] = match[0]
        else:
            unavailable[TreeId(tree_id)] = phrase("walk.version_gone", tree=tree_id,
                                                  version=version)
    named = next((c for c in library.covenants if f"{c.id} {c.version}" == covenant), None)
    return Resolution(on=on, library=library, trees=chosen, unavailable=unavailable,
                      covenant=named if named is not None else covenant_in_force(library, on))
