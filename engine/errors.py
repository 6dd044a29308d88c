"""The one error model: every failure a person can cause is a DeelwijzerError with its place
and its exit code; problems in input files are collected as located Problems."""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from engine.words import say

#: Exit codes of every command (docs/cli.md).
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: The reader of the output went away (`deelwijzer cases | head -1`): 128 + SIGPIPE, as the
#: shell reports for any program that stops for that reason.
EXIT_PIPE = 141


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


class Phrase(str):
    """Words from the catalogue with their values: a Dutch string everywhere a string goes
    (so every reader of a Problem keeps working), said in another language with `said`."""

    key: str
    values: tuple[tuple[str, object], ...]

    def __new__(cls, key: str, values: tuple[tuple[str, object], ...] = ()) -> Phrase:
        made = super().__new__(cls, say(key, "nl", **dict(values)))
        made.key, made.values = key, values
        return made

    def said(self, lang: str) -> str:
        values = {k: v.said(lang) if isinstance(v, Phrase) else v for k, v in self.values}
        return say(self.key, lang, **values)

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, tuple[tuple[str, object], ...]]]:
        return Phrase, (self.key, self.values)


def phrase(key: str, **values: object) -> Phrase:
    """The catalogue's words for `key` with these values (see engine/words.py)."""
    return Phrase(key, tuple(values.items()))


def said(text: str, lang: str) -> str:
    """`text` in `lang` when its words come from the catalogue (a Phrase); else as it is."""
    return text.said(lang) if isinstance(text, Phrase) else text


_said = said


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong in the input: where, what was found, what was expected, and a hint."""

    location: Location
    code: str
    found: str  # a Phrase where the words come from the catalogue (then also in English)
    expected: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, lang: str = "nl") -> str:
        """The problem in `lang`: place, what was found, what was expected, the hint."""
        label = "" if self.is_error else say("problem.warning", lang) + ": "
        text = f"{self.location}: {label}{_said(self.found, lang)}; {_said(self.expected, lang)}"
        hint = _said(self.hint, lang)
        return f"{text}; {hint}" if hint else text

    def __str__(self) -> str:
        return self.text("nl")


def problem(loc: Location, code: str, found: str, expected: str, hint: str = "",
            severity: Severity = Severity.ERROR) -> Problem:
    """A Problem, positionally: the checks build many of them."""
    return Problem(location=loc, code=code, found=found, expected=expected, hint=hint,
                   severity=severity)


class DeelwijzerError(Exception):
    """Base of every error raised on purpose: a message, a hint, a place when there is one,
    and the exit code a command ends with."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, hint: str = "", location: Location | None = None) -> None:
        self.message = message
        self.hint = hint
        self.location = location
        super().__init__(self.text("nl"))

    def said(self, lang: str = "nl") -> str:
        """The message alone (no place, no hint) in `lang`."""
        return _said(self.message, lang)

    def text(self, lang: str = "nl") -> str:
        """The error in `lang` (where its words come from the catalogue; else as given)."""
        message, hint = _said(self.message, lang), _said(self.hint, lang)
        text = f"{self.location}: {message}" if self.location else message
        return f"{text}; {hint}" if hint else text


def error_phrase(exc: DeelwijzerError) -> str:
    """An error as a value for other words: a Phrase (said in either language) where its
    words come from the catalogue, else its text as it is."""
    if not isinstance(exc.message, Phrase) or exc.location is not None:
        return str(exc)
    return phrase("error.hinted", message=exc.message, hint=exc.hint) if exc.hint \
        else exc.message


def error_text(exc: BaseException, lang: str) -> str:
    """An exception as a person reads it: our own errors in `lang`, any other as it is."""
    return exc.text(lang) if isinstance(exc, DeelwijzerError) else str(exc)


class LoadError(DeelwijzerError):
    """Input that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems),
                         location=problems[0].location if problems else None)
        self.args = ("\n".join(str(p) for p in problems),)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def text(self, lang: str = "nl") -> str:
        return "\n".join(p.text(lang) for p in self.problems)


class WalkError(DeelwijzerError):
    """A walk was asked something impossible: an unknown tree, node, fact or value."""


class UsageError(DeelwijzerError):
    """A command line or an action the user must correct."""

    exit_code = EXIT_USAGE


class FileError(DeelwijzerError):
    """A file that could not be read or written, in words (never the system's English)."""


#: The system's reasons that a person can act on, by errno, in words (engine/words.py
#: `os.<NAME>`); any other is named as a system error with the system's own text marked as the
#: technical detail.
_REASONS = {getattr(errno, name): name for name in (
    "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EDQUOT", "EROFS", "EEXIST",
    "ENAMETOOLONG", "ELOOP", "EINVAL", "EIO", "EBUSY", "EFBIG", "ENXIO", "ENODEV", "ETXTBSY",
    "EMFILE", "ENFILE", "EXDEV", "ENOTEMPTY") if hasattr(errno, name)}


def os_reason(exc: OSError) -> Phrase:
    """Why the system refused, in words a person can act on (never the system's English
    inside a Dutch sentence)."""
    name = _REASONS.get(exc.errno or 0)
    if name is not None:
        return phrase(f"os.{name}")
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno or "?"))
    return phrase("os.other", code=code, detail=exc.strerror or str(exc))


def file_error(path: Path | str, exc: OSError, doing: str = "open") -> FileError:
    """An OSError as a FileError that names the file and says what went wrong, in Dutch and
    English. `doing` is one of open, read, write, save."""
    return FileError(phrase("file.cannot", path=path, doing=phrase(f"file.{doing}"),
                            reason=os_reason(exc)), phrase("file.hint"))


def output_error(exc: OSError) -> FileError:
    """Standard output could not be written (a full disk under `> file`), in words."""
    return FileError(phrase("file.stdout", reason=os_reason(exc)), phrase("file.stdout_hint"))


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A 'did you mean ...?' hint for a misspelt id, or an empty string."""
    names = sorted(candidates)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return phrase("problem.suggest", name=close[0]) if close else ""
