"""The app in a real browser: headless Chromium over DevTools against `deelwijzer serve`."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.serve.browser import browser, children, chromium, free_port

pytestmark = pytest.mark.skipif(
    chromium() is None,
    reason="chromium is not installed: the browser test of `deelwijzer serve` is SKIPPED "
           "(apt-get install chromium)")

START = "deelwijzer vraag --plain"  # on the start screen
FIRST = "Wie heeft de gegevens en wil ze delen?"
DANGER = "Is er nu gevaar voor het leven"
VERDICT = "Je mag delen, mits je de voorwaarden volgt"



@contextlib.contextmanager
def serving(folder: Path, *options: str, env: dict[str, str] | None = None,
            ) -> Iterator[tuple[str, Path, int]]:
    """`deelwijzer serve` on a free port: its host:port, sessions folder and process id."""
    port, data = free_port(), folder / "serve"
    log = (folder / "serve.log").open("w")  # read on failure; a pipe could fill and stall it
    server = subprocess.Popen(
        [sys.executable, "-m", "tui.cli.main", "serve", "--port", str(port), "--data", str(data),
         "--date", "2026-11-28", *options],
        env={**os.environ, "DEELWIJZER_DATA_DIR": str(folder / "own"), **(env or {})},
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("serve did not start: "
                                         + (folder / "serve.log").read_text()) from None
                time.sleep(0.1)
        yield f"127.0.0.1:{port}", data, server.pid
    finally:
        server.terminate()
        server.wait(20)
        log.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, int]]:
    """`deelwijzer serve` for two sessions at most."""
    with serving(tmp_path, "--max-sessions", "2") as started:
        yield started


async def test_browser_walk_reload_offline_and_cap(served: tuple[str, Path, int],
                                                  tmp_path: Path) -> None:
    host, data, server = served
    downloads = tmp_path / "downloads"
    async with browser() as chrome:
        await chrome.call("Browser.setDownloadBehavior", behavior="allow",
                          downloadPath=str(downloads), eventsEnabled=True)
        tab = await chrome.tab()
        await tab.goto(f"http://{host}/")
        await tab.wait_text(START)
        address = await tab.evaluate("window.location.pathname")
        assert address.startswith("/s/")
        await tab.press("n")
        await tab.wait_text(FIRST)
        await tab.press("6")  # the municipality
        await tab.wait_text(DANGER)
        assert "Stap 2" in tab.text()
        # the walk is saved in this session's own folder, named by the address
        token = address.rsplit("/", 1)[1]
        deadline = time.monotonic() + 10
        while not (data / token / "gesprek.json").is_file() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await tab.reload()
        await asyncio.sleep(0.3)
        await tab.reload()  # again, while the first reload's app is still starting
        await tab.wait_text(DANGER)  # back at the same question, without being asked
        assert "Stap 2" in tab.text()
        assert len(children(server)) == 1  # no process left behind by the reloads
        assert await tab.evaluate("window.location.pathname") == address
        await tab.press("1")  # acute danger
        await tab.wait_text(VERDICT)
        await tab.press("m")  # the Markdown export: a download in the browser
        saved = downloads / "verantwoording-2026-11-28.md"
        deadline = time.monotonic() + 20
        while not any(name == "Browser.downloadProgress" and event.get("state") == "completed"
                      for name, event in chrome.events) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert VERDICT in saved.read_text(encoding="utf-8")

        # nothing outside this server was requested, and nothing was blocked trying
        outside = [url for url in tab.requests
                   if not url.startswith((f"http://{host}/", f"ws://{host}/", "data:"))]
        assert outside == []
        assert tab.blocked == []
        assert any(url.startswith(f"ws://{host}/ws/{token}") for url in tab.requests)

        # the cap: a second session fits, a third gets the "room is full" page
        second = await chrome.tab()
        await second.goto(f"http://{host}/")
        await second.wait_text(START)
        third = await chrome.tab()
        await third.goto(f"http://{host}/")
        await _wait_page(third, "De zaal is vol")
        assert sorted(p.name for p in data.iterdir()) == sorted(
            [token, (await second.evaluate("window.location.pathname")).rsplit("/", 1)[1]])


async def _wait_page(tab: object, text: str, limit: float = 20.0) -> None:
    from tests.tui.serve.browser import Tab  # noqa: PLC0415

    assert isinstance(tab, Tab)
    deadline = time.monotonic() + limit
    body = ""
    while time.monotonic() < deadline:
        body = await tab.evaluate("document.body ? document.body.innerText : ''") or ""
        if text in body:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{text!r} not on the page: {body!r}")


async def test_browser_room_password(tmp_path: Path) -> None:
    with serving(tmp_path, "--password", env={"DEELWIJZER_WACHTWOORD": "zaal-7"}) as (
            host, _, _):
        async with browser() as chrome:
            tab = await chrome.tab()
            await tab.goto(f"http://{host}/")
            await _wait_page(tab, "De trainer geeft je het wachtwoord")
            assert tab.socket is None  # no app before the password
            await tab.evaluate("document.getElementById('wachtwoord').value = 'zaal-7'; "
                               "document.querySelector('form').submit()")
            await tab.wait_text(START)
            assert (await tab.evaluate("window.location.pathname")).startswith("/s/")
            assert tab.blocked == []
