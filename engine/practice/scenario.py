"""Scenario sets: workshop stories with the facts they imply, read, checked and walked.

A set is a folder `trees/scenarios/<id>/` with a `set.yaml` and one file per scenario. The
expected answer is never stored: `expected` walks the trees on the story's facts, so a scenario
cannot drift from the law.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import citation
from engine.cases import check_facts, check_refs, check_start
from engine.decide.evaluate import Walk, walk
from engine.decide.versions import resolve
from engine.errors import DeelwijzerError, Location, Problem, Severity, error_phrase, phrase
from engine.model import Library, Text, Value
from engine.read.paths import SET_FILE

if TYPE_CHECKING:
    from engine.read.build import Context

#: A story read aloud or from a card: long enough to hold the facts, short enough for a minute.
WORDS = (80, 150)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    id: str
    title: Text
    exploitation: str
    role: Text
    story: Text
    question: Text
    facts: Mapping[str, Value]
    teaching: Text
    citations: tuple[str, ...]
    misconception: Text
    start: str
    file: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioSet:
    id: str
    title: Text
    intro: Text | None
    date: date | None
    scenarios: tuple[Scenario, ...]
    file: str

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def scenario_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != SET_FILE and p.is_file())


def expected(library: Library, on: date, scenario: Scenario) -> Walk:
    """The trees' own walk on the story's facts: what a participant is scored against."""
    return walk(resolve(library, on), scenario.start, scenario.facts)


def _text(data: Mapping[str, str]) -> Text:
    return Text(nl=data["nl"], en=data.get("en"))


def read_set(folder: Path, library: Library, on: date, base: Path | None = None,
             ) -> tuple[ScenarioSet | None, tuple[Problem, ...]]:
    """A scenario set, each scenario checked on the trees in force on the set's own date (if
    it has one) or `on`. None when the set file cannot be used; a broken scenario is left out."""
    from engine.read.build import Context, day  # noqa: PLC0415 - reading needs the YAML stack
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(folder / SET_FILE, "scenario-set", base)
    if doc is None:
        return None, problems
    ctx = Context(doc)
    data = doc.data
    when = day(data.get("date"), ctx, ("date",))
    if data["id"] != folder.name:
        ctx.problem(("id",), "scenario.set",
                    phrase("scenario.set.found", id=data["id"], folder=folder.name),
                    phrase("scenario.set.expected"), phrase("scenario.set.hint", id=data["id"]))
    found = list(ctx.problems)
    scenarios: dict[str, Scenario] = {}
    for path in scenario_files(folder):
        scenario, more = read_scenario(path, library, when or on, base)
        found.extend(more)
        if scenario is None:
            continue
        if scenario.id in scenarios:
            found.append(Problem(
                location=Location(file=scenario.file, line=1, column=1),
                code="scenario.duplicate", found=phrase("scenario.duplicate.found", id=scenario.id),
                expected=phrase("scenario.duplicate.expected"),
                hint=phrase("scenario.duplicate.hint", file=scenarios[scenario.id].file)))
            continue
        scenarios[scenario.id] = scenario
    if not scenarios:
        found.append(Problem(location=doc.locate(("id",)), code="scenario.empty",
                             found=phrase("scenario.empty.found"),
                             expected=phrase("scenario.empty.expected")))
    return ScenarioSet(id=data["id"], title=_text(data["title"]),
                       intro=_text(data["intro"]) if "intro" in data else None, date=when,
                       scenarios=tuple(scenarios.values()), file=doc.file), tuple(found)


def read_scenario(path: Path, library: Library, on: date, base: Path | None = None,
                  ) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """One scenario: its shape, facts in the vocabulary, a walk that reaches an outcome, and
    every teaching-point citation on that walk's path. None (with problems) when unusable."""
    from engine.read.build import Context  # noqa: PLC0415
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(path, "scenario", base)
    if doc is None:
        return None, problems
    ctx = Context(doc)
    data: dict[str, Any] = doc.data
    facts = check_facts(ctx, data["facts"], library)
    start = check_start(ctx, data, library)
    refs = tuple(data["teaching"]["citations"])
    check_refs(ctx, refs, ("teaching", "citations"))
    count = len(data["story"]["nl"].split())
    if not WORDS[0] <= count <= WORDS[1]:
        ctx.problem(("story", "nl"), "scenario.length",
                    phrase("scenario.length.found", count=count),
                    phrase("scenario.length.expected", low=WORDS[0], high=WORDS[1]),
                    phrase("scenario.length.hint"), Severity.WARNING)
    if any(p.is_error for p in ctx.problems):
        return None, tuple(ctx.problems)
    scenario = Scenario(
        id=data["id"], title=_text(data["title"]), exploitation=data["exploitation"],
        role=_text(data["role"]), story=_text(data["story"]), question=_text(data["question"]),
        facts=facts, teaching=_text(data["teaching"]["text"]), citations=refs,
        misconception=_text(data["misconception"]), start=start, file=doc.file)
    _check_walk(ctx, scenario, library, on)
    usable = not any(p.is_error for p in ctx.problems)
    return (scenario if usable else None), tuple(ctx.problems)


def _check_walk(ctx: Context, scenario: Scenario, library: Library, on: date) -> None:
    """The story's facts must bring the trees to an outcome whose path holds every citation."""
    try:
        result = expected(library, on, scenario)
    except DeelwijzerError as exc:
        ctx.problem(("facts",), "scenario.walk",
                    phrase("scenario.walk.found", error=error_phrase(exc)),
                    phrase("scenario.walk.expected"))
        return
    pending = result.pending
    if pending is not None:
        q = pending.question
        ctx.problem(("facts",), "scenario.incomplete",
                    phrase("scenario.incomplete.found", question=q.id, fact=q.fact,
                           tree=pending.tree.id, version=pending.tree.version,
                           date=on.isoformat()),
                    phrase("scenario.incomplete.expected"),
                    phrase("scenario.incomplete.hint", fact=q.fact))
        return
    refs = [c.ref for c in result.citations]
    for i, ref in enumerate(scenario.citations):
        if not any(citation.matches(ref, got) for got in refs):
            same = [r for r in refs if r.split(":", 1)[0] == ref.split(":", 1)[0]]
            ctx.problem(("teaching", "citations", i), "scenario.citation",
                        phrase("scenario.citation.found", ref=ref),
                        phrase("scenario.citation.expected"),
                        phrase("scenario.citation.on_path", refs=", ".join(same[:6])) if same
                        else phrase("scenario.citation.not_on_path"))
