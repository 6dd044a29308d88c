"""Who is in the room: one live app process per browser session, a cap and an idle timeout."""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

#: A browser session's identity: random, in its page address, never a name.
TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")

#: Why a session was ended, as the websocket close code the page explains.
CLOSE_IDLE, CLOSE_REPLACED, CLOSE_FULL, CLOSE_SHUTDOWN = 4001, 4002, 4003, 4004


def new_token() -> str:
    return secrets.token_urlsafe(16)


def is_token(text: str) -> bool:
    return TOKEN.fullmatch(text) is not None


class Full(Exception):
    """The room has its maximum number of live sessions."""


@dataclass(eq=False)
class Seat:
    """One live browser session: `end(code)` closes it; `done` is set once it has left."""

    token: str
    end: Callable[[int], Awaitable[object]]
    last_active: float
    done: asyncio.Event = field(default_factory=asyncio.Event)


class Room:
    """The live sessions by token. A token that comes back (a reload, a second tab on the same
    address) replaces its old process, after that has saved and stopped, so that two processes
    never share a data folder."""

    def __init__(self, max_sessions: int, idle_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.seats: dict[str, Seat] = {}

    def has_room_for(self, token: str | None) -> bool:
        return token in self.seats or len(self.seats) < self.max_sessions

    async def enter(self, token: str, end: Callable[[int], Awaitable[object]],
                    grace: float = 30.0) -> Seat:
        old = self.seats.get(token)
        if old is not None:
            await old.end(CLOSE_REPLACED)
            try:
                await asyncio.wait_for(old.done.wait(), grace)
            except TimeoutError:
                self.leave(old)
        if not self.has_room_for(token):
            raise Full
        seat = Seat(token=token, end=end, last_active=self.clock())
        self.seats[token] = seat
        return seat

    def touch(self, seat: Seat) -> None:
        seat.last_active = self.clock()

    def leave(self, seat: Seat) -> None:
        if self.seats.get(seat.token) is seat:
            del self.seats[seat.token]
        seat.done.set()

    def idle(self) -> list[Seat]:
        limit = self.clock() - self.idle_seconds
        return [seat for seat in self.seats.values() if seat.last_active < limit]

    async def sweep(self) -> None:
        """End the sessions nobody used for `idle_seconds`: their walk is saved, a reload
        brings the participant back."""
        for seat in self.idle():
            await seat.end(CLOSE_IDLE)

    async def watch(self) -> None:
        """Sweep for ever (a task, cancelled at shutdown)."""
        interval = max(0.2, min(30.0, self.idle_seconds / 4))
        while True:
            await asyncio.sleep(interval)
            await self.sweep()

    async def close(self, grace: float = 10.0) -> None:
        """End every session and wait (at most `grace` seconds) until their apps have saved."""
        seats = list(self.seats.values())
        for seat in seats:
            await seat.end(CLOSE_SHUTDOWN)
        if seats:
            await asyncio.wait([asyncio.ensure_future(s.done.wait()) for s in seats],
                               timeout=grace)
