"""`deelwijzer decide --case FILE`: walk a case file without asking anything."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from engine import __version__, justify, resolve, to_json, to_markdown, to_text, walk
from engine.cases import read_case
from engine.errors import EXIT_OK, EXIT_PROBLEMS
from engine.explain.justification import Justification
from tui.shared.common import (
    add_lang_option,
    add_library_options,
    load_library,
    report,
    warn_broken,
)
from tui.shared.output import add_out_options, check_out, write_output

WRITTEN = {"nl": "Beslisdocument geschreven naar {out}.",
           "en": "Decision document written to {out}."}


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Loopt een casus (YAML) door de bomen zonder iets te vragen en toont de "
        "uitkomst met verantwoording. Bereiken de feiten geen uitkomst, dan is de status "
        "'pending' met de volgende vraag (geen fout). --format docx maakt het beslisdocument "
        "voor het dossier (Word, A4). / Walks a case file without asking anything; a case that "
        "does not reach an outcome is 'pending' with the next question. --format docx writes "
        "the decision document for the case file (Word, A4).")
    p.add_argument("--case", type=Path, required=True, metavar="BESTAND",
                   help="casusbestand / case file")
    p.add_argument("--format", choices=("text", "markdown", "json", "docx"), default="text",
                   help="uitvoervorm / output format (json: zie docs/cli.md; docx vraagt --out)")
    add_out_options(p, "de uitvoer")
    filing = p.add_argument_group(
        "beslisdocument (docx): vul geen namen of andere persoonsgegevens in / decision "
        "document: never enter names or other personal data")
    filing.add_argument("--case-ref", default="", metavar="KENMERK",
                        help="zaaknummer of kenmerk / case number or reference")
    filing.add_argument("--decided-by", default="", metavar="FUNCTIE",
                        help="besloten door (functie, geen naam) / decided by (role, no name)")
    filing.add_argument("--done", default="", metavar="TEKST",
                        help="wat er uiteindelijk gedaan is / what was finally done")
    add_lang_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_out(args)  # before any work: nothing to throw away
    result = load_library(args)
    warn_broken(result, args.lang)
    case, problems = read_case(args.case, result.library)
    if case is None:
        report(problems, lang=args.lang)
        return EXIT_PROBLEMS
    done = walk(resolve(result.library, case.date), case.start, case.facts)
    j = justify(done, args.lang, case.facts)
    if args.format == "docx":
        write_output(args.out, document(j, args), args.force)
        print(WRITTEN[args.lang].format(out=args.out), file=sys.stderr)
        return EXIT_OK
    renderers: dict[str, Callable[[Justification], str]] = {
        "text": to_text, "markdown": to_markdown, "json": to_json}
    write_output(args.out, renderers[args.format](j), args.force)
    return EXIT_OK


def document(j: Justification, args: argparse.Namespace) -> bytes:
    # python-docx is imported only here, so the other formats start fast
    from engine.explain.docx import to_docx  # noqa: PLC0415
    from engine.explain.filing import Filing  # noqa: PLC0415

    filing = Filing(case_ref=args.case_ref, decided_by=args.decided_by, done=args.done)
    return to_docx(j, created=datetime.now(UTC), version=__version__, filing=filing)
