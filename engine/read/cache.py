"""A content-addressed cache of loaded tree sets, so that start-up does not re-check them.

The key hashes every input file, the schemas and the engine's own source: any change in what
was loaded, or in the code that loaded it, is a cache miss. The caller chooses the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from engine.model import LoadResult
from engine.read.paths import input_files

_ENGINE = Path(__file__).resolve().parent.parent


def fingerprint(trees_dir: Path, conventions_dir: Path | None, base: Path | None) -> str:
    """The key: every file `load` reads (a missing one counts as missing), the schemas and
    the engine's source. Case files are not read by `load`, so editing one keeps the key."""
    digest = hashlib.sha256()
    digest.update(f"{trees_dir.resolve()}|{conventions_dir}|{base}".encode())
    code = sorted(_ENGINE.rglob("*.py")) + sorted(_ENGINE.glob("schemas/*.json"))
    for path in (*input_files(trees_dir, conventions_dir), *code):
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except FileNotFoundError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def cached_load(trees_dir: Path, conventions_dir: Path | None, cache_dir: Path | None,
                base: Path | None = None) -> LoadResult:
    """Like `load`, but reuses an earlier result for exactly the same inputs and code."""
    if cache_dir is None:
        return _load(trees_dir, conventions_dir, base)
    try:
        key = fingerprint(trees_dir, conventions_dir, base)
    except OSError:
        return _load(trees_dir, conventions_dir, base)
    path = cache_dir / f"bomen-{key[:32]}.pickle"
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # our own cache, keyed by a content hash
        if isinstance(found, LoadResult):
            return found
    except (OSError, EOFError, pickle.PickleError, AttributeError, ImportError, TypeError):
        pass
    result = _load(trees_dir, conventions_dir, base)
    _store(path, result)
    _prune(cache_dir, keep=KEEP)
    return result


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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bomen-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PickleError, TypeError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
