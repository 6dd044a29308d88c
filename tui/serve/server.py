"""textual-serve's server, hardened for a room: session addresses, a cap, an idle timeout,
an optional password, clean app processes and a page that loads nothing from outside."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.server import Server, to_int

from tui.serve import pages
from tui.serve.process import AppProcess, clean_environment
from tui.serve.room import CLOSE_FULL, Full, Room, Seat, is_token, new_token

log = logging.getLogger("deelwijzer.serve")
OWN_STATIC = Path(__file__).with_name("static")
COOKIE = "deelwijzer-toegang"
#: Browser messages that mean somebody is there (pings and focus changes do not).
ACTIVE = frozenset({"stdin", "resize"})
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RoomServer(Server):
    """One app process per browser session; a session is the random token in its address
    (`/s/TOKEN`), which names its own data folder, so a reload resumes the walk."""

    def __init__(self, argv: list[str], *, data_root: Path, host: str = "127.0.0.1",
                 port: int = 8000, max_sessions: int = 20, idle_seconds: float = 1800.0,
                 password: str | None = None, app_env: Mapping[str, str] | None = None,
                 public_url: str | None = None) -> None:
        super().__init__(" ".join(argv), host=host, port=port, title="Deelwijzer",
                         public_url=public_url)
        self.argv = argv
        self.data_root = data_root
        self.room = Room(max_sessions, idle_seconds)
        self.password = password
        self.app_env = dict(app_env or {})
        # derived from the password alone: every instance behind one proxy accepts the same
        # login, and a stolen cookie does not give the password away cheaply
        self._pass = "" if password is None else hashlib.pbkdf2_hmac(
            "sha256", password.encode(), b"deelwijzer-toegang", 200_000).hex()
        self._watcher: asyncio.Task[None] | None = None

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._headers])
        app.add_routes([
            web.get("/", self.handle_root),
            web.post("/toegang", self.handle_login),
            web.get("/s/{token}", self.handle_page),
            web.get("/ws/{token}", self.handle_socket),
            web.get("/download/{key}", self.handle_download_checked),
            web.static("/pagina", OWN_STATIC),
            web.static("/static", self.statics_path),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if not response.prepared:
            response.headers.update(pages.SECURITY_HEADERS)
        return response

    # -- access --------------------------------------------------------------------------------
    def admitted(self, request: web.Request) -> bool:
        if self.password is None:
            return True
        return hmac.compare_digest(request.cookies.get(COOKIE, ""), self._pass)

    def same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        return origin is None or origin.split("://", 1)[-1] == request.host

    async def handle_root(self, request: web.Request) -> web.StreamResponse:
        if not self.admitted(request):
            return _html(pages.login_page(None, wrong=False))
        if not self.room.has_room_for(None):
            return _html(pages.full_page(self.room.max_sessions), status=503)
        raise web.HTTPSeeOther(f"/s/{new_token()}")

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        given, back = str(form.get("wachtwoord", "")), str(form.get("terug", ""))
        back_token = back if is_token(back) else None
        if self.password is None or not hmac.compare_digest(given.encode(),
                                                            self.password.encode()):
            await asyncio.sleep(1.0)  # slows guessing
            return _html(pages.login_page(back_token, wrong=True), status=403)
        response = web.HTTPSeeOther(f"/s/{back_token}" if back_token else "/")
        response.set_cookie(COOKIE, self._pass, httponly=True, samesite="Strict", path="/")
        raise response

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        if not is_token(token):
            raise web.HTTPSeeOther("/")
        if not self.admitted(request):
            return _html(pages.login_page(token, wrong=False))
        if not self.room.has_room_for(token):
            return _html(pages.full_page(self.room.max_sessions), status=503)
        return _html(pages.app_page(self.room.max_sessions, self.room.idle_seconds / 60))

    async def handle_download_checked(self, request: web.Request) -> web.StreamResponse:
        if not self.admitted(request):
            raise web.HTTPForbidden()
        return await self.handle_download(request)

    # -- the app process -----------------------------------------------------------------------
    async def handle_socket(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        if not (is_token(token) and self.admitted(request) and self.same_origin(request)):
            raise web.HTTPForbidden()
        # timeout: how long a close waits for a browser that may already be gone
        websocket = web.WebSocketResponse(heartbeat=15, timeout=2.0)
        await websocket.prepare(request)

        async def end(code: int) -> None:
            await websocket.close(code=code)

        try:
            seat = await self.room.enter(token, end)
        except Full:
            await websocket.close(code=CLOSE_FULL)
            return websocket
        try:
            await self._run(request, websocket, seat)
        finally:
            self.room.leave(seat)
        return websocket

    async def _run(self, request: web.Request, websocket: web.WebSocketResponse,
                   seat: Seat) -> None:
        folder = self.data_root / seat.token
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        service = AppProcess(
            self.argv, folder, clean_environment(folder, self.app_env),
            write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=websocket.close, download_manager=self.download_manager)
        try:
            # the page adds this to its download addresses: a proxy keeps them on this server
            await websocket.send_json(["instance_id", seat.token])
            await service.start(to_int(request.query.get("width", "80"), 80),
                                to_int(request.query.get("height", "24"), 24))
            await self._relay(websocket, service, seat)
        except (OSError, ValueError) as exc:
            log.warning("session %s: %s", seat.token[:6], exc)
        finally:
            # even when this handler is cancelled (the browser went, the server stops), the
            # app gets to save its walk and is waited for: no process is left behind
            stopping = asyncio.ensure_future(service.stop())
            try:
                await asyncio.shield(stopping)
            except asyncio.CancelledError:
                await stopping
                raise

    async def _relay(self, websocket: web.WebSocketResponse, service: AppProcess,
                     seat: Seat) -> None:
        """The browser's keys, mouse and size to the app; answer pings."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = message.json()
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind in ACTIVE:
                self.room.touch(seat)
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(to_int(str(data.get("width")), 80),
                                                to_int(str(data.get("height")), 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    # -- life cycle ----------------------------------------------------------------------------
    def initialize_logging(self) -> None:
        """textual-serve's log, without a line per request (addresses carry session tokens)."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        self._watcher = asyncio.create_task(self.room.watch())
        minutes = f"{self.room.idle_seconds / 60:g}"
        print(f"Deelwijzer in de browser / in the browser: {self.public_url}\n"
              f"  hoogstens {self.room.max_sessions} sessies tegelijk / sessions at most\n"
              f"  een sessie stopt na {minutes} minuten zonder gebruik / "
              f"a session ends after {minutes} minutes unused\n"
              f"  wachtwoord / password: {'ja / yes' if self.password else 'nee / no'}\n"
              f"  sessies / sessions: {self.data_root}\n"
              "  Ctrl+C stopt de server / stops the server", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        await self.room.close()


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
