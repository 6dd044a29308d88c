"""The whole diff: periods of paths, cases and records, expected changes; grouped for reading."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from engine.diff.cells import Cell
from engine.diff.decision import OUTCOME_ASPECTS, VERIFICATION_ASPECTS, Decision, Kind, differences
from engine.diff.expect import Change, Expected, Verdict, judge
from engine.diff.samples import Sample
from engine.diff.sets import Period
from engine.model import Fact, FactKey


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """Changed cells that went from one outcome to another in the same way."""

    kind: Kind
    before: Decision
    after: Decision
    aspects: tuple[str, ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """A period's changed paths: those first found in it, and those an earlier period with
    the same change already lists (each with that period's date). A change to a version in
    use in several periods is listed, counted and matched against --expect once."""

    period: Period
    new: tuple[Cell, ...]
    repeated: tuple[tuple[Cell, date], ...]


def cell_key(cell: Cell) -> tuple[object, ...]:
    """Equal for the same change on the same facts, whichever period found it."""
    return (cell.start, cell.kind, cell.before, cell.after,
            tuple(sorted(cell.facts.items(), key=lambda item: item[0])))


def listings(periods: Iterable[Period]) -> list[Listing]:
    first: dict[tuple[object, ...], date] = {}
    out = []
    for period in periods:
        new, repeated = [], []
        for cell in (c for s in period.starts for c in s.changed):
            key = cell_key(cell)
            if key in first:
                repeated.append((cell, first[key]))
            else:
                first[key] = period.on
                new.append(cell)
        out.append(Listing(period=period, new=tuple(new), repeated=tuple(repeated)))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    before: str
    after: str
    periods: tuple[Period, ...]
    samples: tuple[Sample, ...]
    vocabulary: Mapping[FactKey, Fact]
    expected: tuple[Expected, ...] | None = None
    expect_file: str | None = None
    #: Worked out once (`listings(periods)`, changes, the verdict): a large diff has tens of
    #: thousands of changed paths.
    _memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def listed(self) -> list[Listing]:
        found = self._memo.get("listed")
        if found is None:
            found = self._memo["listed"] = listings(self.periods)
        return found  # type: ignore[return-value]

    @property
    def changes(self) -> tuple[Change, ...]:
        found = self._memo.get("changes")
        if found is None:
            cells = [c for listing in self.listed for c in listing.new]
            found = self._memo["changes"] = (
                *cells, *(s for s in self.samples if s.kind is not Kind.SAME))
        return found  # type: ignore[return-value]

    def is_unexpected(self, change: Change) -> bool:
        """Whether `change` is one no declaration covers (only with --expect)."""
        verdict = self.verdict
        if verdict is None:
            return False
        ids = self._memo.get("unexpected")
        if ids is None:
            ids = self._memo["unexpected"] = {id(c) for c in verdict.unexpected}
        return id(change) in ids  # type: ignore[operator]

    @property
    def verdict(self) -> Verdict | None:
        if self.expected is None:
            return None
        if "verdict" not in self._memo:
            self._memo["verdict"] = judge(self.expected, self.changes)
        return self._memo["verdict"]  # type: ignore[return-value]

    @property
    def passed(self) -> bool:
        """Nothing changed, or exactly the declared changes."""
        verdict = self.verdict
        return verdict.passed if verdict is not None else not self.changes


def groups(period: Period) -> list[Group]:
    """The period's changed cells by kind, then by outcome before and after, in path order."""
    return group_cells(c for s in period.starts for c in s.changed)


def group_cells(cells: Iterable[Cell]) -> list[Group]:
    """Changed cells by kind, then by outcome before and after, in path order."""
    found: dict[tuple[object, ...], list[Cell]] = {}
    firsts: dict[tuple[object, ...], tuple[Decision, Decision, tuple[str, ...]]] = {}
    for cell in cells:
        aspects = tuple(a for a in differences(cell.before, cell.after)
                        if a in OUTCOME_ASPECTS or a in VERIFICATION_ASPECTS)
        key = (cell.kind.value, cell.before.end, cell.after.end,
               tuple(getattr(cell.before, a) for a in aspects),
               tuple(getattr(cell.after, a) for a in aspects))
        found.setdefault(key, []).append(cell)
        firsts.setdefault(key, (cell.before, cell.after, aspects))
    order = sorted(found, key=lambda k: (k[0] != Kind.OUTCOME.value, str(k[1]), str(k[2])))
    return [Group(kind=found[k][0].kind, before=firsts[k][0], after=firsts[k][1],
                  aspects=firsts[k][2], cells=tuple(found[k])) for k in order]
