"""`deelwijzer replay RECORD`: reproduce a recorded decision and report any difference."""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.errors import EXIT_OK, EXIT_PROBLEMS, said
from engine.record import read_record, replay
from engine.words import say
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    load_library,
    report,
    today,
    warn_broken,
)


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Loopt de feiten van een beslisrecord opnieuw door precies de boomversies "
        "die het noemt en meldt een verschil of een gewijzigde boom (sha256). Met --current: op "
        "de bomen die vandaag (of op --date) gelden. Exit 0 = zelfde uitkomst, 1 = verschil. / "
        "Replays a record on the tree versions it names; --current uses today's trees.")
    p.add_argument("record", type=Path, help="beslisrecord (JSON) / decision record")
    p.add_argument("--current", action="store_true",
                   help="gebruik de bomen die nu gelden / use the trees in force now")
    add_date_option(p)
    add_library_options(p)
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_library(args)
    warn_broken(result, args.lang)
    record, problems = read_record(args.record)
    report(problems, lang=args.lang)  # a broken seal (refused), or unsealed (a warning)
    if record is None:
        return EXIT_PROBLEMS
    on = (args.date or today()) if args.current else None
    outcome = replay(result.library, record, on)
    lang = args.lang
    for line in outcome.replaced:
        print(say("replay.replaced", lang, text=said(line, lang)))
    for line in outcome.changed_trees:
        print(say("replay.changed", lang, text=said(line, lang)))
    for line in outcome.differences:
        print(say("replay.difference", lang, text=said(line, lang)))
    w = outcome.walk
    verdict = w.outcome.verdict.value if w.outcome else say("replay.open", lang)
    where = say("replay.where_now" if args.current else "replay.where_pinned", lang)
    if problems:
        where += say("replay.unsealed", lang)
    if outcome.same:
        print(say("replay.same", lang, where=where, verdict=verdict))
        return EXIT_OK
    print(say("replay.other", lang, where=where, verdict=verdict))
    return EXIT_PROBLEMS
