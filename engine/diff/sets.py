"""Which decision dates and start trees a diff of two tree sets covers, and the diff per period."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from engine.decide.versions import Resolution, resolve
from engine.diff.cells import StartReport, compare
from engine.model import Goto, Library, Tree


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """Decisions from `on` on (until the next period): the versions used on either side."""

    on: date
    before: tuple[str, ...]
    after: tuple[str, ...]
    starts: tuple[StartReport, ...]

    @property
    def changed(self) -> int:
        return sum(len(s.changed) for s in self.starts)


def boundaries(*libraries: Library) -> list[date]:
    """Every date on which some tree version starts or stops applying, in order."""
    days: set[date] = set()
    for library in libraries:
        for versions in library.trees.values():
            for tree in versions:
                days.add(tree.valid_from)
                if tree.valid_until is not None:
                    days.add(tree.valid_until + timedelta(days=1))
    return sorted(days)


def diff_sets(before: Library, after: Library, on: date | None = None) -> tuple[Period, ...]:
    """The diff on `on`, or on every date from which the versions in use differ."""
    days = [on] if on is not None else boundaries(before, after)
    out: list[Period] = []
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for day in days:
        old, new = resolve(before, day), resolve(after, day)
        key = (_used(old, True), _used(new, True))
        if key in seen or not (old.trees or new.trees):
            continue
        seen.add(key)
        out.append(_period(day, old, new))
    return tuple(out)


def diff_versions(library: Library, tree_id: str, old: str, new: str, on: date | None = None,
                  ) -> Period:
    """Two versions of one tree, each with the other trees in force on `on` (default: the day
    the newer version starts)."""
    first, second = _version(library, tree_id, old), _version(library, tree_id, new)
    day = on or second.valid_from
    base = resolve(library, day)
    left = replace(base, trees={**base.trees, first.id: first})
    right = replace(base, trees={**base.trees, second.id: second})
    return _period(day, left, right)


def _version(library: Library, tree_id: str, version: str) -> Tree:
    for tree in library.versions(tree_id):
        if tree.version == version:
            return tree
    known = ", ".join(t.version for t in library.versions(tree_id)) or "geen"
    raise VersionError(f"boom '{tree_id}' heeft geen versie {version} (wel: {known})")


class VersionError(ValueError):
    """A named tree version that the set does not hold."""


def starts(*resolutions: Resolution) -> list[str]:
    """Where decisions start: each set's entry tree, and every tree no goto leads into."""
    out: dict[str, None] = {}
    for resolution in resolutions:
        entry = resolution.library.entry
        if entry is not None and entry in resolution.trees:
            out.setdefault(entry)
    targets = {n.tree for r in resolutions for t in r.trees.values() for n in t.nodes.values()
               if isinstance(n, Goto)}
    for resolution in resolutions:
        for tree_id in resolution.trees:
            if tree_id not in targets:
                out.setdefault(tree_id)
    return list(out)


def _period(day: date, old: Resolution, new: Resolution) -> Period:
    reports = tuple(compare(old, new, start) for start in starts(old, new))
    return Period(on=day, before=_used(old), after=_used(new), starts=reports)


def _used(resolution: Resolution, content: bool = False) -> tuple[str, ...]:
    """The versions in use ('avg 1.1.0'), with their content hash when `content`."""
    return tuple(sorted(f"{t.id} {t.version}" + (f" {t.sha256}" if content else "")
                        for t in resolution.trees.values()))
