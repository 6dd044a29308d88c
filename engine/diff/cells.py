"""Compare two tree sets path by path: every combination of a before path and an after path that
some facts can take is one cell, with the decision on either side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.decide.evaluate import Transfer
from engine.decide.explore import Facts, Path, paths
from engine.decide.versions import Resolution
from engine.diff.decision import Decision, Kind, failed, kind_of, of_path
from engine.model import Outcome, TreeId


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """Facts that led to `before` in the old set and lead to `after` in the new one."""

    start: str
    facts: Facts
    order: tuple[str, ...]
    before: Decision
    after: Decision
    kind: Kind


@dataclass(frozen=True, slots=True, kw_only=True)
class StartReport:
    """One start tree compared: path counts on both sides and every changed cell."""

    start: str
    before_paths: int
    after_paths: int
    cells: int
    changed: tuple[Cell, ...]
    through_before: dict[str, int]
    through_after: dict[str, int]


def compare(before: Resolution | None, after: Resolution | None, start: str) -> StartReport:
    """Every cell of `start` in the two sets; a set without the tree yields failed decisions."""
    old = list(paths(before, start)) if before is not None and start in before.trees else None
    new = after if after is not None and start in after.trees else None
    unchanged = _unchanged(before, after)
    through_before = _through(old or ())
    through_after: dict[str, int] = {}
    new_count = 0
    if old is not None and new is not None and unchanged == set(new.trees) == set(
            before.trees if before else ()):  # the same trees: the same paths
        new_count, through_after = len(old), dict(through_before)
    else:
        for path in paths(new, start) if new is not None else ():
            new_count += 1
            _count_trees(path, through_after)
    pairs: Iterable[tuple[Path | None, Path | None]]
    if new is None:
        pairs = ((p, None) for p in old or ())
    elif old is None:
        pairs = ((None, q) for q in paths(new, start))
    else:
        pairs = ((p, q) for p in old if not _within(p, unchanged)
                 for q in paths(new, start, p.facts))
    # a path through unchanged trees only is one cell, the same on both sides
    cells = sum(1 for p in old or () if new is not None and _within(p, unchanged))
    changed = []
    for old_path, new_path in pairs:
        cells += 1
        left = of_path(old_path) if old_path else failed(_missing(before, start))
        right = of_path(new_path) if new_path else failed(_missing(after, start))
        kind = kind_of(left, right)
        facts = new_path.facts if new_path else old_path.facts if old_path else {}
        if kind is not Kind.SAME:
            changed.append(Cell(start=start, facts=facts, order=_order(old_path, new_path),
                                before=left, after=right, kind=kind))
    return StartReport(start=start, before_paths=len(old or ()), after_paths=new_count,
                       cells=cells, changed=tuple(changed), through_before=through_before,
                       through_after=through_after)


def _unchanged(before: Resolution | None, after: Resolution | None) -> set[str]:
    """The trees whose version in use has the same content on both sides."""
    if before is None or after is None:
        return set()
    return {str(tid) for tid, tree in after.trees.items()
            if (old := before.trees.get(tid)) is not None and old.sha256 == tree.sha256}


def _within(path: Path, unchanged: set[str]) -> bool:
    """Whether the path runs only through unchanged trees: then the after set walks it the
    same way (both sides share the vocabulary), and it need not be walked again."""
    if not isinstance(path.end, Outcome):
        return False
    return path.start in unchanged and path.tree.id in unchanged and all(
        leg.tree.id in unchanged and (not isinstance(leg, Transfer) or leg.target.id in unchanged)
        for leg in path.legs)


def _missing(resolution: Resolution | None, start: str) -> str:
    reason = resolution.unavailable.get(TreeId(start)) if resolution else None
    return reason or f"boom '{start}' bestaat niet in deze set"


def _through(found: Iterable[Path]) -> dict[str, int]:
    into: dict[str, int] = {}
    for path in found:
        _count_trees(path, into)
    return into


def _order(old: Path | None, new: Path | None) -> tuple[str, ...]:
    """The facts in the order the paths ask them: the new path's first."""
    seen: dict[str, None] = {}
    for path in (new, old):
        if path is not None:
            for turn in path.turns:
                seen.setdefault(turn.question.fact)
    return tuple(seen)


def _count_trees(path: Path, into: dict[str, int]) -> None:
    for tree in dict.fromkeys([path.start, *(t.tree.id for t in path.turns), path.tree.id]):
        into[tree] = into.get(tree, 0) + 1
