"""Case files and decision records run on both tree sets, each compared like a path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from engine.cases import read_case
from engine.decide.evaluate import walk
from engine.decide.versions import resolve
from engine.diff.decision import Decision, Kind, failed, kind_of, of_walk
from engine.errors import DeelwijzerError, Problem
from engine.model import Library, Value
from engine.record import read_record


@dataclass(frozen=True, slots=True, kw_only=True)
class Sample:
    """One case file or decision record, decided on both sets."""

    what: str  # "case" | "record"
    name: str  # the case id, or the record's file name
    file: str
    facts: Mapping[str, Value]
    before: Decision
    after: Decision
    kind: Kind


def compare_cases(before: Library, after: Library, files: list[tuple[Path, Path | None]],
                  ) -> list[Sample]:
    """Each case file (with the folder its name is shown from) walked with each set."""
    out = []
    same: dict[date, bool] = {}
    for path, base in files:
        right, facts_after, name_after, file, on = _case(after, path, base)
        if on is not None and same.setdefault(on, _same_trees(before, after, on)):
            left, facts, name = right, facts_after, name_after  # the same trees decide alike
        else:
            left, facts, name, _, _ = _case(before, path, base)
        out.append(Sample(what="case", name=name_after or name, file=file,
                          facts=facts_after or facts, before=left, after=right,
                          kind=kind_of(left, right)))
    return out


def _case(library: Library, path: Path, base: Path | None,
          ) -> tuple[Decision, Mapping[str, Value], str, str, date | None]:
    case, problems = read_case(path, library, base)
    if case is None:
        first = problems[0] if problems else None
        return (failed(f"casus niet te lezen: {first.found if first else path}"), {},
                path.stem, str(first.location.file) if first else path.name, None)
    return (_decide(library, case.date, case.start, case.facts), case.facts, case.id,
            case.file, case.date)


def _same_trees(before: Library, after: Library, on: date) -> bool:
    """Whether both sets decide on `on` with trees of the same content (both share the
    vocabulary, see compare.build): then a case is decided once."""
    def used(library: Library) -> set[tuple[str, str]]:
        try:
            return {(t.id, t.sha256) for t in resolve(library, on).trees.values()}
        except DeelwijzerError:
            return set()

    found = used(after)
    return bool(found) and found == used(before)


def compare_records(before: Library, after: Library, files: list[Path],
                    ) -> tuple[list[Sample], list[Problem]]:
    """Each decision record decided again on its own date with both sets."""
    out: list[Sample] = []
    problems: list[Problem] = []
    for path in files:
        data, found = read_record(path)
        problems.extend(found)
        if data is None:
            continue
        on = date.fromisoformat(data["decision_date"])
        facts = {k: tuple(v) if isinstance(v, list) else v for k, v in data["facts"].items()}
        left = _decide(before, on, data["start"], facts)
        right = _decide(after, on, data["start"], facts)
        out.append(Sample(what="record", name=path.name, file=str(path), facts=facts,
                          before=left, after=right, kind=kind_of(left, right)))
    return out, problems


def _decide(library: Library, on: date, start: str, facts: Mapping[str, Value]) -> Decision:
    try:
        return of_walk(walk(resolve(library, on), start, facts))
    except DeelwijzerError as exc:
        return failed(str(exc))
