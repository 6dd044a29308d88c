"""`deelwijzer decide --case FILE`: walk a case file without asking anything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engine import justify, resolve, to_json, to_markdown, to_text, walk
from engine.cases import read_case
from engine.errors import EXIT_OK, EXIT_PROBLEMS
from tui.shared.common import (
    add_lang_option,
    add_library_options,
    load_library,
    report,
    warn_broken,
)


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Loopt een casus (YAML) door de bomen zonder iets te vragen en toont de "
        "uitkomst met verantwoording. Bereiken de feiten geen uitkomst, dan is de status "
        "'pending' met de volgende vraag (geen fout). / Walks a case file without asking "
        "anything; a case that does not reach an outcome is 'pending' with the next question.")
    p.add_argument("--case", type=Path, required=True, metavar="BESTAND",
                   help="casusbestand / case file")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                   help="uitvoervorm / output format (json: zie docs/cli.md)")
    add_lang_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_library(args)
    warn_broken(result)
    case, problems = read_case(args.case, result.library)
    if case is None:
        report(problems, lang=args.lang)
        return EXIT_PROBLEMS
    done = walk(resolve(result.library, case.date), case.start, case.facts)
    j = justify(done, args.lang, case.facts)
    render = {"text": to_text, "markdown": to_markdown, "json": to_json}[args.format]
    sys.stdout.write(render(j))
    return EXIT_OK
