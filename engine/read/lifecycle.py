"""The lifecycle of versioned files: which version replaces which, and when each one decides.

A released file is never edited. A correcting version names the versions it `replaces`; those
get `superseded_by` and are kept only to replay old decisions. A later usable version ends the
period of the one before it on its own `valid_from`, so an older file never needs a new
`valid_until` (which would change its fingerprint, and so every record's replay).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Protocol, TypeVar

from engine.errors import Location, Problem, phrase, problem, suggest


class Versioned(Protocol):
    """A tree version or a covenant version, as far as its lifecycle goes."""

    @property
    def version(self) -> str: ...
    @property
    def valid_from(self) -> date: ...
    @property
    def valid_until(self) -> date | None: ...
    @property
    def replaces(self) -> tuple[str, ...]: ...
    @property
    def file(self) -> str: ...
    def where(self, key: str) -> Location: ...


V = TypeVar("V", bound=Versioned)


@dataclass(frozen=True, slots=True, kw_only=True)
class Standing:
    """What the lifecycle makes of one version: replaced by which, and its last deciding day."""

    superseded_by: str | None
    until: date | None


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def ordered(versions: Sequence[V]) -> list[V]:
    return sorted(versions, key=lambda v: (v.valid_from, version_key(v.version)))


def settle(versions: Sequence[Versioned]) -> dict[str, Standing]:
    """Per version: the first (lowest) version that replaces it, and the last day it decides:
    its own valid_until, or the day before the next usable version starts, whichever is first."""
    replacer: dict[str, str] = {}
    for v in sorted(versions, key=lambda v: version_key(v.version)):
        for old in v.replaces:  # only an older version can be replaced: the newest never is
            if version_key(old) < version_key(v.version):
                replacer.setdefault(old, v.version)
    usable = [v for v in ordered(versions) if v.version not in replacer]
    ends = {before.version: _end(before, after) for before, after in pairwise(usable)}
    return {v.version: Standing(superseded_by=replacer.get(v.version),
                                until=ends.get(v.version, v.valid_until)) for v in versions}


def _end(before: Versioned, after: Versioned) -> date | None:
    implied = after.valid_from - timedelta(days=1)
    return implied if before.valid_until is None else min(before.valid_until, implied)


def check(versions: Sequence[Versioned], what: str) -> Iterator[Problem]:
    """Every lifecycle problem: a wrong `replaces`, and any date from the first `valid_from` on
    without exactly one usable version in force. `what` names the thing (a Phrase)."""
    names = {v.version for v in versions}
    for v in versions:
        for old in v.replaces:
            yield from _replaces(v, old, names)
    standing = settle(versions)
    chain = ordered(versions)
    usable = [v for v in chain if standing[v.version].superseded_by is None]
    first = chain[0]
    if usable and usable[0].valid_from > first.valid_from:
        yield problem(usable[0].where("valid_from"), "lifecycle.uncovered",
                      phrase("lifecycle.uncovered", start=first.valid_from,
                             end=usable[0].valid_from - timedelta(days=1), what=what,
                             version=first.version),
                      phrase("lifecycle.one_per_date"),
                      phrase("lifecycle.start_on", version=usable[0].version,
                             date=first.valid_from))
    for before, after in pairwise(usable):
        yield from _sequence(before, after)


def _replaces(v: Versioned, old: str, names: set[str]) -> Iterator[Problem]:
    where = v.where("replaces")
    if old == v.version:
        yield problem(where, "lifecycle.replaces", phrase("lifecycle.self", version=old),
                      phrase("lifecycle.earlier"))
    elif old not in names:
        yield problem(where, "lifecycle.replaces",
                      phrase("lifecycle.missing", version=v.version, old=old),
                      phrase("lifecycle.existing"), suggest(old, names))
    elif version_key(old) > version_key(v.version):
        yield problem(where, "lifecycle.replaces",
                      phrase("lifecycle.newer", version=v.version, old=old),
                      phrase("lifecycle.lower"), phrase("lifecycle.lower_hint"))


def _sequence(before: Versioned, after: Versioned) -> Iterator[Problem]:
    names = {"before": before.version, "after": after.version}
    if version_key(after.version) <= version_key(before.version):
        yield problem(after.where("version"), "validity.order",
                      phrase("validity.order", **names), phrase("validity.order_expected"))
    if after.valid_from == before.valid_from:
        yield problem(after.where("valid_from"), "validity.overlap",
                      phrase("validity.same_start", date=after.valid_from, **names),
                      phrase("validity.one_per_date"), phrase("validity.same_start_hint", **names))
    elif before.valid_until is not None and before.valid_until >= after.valid_from:
        yield problem(after.where("valid_from"), "validity.overlap",
                      phrase("validity.overlap", start=after.valid_from,
                             end=before.valid_until, **names),
                      phrase("validity.adjoining"),
                      phrase("validity.overlap_hint",
                             date=before.valid_until + timedelta(days=1), **names))
    elif before.valid_until is not None \
            and before.valid_until + timedelta(days=1) < after.valid_from:
        yield problem(after.where("valid_from"), "validity.gap",
                      phrase("validity.gap", end=before.valid_until, start=after.valid_from,
                             **names),
                      phrase("validity.no_gap"),
                      phrase("lifecycle.start_on", version=after.version,
                             date=before.valid_until + timedelta(days=1)))
