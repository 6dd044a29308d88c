"""One app process for one browser session: a clean environment, its own data folder."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService

#: What textual-serve itself sets for the web driver (terminal size, colours, frame rate).
FROM_TEXTUAL_SERVE = ("TEXTUAL_", "TERM_PROGRAM", "COLUMNS", "ROWS")
#: Seconds an app gets to save its walk and quit before it is killed.
GRACE = 5.0


def clean_environment(folder: Path, extra: Mapping[str, str]) -> dict[str, str]:
    """Only what an app process needs: nothing of the server's own environment (no tokens,
    no proxies, no home folder), its data folder as home, UTF-8."""
    return {"PATH": os.defpath, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": str(folder),
            "TMPDIR": str(folder), "DEELWIJZER_DATA_DIR": str(folder), **extra}


class AppProcess(AppService):
    """textual-serve's app service, started without a shell, in its folder, with `env` only."""

    def __init__(self, argv: list[str], folder: Path, env: Mapping[str, str],
                 **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv, self.folder, self.env = argv, folder, dict(env)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        served = super()._build_environment(width, height)
        own = {k: v for k, v in served.items() if k.startswith(FROM_TEXTUAL_SERVE)}
        return {**self.env, **own}

    async def _open_app_process(self, width: int = 80,
                                height: int = 24) -> asyncio.subprocess.Process:
        pipe = asyncio.subprocess.PIPE
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=pipe, stdout=pipe, stderr=pipe, cwd=self.folder,
            env=self._build_environment(width, height), start_new_session=True)
        if process.stdin is None:
            raise RuntimeError("app process has no stdin")
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Ask the app to quit (it saves its walk); kill it when it has not within GRACE."""
        try:
            await asyncio.wait_for(super().stop(), GRACE)
        except TimeoutError:
            self._task = None
        process = self._process
        if process is None:
            return
        if self._stdin is not None:
            self._stdin.close()
        try:
            await asyncio.wait_for(process.wait(), GRACE)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        if process.stderr is not None:  # drained to its end, so the pipes close now
            with contextlib.suppress(TimeoutError, OSError):
                await asyncio.wait_for(process.stderr.read(), 1.0)
