"""One call from two loaded tree sets to a diff report: paths, cases, records, expectations."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from engine.diff.expect import read_expected
from engine.diff.report import Report
from engine.diff.samples import compare_cases, compare_records
from engine.diff.sets import Period, VersionError, diff_sets, diff_versions
from engine.errors import Location, Problem, phrase
from engine.model import Library


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportInput:
    """What to compare. `versions` = (tree, old, new) compares two versions within `new`."""

    before: str
    after: str
    old: Library
    new: Library
    on: date | None = None
    versions: tuple[str, str, str] | None = None
    case_files: list[tuple[Path, Path | None]] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)
    expect: Path | None = None
    base: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Built:
    report: Report
    problems: tuple[Problem, ...]


def build(given: ReportInput) -> Built:
    # The vocabulary only grows (facts.yaml is a public contract): with the new one on both
    # sides, a value added since falls where the old trees sent it (often `otherwise`), and
    # the diff shows where the new trees send it instead.
    given = replace(given, old=replace(given.old, facts={**given.old.facts, **given.new.facts}))
    problems: list[Problem] = []
    periods: tuple[Period, ...]
    if given.versions is not None:
        tree, old, new = given.versions
        try:
            periods = (diff_versions(given.new, tree, old, new, given.on),)
        except VersionError as exc:
            problems.append(Problem(location=Location(file=tree), code="diff.version",
                                    found=str(exc), expected=phrase("diff.version_expected")))
            periods = ()
        before, after = f"{tree} {old}", f"{tree} {new}"
    else:
        periods = diff_sets(given.old, given.new, given.on)
        before, after = given.before, given.after
    samples = [*compare_cases(given.old, given.new, given.case_files)]
    records, found = compare_records(given.old, given.new, given.records)
    problems.extend(found)
    expected = None
    if given.expect is not None:
        expected, unreadable = read_expected(given.expect, given.new)
        problems.extend(unreadable)
    vocabulary = {**given.old.facts, **given.new.facts}
    report = Report(before=before, after=after, periods=periods, samples=(*samples, *records),
                    vocabulary=vocabulary, expected=expected,
                    expect_file=str(given.expect) if given.expect else None)
    return Built(report=report, problems=tuple(problems))
