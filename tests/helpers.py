"""Shared test helpers: the example tree set, copied where a test may change it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from engine import LoadResult, load

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "example"
GALLERY = DATA / "gallery"
#: A scenario set for the example trees; kept apart so that tests which change the example
#: trees are not tied to it (`with_scenarios` puts it in place).
SCENARIOS = DATA / "scenarios"
ROOT = Path(__file__).parent.parent


def copy_example(target: Path) -> Path:
    """A private copy of the example set (trees/ and conventions/) under `target`."""
    shutil.copytree(EXAMPLE, target, dirs_exist_ok=True)
    return target


def with_scenarios(root: Path) -> Path:
    """The example scenario set copied into `root`/trees/scenarios/; returns `root`."""
    shutil.copytree(SCENARIOS, root / "trees" / "scenarios", dirs_exist_ok=True)
    return root


def load_example(root: Path = EXAMPLE) -> LoadResult:
    return load(root / "trees", root / "conventions", base=root)


@dataclass(frozen=True)
class GalleryEntry:
    """A deliberately broken file and the problem it must produce."""

    path: Path
    code: str
    fragments: tuple[str, ...]
    line: int
    column: int
    target: str
    english: tuple[str, ...] = ()  # fragments of the English message, where the file names them


def gallery() -> list[GalleryEntry]:
    entries = []
    for path in sorted(GALLERY.glob("*.yaml")):
        head: dict[str, str] = {}
        for raw in path.read_bytes().split(b"\n")[:5]:
            if raw.startswith(b"# "):
                key, _, value = raw.decode("utf-8").removeprefix("# ").partition(": ")
                head[key] = value
        line, column = (int(x) for x in head["at"].split(":"))
        english = tuple(head["english"].split("|")) if "english" in head else ()
        entries.append(GalleryEntry(path=path, code=head["problem"],
                                    fragments=tuple(head["message"].split("|")), line=line,
                                    column=column, target=head["target"], english=english))
    return entries
