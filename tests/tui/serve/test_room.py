"""The room's bookkeeping: the cap, a token coming back, the idle sweep."""

from __future__ import annotations

import asyncio

import pytest

from tui.serve.room import (
    CLOSE_IDLE,
    CLOSE_REPLACED,
    CLOSE_SHUTDOWN,
    Full,
    Room,
    Seat,
    is_token,
    new_token,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Ends:
    """Records how sessions were ended; ending one makes it leave the room, as the server's
    websocket handler does once its app has stopped."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.codes: list[tuple[str, int]] = []

    def for_token(self, token: str) -> object:
        async def end(code: int) -> None:
            self.codes.append((token, code))
            seat = self.room.seats.get(token)
            if seat is not None:
                self.room.leave(seat)

        return end


def test_tokens_are_random_and_checked() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(is_token(t) for t in tokens)
    for bad in ("", "../../etc/passwd", "a" * 21, "a" * 23, "a" * 21 + "/", "Jan Jansen"):
        assert not is_token(bad)


async def enter(room: Room, ends: Ends, token: str) -> Seat:
    return await room.enter(token, ends.for_token(token))  # type: ignore[arg-type]


async def test_cap_holds_but_a_returning_token_fits() -> None:
    room = Room(max_sessions=2, idle_seconds=60)
    ends = Ends(room)
    a, b = new_token(), new_token()
    await enter(room, ends, a)
    await enter(room, ends, b)
    assert not room.has_room_for(None) and room.has_room_for(a)
    with pytest.raises(Full):
        await enter(room, ends, new_token())
    again = await enter(room, ends, a)  # a reload: the old process is ended first
    assert ends.codes == [(a, CLOSE_REPLACED)]
    assert room.seats[a] is again and len(room.seats) == 2


async def test_idle_sessions_are_ended_active_ones_kept() -> None:
    clock = Clock()
    room = Room(max_sessions=5, idle_seconds=60, clock=clock)
    ends = Ends(room)
    quiet, busy = new_token(), new_token()
    await enter(room, ends, quiet)
    seat = await enter(room, ends, busy)
    clock.now += 50
    room.touch(seat)
    clock.now += 20
    await room.sweep()
    assert ends.codes == [(quiet, CLOSE_IDLE)]
    assert list(room.seats) == [busy]


async def test_close_ends_everyone_and_waits() -> None:
    room = Room(max_sessions=5, idle_seconds=60)
    ends = Ends(room)
    tokens = [new_token() for _ in range(3)]
    for token in tokens:
        await enter(room, ends, token)
    await asyncio.wait_for(room.close(), 5)
    assert sorted(ends.codes) == sorted((t, CLOSE_SHUTDOWN) for t in tokens)
    assert room.seats == {}


async def test_a_returning_token_waits_until_the_old_process_has_left() -> None:
    """Two apps never share a data folder: the new one starts only after the old one left."""
    room = Room(max_sessions=2, idle_seconds=60)
    token = new_token()
    order: list[str] = []

    async def slow_end(code: int) -> None:
        async def leave_later() -> None:
            await asyncio.sleep(0.3)  # the old app saving and stopping
            order.append("old left")
            room.leave(old)

        asyncio.get_running_loop().create_task(leave_later())

    old = await room.enter(token, slow_end)
    ends = Ends(room)
    await enter(room, ends, token)
    order.append("new entered")
    assert order == ["old left", "new entered"]
