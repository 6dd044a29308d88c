"""`deelwijzer review TREE[@VERSION]`: the review document a lawyer reads and signs."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import EXIT_OK, UsageError
from engine.model import Library, Tree
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    folders,
    lang_of,
    load_library,
    today,
)

if TYPE_CHECKING:
    from engine.review.document import ReviewInput


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Maakt het beoordelingsdocument van één boomversie (A4): elke vraag met uitleg, "
        "antwoorden en waar ze heen leiden; elke uitkomst met gronden, voorwaarden, "
        "alternatieven, clausules en de casussen die er komen; alle verwijzingen en de niet "
        "geverifieerde apart; het aantal paden; de wijzigingen; een vaststellingspagina. / "
        "Writes the review document of one tree version.")
    p.add_argument("tree", metavar="BOOM[@VERSIE]")
    p.add_argument("--format", choices=("docx", "markdown"), default="markdown")
    p.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                   help="bestand (nodig voor docx) / file (needed for docx)")
    p.add_argument("--force", action="store_true", help="overschrijf / overwrite")
    add_lang_option(p)
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from engine.review.blocks import to_markdown  # noqa: PLC0415 - only when run
    from engine.review.document import blocks  # noqa: PLC0415

    if args.format == "docx" and args.out is None:
        raise UsageError("een Word-document gaat naar een bestand: geef --out F.docx / "
                         "docx needs --out")
    if args.out is not None and args.out.exists() and not args.force:
        raise UsageError(f"{args.out} bestaat al; gebruik --force om te overschrijven / "
                         "exists, use --force")
    result = load_library(args, fresh=True)
    if result.errors:
        raise UsageError("de bomen bevatten fouten; los ze eerst op (deelwijzer check) / "
                         "the trees have errors")
    library, lang = result.library, lang_of(args)
    tree = _pick(library, str(args.tree))
    folder = folders(args)[0]
    review = blocks(_input(library, tree, folder, args.date or today(), lang))
    if args.format == "markdown":
        text = to_markdown(review)
        if args.out is None:
            sys.stdout.write(text)
            return EXIT_OK
        _write(args.out, text)
    else:
        from engine.review.docx import to_docx  # noqa: PLC0415 - python-docx only here

        on = args.date or today()
        title = f"{tree.title.get(lang)} ({tree.id} {tree.version})"
        _write(args.out, to_docx(review, title, datetime(on.year, on.month, on.day), lang))
    print(f"{args.out}", file=sys.stderr)
    return EXIT_OK


def _pick(library: Library, spec: str) -> Tree:
    name, _, version = spec.partition("@")
    versions = library.versions(name)
    if not versions:
        raise UsageError(f"onbekende boom '{name}' (bekende bomen: "
                         f"{', '.join(sorted(library.trees))}) / unknown tree")
    for tree in versions:
        if tree.version == version or (not version and tree is versions[-1]):
            return tree
    raise UsageError(f"boom '{name}' heeft geen versie {version} (wel: "
                     f"{', '.join(t.version for t in versions)}) / no such version")


def _input(library: Library, tree: Tree, folder: Path, on: date, lang: str) -> ReviewInput:
    from engine.cases import case_files, read_case, run_case  # noqa: PLC0415
    from engine.decide.explore import count  # noqa: PLC0415
    from engine.decide.versions import resolve  # noqa: PLC0415
    base = resolve(library, tree.valid_from)
    pinned = replace(base, trees={**base.trees, tree.id: tree})
    results = []
    for path in case_files([folder]):
        case, _ = read_case(path, library)
        if case is not None:
            results.append(run_case(library, case))
    from engine.review.document import ReviewInput  # noqa: PLC0415

    return ReviewInput(library=library, tree=tree, on=on, paths=count(pinned, tree.id),
                       cases=results, expected=_expected(library, tree, folder),
                       accepted=_accepted(tree, folder), lang=lang)


def _expected(library: Library, tree: Tree, folder: Path) -> list[tuple[str, str]]:
    from engine.diff.expect import read_expected  # noqa: PLC0415

    path = folder / tree.id / "changes" / f"{tree.version}.yaml"
    if not path.is_file():
        return []
    found, problems = read_expected(path, library)
    if problems:
        raise UsageError(f"{problems[0]}")
    return [(e.outcome or e.case or e.record or e.tree or ", ".join(e.facts), e.reason.nl)
            for e in found]


def _accepted(tree: Tree, folder: Path) -> list[tuple[str, str]]:
    import yaml  # noqa: PLC0415

    from engine.read.signoff import signoff_path  # noqa: PLC0415

    path = signoff_path(folder, tree.id, tree.version)
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(a["citation"], a["reden"]) for a in data.get("geaccepteerd") or ()]


def _write(path: Path, content: str | bytes) -> None:
    from tui.shared.atomic import write_atomic  # noqa: PLC0415

    write_atomic(path, content)
