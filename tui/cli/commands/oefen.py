"""`deelwijzer oefen`: practise with scenarios in the app; the class overview; handouts."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import EXIT_OK, DeelwijzerError, UsageError, file_error
from engine.practice.results import check_seat
from engine.read.paths import trees_dir
from tui.shared.atomic import write_atomic
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    lang_of,
    load_library,
    report,
    today,
)
from tui.shared.practice import load_set

if TYPE_CHECKING:
    from engine.model import Library
    from engine.practice.overview import Overview


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Oefenen met scenario's: lees het verhaal, voorspel het antwoord, loop de beslisboom "
        "door en zie wat de bomen zeggen. Voor trainers: --groep, --trainer, --overzicht, "
        "--handout, --kiosk (zie docs/workshop.md). / Practise with scenarios; for trainers a "
        "group folder, a pace screen, the class overview, handouts and a kiosk mode.")
    p.add_argument("set", nargs="?", default=None, metavar="SET",
                   help="scenarioset (standaard: basis) / scenario set")
    p.add_argument("--groep", type=Path, default=None, metavar="MAP",
                   help="schrijf je resultaten in deze groepsmap / write results to this group "
                        "folder")
    p.add_argument("--plaats", default=None, metavar="NUMMER",
                   help="plaatsnummer of bijnaam, geen naam nodig / seat number or nickname")
    p.add_argument("--kiosk", action="store_true",
                   help="oefencomputer: niets bewaren behalve groepsresultaten / training "
                        "machine: keep nothing but group results")
    p.add_argument("--trainer", action="store_true",
                   help="trainersscherm bij --groep: tempo, bevriezen, spreiding / trainer's "
                        "pace screen")
    p.add_argument("--overzicht", type=Path, default=None, metavar="GROEPMAP",
                   help="klassenoverzicht van een groepsmap / class overview of a group folder")
    p.add_argument("--handout", action="store_true",
                   help="scenariokaarten en antwoordblad als DOCX (met --out) / handout DOCX")
    p.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                   help="bestand voor --overzicht (.md, .docx) of --handout (.docx) / output file")
    add_lang_option(p)
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.overzicht is not None:
        return _overview(args)
    if args.handout:
        return _handout(args)
    if args.out is not None:
        raise UsageError("--out hoort bij --overzicht of --handout / --out needs --overzicht or "
                         "--handout")
    if args.plaats is not None:
        if args.groep is None:
            raise UsageError("--plaats hoort bij --groep / --plaats needs --groep")
        try:
            check_seat(args.plaats)
        except DeelwijzerError as exc:
            raise UsageError(exc.message) from exc
    if args.trainer and args.groep is None:
        raise UsageError("--trainer heeft een groepsmap nodig: --groep MAP / --trainer needs "
                         "--groep")
    from tui.app.app import run_app  # noqa: PLC0415 - textual only for the app

    code: int = run_app(args)
    return code


def _trees(args: argparse.Namespace) -> Path:
    return args.trees if args.trees is not None else trees_dir()


def _overview(args: argparse.Namespace) -> int:
    from engine.practice.overview import overview  # noqa: PLC0415
    from engine.practice.report import to_text  # noqa: PLC0415
    from tui.shared.group import read_group  # noqa: PLC0415

    library = load_library(args).library
    found, skipped = read_group(args.overzicht)
    # without a set named, the set most participants practised; without a date, the session's
    practised = Counter(r.set for _, r in found).most_common(1)
    named = args.set or (practised[0][0] if practised else None)
    session = Counter(r.on for _, r in found).most_common(1)
    on = args.date or (session[0][0] if session else today())
    scenario_set, _problems = load_set(_trees(args), named, library, on)
    ov = overview(library, on, scenario_set, found)
    if skipped:
        print("\n".join(f"! {line}" for line in skipped), file=sys.stderr)
    if args.out is None:
        sys.stdout.write(to_text(ov, library, lang_of(args)))
        return EXIT_OK
    suffix = args.out.suffix.lower()
    if suffix == ".docx":
        from engine.practice.docx import overview as overview_docx  # noqa: PLC0415

        _write(args.out, overview_docx(ov, library, lang_of(args)))
    elif suffix == ".md":
        _markdown(args.out, ov, library, lang_of(args))
    else:
        raise UsageError(f"onbekend bestandstype '{suffix}': kies .md of .docx / use .md or "
                         ".docx")
    print(f"geschreven / written: {args.out}")
    return EXIT_OK


def _markdown(out: Path, ov: Overview, library: Library, lang: str) -> None:
    """The overview as Markdown, with each chart as a PNG in a folder next to it."""
    from engine.practice.docx import chart  # noqa: PLC0415
    from engine.practice.report import to_markdown  # noqa: PLC0415

    folder = out.with_name(out.stem + "-grafieken")
    pictures = {}
    for s in ov.scenarios:
        if s.predicted:
            picture = folder / f"{s.scenario.id}.png"
            _write(picture, chart(s.spread, s.verdict, lang))
            pictures[s.scenario.id] = f"{folder.name}/{picture.name}"
    _write(out, to_markdown(ov, library, lang, pictures))


def _handout(args: argparse.Namespace) -> int:
    from engine.practice.docx import answer_key, handout  # noqa: PLC0415

    if args.out is None or args.out.suffix.lower() != ".docx":
        raise UsageError("--handout schrijft een DOCX: geef --out KAARTEN.docx / --handout needs "
                         "--out FILE.docx")
    on = args.date or today()
    library = load_library(args).library
    scenario_set, problems = load_set(_trees(args), args.set, library, on)
    report(tuple(p for p in problems if p.is_error))
    key = args.out.with_name(args.out.stem + "-antwoorden.docx")
    lang = lang_of(args)
    _write(args.out, handout(scenario_set, lang, on))
    _write(key, answer_key(scenario_set, library, lang, on))
    print(f"kaarten / cards: {args.out}\nantwoorden / answer key: {key}")
    return EXIT_OK


def _write(path: Path, content: str | bytes) -> None:
    try:
        write_atomic(path, content)
    except OSError as exc:
        raise file_error(path, exc, "write") from exc
