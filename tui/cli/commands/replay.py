"""`deelwijzer replay RECORD`: reproduce a recorded decision and report any difference."""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.errors import EXIT_OK, EXIT_PROBLEMS
from engine.record import read_record, replay
from tui.shared.common import (
    add_date_option,
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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_library(args)
    warn_broken(result)
    record, problems = read_record(args.record)
    if record is None:
        report(problems)
        return EXIT_PROBLEMS
    on = (args.date or today()) if args.current else None
    outcome = replay(result.library, record, on)
    for line in outcome.changed_trees:
        print(f"Gewijzigd: {line}")
    for line in outcome.differences:
        print(f"Verschil: {line}")
    w = outcome.walk
    verdict = w.outcome.verdict.value if w.outcome else "(open vraag)"
    where = "op de bomen van nu" if args.current else "op de vastgelegde boomversies"
    if outcome.same:
        print(f"Zelfde uitkomst {where}: {verdict}")
        return EXIT_OK
    print(f"Afwijking {where}: uitkomst nu {verdict}")
    return EXIT_PROBLEMS
