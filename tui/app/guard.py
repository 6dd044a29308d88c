"""What keeps a walk safe around the app: one app per data folder, a clean stop on a signal."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from functools import partial
from typing import TYPE_CHECKING

from engine.errors import DeelwijzerError, error_text
from engine.words import say
from tui.shared import store

if TYPE_CHECKING:
    from tui.app.app import DeelwijzerApp

#: Ctrl+C from outside the app (kill -INT) and a polite kill. Not SIGHUP: with the terminal
#: gone there is nothing to restore, and a normal exit then waits on the closed terminal
#: forever (an orphan holding the data folder's lock); its default, ending at once, is right:
#: the walk was saved after the last answer.
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def claim(app: DeelwijzerApp) -> bool:
    """Catch signals and take this data folder's walk; when another window has it, ask whether
    to begin a separate walk (saved in a file of its own) and return False."""
    catch_signals(app)
    if store.claim():
        return True
    app.confirm(say("busy_q", app.lang, folder=store.data_dir()), partial(_separate, app))
    return False


def _separate(app: DeelwijzerApp, yes: bool | None) -> None:
    if not yes:
        app.exit()
        return
    try:
        path = store.claim_separate()
    except DeelwijzerError as exc:
        app.show_error(say("error", app.lang), [error_text(exc, app.lang)])
        return
    app.notify(say("busy_separate", app.lang, path=path))
    app.open_first()


def release() -> None:
    release_signals()
    store.release()


def catch_signals(app: DeelwijzerApp) -> None:
    """Stop the app the normal way on a signal: the walk is written, the terminal restored
    (SIGTERM's default would leave it in the app's screen), and the exit code is 128 + the
    signal's number (130 for SIGINT, as the command line documents)."""
    loop = asyncio.get_running_loop()
    for signum in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop, app, signum)


def stop(app: DeelwijzerApp, signum: int) -> None:
    app.saver.flush()
    app.exit(return_code=128 + signum)


def release_signals() -> None:
    loop = asyncio.get_running_loop()
    for signum in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(signum)
