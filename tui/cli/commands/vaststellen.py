"""`deelwijzer vaststellen TREE VERSION --door NAAM --rol ROL`: sign a tree version off."""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from engine.model import Library, Status, Tree
from engine.words import say
from tui.shared.common import (
    add_lang_option,
    add_library_options,
    folders,
    lang_of,
    load_library,
    parse_date,
    report,
    today,
)

HEADER = ("# Vaststelling, geschreven door `deelwijzer vaststellen`; niet met de hand bewerken.\n"
          "# De boom zelf wordt nooit bewerkt: sha256 is de vingerafdruk van zijn inhoud.\n")


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Stelt een boomversie vast. Weigert tenzij check --strict slaagt, elke casus klopt, "
        "elke uitkomst van deze versie een casus heeft en geen grond onbevestigd is (of met "
        "reden is aanvaard). Legt naam, rol, datum en de sha256 van de inhoud vast in "
        "trees/BOOM/vaststelling/VERSIE.yaml; de boom zelf blijft ongewijzigd. Exit 0 = "
        "vastgesteld, 1 = geweigerd, 2 = verkeerd gebruik. / Signs a tree version off.")
    p.add_argument("tree", metavar="BOOM")
    p.add_argument("version", metavar="VERSIE")
    p.add_argument("--door", required=True, metavar="NAAM", help="wie vaststelt / reviewer")
    p.add_argument("--rol", required=True, metavar="ROL",
                   help="in welke rol, bijv. 'juridisch adviseur' / role")
    p.add_argument("--datum", type=parse_date, default=None, metavar="JJJJ-MM-DD",
                   help="datum van vaststelling (standaard: vandaag) / date")
    p.add_argument("--accepteer", nargs=2, action="append", default=[],
                   metavar=("VERWIJZING", "REDEN"),
                   help="aanvaard een onbevestigde grond met reden / accept an unverified "
                   "ground with a reason")
    p.add_argument("--force", action="store_true",
                   help="vervang een bestaande vaststelling / replace an existing sign-off")
    add_lang_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from engine.cases import case_files, read_case, run_case  # noqa: PLC0415
    from engine.read.signoff import signoff_path  # noqa: PLC0415
    from engine.settle import refusals, signoff  # noqa: PLC0415

    lang = lang_of(args)
    door, rol = args.door.strip(), args.rol.strip()
    if not door or not rol:
        raise UsageError(say("settle.empty", lang))
    accepted = {ref: reason.strip() for ref, reason in args.accepteer}
    folder = folders(args)[0]
    result = load_library(args, fresh=True)
    library = result.library
    tree = _version(library, args.tree, args.version, result.errors, lang)
    target = signoff_path(folder, tree.id, tree.version)
    if (target.exists() or tree.status is Status.VASTGESTELD) and not args.force:
        raise UsageError(say("settle.already", lang, tree=tree.id, version=tree.version,
                             file=target))
    problems = list(result.problems)
    results = []
    for path in case_files([folder]):
        case, found = read_case(path, library)
        problems.extend(found)
        if case is not None:
            results.append(run_case(library, case))
    refused = refusals(library, tree, problems, results, accepted, lang)
    if refused:
        report(tuple(problems))
        print(say("settle.refused", lang, tree=tree.id, version=tree.version) + ":")
        for r in refused:
            print(f"  - {r.reason}; {r.fix}")
        return EXIT_PROBLEMS
    data = signoff(tree, door, rol, args.datum or today(), accepted)
    _write(target, data)
    print(say("settle.done", lang, tree=tree.id, version=tree.version, door=door, rol=rol,
              datum=data["datum"], sha=tree.sha256[:12], file=target))
    return EXIT_OK


def _version(library: Library, name: str, version: str, errors: tuple[object, ...],
             lang: str) -> Tree:
    for tree in library.versions(name):
        if tree.version == version:
            return tree
    if name in library.broken:
        raise UsageError(say("settle.broken", lang, tree=name, n=len(errors)))
    known = ", ".join(t.version for t in library.versions(name)) or say("settle.none", lang)
    raise UsageError(say("settle.no_version", lang, tree=name, version=version, known=known))


def _write(path: Path, data: dict[str, object]) -> None:
    import yaml  # noqa: PLC0415

    from tui.shared.atomic import write_atomic  # noqa: PLC0415

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    write_atomic(path, HEADER + text)
