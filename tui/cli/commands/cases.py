"""`deelwijzer cases`: run every case with `expect`, show diffs and the coverage report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engine.cases import CaseResult, case_files, coverage, read_case, run_case
from engine.errors import EXIT_OK, EXIT_PROBLEMS, Problem, said
from engine.read.paths import trees_dir
from engine.words import say
from tui.shared.common import add_lang_option, add_library_options, load_library, report


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Draait elke casus met 'expect', toont per afwijking 'bestand / casus / "
        "verwacht vs. gekregen' en een dekkingsrapport: welke knopen, opties en uitkomsten geen "
        "casus bereikt. Exit 0 = alles klopt, 1 = afwijkingen. / Runs every case with 'expect', "
        "prints a diff per failing case and a coverage report.")
    p.add_argument("paths", nargs="*", type=Path, help="casusbestanden of mappen / case files")
    p.add_argument("--min-options", type=float, default=0.0, metavar="PCT",
                   help="faal als minder opties gedekt zijn / fail below this option coverage")
    p.add_argument("--all-outcomes", action="store_true",
                   help="faal als een uitkomst niet bereikt wordt / fail on an unreached outcome")
    add_library_options(p)
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_library(args, fresh=True)
    lib = result.library
    report(result.errors, lang=args.lang)
    paths = list(args.paths) or [args.trees if args.trees is not None else trees_dir()]
    results: list[CaseResult] = []
    problems: list[Problem] = []
    for path in case_files(paths):
        case, found = read_case(path, lib)
        problems.extend(found)
        if case is not None:
            results.append(run_case(lib, case))
    report(tuple(problems), lang=args.lang)
    failed = [r for r in results if not r.passed]
    for r in failed:
        for failure in r.failures:
            print(say("cases.failure", args.lang, file=r.case.file, case=r.case.id,
                      failure=said(failure, args.lang)))
    print("\n" + say("cases.summary", args.lang, passed=len(results) - len(failed),
                     failed=len(failed)))
    short = _coverage(lib, results, args)
    return EXIT_PROBLEMS if failed or problems or result.errors or short else EXIT_OK


def _coverage(lib: Any, results: list[CaseResult], args: argparse.Namespace) -> bool:
    lang = args.lang
    print("\n" + say("cases.coverage", lang))
    short = False
    for c in coverage(lib, [r.walk for r in results if r.walk is not None]):
        pct = 100.0 * (len(c.options) - len(c.missed_options)) / max(len(c.options), 1)
        reached = len(c.outcomes) - len(c.missed_outcomes)
        print("  " + say("cases.tree", lang, tree=c.tree, version=c.version,
                         nodes=len(c.nodes) - len(c.missed_nodes), all_nodes=len(c.nodes),
                         options=len(c.options) - len(c.missed_options),
                         all_options=len(c.options), percent=f"{pct:.0f}", outcomes=reached,
                         all_outcomes=len(c.outcomes)))
        if c.missed_outcomes:
            print("    " + say("cases.missed_outcomes", lang, items=", ".join(c.missed_outcomes)))
        if c.missed_options:
            print("    " + say("cases.missed_options", lang,
                             items="".join(f"\n      {o}" for o in c.missed_options)))
        if pct < args.min_options:
            print("    " + say("cases.below_threshold", lang, percent=f"{pct:.0f}",
                             threshold=f"{args.min_options:g}"))
        if args.all_outcomes and c.missed_outcomes:
            print("    " + say("cases.outcomes_threshold", lang))
        short = short or pct < args.min_options or (args.all_outcomes and bool(c.missed_outcomes))
    for versions in lib.trees.values():  # kept for replaying old records only: not counted
        for tree in versions:
            if tree.superseded_by is not None:
                print("  " + say("cases.replaced", lang, tree=tree.id, version=tree.version,
                                 by=tree.superseded_by))
    return short
