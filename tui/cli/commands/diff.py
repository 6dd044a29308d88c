"""`deelwijzer diff`: what a change to the trees does to every path, case and decision record."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from engine.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError
from engine.model import Library
from engine.read.paths import conventions_dir, trees_dir
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    cache_dir,
    lang_of,
    report,
)
from tui.shared.revision import TreeSet, folder, revision

VERSION = re.compile(r"^(?P<tree>[a-z][a-z0-9_]*)@(?P<version>[0-9]+\.[0-9]+\.[0-9]+)$")
FORMATS = ("text", "markdown", "json")


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Vergelijkt twee boomsets over elk volledig pad, elke casus en elk beslisrecord, en "
        "toont per uitkomst wat er verandert en bij welke feiten. Ook een zelfde uitkomst met "
        "een andere redenering wordt gemeld. Exit 0 = niets gewijzigd (of precies de verwachte "
        "wijzigingen), 1 = beslissingen gewijzigd, 2 = verkeerd gebruik. / Compares two tree "
        "sets over every path, case and decision record.")
    p.add_argument("versions", nargs="*", metavar="BOOM@VERSIE",
                   help="twee versies van één boom, zoals avg@1.0.0 avg@1.1.0 / two versions")
    p.add_argument("--before", metavar="MAP|REVISIE", default=None,
                   help="oude set: map of git-revisie (standaard HEAD) / old set")
    p.add_argument("--after", metavar="MAP|REVISIE", default=None,
                   help="nieuwe set (standaard de werkmap) / new set (default: working tree)")
    p.add_argument("--records", type=Path, action="append", default=[], metavar="MAP",
                   help="map met beslisrecords (.json) / folder of decision records")
    p.add_argument("--expect", type=Path, default=None, metavar="BESTAND",
                   help="verwachte wijzigingen (YAML) / expected changes")
    p.add_argument("--format", choices=FORMATS, default="text", help="uitvoer / output")
    p.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                   help="schrijf naar bestand / write to a file")
    p.add_argument("--force", action="store_true",
                   help="overschrijf een bestaand --out-bestand / overwrite --out")
    add_lang_option(p)
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from engine.diff.compare import ReportInput, build  # noqa: PLC0415 - only when run
    from engine.diff.render import to_json, to_markdown, to_text  # noqa: PLC0415

    if args.out is not None and args.out.exists() and not args.force:
        raise UsageError(f"{args.out} bestaat al; gebruik --force om te overschrijven / "
                         "exists, use --force")
    versions = _versions(args)
    with tempfile.TemporaryDirectory(prefix="deelwijzer-diff-") as tmp:
        after = _set(args.after, args, Path(tmp) / "after", "werkmap / working tree")
        before = after if versions else _set(args.before or "HEAD", args, Path(tmp) / "before")
        old, new = _load(before, Path(tmp)), _load(after, Path(tmp))
        result = build(ReportInput(
            before=before.label, after=after.label, old=old, new=new, on=args.date,
            versions=versions, case_files=_cases(before, after),
            records=[p for folder_ in args.records for p in _records(folder_)],
            expect=args.expect, base=after.base))
    report(result.problems, lang=args.lang)
    if any(p.is_error for p in result.problems):  # warnings (an unsealed record) are shown only
        return EXIT_USAGE
    text = {"text": to_text, "markdown": to_markdown}.get(args.format)
    out = text(result.report, lang_of(args)) if text else to_json(result.report)
    if args.out is None:
        sys.stdout.write(out)
    else:
        from tui.shared.atomic import write_atomic  # noqa: PLC0415

        write_atomic(args.out, out)
    return EXIT_OK if result.report.passed else EXIT_PROBLEMS


def _versions(args: argparse.Namespace) -> tuple[str, str, str] | None:
    """(tree, old version, new version) from `avg@1.0.0 avg@1.1.0`, positional or as options."""
    named = list(args.versions)
    if not named and all(v and VERSION.match(v) for v in (args.before, args.after)):
        named = [args.before, args.after]
        args.before = args.after = None
    if not named:
        return None
    matches = [VERSION.match(v) for v in named]
    if len(named) != 2 or not all(matches):
        raise UsageError("geef twee versies van één boom, zoals avg@1.0.0 avg@1.1.0 / "
                         "give two versions of one tree")
    first, second = (m for m in matches if m is not None)
    if first["tree"] != second["tree"]:
        raise UsageError(f"twee versies van dezelfde boom, niet {first['tree']} en "
                         f"{second['tree']} / two versions of the same tree")
    return first["tree"], first["version"], second["version"]


def _set(ref: str | None, args: argparse.Namespace, into: Path, label: str | None = None,
         ) -> TreeSet:
    trees = args.trees if args.trees is not None else trees_dir()
    conventions = args.conventions if args.conventions is not None else (
        trees.parent / "conventions" if args.trees is not None else conventions_dir())
    if ref is None:
        if not trees.is_dir():
            raise UsageError(f"map met bomen niet gevonden: {trees} / trees folder not found")
        return TreeSet(label=label or str(trees), trees=trees,
                       conventions=conventions if conventions.is_dir() else None, base=None)
    if Path(ref).is_dir():
        return folder(Path(ref))
    return revision(ref, trees, conventions if conventions.is_dir() else None, into)


def _load(tree_set: TreeSet, tmp: Path) -> Library:
    """A folder's set through the cache (the working tree is usually checked already); a
    revision unpacked into `tmp` without the slow search for unreachable outcomes (warnings
    only: the set loaded is the same, and it is never cached)."""
    from engine.read.cache import cached_load  # noqa: PLC0415
    from engine.read.loader import load  # noqa: PLC0415

    if tree_set.trees.resolve().is_relative_to(tmp.resolve()):
        result = load(tree_set.trees, tree_set.conventions, tree_set.base, reach=False)
    else:
        result = cached_load(tree_set.trees, tree_set.conventions, cache_dir(), tree_set.base)
    if result.errors:
        report(result.errors)
        raise UsageError(f"de bomen van {tree_set.label} bevatten fouten; los ze eerst op "
                         "(deelwijzer check) / the trees have errors")
    return result.library


def _cases(before: TreeSet, after: TreeSet) -> list[tuple[Path, Path | None]]:
    """Each case file with the folder its name is shown from: the new set's, then the old set's
    files that the new set no longer has."""
    from engine.cases import case_files  # noqa: PLC0415

    new = case_files([after.trees])
    names = {p.relative_to(after.trees) for p in new}
    old = [p for p in case_files([before.trees]) if p.relative_to(before.trees) not in names]
    return [(p, after.base) for p in new] + [(p, before.base) for p in old]


def _records(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise UsageError(f"map met beslisrecords niet gevonden: {path} / records folder not found")
    return sorted(path.rglob("*.json"))

