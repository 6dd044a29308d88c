"""Start the plain walk: language, trees, a case file, the walk in progress, the terminal."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from functools import partial
from typing import Any

from engine import DeelwijzerError, Library, Session, __version__, resolve
from engine.cases import read_case
from engine.errors import EXIT_OK, EXIT_PROBLEMS, UsageError, file_error
from engine.words import say
from tui.plain.walk import NO, YES, PlainWalk
from tui.shared import store
from tui.shared.common import lang_of, load_library, report, today, warn_broken


def interactive() -> bool:
    """Whether a person types the answers (not a pipe or a file)."""
    return sys.stdin.isatty()


def width() -> int:
    """The terminal's width, between 40 and 100 columns (long lines are hard to follow)."""
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


def run_plain(args: argparse.Namespace) -> int:
    """`deelwijzer vraag --plain`: load the trees, offer a walk in progress, walk, save.

    Only a person at a terminal is asked to resume, and only a walk with answers is offered:
    piped input never has its first line taken as that answer."""
    lang = lang_of(args)
    result = load_library(args)
    warn_broken(result, lang)
    lib = result.library
    given: dict[str, Any] = {}
    start = args.start or lib.entry
    on = args.date or today()
    if args.case is not None:
        case, problems = read_case(args.case, lib)
        if case is None:
            report(problems, lang=lang)
            return EXIT_PROBLEMS
        given, start, on = dict(case.facts), args.start or case.start, args.date or case.date
    if not start:
        raise UsageError(say("plain.no_entry", lang))
    session = Session(start=start, on=on, given=given)
    if not store.claim():  # another window has this folder's walk: never write over it
        print(say("busy_plain", lang, folder=store.data_dir(), path=store.claim_separate()))
    try:
        return _walk_plain(lib, session, args, lang)
    finally:
        store.release()


def _walk_plain(lib: Library, session: Session, args: argparse.Namespace, lang: str) -> int:
    moved = store.quarantine_damaged()
    if moved is not None:
        print(say("progress_quarantined", lang, path=moved))
    person = interactive()
    if args.case is None and (person or getattr(args, "verder", False)) and store.has_progress():
        session = _resume(lib, session, lang, ask=not getattr(args, "verder", False))
    resolution = resolve(lib, session.on)
    tree = resolution.tree(session.start)
    walk = PlainWalk(resolution, session, input, sys.stdout, keep=partial(_keep, lang=lang),
                     lang=lang, width=width())
    walk.say(say("plain.intro", lang, version=__version__, title=tree.title.get(lang),
                 tree_version=tree.version, status=tree.status.value,
                 date=session.on.isoformat()))
    walk.say(say("plain.not_advice", lang))
    walk.run()
    return EXIT_OK


def _resume(lib: Library, fresh: Session, lang: str, *, ask: bool = True) -> Session:
    """Offer the walk in progress (also one begun in the app), or take it without asking
    (`--verder`); a damaged one is reported."""
    data = store.read_progress()
    try:
        saved = store.restore(data or {}, None)
        saved = store.restore(data or {}, resolve(lib, saved.on))
    except DeelwijzerError as exc:
        print(say("plain.resume_bad", lang, error=exc))
        return fresh
    if not saved.answers:
        return fresh
    if not ask:
        return saved
    print(textwrap.fill(say("plain.resume_q", lang, count=len(saved.answers),
                            date=saved.on.isoformat()).strip(), width()))
    while True:
        try:
            reply = input("> ").strip().lower()
        except EOFError:
            reply = "n"
        if reply in YES or reply in NO:
            break
        print(say("plain.yes_no", lang))
    if reply in YES:
        return saved
    print(say("plain.resume_no", lang))
    return fresh


def _keep(session: Session | None, lang: str = "nl") -> None:
    try:
        if session is None:
            store.clear_progress()
        else:
            store.save_progress(session)
    except OSError as exc:
        error = file_error(store.data_dir(), exc, "save").said(lang)
        print(say("plain.keep_failed", lang, error=error))
