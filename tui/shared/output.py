"""The command line's output files: --out and --force; an existing file is never overwritten
unasked."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from engine.errors import UsageError, file_error
from tui.shared.atomic import write_atomic


def add_out_options(parser: argparse.ArgumentParser, what: str) -> None:
    """--out FILE (default: standard output) and --force."""
    parser.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                        help=f"schrijf {what} naar dit bestand (standaard: stdout); een "
                             "bestaand bestand alleen met --force / output file; an existing "
                             "file only with --force")
    parser.add_argument("--force", action="store_true",
                        help="overschrijf een bestaand --out-bestand / overwrite --out")


def check_out(args: argparse.Namespace) -> None:
    """Before any work: a Word document needs --out, and --out never overwrites unasked."""
    if args.format == "docx" and args.out is None:
        raise UsageError("--format docx heeft --out BESTAND nodig / docx needs --out FILE")
    if args.out is not None:
        refuse_overwrite(args.out, args.force)


def refuse_overwrite(path: Path, force: bool) -> None:
    """Stop (exit 2) before any work when `path` exists and --force was not given."""
    if path.is_file() and not force:
        raise UsageError(f"{path} bestaat al; niets geschreven / {path} already exists; "
                         "nothing written",
                         "kies een andere naam of gebruik --force om het te overschrijven / "
                         "choose another name or use --force to overwrite")


def write_output(path: Path | None, content: str | bytes, force: bool) -> None:
    """`content` to `path` (all or nothing) or, without a path, to standard output."""
    if path is None:
        if isinstance(content, bytes):
            raise UsageError("deze uitvoer heeft --out BESTAND nodig / "
                             "this output needs --out FILE")
        sys.stdout.write(content)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if path.exists() and not path.is_file():  # a device such as /dev/null: as it is
            path.write_bytes(data)
            return
        refuse_overwrite(path, force)
        if not path.parent.is_dir():  # never make folders the user did not ask for
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        write_atomic(path, data)
    except OSError as exc:
        raise file_error(path, exc, "write") from None
