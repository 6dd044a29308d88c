"""The server without a browser: addresses, pages, headers, password, cap, clean processes."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestClient, TestServer

from tui.serve.process import AppProcess, clean_environment
from tui.serve.room import CLOSE_FULL, CLOSE_IDLE, Seat, is_token, new_token
from tui.serve.server import COOKIE, RoomServer

Client = TestClient[web.Request, web.Application]
Room = tuple[RoomServer, Client]
APP = [sys.executable, "-I", "-m", "tui.cli.main", "vraag", "--verder", "--date", "2026-11-28"]


async def client_for(server: RoomServer) -> Client:
    client: Client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


@pytest.fixture
async def open_room(tmp_path: Path) -> AsyncIterator[Room]:
    server = RoomServer(APP, data_root=tmp_path, max_sessions=2, idle_seconds=1.0)
    client = await client_for(server)
    yield server, client
    await client.close()


async def test_root_gives_each_visitor_an_own_address(open_room: Room) -> None:
    _, client = open_room
    first = await client.get("/", allow_redirects=False)
    second = await client.get("/", allow_redirects=False)
    assert first.status == second.status == 303
    a, b = first.headers["Location"], second.headers["Location"]
    assert a != b and a.startswith("/s/") and is_token(a[3:])


async def test_page_loads_only_from_this_server(open_room: Room) -> None:
    _, client = open_room
    page = await client.get(f"/s/{new_token()}")
    html = await page.text()
    assert page.status == 200
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert not re.search(r"https?://|//fonts|googleapis", html)
    assets = re.findall(r'(?:href|src)="(/[^"]+)"', html)
    assert "/static/js/textual.js" in assets and "/pagina/deelwijzer.css" in assets
    for asset in assets:
        assert (await client.get(asset)).status == 200, asset
    css = await (await client.get("/pagina/deelwijzer.css")).text()
    for font in re.findall(r'url\("(/static/fonts/[^"]+)"\)', css):
        assert (await client.get(font)).status == 200, font


async def test_bad_address_goes_back_to_the_start(open_room: Room) -> None:
    _, client = open_room
    reply = await client.get("/s/..%2F..%2Fetc", allow_redirects=False)
    assert reply.status in (303, 404)


async def test_full_room_gets_a_clear_page(open_room: Room) -> None:
    server, client = open_room
    taken = [new_token(), new_token()]

    async def end(code: int) -> None:
        server.room.seats.clear()

    for token in taken:
        server.room.seats[token] = Seat(token=token, end=end, last_active=0.0)
    root = await client.get("/", allow_redirects=False)
    assert root.status == 503 and "De zaal is vol" in await root.text()
    newcomer = await client.get(f"/s/{new_token()}")
    assert newcomer.status == 503
    returning = await client.get(f"/s/{taken[0]}")  # a reload of a live session still works
    assert returning.status == 200
    socket = await client.ws_connect(f"/ws/{new_token()}")
    message = await socket.receive()
    assert message.type == WSMsgType.CLOSE and message.data == CLOSE_FULL


async def test_password_guards_pages_sockets_and_downloads(tmp_path: Path) -> None:
    server = RoomServer(APP, data_root=tmp_path, password="zaal-7")
    client = await client_for(server)
    try:
        token = new_token()
        login = await client.get(f"/s/{token}")
        assert 'type="password"' in await login.text()
        assert (await client.get(f"/ws/{token}")).status == 403
        assert (await client.get("/download/x")).status == 403
        wrong = await client.post("/toegang", data={"wachtwoord": "zaal-8", "terug": token},
                                  allow_redirects=False)
        assert wrong.status == 403 and "klopt niet" in await wrong.text()
        right = await client.post("/toegang", data={"wachtwoord": "zaal-7", "terug": token},
                                  allow_redirects=False)
        assert right.status == 303 and right.headers["Location"] == f"/s/{token}"
        assert COOKIE in right.cookies and right.cookies[COOKIE]["httponly"]
        page = await client.get(f"/s/{token}")
        assert 'id="terminal"' in await page.text()
    finally:
        await client.close()


async def test_socket_from_another_site_is_refused(open_room: Room) -> None:
    _, client = open_room
    reply = await client.get(f"/ws/{new_token()}", headers={"Origin": "http://evil.example"})
    assert reply.status == 403


async def test_idle_session_is_ended_and_its_walk_folder_kept(open_room: Room) -> None:
    server, client = open_room
    token = new_token()
    socket = await client.ws_connect(f"/ws/{token}?width=100&height=30")
    assert await socket.receive_json(timeout=30) == ["instance_id", token]  # for downloads
    message = await socket.receive(timeout=30)
    while message.type == WSMsgType.BINARY:  # the app drawing, until it is ended
        message = await socket.receive(timeout=30)
    assert message.type == WSMsgType.CLOSE and message.data == CLOSE_IDLE
    assert (server.data_root / token).is_dir()
    for _ in range(200):  # the handler stops the app process, then leaves the room
        if not server.room.seats:
            break
        await asyncio.sleep(0.05)
    assert server.room.seats == {}


def test_app_processes_get_a_clean_environment(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_TOKEN", "do-not-pass")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy")
    env = clean_environment(tmp_path, {"DEELWIJZER_CACHE_DIR": "/c"})
    service = AppProcess(APP, tmp_path, env, write_bytes=_nothing, write_str=_nothing,
                         close=_closed, download_manager=None)
    built = service._build_environment(100, 30)
    assert "SECRET_TOKEN" not in built and "HTTPS_PROXY" not in built
    assert built["DEELWIJZER_DATA_DIR"] == built["HOME"] == str(tmp_path)
    assert built["COLUMNS"] == "100" and built["TEXTUAL_DRIVER"].endswith("WebDriver")
    assert set(built) <= {"PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "DEELWIJZER_DATA_DIR",
                          "DEELWIJZER_CACHE_DIR", "TEXTUAL_DRIVER", "TEXTUAL_FPS",
                          "TEXTUAL_COLOR_SYSTEM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION",
                          "COLUMNS", "ROWS"}


async def _nothing(data: object) -> None:
    return None


async def _closed() -> None:
    return None


async def test_instances_with_one_password_accept_each_others_login(tmp_path: Path) -> None:
    """Behind a proxy a participant may log in on one instance and walk on another."""
    first = await client_for(RoomServer(APP, data_root=tmp_path / "a", password="zaal-7"))
    second = await client_for(RoomServer(APP, data_root=tmp_path / "b", password="zaal-7"))
    other = await client_for(RoomServer(APP, data_root=tmp_path / "c", password="zaal-8"))
    try:
        login = await first.post("/toegang", data={"wachtwoord": "zaal-7"},
                                 allow_redirects=False)
        cookie = {COOKIE: login.cookies[COOKIE].value}
        token = new_token()
        assert 'id="terminal"' in await (await second.get(f"/s/{token}", cookies=cookie)).text()
        assert 'type="password"' in await (await other.get(f"/s/{token}", cookies=cookie)).text()
    finally:
        for client in (first, second, other):
            await client.close()
