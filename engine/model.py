"""The frozen domain model: facts, sources, citations, trees and their nodes, clauses."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from typing import NewType

from engine.errors import Location, Problem
from engine.startup import Frozen

FactKey = NewType("FactKey", str)
TreeId = NewType("TreeId", str)
NodeId = NewType("NodeId", str)
ClauseId = NewType("ClauseId", str)
SourceId = NewType("SourceId", str)

#: A fact's value: one value for one_of / yes_no facts, a tuple for many_of facts.
Value = str | tuple[str, ...]

LANGS = ("nl", "en")

#: Placeholders a flow clause may use; each is filled from the fact of the same name.
PLACEHOLDERS = ("verstrekker", "ontvanger", "doel", "gegevens", "regime")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Text(Frozen):
    """A text a professional reads, in Dutch and (usually) English."""

    nl: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Dutch."""
        return self.en if lang == "en" and self.en else self.nl


class FactType(Enum):
    ONE_OF = "one_of"
    MANY_OF = "many_of"
    YES_NO = "yes_no"


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice(Frozen):
    value: str
    label: Text
    group: Text | None = None  # the heading it is shown under (facts.yaml `groups`)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact(Frozen):
    key: FactKey
    type: FactType
    label: Text
    help: Text | None
    choices: tuple[Choice, ...]
    #: A derived fact is never asked: its value follows from `derived_from` by `mapping`.
    derived_from: FactKey | None = None
    mapping: tuple[tuple[str, str], ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def derive(self, source: Value) -> str | None:
        """This fact's value for a value of the fact it is derived from (None: not mapped)."""
        return next((to for frm, to in self.mapping if frm == source), None)

    def label_of(self, value: str, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label.get(lang)
        return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Frozen):
    id: SourceId
    name: Text
    short: str
    identifier: str
    url: str
    consolidation: date
    #: How to link to one article (see docs/legal-model.md); None: link to the law.
    article_url: str | None = None


#: A guard on an outcome's item: facts known on the walk's path, each with the values it may
#: have (any of them). An item whose guard does not hold, or names a fact not known on the path,
#: does not apply on that path.
Guard = tuple[tuple[FactKey, tuple[str, ...]], ...]


def holds(guard: Guard, known: Mapping[str, Value]) -> bool:
    for fact, allowed in guard:
        value = known.get(fact)
        if value is None:
            return False
        chosen = set(value) if isinstance(value, tuple) else {value}
        if not chosen & set(allowed):
            return False
    return True


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation(Frozen):
    """A canonical reference such as avg:6(1)(e): a source and a locator within it."""

    source: SourceId
    locator: str
    verified: bool = True
    note: Text | None = None
    when: Guard = ()  # only on an outcome's grounds
    #: For the reviewer only ("nalopen ..."): shown in the review document, never to a
    #: professional (the same holds for `review_note` on every other item).
    review_note: Text | None = None

    @property
    def ref(self) -> str:
        return f"{self.source}:{self.locator}" if self.locator else self.source


class Verdict(Enum):
    DELEN = "delen"
    DELEN_MITS = "delen_mits"
    NIET_DELEN = "niet_delen"
    ADVIES = "advies"

    @property
    def allows_sharing(self) -> bool:
        """Whether data may be shared (at all, or on conditions): the one place this is decided."""
        return self in (Verdict.DELEN, Verdict.DELEN_MITS)


class Regime(Enum):
    AVG = "avg"
    WPG = "wpg"
    WJSG = "wjsg"


class Status(Enum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"


@dataclass(frozen=True, slots=True, kw_only=True)
class Why(Frozen):
    text: Text
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Option(Frozen):
    """One way out of a question; `values` is empty for the `otherwise` branch."""

    values: tuple[str, ...]
    next: NodeId
    label: Text | None = None
    note: Text | None = None
    citations: tuple[Citation, ...] = ()
    location: Location
    review_note: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question(Frozen):
    id: NodeId
    fact: FactKey
    text: Text
    help: Text | None
    why: Why | None
    options: tuple[Option, ...]
    otherwise: Option | None
    location: Location
    review_note: Text | None = None

    @property
    def branches(self) -> tuple[Option, ...]:
        return (*self.options, self.otherwise) if self.otherwise else self.options


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition(Frozen):
    """A text with citations: something to do (a condition) or to do instead (an alternative)."""

    text: Text
    citations: tuple[Citation, ...] = ()
    when: Guard = ()
    review_note: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome(Frozen):
    id: NodeId
    verdict: Verdict
    regime: Regime
    summary: Text
    grounds: tuple[Citation, ...]
    conditions: tuple[Condition, ...]
    clauses: tuple[ClauseId, ...]
    advice: Text | None
    location: Location
    #: What the professional can lawfully do instead (on niet_delen and advies outcomes).
    alternatives: tuple[Condition, ...] = ()
    #: The guard of each clause, in the order of `clauses` (empty: none is guarded).
    clause_when: tuple[Guard, ...] = ()
    #: Whether any item carries a guard (else every path shows the outcome as it is).
    guarded: bool = False
    review_note: Text | None = None

    def on_path(self, known: Mapping[str, Value]) -> Outcome:
        """This outcome with only the items whose guard holds for the facts `known` on the
        path (what a walk that ends here shows)."""
        return self.keep(lambda guard: holds(guard, known)) if self.guarded else self

    def keep(self, applies: Callable[[Guard], bool]) -> Outcome:
        """This outcome with only the items whose guard `applies`."""
        guards = self.clause_when or ((),) * len(self.clauses)
        return replace(
            self, grounds=tuple(c for c in self.grounds if applies(c.when)),
            conditions=tuple(c for c in self.conditions if applies(c.when)),
            alternatives=tuple(c for c in self.alternatives if applies(c.when)),
            clauses=tuple(c for c, g in zip(self.clauses, guards, strict=True) if applies(g)),
            clause_when=(), guarded=False)

    @property
    def guards(self) -> tuple[Guard, ...]:
        """Every guard on this outcome's items (empty ones included)."""
        return (*(c.when for c in self.grounds), *(c.when for c in self.conditions),
                *(c.when for c in self.alternatives), *self.clause_when)


@dataclass(frozen=True, slots=True, kw_only=True)
class Goto(Frozen):
    id: NodeId
    tree: TreeId
    node: NodeId | None
    location: Location


Node = Question | Outcome | Goto


@dataclass(frozen=True, slots=True, kw_only=True)
class Change(Frozen):
    version: str
    date: date
    changes: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class Tree(Frozen):
    """One version of a decision tree."""

    id: TreeId
    title: Text
    version: str
    valid_from: date
    valid_until: date | None
    status: Status
    reviewed_by: str | None
    reviewed_on: date | None
    entry: bool
    changelog: tuple[Change, ...]
    start: NodeId
    nodes: Mapping[NodeId, Node]
    file: str
    sha256: str
    header: Mapping[str, Location]
    #: The versions this one corrects (declared in this file, never in theirs).
    replaces: tuple[str, ...] = ()
    #: Derived when loading: the version that replaces this one; a replaced version is kept
    #: only to replay old decisions, never chosen for a new one.
    superseded_by: str | None = None
    #: Derived when loading: the last day this version decides (its own `valid_until`, or the
    #: day before the next usable version starts); None: open-ended.
    until: date | None = None

    def where(self, key: str) -> Location:
        """The location of a header field (`valid_from`, `entry`...), or the file's top."""
        return self.header.get(key, Location(file=self.file, line=1, column=1))

    @property
    def version_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.version.split("."))

    @property
    def is_usable(self) -> bool:
        """Not replaced: may decide a new case."""
        return self.superseded_by is None

    def is_in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.until is None or on <= self.until)


