"""The one error hierarchy of the engine: every problem a person can cause names its place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """How bad a problem is: errors stop a file from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A place in a file; line and column are 1-based, 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong in the input: where, what was found, what was expected, and a hint."""

    location: Location
    code: str
    found: str
    expected: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        label = "" if self.is_error else "waarschuwing: "
        text = f"{self.location}: {label}{self.found}; {self.expected}"
        return f"{text}; {self.hint}" if self.hint else text


def problem(loc: Location, code: str, found: str, expected: str, hint: str = "",
            severity: Severity = Severity.ERROR) -> Problem:
    """A Problem, positionally: the checks build many of them."""
    return Problem(location=loc, code=code, found=found, expected=expected, hint=hint,
                   severity=severity)


class DeelwijzerError(Exception):
    """Base of every error the engine raises on purpose."""


class LoadError(DeelwijzerError):
    """Input that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class WalkError(DeelwijzerError):
    """A walk was asked something impossible: an unknown tree, node, fact or value."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}; {hint}" if hint else message)


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A 'did you mean ...?' hint for a misspelt id, or an empty string."""
    names = sorted(candidates)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return f"bedoelde je '{close[0]}'?" if close else ""
