"""Load the fact vocabulary, sources, trees and covenants: YAML -> schema -> meaning -> model."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from engine.errors import Location, Problem, Severity, phrase
from engine.model import (
    Covenant,
    Fact,
    FactKey,
    Library,
    LoadResult,
    Source,
    SourceId,
    Tree,
    TreeId,
)
from engine.read import lifecycle, lint, schema, source
from engine.read.build import build_facts, build_sources, build_tree
from engine.read.clauses import build_covenant
from engine.read.paths import covenant_files, stray_tree_files, tree_files
from engine.read.signoff import apply_signoffs
from engine.startup import paused_gc

T = TypeVar("T")
Settled = TypeVar("Settled", Tree, Covenant)


def display(path: Path, base: Path | None) -> str:
    """A short, stable name for a file in messages: relative to `base` (or the working
    directory) where the file lies below it, else the full path."""
    try:  # a link keeps its own name (resolving it would fail on a link in a circle)
        full = path.parent.resolve() / path.name if path.name not in ("", "..") \
            else path.resolve()
    except (OSError, RuntimeError):
        return path.as_posix()
    try:
        return full.relative_to((base or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return full.as_posix()


def read_document(path: Path, kind: str, base: Path | None = None,
                  ) -> tuple[source.Document | None, tuple[Problem, ...]]:
    """Parse one file and check its shape; None when it cannot be used."""
    doc, problems = source.read(path, display(path, base))
    if doc is None or problems:
        return None, problems
    if not isinstance(doc.data, dict):
        loc = Location(file=doc.file, line=1, column=1)
        return None, (Problem(location=loc, code="schema.type", found=phrase("load.no_mapping"),
                              expected=phrase("load.keys_expected")),)
    shape = schema.check(doc, kind)
    return (None, shape) if shape else (doc, ())


def load(trees_dir: Path, conventions_dir: Path | None = None,
         base: Path | None = None, *, reach: bool = True) -> LoadResult:
    """Load everything under `trees_dir` (and `conventions_dir`); never raises on bad input.

    `base` is the folder file names in messages are relative to (default: the working
    directory; files outside it keep their full path). `reach=False` leaves out the search
    for outcomes no answers reach: it only warns (the trees loaded are the same) and takes
    seconds on large trees, which an old tree set read for a comparison need not spend.
    """
    with paused_gc():  # see engine/startup.py
        return _load_all(trees_dir, conventions_dir, base, reach)


def _load_all(trees_dir: Path, conventions_dir: Path | None, base: Path | None,
              reach: bool = True) -> LoadResult:
    problems: list[Problem] = []
    facts = _single(trees_dir / "facts.yaml", "facts", base, problems, build_facts) or {}
    sources = _single(trees_dir / "sources.yaml", "sources", base, problems, build_sources) or {}
    if facts and sources:
        trees, broken = _trees(trees_dir, base, facts, sources, problems)
        trees, settled = apply_signoffs(trees_dir, base, trees)
    else:  # without a vocabulary no tree can be read; its own problems say why
        files = tree_files(trees_dir)
        trees, broken = {}, {TreeId(p.parent.name): (display(p, base),) for p in files}
        settled = []
    covenants = _covenants(conventions_dir, base, sources, problems)
    library = Library(facts=facts, sources=sources, trees=trees, covenants=covenants,
                      broken=broken)
    found = [*settled, *lint.lint(library, reach)]  # a tree changed after sign-off is not used
    problems.extend(found)
    return LoadResult(library=_withdraw(library, found), problems=tuple(problems))


def _withdraw(library: Library, problems: list[Problem]) -> Library:
    """Take every tree with a cross-tree error out of use, so it cannot decide anything."""
    bad = {p.location.file for p in problems if p.is_error}
    hit = {tid: tuple(t.file for t in v) for tid, v in library.trees.items()
           if any(t.file in bad for t in v)}
    if not hit:
        return library
    trees = {tid: v for tid, v in library.trees.items() if tid not in hit}
    return replace(library, trees=trees, broken={**library.broken, **hit})


def _single(path: Path, kind: str, base: Path | None, problems: list[Problem],
            builder: Callable[[source.Document], tuple[T, tuple[Problem, ...]]]) -> T | None:
    doc, found = read_document(path, kind, base)
    problems.extend(found)
    if doc is None:
        return None
    built, found = builder(doc)
    problems.extend(found)
    return built


def _trees(trees_dir: Path, base: Path | None, facts: Mapping[FactKey, Fact],
           sources: Mapping[SourceId, Source], problems: list[Problem],
           ) -> tuple[dict[TreeId, tuple[Tree, ...]], dict[TreeId, tuple[str, ...]]]:
    found: dict[TreeId, list[Tree]] = {}
    broken: dict[TreeId, list[str]] = {}
    for path in stray_tree_files(trees_dir):  # its tree may lack a version: withdraw it
        problems.append(_stray(path, base))
        broken.setdefault(TreeId(path.parent.name), []).append(display(path, base))
    for path in tree_files(trees_dir):
        tree_id = TreeId(path.parent.name)
        doc, shape = read_document(path, "tree", base)
        tree, meaning = build_tree(doc, facts, sources) if doc else (None, ())
        here = [*shape, *meaning]
        if tree is not None:
            here.extend(_naming(tree, path, doc))
        problems.extend(here)
        if tree is None or any(p.is_error for p in here):
            broken.setdefault(tree_id, []).append(display(path, base))
        else:
            found.setdefault(tree_id, []).append(tree)
    ordered = {k: settled(v) for k, v in found.items() if k not in broken}
    return ordered, {k: tuple(v) for k, v in broken.items()}


def _stray(path: Path, base: Path | None) -> Problem:
    loc = Location(file=display(path, base), line=0, column=0)
    expected = phrase("load.tree_file", tree=path.parent.name)
    if path.is_symlink() and not path.exists():
        return Problem(location=loc, code="tree.file", expected=expected,
                       found=phrase("load.dangling"), hint=phrase("load.dangling_fix"))
    if path.is_dir():
        return Problem(location=loc, code="tree.file", found=phrase("load.folder"),
                       expected=expected, hint=phrase("load.folder_fix"))
    return Problem(location=loc, code="tree.file", found=phrase("load.suffix", suffix=path.suffix),
                   expected=expected, hint=phrase("load.suffix_fix", stem=path.stem))


def _naming(tree: Tree, path: Path, doc: source.Document | None) -> list[Problem]:
    out = []
    if doc is not None and tree.id != path.parent.name:
        out.append(Problem(location=doc.locate(("id",)), code="tree.id",
                           found=phrase("load.id", id=tree.id, folder=path.parent.name),
                           expected=phrase("load.id_expected"),
                           hint=phrase("load.id_fix", id=tree.id)))
    if doc is not None and tree.version != path.stem:
        out.append(Problem(location=doc.locate(("version",)), code="tree.version",
                           found=phrase("load.version", version=tree.version, file=path.name),
                           expected=phrase("load.version_expected"),
                           hint=phrase("load.version_fix", version=tree.version)))
    return out


def _covenants(conventions_dir: Path | None, base: Path | None, sources: Mapping[SourceId, Source],
               problems: list[Problem]) -> tuple[Covenant, ...]:
    out = []
    for path in covenant_files(conventions_dir):
        doc, shape = read_document(path, "clause", base)
        problems.extend(shape)
        if doc is None:
            continue
        covenant, meaning = build_covenant(doc, sources)
        problems.extend(meaning)
        if covenant is not None:
            out.append(covenant)
    ids = dict.fromkeys(c.id for c in out)
    return tuple(c for i in ids for c in settled([c for c in out if c.id == i]))


def settled(versions: Sequence[Settled]) -> tuple[Settled, ...]:
    """The versions in order of validity, with what their lifecycle makes of them."""
    standing = lifecycle.settle(versions)
    return tuple(replace(v, superseded_by=standing[v.version].superseded_by,
                         until=standing[v.version].until) for v in lifecycle.ordered(versions))


def severity_count(problems: tuple[Problem, ...], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)
