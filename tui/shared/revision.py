"""A tree set named on the command line: a folder, or a git revision copied into a temp dir.

A revision is read with `git archive`, so the user's checkout, index and worktree list are
never touched."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from engine.errors import UsageError


@dataclass(frozen=True, slots=True, kw_only=True)
class TreeSet:
    """Where a tree set lies on disk, what to call it, and the folder its file names start in."""

    label: str
    trees: Path
    conventions: Path | None
    base: Path | None


def folder(path: Path, label: str | None = None) -> TreeSet:
    """A trees folder, or a folder holding `trees/` (with `conventions/` next to it)."""
    trees = path if (path / "facts.yaml").is_file() else path / "trees"
    if not (trees / "facts.yaml").is_file():
        raise UsageError(f"'{path}' is geen map met bomen (geen facts.yaml) / not a trees folder")
    conventions = trees.parent / "conventions"
    return TreeSet(label=label or str(path), trees=trees,
                   conventions=conventions if conventions.is_dir() else None, base=None)


def git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def toplevel(path: Path) -> Path | None:
    """The git checkout `path` lies in, or None (not in a checkout, or no git)."""
    try:
        done = git(path, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        return None
    return Path(done.stdout.decode().strip()) if done.returncode == 0 else None


def revision(rev: str, trees: Path, conventions: Path | None, into: Path) -> TreeSet:
    """The trees (and conventions) folder as they were at `rev`, extracted under `into`."""
    top = toplevel(trees)
    if top is None:
        raise UsageError(f"'{rev}' is geen map, en {trees} ligt niet in een git-checkout / "
                         "not a folder, and the trees are not in a git checkout")
    if git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(f"'{rev}' is geen map en geen git-revisie (zoals HEAD~1) / "
                         "neither a folder nor a git revision")
    wanted = [trees.resolve().relative_to(top)]
    if conventions is not None and conventions.resolve().is_relative_to(top):
        wanted.append(conventions.resolve().relative_to(top))
    for part in wanted:
        _extract(top, rev, part, into)
    if not (into / wanted[0] / "facts.yaml").is_file():
        raise UsageError(f"revisie {rev} heeft geen bomen in {wanted[0]} / no trees there")
    got = into / wanted[1] if len(wanted) > 1 else None
    return TreeSet(label=f"{rev} (git)", trees=into / wanted[0],
                   conventions=got if got is not None and got.is_dir() else None, base=into)


def _extract(top: Path, rev: str, part: Path, into: Path) -> None:
    done = git(top, "archive", "--format=tar", rev, "--", part.as_posix())
    if done.returncode != 0:  # the folder did not exist at that revision
        return
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")
