"""A headless Chromium driven over its DevTools protocol, for the `serve` test and bench.

The terminal is drawn on a canvas, so the screen is read the way xterm.js reads it: the bytes
the page receives on its websocket (the DevTools network events) are fed to a terminal emulator
(pyte) of the size the page asked for."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pyte

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio",
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
         "--disable-backgrounding-occluded-windows", "--window-size=1100,800")
KEYS = {"enter": ("Enter", 13, "\r"), "down": ("ArrowDown", 40, ""),
        "up": ("ArrowUp", 38, ""), "escape": ("Escape", 27, "")}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a server's app processes)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except OSError:
            continue  # a process that ended meanwhile
    return found


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Tab:
    """One browser tab: navigate, press keys, read the terminal, list the requests it made."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.socket: str | None = None  # the request id of the page's current websocket
        self._blank()

    def _blank(self, width: int = 80, height: int = 24) -> None:
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.frames: list[tuple[float, str]] = []  # (arrival, base64 bytes) not yet emulated

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.call(method, self.session, **params)

    def on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
            query = parse_qs(urlsplit(params["url"]).query)
            self.socket = params["requestId"]
            self._blank(int(query.get("width", ["80"])[0]), int(query.get("height", ["24"])[0]))
        elif (method == "Network.webSocketFrameReceived"
              and params["requestId"] == self.socket):
            frame = params["response"]
            if frame["opcode"] == 2:  # decoded later: emulating is slow, arrival is the time
                self.frames.append((time.monotonic(), frame["payloadData"]))
        elif method == "Network.loadingFailed" and params.get("blockedReason"):
            self.blocked.append(params["blockedReason"])
        elif method == "Log.entryAdded" and params["entry"].get("source") == "security":
            self.blocked.append(params["entry"].get("text", ""))

    def text(self) -> str:
        while self.frames:
            self.stream.feed(base64.b64decode(self.frames.pop(0)[1]))
        return "\n".join(self.screen.display)

    async def goto(self, url: str) -> None:
        """Open `url`; the screen is blank until the new page's terminal draws."""
        self.socket = None
        self._blank()
        await self.call("Page.navigate", url=url)

    async def reload(self) -> None:
        self.socket = None
        self._blank()
        await self.call("Page.reload")

    async def wait_text(self, text: str, limit: float = 30.0) -> float:
        """When (time.monotonic) the frame arrived that put `text` on the terminal. `limit` is
        a wait limit, not a timing assertion."""
        start = time.monotonic()
        while True:
            while self.frames:
                arrived, data = self.frames.pop(0)
                self.stream.feed(base64.b64decode(data))
                if text in "\n".join(self.screen.display):
                    return arrived
            if text in self.text():
                return start
            if time.monotonic() - start > limit:
                raise AssertionError(f"{text!r} did not appear; screen was:\n{self.text()}")
            await asyncio.sleep(0.005)

    async def evaluate(self, expression: str) -> Any:
        reply = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply.get("result", {}).get("value")

    async def press(self, *keys: str) -> None:
        """Keys as a person types them, into the terminal's input (focused first)."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        for key in keys:
            name, code, text = KEYS.get(key, (key, ord(key.upper()[0]), key))
            down = {"key": name, "code": name if key in KEYS else f"Key{key.upper()}",
                    "windowsVirtualKeyCode": code}
            await self.call("Input.dispatchKeyEvent", type="keyDown", text=text, **down)
            await self.call("Input.dispatchKeyEvent", type="keyUp", **down)


class Browser:
    """Chromium with a fresh profile and no network of its own; DevTools over a websocket."""

    def __init__(self, process: subprocess.Popen[str], socket: aiohttp.ClientWebSocketResponse
                 ) -> None:
        self.process, self.socket = process, socket
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.tabs: dict[str, Tab] = {}
        self.events: list[tuple[str, dict[str, Any]]] = []  # the browser's own (downloads)
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            data = message.json()
            if "id" in data:
                future = self.waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("sessionId") in self.tabs:
                self.tabs[data["sessionId"]].on_event(data["method"], data.get("params", {}))
            elif "sessionId" not in data and "method" in data:
                self.events.append((data["method"], data.get("params", {})))

    async def call(self, method: str, session: str | None = None,
                   **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiting[number] = future
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        await self.socket.send_json(message)
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def close(self, tab: Tab) -> None:
        target = await self.call("Target.getTargetInfo", tab.session)
        await self.call("Target.closeTarget", targetId=target["targetInfo"]["targetId"])
        self.tabs.pop(tab.session, None)

    async def tab(self) -> Tab:
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call("Target.attachToTarget", targetId=target["targetId"],
                                   flatten=True)
        tab = Tab(self, attached["sessionId"])
        self.tabs[tab.session] = tab
        for domain in ("Network", "Page", "Log", "Runtime"):
            await tab.call(f"{domain}.enable")
        await tab.call("Emulation.setFocusEmulationEnabled", enabled=True)
        return tab


@contextlib.asynccontextmanager
async def browser() -> AsyncIterator[Browser]:
    """Start Chromium (headless, its own throw-away profile) and connect to it."""
    program = chromium()
    if program is None:
        raise RuntimeError("chromium is not installed")
    # Chromium's helper processes may still write to the profile as it goes: clean up loosely
    with tempfile.TemporaryDirectory(prefix="deelwijzer-chromium-",
                                     ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [program, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            url = _devtools_url(process)
            async with aiohttp.ClientSession() as client, client.ws_connect(
                    url, max_msg_size=0) as socket:
                driver = Browser(process, socket)
                try:
                    yield driver
                finally:
                    driver.reader.cancel()
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _devtools_url(process: subprocess.Popen[str]) -> str:
    """The endpoint Chromium prints; the rest of its log is read and dropped (a full pipe
    would stall it)."""
    stderr = process.stderr
    assert stderr is not None
    for line in stderr:
        if "DevTools listening on " in line:
            threading.Thread(target=stderr.read, daemon=True).start()
            return line.split(" on ", 1)[1].strip()
    raise RuntimeError("chromium did not start its DevTools endpoint")