class Scope(Enum):
    STANDAARD = "standaard"
    STROOM = "stroom"


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause(Frozen):
    id: ClauseId
    scope: Scope
    section: str
    title: Text
    text: Text
    citations: tuple[Citation, ...]
    regimes: tuple[Regime, ...]
    verdicts: tuple[Verdict, ...]
    location: Location


@dataclass(frozen=True, slots=True, kw_only=True)
class Covenant(Frozen):
    """One version of the model covenant: the clauses outcomes point into."""

    id: str
    title: Text
    version: str
    valid_from: date
    valid_until: date | None
    status: Status
    clauses: tuple[Clause, ...]
    file: str
    sha256: str
    header: Mapping[str, Location] = field(default_factory=dict)
    replaces: tuple[str, ...] = ()
    superseded_by: str | None = None  # derived, as for Tree
    until: date | None = None  # derived, as for Tree

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def where(self, key: str) -> Location:
        return self.header.get(key, Location(file=self.file, line=1, column=1))

    @property
    def is_usable(self) -> bool:
        return self.superseded_by is None

    def is_in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.until is None or on <= self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class Library(Frozen):
    """Everything loaded: the vocabulary, the sources, every valid tree version, the covenants.

    `broken` names the trees of which at least one version failed to load; such a tree is never
    used, so that a broken file cannot silently change a verdict.
    """

    facts: Mapping[FactKey, Fact]
    sources: Mapping[SourceId, Source]
    trees: Mapping[TreeId, tuple[Tree, ...]]
    covenants: tuple[Covenant, ...]
    broken: Mapping[TreeId, tuple[str, ...]]

    def versions(self, tree_id: str) -> tuple[Tree, ...]:
        return self.trees.get(TreeId(tree_id), ())

    @property
    def entry(self) -> TreeId | None:
        for tree_id, versions in self.trees.items():
            if any(t.entry for t in versions):
                return tree_id
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadResult(Frozen):
    """A loaded library and every problem found on the way (errors and warnings)."""

    library: Library
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)
