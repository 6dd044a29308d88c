"""The app's one state: the date view, the language, the walk and where its facts came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from engine.decide.evaluate import Walk
from engine.decide.session import Session
from engine.decide.versions import Resolution, resolve
from engine.explain.filing import Filing
from engine.model import Library, Value


@dataclass(frozen=True, slots=True, kw_only=True)
class AppState:
    """Everything the app knows, each thing once: the decision date lives in `resolution` (and in
    the session, kept equal by `at`), the walk's answers in `session`. Replaced, never mutated."""

    resolution: Resolution
    lang: str = "nl"
    start_tree: str | None = None
    given: Mapping[str, Value] = field(default_factory=dict)
    case_title: str | None = None
    session: Session | None = None
    walk: Walk | None = None  # the engine's walk of `session`; set only together with it
    filing: Filing = field(default_factory=Filing)  # ticks and fields for the decision document

    @property
    def library(self) -> Library:
        return self.resolution.library

    @property
    def on(self) -> date:
        return self.resolution.on

    def at(self, on: date) -> AppState:
        """The same state on another decision date: the versions in force then, the session
        (if any) re-dated so that the two can never disagree."""
        session = replace(self.session, on=on) if self.session is not None else None
        return replace(self, resolution=resolve(self.library, on), session=session, walk=None)

    def walking(self, session: Session, walk: Walk) -> AppState:
        """The state after an answer; the checklist's ticks stay while they are about the same
        conditions (also after going back and answering again), not on another outcome."""
        filing = self.filing
        if walk is not None and walk.outcome is not None:  # None: tests of the date alone
            filing = filing.for_conditions(tuple(c.text.get("nl")
                                                 for c in walk.outcome.conditions))
        return replace(self, session=session, walk=walk, filing=filing)

    def ticked(self, index: int, on: bool) -> AppState:
        return replace(self, filing=self.filing.ticked(index, on))

    def fresh(self) -> AppState:
        """A clean start on the same date and language: no facts from a case or record."""
        return AppState(resolution=resolve(self.library, self.on), lang=self.lang,
                        start_tree=self.library.entry)

    def with_facts(self, *, on: date, start: str, given: Mapping[str, Value],
                   title: str | None, resolution: Resolution | None = None) -> AppState:
        """Facts from a case file or a record: their date (or pinned versions), start and title."""
        return replace(self, resolution=resolution or resolve(self.library, on), start_tree=start,
                       given=dict(given), case_title=title, session=None, walk=None,
                       filing=Filing())

    def new_session(self) -> Session | None:
        """A new walk from the start tree with the known facts; None when there is no tree."""
        if self.start_tree is None:
            return None
        return Session(start=self.start_tree, on=self.on, given=self.given)
