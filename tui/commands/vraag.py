"""`deelwijzer vraag`: walk a sharing question interactively (Textual app, or --plain)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from engine import DeelwijzerError, Library, Session, __version__, resolve
from engine.cases import read_case
from tui.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_date_option,
    add_library_options,
    load_library,
    report,
    today,
    warn_broken,
)
from tui.plain import PlainWalk


def register(subs: Any) -> None:
    p = subs.add_parser(
        "vraag", help="beantwoord een deelvraag stap voor stap / walk a question interactively",
        description="Stelt de vragen één voor één. Met --plain: genummerde opties in gewone "
        "tekst, geschikt voor schermlezers en brailleleesregels. / Asks the questions one by "
        "one; --plain uses numbered options in plain text (screen readers, Braille displays).")
    p.add_argument("--plain", action="store_true",
                   help="eenvoudige tekstmodus / plain text mode")
    p.add_argument("--case", type=Path, default=None, metavar="BESTAND",
                   help="begin met de feiten uit een casusbestand / start from a case file")
    p.add_argument("--start", default=None, metavar="BOOM",
                   help="begin in deze boom (standaard: de startboom) / start tree")
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tui import store  # noqa: PLC0415 - its saving thread pool is only for this command

    if not args.plain:
        try:
            from tui.app import run_app  # noqa: PLC0415 - textual loads only for the app
        except ImportError:
            pass
        else:
            code: int = run_app(args)
            return code
    result = load_library(args)
    warn_broken(result)
    lib = result.library
    given: dict[str, Any] = {}
    start = args.start or lib.entry
    on = args.date or today()
    if args.case is not None:
        case, problems = read_case(args.case, lib)
        if case is None:
            report(problems)
            return EXIT_PROBLEMS
        given, start, on = dict(case.facts), args.start or case.start, args.date or case.date
    if not start:
        raise UsageError("geen startboom gevonden; geef --start BOOM / no entry tree")
    session = Session(start=start, on=on, given=given)
    if args.case is None and store.has_progress():
        session = _resume(lib, session)
    resolution = resolve(lib, session.on)
    tree = resolution.tree(session.start)
    print(f"Deelwijzer {__version__}: {tree.title.nl} (versie {tree.version}, {tree.status.value})"
          f", beslisdatum {session.on.isoformat()}")
    print("Richting, geen juridisch advies. Je hoeft geen namen of persoonsgegevens in te vullen.")
    PlainWalk(resolution, session, input, sys.stdout, __version__, keep=_keep).run()
    return EXIT_OK


def _resume(lib: Library, fresh: Session) -> Session:
    from tui import store  # noqa: PLC0415
    """Offer the walk in progress (also one begun in the app); a damaged one is reported."""
    data = store.read_progress()
    try:
        saved = store.restore(data or {}, None)
        saved = store.restore(data or {}, resolve(lib, saved.on))
    except DeelwijzerError as exc:
        print(f"Het bewaarde gesprek is niet te gebruiken ({exc}); je begint opnieuw.")
        return fresh
    count = len(saved.answers)
    try:
        print(f"Er is een onafgemaakte vraag ({count} antwoord(en), beslisdatum "
              f"{saved.on.isoformat()}).")
        reply = input("Verdergaan? (j/n) ").strip().lower()
    except EOFError:
        reply = "n"
    if reply in ("j", "ja", "y", ""):
        return saved
    print("Je begint opnieuw; de bewaarde antwoorden worden overschreven bij je eerste antwoord.")
    return fresh


def _keep(session: Session | None) -> None:
    from tui import store  # noqa: PLC0415

    try:
        if session is None:
            store.clear_progress()
        else:
            store.save_progress(session)
    except OSError as exc:
        print(f"Let op: je antwoorden konden niet worden bewaard ({exc.strerror}).")
