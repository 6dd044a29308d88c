"""docs/nginx/deelwijzer.conf, run: two serve instances behind nginx, every request of one
browser session (page, websocket, download) at the same instance."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import ClientSession, WSMsgType, web

from tests.helpers import ROOT
from tests.tui.serve.browser import free_port
from tui.serve.room import CLOSE_REPLACED, new_token
from tui.serve.server import RoomServer

NGINX = shutil.which("nginx") or next(
    (str(p) for p in (Path("/usr/sbin/nginx"),) if p.exists()), None)
pytestmark = pytest.mark.skipif(
    NGINX is None,
    reason="nginx is not installed: the reverse-proxy example is not tested (apt-get install "
           "nginx)")

#: A stand-in for the app: says it is a Textual app, then waits until it is told to quit.
FAKE_APP = ("import sys\nsys.stdout.write('__GANGLION__\\n'); sys.stdout.flush()\n"
            "while b'quit' not in (sys.stdin.buffer.read1(4096) or b'quit'):\n    pass\n")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def backend(data: Path, port: int, seen: list[str]) -> web.AppRunner:
    server = RoomServer([sys.executable, "-c", FAKE_APP], data_root=data, port=port)
    app = await server._make_app()

    @web.middleware
    async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
        seen.append(request.path_qs)
        return await handler(request)

    app.middlewares.insert(0, record)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


@pytest.fixture
async def proxied(tmp_path: Path) -> AsyncIterator[tuple[str, list[list[str]]]]:
    ports = [free_port(), free_port()]
    seen: list[list[str]] = [[], []]
    runners = [await backend(tmp_path / f"b{i}", port, seen[i]) for i, port in enumerate(ports)]
    front = free_port()
    example = (ROOT / "docs" / "nginx" / "deelwijzer.conf").read_text(encoding="utf-8")
    example = (example.replace("127.0.0.1:8001", f"127.0.0.1:{ports[0]}")
               .replace("127.0.0.1:8002", f"127.0.0.1:{ports[1]}")
               .replace("listen 8080;", f"listen 127.0.0.1:{front};"))
    (tmp_path / "deelwijzer.conf").write_text(example, encoding="utf-8")
    temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\nhttp {\n"
        f"  access_log off;\n  client_body_temp_path {temp['body']};\n"
        f"  proxy_temp_path {temp['proxy']};\n  fastcgi_temp_path {temp['fastcgi']};\n"
        f"  uwsgi_temp_path {temp['uwsgi']};\n  scgi_temp_path {temp['scgi']};\n"
        f"  include {tmp_path}/deelwijzer.conf;\n}}\n", encoding="utf-8")
    assert NGINX is not None
    nginx = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while not (tmp_path / "nginx.pid").exists():
        if nginx.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"nginx did not start: {nginx.communicate()[1]}")
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    yield f"127.0.0.1:{front}", seen
    nginx.terminate()
    nginx.wait(10)
    for runner in runners:
        await runner.cleanup()


def where(seen: list[list[str]], token: str) -> set[int]:
    return {i for i, paths in enumerate(seen) if any(token in p for p in paths)}


async def test_each_session_sticks_to_one_instance(
        proxied: tuple[str, list[list[str]]]) -> None:
    front, seen = proxied
    used: set[int] = set()
    async with ClientSession() as client:
        root = await client.get(f"http://{front}/", allow_redirects=False)
        assert root.status == 303 and root.headers["Location"].startswith("/s/")
        for _ in range(40):  # until both instances have had sessions
            token = new_token()
            page = await client.get(f"http://{front}/s/{token}")
            assert page.status == 200
            origin = {"Origin": f"http://{front}"}
            first = await client.ws_connect(f"ws://{front}/ws/{token}", headers=origin)
            assert await first.receive_json(timeout=10) == ["instance_id", token]
            await client.get(f"http://{front}/download/nothing?instance={token}")
            # the same session again: it reaches the same instance, which replaces the first
            second = await client.ws_connect(f"ws://{front}/ws/{token}", headers=origin)
            closed = await first.receive(timeout=15)
            assert closed.type == WSMsgType.CLOSE and closed.data == CLOSE_REPLACED
            await second.close()
            instances = where(seen, token)
            assert len(instances) == 1, f"session {token} reached {instances}"
            assert sum(token in p for p in seen[instances.pop()]) == 4  # page, 2 ws, download
            used |= where(seen, token)
            if used == {0, 1}:
                break
    assert used == {0, 1}
