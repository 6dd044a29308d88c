"""`deelwijzer graph`: a tree as a picture (Mermaid, DOT, or SVG where Graphviz is installed)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from engine.errors import EXIT_OK, UsageError
from engine.model import Library, Tree
from tui.shared.common import (
    add_date_option,
    add_lang_option,
    add_library_options,
    lang_of,
    load_library,
    today,
)

FORMATS = ("mermaid", "dot", "svg")
SUFFIX = {"mermaid": ".md", "dot": ".dot", "svg": ".svg"}


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Tekent een boom: vragen (zeshoek), uitkomsten (met het oordeel in woorden) en "
        "verwijzingen naar andere bomen (als link), elke pijl met de optie. Mermaid voor "
        "Markdown-viewers, DOT voor Graphviz, SVG als het programma 'dot' er is. / Draws a "
        "tree as Mermaid, DOT or SVG.")
    p.add_argument("tree", nargs="?", metavar="BOOM[@VERSIE]",
                   help="boom, eventueel met versie (standaard: de geldende) / tree")
    p.add_argument("--all", action="store_true",
                   help="elke boom, één bestand per boom in --out-dir / every tree")
    p.add_argument("--format", choices=FORMATS, default="mermaid", help="uitvoer / output")
    p.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                   help="schrijf naar bestand / write to a file")
    p.add_argument("--out-dir", type=Path, default=None, metavar="MAP",
                   help="map voor --all / folder for --all")
    p.add_argument("--force", action="store_true",
                   help="overschrijf bestaande bestanden / overwrite existing files")
    add_lang_option(p)
    add_date_option(p)
    add_library_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.all == bool(args.tree):
        raise UsageError("noem één boom, of gebruik --all / name one tree, or use --all")
    if args.all and args.out_dir is None:
        raise UsageError("--all schrijft een bestand per boom: geef --out-dir MAP / "
                         "--all needs --out-dir")
    result = load_library(args, fresh=True)
    if result.errors:
        raise UsageError("de bomen bevatten fouten; los ze eerst op (deelwijzer check) / "
                         "the trees have errors")
    library = result.library
    if args.all:
        return _all(library, args)
    text = _draw([_pick(library, args)], library, args.format, lang_of(args))
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write(args.out, text, args.force)
    return EXIT_OK


def _pick(library: Library, args: argparse.Namespace) -> Tree:
    name, _, version = str(args.tree).partition("@")
    versions = library.versions(name)
    if not versions:
        known = ", ".join(sorted(library.trees)) or "geen"
        raise UsageError(f"onbekende boom '{name}' (bekende bomen: {known}) / unknown tree")
    if version:
        for tree in versions:
            if tree.version == version:
                return tree
        raise UsageError(f"boom '{name}' heeft geen versie {version} (wel: "
                         f"{', '.join(t.version for t in versions)}) / no such version")
    on = args.date or today()
    in_force = [t for t in versions if t.is_in_force(on)]
    return in_force[-1] if in_force else versions[-1]


def _draw(versions: list[Tree], library: Library, fmt: str, lang: str, page: bool = False,
          ) -> str:
    from engine.explain.diagram import to_dot, to_mermaid, to_page  # noqa: PLC0415

    if fmt == "mermaid":
        return to_page(tuple(versions), library.facts, lang) if page \
            else to_mermaid(versions[0], library.facts, lang)
    dot = to_dot(versions[0], library.facts, lang)
    return dot if fmt == "dot" else _svg(dot)


def _svg(dot: str) -> str:
    program = shutil.which("dot")
    if program is None:
        raise UsageError("SVG maken vraagt het programma 'dot' van Graphviz, en dat is hier niet "
                         "geïnstalleerd; gebruik --format dot of --format mermaid, of installeer "
                         "graphviz / 'dot' (Graphviz) is not installed")
    done = subprocess.run([program, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True,
                          check=False)
    if done.returncode != 0:
        raise UsageError(f"Graphviz kon de tekening niet maken: "
                         f"{done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode("utf-8")


def _all(library: Library, args: argparse.Namespace) -> int:
    """One file per tree: a Markdown page with every version (Mermaid), or per version (DOT,
    SVG). Unchanged files are left alone; a changed one is only replaced with --force."""
    out_dir: Path = args.out_dir
    lang = args.lang or "nl"  # files kept in a repository: never the user's saved choice
    files: dict[Path, str] = {}
    for tree_id, versions in sorted(library.trees.items()):
        if args.format == "mermaid":
            files[out_dir / f"{tree_id}.md"] = _draw(list(versions), library, "mermaid",
                                                     lang, page=True)
        else:
            for tree in versions:
                name = f"{tree_id}-{tree.version}{SUFFIX[args.format]}"
                files[out_dir / name] = _draw([tree], library, args.format, lang)
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            _write(path, text, args.force)
    print(f"{len(files)} bestand(en) in {out_dir} / file(s) written or up to date")
    return EXIT_OK


def _write(path: Path, text: str, force: bool) -> None:
    from tui.shared.atomic import write_atomic  # noqa: PLC0415

    if path.exists() and not force:
        raise UsageError(f"{path} bestaat al; gebruik --force om te overschrijven / "
                         "exists, use --force")
    write_atomic(path, text)
