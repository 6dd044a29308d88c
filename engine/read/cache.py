"""A content-addressed cache of loaded tree sets, so that start-up does not re-check them.

The key hashes every input file, the schemas and the engine's own source: any change in what
was loaded, or in the code that loaded it, is a cache miss. The caller chooses the folder.
A file there is read only when the folder and the file are this user's alone, and then only as
model data (`_ModelData`): a cache file can never run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import tempfile
from pathlib import Path
from typing import Any

from engine.model import LoadResult
from engine.read.paths import input_files
from engine.startup import shared

_ENGINE = Path(__file__).resolve().parent.parent


def fingerprint(trees_dir: Path, conventions_dir: Path | None, base: Path | None) -> str:
    """The key: every file `load` reads (a missing one counts as missing), the schemas and
    the engine's source. Case files are not read by `load`, so editing one keeps the key."""
    digest = hashlib.sha256()
    digest.update(f"{trees_dir.resolve()}|{conventions_dir}|{base}".encode())
    for path in (*input_files(trees_dir, conventions_dir), *_code()):
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except FileNotFoundError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def content_key(trees_dir: Path, conventions_dir: Path | None) -> str:
    """The key of a tree set checked ahead (`SHIPPED`) that moves with it: each file's content
    under its name inside its own folder (`trees/avg/1.0.0.yaml`), and the engine's source under
    its name in the package. Where the files lie plays no part, so a set checked while the wheel
    is built is found again wherever the wheel is installed."""
    digest = hashlib.sha256(b"deelwijzer checked tree set 1\0")
    digest.update(b"conventions\0" if conventions_dir is not None else b"none\0")
    named = [(_name_in(path, trees_dir, conventions_dir), path)
             for path in input_files(trees_dir, conventions_dir)]
    named += [("engine/" + path.relative_to(_ENGINE).as_posix(), path) for path in _code()]
    for name, path in named:
        digest.update(name.encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except FileNotFoundError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def _name_in(path: Path, trees_dir: Path, conventions_dir: Path | None) -> str:
    for folder, label in ((trees_dir, "trees"), (conventions_dir, "conventions")):
        if folder is not None and path.is_relative_to(folder):
            return f"{label}/{path.relative_to(folder).as_posix()}"
    return path.as_posix()


def _code() -> list[Path]:
    return sorted(_ENGINE.rglob("*.py")) + sorted(_ENGINE.glob("schemas/*.json"))


def cached_load(trees_dir: Path, conventions_dir: Path | None, cache_dir: Path | None,
                base: Path | None = None) -> LoadResult:
    """Like `load`, but reuses an earlier result for exactly the same inputs and code: one
    checked when Deelwijzer was installed (`SHIPPED`), else one from the user's cache."""
    if cache_dir is None:
        return _load(trees_dir, conventions_dir, base)
    try:
        shipped = SHIPPED / f"bomen-{content_key(trees_dir, conventions_dir)[:32]}.pickle"
        found = _read(shipped, owners=(os.getuid(), 0))
        if found is not None:
            return found
        key = fingerprint(trees_dir, conventions_dir, base)
    except OSError:
        return _load(trees_dir, conventions_dir, base)
    name = f"bomen-{key[:32]}.pickle"
    if not is_private(cache_dir):  # others could plant a file there: do not use it at all
        return _load(trees_dir, conventions_dir, base)
    found = _read(cache_dir / name, owners=(os.getuid(),))
    if found is not None:
        return found
    result = _load(trees_dir, conventions_dir, base)
    _store(cache_dir / name, result)
    _prune(cache_dir, keep=KEEP)
    return result


#: Tree sets checked ahead: when the wheel is built (hatch_build.py) or by `make run`/`make
#: bench` (`python -m engine.read.cache`), under `content_key` and read as data only like the
#: user's cache, so that a first start, with an empty cache, loads no YAML and checks no schema.
#: Owned by the user or by root.
SHIPPED = _ENGINE / "_checked"


def _read(path: Path, owners: tuple[int, ...]) -> LoadResult | None:
    """The cached tree set at `path`, when it is there, safe to read and model data only."""
    try:
        with path.open("rb") as handle:
            if is_private(path, owners) and is_private(path.parent, owners):
                found = _ModelData(handle).load()
                return found if isinstance(found, LoadResult) else None
    except (OSError, EOFError, ValueError, pickle.PickleError, AttributeError, ImportError,
            TypeError, IndexError, KeyError, RecursionError):
        pass
    return None


def ship(trees_dir: Path, conventions_dir: Path | None, base: Path | None = None,
         into: Path | None = None) -> Path:
    """Check a tree set now and keep the result in `into` (default `SHIPPED`; the older ones
    go). File names in it are relative to `base` (default: the working directory)."""
    folder = SHIPPED if into is None else into
    path = folder / f"bomen-{content_key(trees_dir, conventions_dir)[:32]}.pickle"
    if _read(path, owners=(os.getuid(),)) is None:
        for old in folder.glob("bomen-*.pickle"):
            old.unlink(missing_ok=True)
        _store(path, _load(trees_dir, conventions_dir, base))
    return path


def is_private(path: Path, owners: tuple[int, ...] | None = None) -> bool:
    """Whether only this user (or `owners`) can change `path`: owned by them, writable by
    nobody else, and not a link (a folder that does not exist yet is made private by `_store`)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    allowed = owners if owners is not None else (os.getuid(),)
    return info.st_uid in allowed and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


#: What a cache file may name: the model's own classes (by their module), dates, and the one
#: function that rebuilds a model object from its field values (engine/startup.py).
_MODEL_MODULES = ("engine.model", "engine.errors")
_ALLOWED = {("datetime", "date"), ("engine.startup", "_rebuild")}


class _ModelData(pickle.Unpickler):
    """Unpickles the model's data and nothing else: a file that names any other function or
    class is refused before anything runs (pickle's own way to restrict what a file may call),
    so a file planted in the cache cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        found = super().find_class(module, name) if (module, name) in _ALLOWED or \
            module in _MODEL_MODULES else None
        if (module, name) in _ALLOWED or (isinstance(found, type)
                                         and found.__module__ == module):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is geen modelgegeven")


#: How many cached tree sets to keep (each tree set, and each version of the code, has its own).
KEEP = 8


def _prune(cache_dir: Path, keep: int) -> None:
    """Remove all but the `keep` most recently written cache files."""
    try:
        files = sorted(cache_dir.glob("bomen-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in files[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _load(trees_dir: Path, conventions_dir: Path | None, base: Path | None) -> LoadResult:
    from engine.read.loader import load  # noqa: PLC0415 - the YAML and schema stack, only on a miss

    return load(trees_dir, conventions_dir, base)


def _store(path: Path, result: LoadResult) -> None:
    """Write atomically; a cache that cannot be written is simply not used."""
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bomen-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(shared(result), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PickleError, TypeError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


if __name__ == "__main__":  # `python -m engine.read.cache`: check the shipped trees, once
    from engine.read.paths import conventions_dir, data_root, trees_dir

    ship(trees_dir(), conventions_dir(), base=data_root())
