"""Sign-offs: a file next to a tree version records who settled it; the status follows from it.

A released tree file is never edited, so "vastgesteld" is not written into it: the sign-off
lives in `trees/<tree>/vaststelling/<version>.yaml` with the sha256 of the tree's canonical
content. A tree whose content no longer matches is an error ("gewijzigd na vaststelling")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from engine.errors import Location, Problem, phrase
from engine.model import Status, Tree, TreeId

FOLDER = "vaststelling"


def signoff_path(trees_dir: Path, tree: str, version: str) -> Path:
    return trees_dir / tree / FOLDER / f"{version}.yaml"


def signoff_files(trees_dir: Path) -> list[Path]:
    if not trees_dir.is_dir():
        return []
    return sorted(p for p in trees_dir.glob(f"*/{FOLDER}/*.yaml") if p.is_file())


def apply_signoffs(trees_dir: Path, base: Path | None, trees: Mapping[TreeId, tuple[Tree, ...]],
                   ) -> tuple[dict[TreeId, tuple[Tree, ...]], list[Problem]]:
    """Each tree with the status its sign-off gives it, and every problem with a sign-off."""
    from engine.read.loader import read_document  # noqa: PLC0415 - loader imports this module

    problems: list[Problem] = []
    settled: dict[tuple[str, str], dict[str, str]] = {}
    for path in signoff_files(trees_dir):
        doc, found = read_document(path, "signoff", base)
        problems.extend(found)
        if doc is None:
            continue
        data = doc.data
        if (data["tree"], data["version"]) != (path.parent.parent.name, path.stem):
            problems.append(Problem(
                location=doc.locate(("tree",)), code="signoff.place",
                found=phrase("signoff.place", tree=data["tree"], version=data["version"],
                             file=path.name),
                expected=f"trees/{data['tree']}/{FOLDER}/{data['version']}.yaml"))
            continue
        settled[(data["tree"], data["version"])] = {**data, "file": doc.file}
    out: dict[TreeId, tuple[Tree, ...]] = {}
    for tree_id, versions in trees.items():
        out[tree_id] = tuple(_settle(t, settled.pop((t.id, t.version), None), problems)
                             for t in versions)
    for (tree, version), data in settled.items():
        problems.append(Problem(location=Location(file=data["file"], line=1, column=1),
                                code="signoff.tree",
                                found=phrase("signoff.no_tree", tree=tree, version=version),
                                expected=phrase("signoff.tree_expected")))
    return out, problems


def _settle(tree: Tree, data: Mapping[str, str] | None, problems: list[Problem]) -> Tree:
    if data is None:
        if tree.status is Status.VASTGESTELD:
            problems.append(Problem(
                location=tree.where("status"), code="signoff.missing",
                found=phrase("signoff.missing"), expected=phrase("signoff.missing_expected"),
                hint=phrase("signoff.missing_fix", tree=tree.id, version=tree.version)))
        return tree
    if data["sha256"] != tree.sha256:
        problems.append(Problem(
            location=tree.where("version"), code="signoff.changed",
            found=phrase("signoff.changed", tree=tree.id, version=tree.version,
                         on=data["datum"], by=data["door"], role=data["rol"]),
            expected=phrase("signoff.changed_expected"),
            hint=phrase("signoff.changed_fix", file=tree.file, signoff=data["file"])))
        return tree
    return replace(tree, status=Status.VASTGESTELD, reviewed_by=f"{data['door']} ({data['rol']})",
                   reviewed_on=date.fromisoformat(data["datum"]))
