"""Smoke test in a real terminal: start the app in tmux, press keys, read the screen; then
kill it hard (kill -9) and check that the next start offers to resume."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


#: A tmux server of this test run's own: a shared default server can be killed or raced by
#: anything else on the machine that uses tmux.
TMUX = ["tmux", "-L", f"deelwijzer-test-{os.getpid()}"]


def tmux(*args: str) -> str:
    return subprocess.run([*TMUX, *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, limit: float = 30.0) -> str:
    """The screen once `text` is on it (a wait limit, not a timing assertion)."""
    deadline = time.monotonic() + limit
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} did not appear; screen was:\n{screen}")


def press_until(session: str, key: str, text: str, tries: int = 3) -> str:
    """Press `key` until `text` shows: on a loaded machine the first screen can be painted a
    moment before the app reads keys, and a person would simply press again."""
    for attempt in range(tries):
        tmux("send-keys", "-t", session, key)
        try:
            return wait_for(session, text, limit=10.0)
        except AssertionError:
            if attempt == tries - 1:
                raise
    raise AssertionError("unreachable")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    session = f"deelwijzer-{uuid.uuid4().hex[:8]}"
    yield session, tmp_path / "data"
    subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True, check=False)


def start(session: str, data: Path) -> None:
    command = (f"cd {shlex.quote(str(ROOT))} && exec env DEELWIJZER_DATA_DIR="
               f"{shlex.quote(str(data))} {shlex.quote(sys.executable)} -m tui.cli.main vraag "
               "--date 2026-11-28")  # exec: the pane's pid is the app itself
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME")}
    subprocess.run([*TMUX, "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                    command], check=True, env=env)
    tmux("set-option", "-t", session, "escape-time", "0")


def test_real_terminal_first_question_then_kill_and_resume(terminal: tuple[str, Path]) -> None:
    session, data = terminal
    start(session, data)
    wait_for(session, "deelwijzer vraag --plain")
    press_until(session, "n", "Wie heeft de gegevens en wil ze delen?")
    screen = wait_for(session, "Politie")  # the answer list may be painted a frame later
    assert "Stap 1" in screen
    tmux("send-keys", "-t", session, "6")  # an answer from the list: saved at once
    wait_for(session, "Stap 2")
    deadline = time.monotonic() + 10  # saved in a background thread, right after the answer
    while not (data / "gesprek.json").is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (data / "gesprek.json").is_file()
    pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    subprocess.run(["kill", "-9", pid], check=True)  # no clean shutdown at all
    subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True, check=False)
    start(session, data)
    wait_for(session, "Verder gaan?")
    tmux("send-keys", "-t", session, "j")
    assert "Stap 2" in wait_for(session, "Stap 2")


@pytest.mark.parametrize(("signum", "code"), [("TERM", 143), ("INT", 130)])
def test_a_signal_restores_the_terminal_and_keeps_the_walk(
        terminal: tuple[str, Path], signum: str, code: int) -> None:
    session, data = terminal
    app = (f"env DEELWIJZER_DATA_DIR={shlex.quote(str(data))} {shlex.quote(sys.executable)} "
           "-m tui.cli.main vraag --date 2026-11-28")
    # a shell around the app: it reports the exit code and whether the terminal settings are
    # the ones from before the app (raw mode and the app's screen undone)
    script = (f'cd {shlex.quote(str(ROOT))}; S=$(stty -g); {app}; echo "EXIT=$?"; '
              '[ "$(stty -g)" = "$S" ] && echo TTY=SAME; sleep 60')
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME")}
    subprocess.run([*TMUX, "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                    "bash", "--norc", "-c", script], check=True, env=env)
    tmux("set-option", "-t", session, "escape-time", "0")
    wait_for(session, "deelwijzer vraag --plain")
    press_until(session, "n", "Wie heeft de gegevens en wil ze delen?")
    tmux("send-keys", "-t", session, "6")
    wait_for(session, "Stap 2")
    shell = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    pid = subprocess.run(["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True,
                         check=True).stdout.split()[0]
    subprocess.run(["kill", f"-{signum}", pid], check=True)
    screen = wait_for(session, "TTY=SAME")
    assert f"EXIT={code}" in screen
    assert "Stap 2" not in screen, "the app's screen is gone"
    assert json.loads((data / "gesprek.json").read_text())["answers"]
