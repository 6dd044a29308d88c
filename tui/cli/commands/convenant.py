"""`deelwijzer convenant --flows FILES...`: assemble one covenant from decided flows."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from engine import resolve, walk
from engine.cases import read_case
from engine.covenant.assemble import Assembly, Flow, assemble, flow_from_walk
from engine.covenant.markdown import to_markdown
from engine.decide.versions import covenant_in_force
from engine.errors import EXIT_OK, EXIT_PROBLEMS, Problem, UsageError, said
from engine.model import Library
from engine.record import read_record, verified
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
from tui.shared.output import add_out_options, check_out, write_output


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Stelt één volledig convenant samen uit casusbestanden (YAML) of "
        "beslisrecords (JSON): elk standaardartikel één keer, de artikelen per stroom, de "
        "bijlagen en een tabel van de stromen. Stromen met 'niet_delen' of 'advies' blijven "
        "buiten het convenant; welke en waarom staat op stderr. Exit 0 = convenant gemaakt, "
        "1 = ongeldige invoer of geen enkele stroom bruikbaar, 2 = verkeerd gebruik. / "
        "Assembles one covenant from case files or decision records; flows that may not be "
        "shared are left out and listed on stderr.")
    p.add_argument("--flows", nargs="+", type=Path, required=True, metavar="BESTAND",
                   help="casusbestanden (.yaml) of beslisrecords (.json), of mappen daarmee / "
                   "case files or decision records, or folders holding them")
    p.add_argument("--format", choices=("markdown", "docx"), default="markdown",
                   help="uitvoervorm / output format (docx vraagt --out)")
    add_out_options(p, "het convenant")
    add_lang_option(p)
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_out(args)  # before any work: nothing to throw away
    result = load_library(args)
    warn_broken(result, args.lang)
    lib = result.library
    flows, files, problems = read_flows(input_files(args.flows), lib, args.lang)
    report(problems, lang=args.lang)
    if any(p.is_error for p in problems):
        return EXIT_PROBLEMS
    on = args.date or today()
    covenant = covenant_in_force(lib, on)
    if covenant is None:
        raise UsageError(say("convenant.no_covenant", args.lang, on=on.isoformat()))
    assembly = assemble(covenant, flows, lib.facts, args.lang, lib.sources)
    explain(assembly, files, args.lang)
    if not assembly.flows:
        print(say("convenant.none", args.lang), file=sys.stderr)
        return EXIT_PROBLEMS
    write(assembly, args)
    return EXIT_OK


def input_files(paths: list[Path]) -> list[Path]:
    """The files named, with folders expanded to the *.yaml, *.yml and *.json inside."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.suffix in (".yaml", ".yml", ".json") and p.is_file()))
        else:
            found.append(path)
    if not found:
        raise UsageError("geen stromen gevonden / no flow files found")
    return found


def read_flows(paths: list[Path], lib: Library, lang: str = "nl",
               ) -> tuple[list[Flow], dict[str, str], tuple[Problem, ...]]:
    """Every flow, which file it came from, and all problems of all files at once."""
    flows: list[Flow] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"bestand niet gevonden: {path} / file not found")
        flow, found = (_record_flow(path, lib, lang) if path.suffix == ".json"
                       else _case_flow(path, lib))
        problems.extend(found)
        if flow is not None:
            flows.append(flow)
            files[flow.id] = path.as_posix()
    return flows, files, tuple(problems)


def _case_flow(path: Path, lib: Library) -> tuple[Flow | None, tuple[Problem, ...]]:
    case, problems = read_case(path, lib)
    if case is None:
        return None, problems
    done = walk(resolve(lib, case.date), case.start, case.facts)
    return flow_from_walk(case.id, done, case.facts), ()


def _record_flow(path: Path, lib: Library, lang: str,
                 ) -> tuple[Flow | None, tuple[Problem, ...]]:
    """A record's flow, as its replay on its own tree versions decides: a record whose seal is
    broken, or whose content the trees do not reproduce, is refused."""
    record, problems = read_record(path)
    if record is None:
        return None, problems
    again, found = verified(lib, record, path.as_posix())
    if again is None:
        return None, (*problems, *found)
    for line in again.replaced:  # a record names a replaced version: say so wherever it is used
        print(say("replay.replaced", lang, text=said(line, lang)), file=sys.stderr)
    facts = {k: v if isinstance(v, str) else tuple(v) for k, v in record["facts"].items()}
    return flow_from_walk(path.stem, again.walk, facts), (*problems, *found)


def explain(assembly: Assembly, files: dict[str, str], lang: str) -> None:
    """Tell the user (stderr) which flows were left out and why, and what could not be filled."""
    for ex in assembly.excluded:
        print(say("convenant.left_out", lang, id=ex.flow.id, file=files.get(ex.flow.id, "?"),
                                     reason=ex.reason.get(assembly.lang)), file=sys.stderr)
    for flow_id, clause in assembly.unknown:
        print(say("convenant.unknown", lang, id=flow_id, clause=clause), file=sys.stderr)
    for gap in assembly.unfilled:
        print(say("convenant.unfilled", lang, clause=gap.clause, id=gap.flow, name=gap.placeholder),
              file=sys.stderr)


def write(assembly: Assembly, args: argparse.Namespace) -> None:
    if args.format == "docx":
        # python-docx is imported only here, so other commands start fast
        from engine.covenant.docx import to_docx  # noqa: PLC0415

        write_output(args.out, to_docx(assembly, created=datetime.now(UTC)), args.force)
    else:
        write_output(args.out, to_markdown(assembly), args.force)
        if args.out is None:
            return
    print(say("convenant.written", args.lang, n=len(assembly.flows), out=args.out),
          file=sys.stderr)
