"""`deelwijzer check`: load everything and list every problem with its place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engine.cases import case_files, read_case
from engine.errors import EXIT_OK, EXIT_PROBLEMS
from engine.model import FactKey, Library
from engine.practice.scenario import read_set
from engine.read.paths import set_folders, trees_dir
from engine.words import say
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    load_library,
    report,
    today,
)


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Laadt alle bomen, feiten, bronnen, clausules, casussen en oefenscenario's en toont alle "
        "problemen tegelijk (bestand:regel:kolom). Exit 0 = in orde, 1 = problemen, "
        "2 = verkeerd gebruik. / Loads everything and reports all problems at once.")
    p.add_argument("paths", nargs="*", type=Path,
                   help="extra casusbestanden of mappen om te controleren / case files to check")
    p.add_argument("--strict", action="store_true",
                   help="waarschuwingen tellen als fouten / treat warnings as errors")
    add_library_options(p)
    add_lang_option(p)
    add_date_option(p)  # scenarios are walked on the trees in force on this date
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_library(args, fresh=True)
    problems = list(result.problems)
    lib = result.library
    paths = list(args.paths) or [args.trees if args.trees is not None else trees_dir()]
    for path in case_files(paths):
        _case, found = read_case(path, lib)
        problems.extend(found)
    scenarios = 0
    for folder in set_folders(args.trees if args.trees is not None else trees_dir()):
        scenario_set, found = read_set(folder, lib, args.date or today())
        problems.extend(found)
        scenarios += len(scenario_set.scenarios) if scenario_set else 0
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    report(tuple(errors + warnings), lang=args.lang)
    versions = sum(len(v) for v in lib.trees.values())
    summary = say("check.summary", args.lang, versions=versions, facts=len(lib.facts),
                  sources=len(lib.sources), clauses=sum(len(c.clauses) for c in lib.covenants),
                  scenarios=scenarios,
                  errors=len(errors), warnings=len(warnings),
                  error_word=say("check.error_one" if len(errors) == 1 else "check.error_many",
                                 args.lang))
    print(summary, file=sys.stderr if problems else sys.stdout)
    _fallthroughs(lib, args.lang)
    failed = errors or (args.strict and warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK



def _fallthroughs(library: Library, lang: str) -> None:
    """Where each value that no option names goes: a new value lands in `otherwise` without
    anyone deciding so (not a problem, but the first thing to check after adding a value)."""
    from engine.read.routes import fallthroughs  # noqa: PLC0415

    found = fallthroughs(library)
    if not found:
        return
    print(say("check.fallthrough", lang))
    for item in found:
        fact = library.facts[FactKey(item.fact)]
        places = ", ".join(f"{tree} {version} {question} ({where})"
                           for tree, version, question, where in item.questions)
        print(f"  {item.fact} = {item.value} ({fact.label_of(item.value, lang)}): {places}")
