"""Where people find their documents: the folder exports are offered in, and a free name there."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

ENV = "DEELWIJZER_DOCUMENTS_DIR"
_LINE = re.compile(r'^\s*XDG_DOCUMENTS_DIR\s*=\s*(.+?)\s*$')


def documents_dir() -> Path:
    """$DEELWIJZER_DOCUMENTS_DIR; else the desktop's documents folder (xdg-user-dirs); else
    ~/Documenten or ~/Documents when it exists; else the home folder."""
    own = os.environ.get(ENV)
    if own:
        return Path(own).expanduser()
    home = Path.home()
    xdg = _xdg_documents(home)
    if xdg is not None and xdg != home and xdg.is_dir():
        return xdg
    for name in ("Documenten", "Documents"):
        if (home / name).is_dir():
            return home / name
    return home


def _xdg_documents(home: Path) -> Path | None:
    """XDG_DOCUMENTS_DIR from the environment or from user-dirs.dirs, with $HOME expanded."""
    value = os.environ.get("XDG_DOCUMENTS_DIR")
    if not value:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
        try:
            lines = config.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        found = [m[1] for m in map(_LINE.match, lines) if m]
        if not found:
            return None
        try:
            value = shlex.split(found[-1])[0]
        except (ValueError, IndexError):
            return None
    return Path(value.replace("$HOME", str(home))).expanduser()


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem (2).ext` and so on when that file already exists."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists():
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path
