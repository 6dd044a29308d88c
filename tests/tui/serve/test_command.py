"""`deelwijzer serve` on the command line: options, warnings, errors without a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from engine.errors import UsageError
from tui.cli.commands.serve import app_words, is_local, room_password, shown_address
from tui.cli.main import parser


def serve(*words: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli.main", "serve", *words],
                          capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def test_other_commands_never_load_the_web_server() -> None:
    code = ("import sys; from tui.cli.main import parser; parser('vraag'); parser('serve'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('aiohttp', 'textual_serve', 'tui') and m.startswith(('aiohttp', 'textual_serve', "
            "'tui.serve'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_busy_port_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 2
    assert f"127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_other_address_only_with_a_warning() -> None:
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--host", "0.0.0.0", "--port", str(port))
    assert "Let op" in result.stderr and "Warning" in result.stderr
    assert "--password" in result.stderr and result.returncode == 2


def test_password_without_a_terminal_is_a_clear_error() -> None:
    result = serve("--password", env={"DEELWIJZER_WACHTWOORD": ""})
    assert result.returncode == 2 and "geen wachtwoord" in result.stderr
    env = {k: v for k, v in os.environ.items() if k != "DEELWIJZER_WACHTWOORD"}
    asked = subprocess.run([sys.executable, "-m", "tui.cli.main", "serve", "--password"],
                           capture_output=True, text=True, timeout=60, check=False, env=env,
                           stdin=subprocess.DEVNULL, start_new_session=True)  # no terminal
    assert asked.returncode == 2 and "Traceback" not in asked.stderr


@pytest.mark.parametrize("words", [["--max-sessions", "0"], ["--port", "http"],
                                   ["--port", "0"],
                                   ["--idle-timeout", "-5"]])
def test_bad_numbers_are_usage_errors(words: list[str]) -> None:
    result = serve(*words)
    assert result.returncode == 2 and "kies een geheel getal" in result.stderr


def test_shown_address_is_one_a_participant_can_open() -> None:
    assert shown_address("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert shown_address("::1", 8001) == "http://[::1]:8001"
    wildcard = shown_address("0.0.0.0", 8000)
    assert wildcard.startswith("http://") and "0.0.0.0" not in wildcard


def test_local_addresses() -> None:
    assert is_local("127.0.0.1") and is_local("::1") and is_local("localhost")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.20")


def test_each_session_resumes_its_walk_on_the_same_date(tmp_path: Path) -> None:
    args = parser("serve").parse_args(["serve", "--date", "2026-11-28", "--trees",
                                       str(tmp_path)])
    words = app_words(args)
    assert words[:2] == ["vraag", "--verder"]
    assert words[words.index("--date") + 1] == date(2026, 11, 28).isoformat()
    assert Path(words[words.index("--trees") + 1]).is_absolute()
    assert "--lang" not in words  # each session keeps the language its participant chose
    english = app_words(parser("serve").parse_args(["serve", "--lang", "en"]))
    assert english[english.index("--lang") + 1] == "en"
    custom = parser("serve").parse_args(["serve", "--", "vraag", "--start", "avg"])
    assert app_words(custom) == ["vraag", "--start", "avg"]
    with pytest.raises(UsageError, match="geen commando"):
        app_words(parser("serve").parse_args(["serve", "--", "serve"]))


def test_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    args = parser("serve").parse_args(["serve", "--password"])
    monkeypatch.setenv("DEELWIJZER_WACHTWOORD", "zaal-7")
    assert room_password(args) == "zaal-7"
    monkeypatch.setenv("DEELWIJZER_WACHTWOORD", "")
    with pytest.raises(UsageError):
        room_password(args)
    assert room_password(parser("serve").parse_args(["serve"])) is None
