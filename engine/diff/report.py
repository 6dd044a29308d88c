"""The whole diff: periods of paths, cases and records, expected changes; grouped for reading."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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
class Report:
    before: str
    after: str
    periods: tuple[Period, ...]
    samples: tuple[Sample, ...]
    vocabulary: Mapping[FactKey, Fact]
    expected: tuple[Expected, ...] | None = None
    expect_file: str | None = None

    @property
    def changes(self) -> tuple[Change, ...]:
        cells = [c for p in self.periods for s in p.starts for c in s.changed]
        return (*cells, *(s for s in self.samples if s.kind is not Kind.SAME))

    @property
    def verdict(self) -> Verdict | None:
        return None if self.expected is None else judge(self.expected, self.changes)

    @property
    def passed(self) -> bool:
        """Nothing changed, or exactly the declared changes."""
        verdict = self.verdict
        return verdict.passed if verdict is not None else not self.changes


def group_key(group: Group) -> tuple[object, ...]:
    """Equal for groups with the same change on the same paths (in different periods)."""
    return (group.kind, group.before, group.after,
            tuple(tuple(sorted(c.facts.items())) for c in group.cells))


def groups(period: Period) -> list[Group]:
    """The period's changed cells by kind, then by outcome before and after, in path order."""
    found: dict[tuple[object, ...], list[Cell]] = {}
    firsts: dict[tuple[object, ...], tuple[Decision, Decision, tuple[str, ...]]] = {}
    for start in period.starts:
        for cell in start.changed:
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
