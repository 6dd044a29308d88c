"""The app's small files in the user's data folder: UI preferences and the walk in progress."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.decide.session import Session, from_data, to_data
from engine.decide.versions import Resolution
from engine.errors import DeelwijzerError, FileError
from tui.shared.atomic import write_atomic
from tui.shared.lock import FileLock

ENV = "DEELWIJZER_DATA_DIR"
PREFS = "voorkeuren.json"
PROGRESS = "gesprek.json"


def data_dir() -> Path:
    """$DEELWIJZER_DATA_DIR, else $XDG_DATA_HOME/deelwijzer, else ~/.local/share/deelwijzer."""
    own = os.environ.get(ENV)
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "deelwijzer"


#: A saved walk or the preferences are a few kB; anything far larger is not ours.
MAX_BYTES = 1_000_000


def _read(name: str) -> dict[str, Any] | None:
    """A small JSON object from the data folder, or None when it is missing or not one
    (unreadable, not JSON, too large, nested too deep to read)."""
    path = data_dir() / name
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def load_pref(key: str) -> str | None:
    """A small UI preference (language, theme), or None."""
    value = (_read(PREFS) or {}).get(key)
    return value if isinstance(value, str) else None


def save_pref(key: str, value: str) -> None:
    prefs = {**(_read(PREFS) or {}), key: value}
    write_atomic(data_dir() / PREFS, json.dumps(prefs, indent=2, sort_keys=True) + "\n")


@dataclass
class _Claim:
    """Which walk file this process uses: `gesprek.json`, or `gesprek-N.json` for a separate
    walk while another window has the first (see `claim`); and the lock that says so."""

    name: str = PROGRESS
    lock: FileLock | None = None


_claim = _Claim()


def progress_path() -> Path:
    return data_dir() / _claim.name


def claim() -> bool:
    """Take the walk file for this process; False when another app or plain walk on the same
    data folder has it (then offer `claim_separate`, never write over its walk)."""
    return _lock_slot(PROGRESS)


def claim_separate() -> Path:
    """A walk file of its own, `gesprek-2.json` or the next one free; returns its path."""
    for number in range(2, 100):
        name = f"gesprek-{number}.json"
        if _lock_slot(name):
            return progress_path()
    raise FileError(f"kan geen apart gesprek beginnen in '{data_dir()}': alle 98 zijn in "
                    "gebruik", "sluit een ander venster van Deelwijzer")


def release() -> None:
    """Let go of the walk file (at the end of the app or the plain walk)."""
    if _claim.lock is not None:
        _claim.lock.release()
    _claim.name, _claim.lock = PROGRESS, None


def _lock_slot(name: str) -> bool:
    if _claim.name == name and _claim.lock is not None:
        return True
    lock = FileLock(data_dir() / f".{name}.lock")
    if not lock.acquire():
        return False
    release()
    _claim.name, _claim.lock = name, lock
    return True


def has_progress() -> bool:
    return progress_path().is_file()


def save_progress(session: Session, extra: Mapping[str, object] | None = None) -> None:
    """Written after every answer: temp file, then rename, so a crash never leaves half a file.
    `extra`: what else the person entered (the app's ticks and document fields)."""
    text = json.dumps({**(extra or {}), **to_data(session)}, ensure_ascii=False, indent=2,
                      sort_keys=True)
    write_atomic(progress_path(), text + "\n")


def read_progress() -> dict[str, Any] | None:
    """The raw saved walk, or None when there is none or it is not JSON."""
    return _read(progress_path().name)


def quarantine_damaged() -> Path | None:
    """Move a saved walk that cannot be read back out of the way, so that every later start
    begins fresh instead of tripping over it; returns where it went (None: nothing to do).
    The file is kept, never deleted: a person may want to look at it."""
    path = progress_path()
    if not path.is_file():
        return None
    data = _read(path.name)
    try:
        if data is not None:
            from_data(data, None)
            return None
    except DeelwijzerError:
        pass
    for number in range(1, 1000):
        aside = path.with_name(f"{path.stem}.beschadigd-{number}.json")
        if not aside.exists():
            try:
                path.rename(aside)
            except OSError:
                return None
            return aside
    return None


def restore(data: dict[str, Any], resolution: Resolution | None) -> Session:
    """The saved session (checked against the vocabulary when given a resolution); raises
    WalkError when it is damaged or no longer fits."""
    return from_data(data, resolution)


def clear_progress() -> None:
    progress_path().unlink(missing_ok=True)


class Saver:
    """Saves the walk in progress in one background thread, in order, so that a slow disk
    never holds up the next question. `flush` waits for what is pending (before clearing,
    reading or quitting); `on_error` is called from the saving thread."""

    def __init__(self, on_error: Callable[[str], object]) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deelwijzer-opslaan")
        self._pending: Future[None] | None = None
        self._on_error = on_error

    def save(self, session: Session, extra: Mapping[str, object] | None = None) -> None:
        self._pending = self._pool.submit(self._write, session, extra)

    def _write(self, session: Session, extra: Mapping[str, object] | None) -> None:
        try:
            save_progress(session, extra)
        except OSError as exc:
            self._on_error(f"{exc.strerror}: {data_dir()}")

    def flush(self) -> None:
        if self._pending is not None:
            self._pending.result()

    def clear(self) -> None:
        self.flush()
        clear_progress()
