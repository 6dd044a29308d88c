"""Writing a file a person keeps: all or nothing, never half."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file next to `path`, then rename: never a half-written file.
    Text is written as UTF-8."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not _is_a_name(path) or (path.exists() and not path.is_file()):
        # a name no file can have, or a folder or device (renaming over /dev/null as root
        # would replace the device): an OSError like any other the callers already say
        raise OSError(errno.EINVAL, "geen gewoon bestand", ascii(str(path)))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_a_name(path: Path) -> bool:
    """Whether the system can take `path` as a file name: no NUL byte, and every character
    encodable (a lone surrogate is not)."""
    try:
        return b"\x00" not in os.fsencode(path)
    except UnicodeEncodeError:
        return False


def user_path(text: str | Path) -> Path:
    """A file name a person typed, with `~` for their home folder; `~name` for a user that
    does not exist (or no home at all) stays as typed instead of raising."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)
