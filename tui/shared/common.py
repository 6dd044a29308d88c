"""What every command shares: options, loading with readable problems, the decision date."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from engine.errors import Problem, UsageError
from engine.model import LoadResult
from engine.read.cache import cached_load
from engine.read.paths import conventions_dir, trees_dir
from engine.words import say


def add_library_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trees", type=Path, default=None, metavar="MAP",
                        help="map met bomen (standaard: de meegeleverde) / trees folder")
    parser.add_argument("--conventions", type=Path, default=None, metavar="MAP",
                        help="map met het modelconvenant / covenant folder")


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("nl", "en"), default=None,
                        help="taal van de uitvoer (nl, en; standaard: de bewaarde keuze, anders "
                             "nl) / output language (default: the saved choice, else nl)")


def lang_of(args: argparse.Namespace) -> str:
    """The language asked for with --lang, else the one saved by the app or plain walk."""
    chosen = getattr(args, "lang", None)
    if chosen in ("nl", "en"):
        return str(chosen)
    from tui.shared.store import load_pref  # noqa: PLC0415 - only when no --lang was given

    saved = load_pref("lang")
    return saved if saved in ("nl", "en") else "nl"


def add_date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=parse_date, default=None, metavar="JJJJ-MM-DD",
                        help="beslisdatum (standaard: vandaag) / decision date (default: today)")


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def read_date(text: str) -> date | None:
    """A date as people write it: 2026-11-28, 28-11-2026, 28/11/2026 or 28.11.2026."""
    found = _DAY_FIRST.match(text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def parse_date(text: str) -> date:
    on = read_date(text)
    if on is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf DD-MM-JJJJ of JJJJ-MM-DD / not a date, use "
            "DD-MM-YYYY or YYYY-MM-DD")
    return on


def today() -> date:
    """The one place the shells read the clock: the engine never does."""
    return date.today()


def cache_dir() -> Path | None:
    """Where checked tree sets are cached (no personal data: only the trees' own content).

    DEELWIJZER_NO_CACHE=1 turns the cache off; DEELWIJZER_CACHE_DIR moves it.
    """
    if os.environ.get("DEELWIJZER_NO_CACHE"):
        return None
    if os.environ.get("DEELWIJZER_CACHE_DIR"):
        return Path(os.environ["DEELWIJZER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "deelwijzer"


def load_library(args: argparse.Namespace, fresh: bool = False) -> LoadResult:
    """The tree set named on the command line; `fresh` skips the cache (check, cases)."""
    trees, conventions = folders(args)
    result = cached_load(trees, conventions, None if fresh else cache_dir())
    if conventions is not None and not conventions.is_dir() and any(
            p.code == "clause.unknown" for p in result.problems):
        # Not hundreds of unknown clauses: one line that says what is missing.
        raise UsageError(say("cli.no_conventions", lang_of(args), trees=trees,
                             conventions=conventions))
    return result


def folders(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """The trees folder and the covenant folder a command line names. `--trees` may also name
    the folder that holds `trees/`; `conventions/`, facts.yaml and sources.yaml are looked for
    next to it, and a folder without them gets one clear line instead of many problems."""
    lang = lang_of(args)
    trees = args.trees if args.trees is not None else trees_dir()
    if args.trees is not None and not (trees / "facts.yaml").is_file() \
            and (trees / "trees" / "facts.yaml").is_file():
        trees = trees / "trees"
    if not trees.is_dir():
        raise UsageError(say("cli.no_trees_dir", lang, path=trees))
    if not (trees / "facts.yaml").is_file() and not (trees / "sources.yaml").is_file():
        raise UsageError(say("cli.not_a_tree_set", lang, path=trees))
    if args.conventions is not None and not args.conventions.is_dir():
        raise UsageError(say("cli.no_conventions_dir", lang, path=args.conventions))
    conventions = args.conventions if args.conventions is not None else (
        trees.parent / "conventions" if args.trees is not None else conventions_dir())
    return trees, conventions


def report(problems: tuple[Problem, ...], stream: TextIO | None = None,
           lang: str = "nl") -> None:
    """The one place the command line shows problems in files, in the user's language."""
    out = stream if stream is not None else sys.stderr
    for problem in problems:
        print(problem.text(lang), file=out)


def warn_broken(result: LoadResult, lang: str = "nl") -> None:
    """Tell the user which trees are not used and why; the rest keeps working."""
    if result.errors:
        print(say("cli.broken", lang, count=len(result.errors)), file=sys.stderr)
        report(result.errors, lang=lang)
