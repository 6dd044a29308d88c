"""Never hide an answer: every option of every question of the shipped trees is on screen at
80×24 and 60×20, with the why-panel open (a list longer than the screen: see `fits`)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import date

import pytest
from textual.pilot import Pilot

from engine import LoadResult, resolve, walk
from engine.decide.evaluate import choices
from engine.decide.session import Session
from engine.model import FactKey, FactType, Library, Value
from tests.tui.app.conftest import DATE
from tui.app.app import DeelwijzerApp
from tui.app.screens.question import QuestionScreen
from tui.app.widgets.choices import ManyChoice, OneChoice

MakeApp = Callable[..., DeelwijzerApp]
Reached = tuple[tuple[str, str], dict[str, Value]]


def reachable_questions(library: Library, on: date) -> list[Reached]:
    """Every question a walk from the entry tree can put on screen, with facts that reach it
    (breadth first: the shortest way there)."""
    resolution = resolve(library, on)
    assert library.entry is not None
    found: dict[tuple[str, str], dict[str, Value]] = {}
    queue: deque[dict[str, Value]] = deque([{}])
    while queue:
        facts = queue.popleft()
        pending = walk(resolution, library.entry, facts).pending
        if pending is None:
            continue
        key = (pending.tree.id, pending.question.id)
        if key in found:
            continue
        found[key] = facts
        fact = library.facts[FactKey(pending.question.fact)]
        for value, _ in choices(pending.question, fact):
            queue.append({**facts, fact.key: (value,) if fact.type is FactType.MANY_OF
                          else value})
    return sorted(found.items())


def fits(app: DeelwijzerApp) -> tuple[bool, str]:
    """Whether every option of the question on screen is visible, and what is seen. A list
    longer than the screen can hold below its question (the 23 organisations at 24 lines)
    scrolls in at least half of the free lines, sharing them with the open why-panel."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    widget = screen.query_one(".choices")
    assert isinstance(widget, OneChoice | ManyChoice)
    region, bottom = widget.region, app.size.height - 1  # the key bar is the last line
    on_screen = region.height > 2 and region.bottom <= bottom
    free = bottom - 1 - sum(screen.query_one(f"#{name}").outer_size.height  # 1: the why title
                            for name in ("progress", "path", "question", "choose-hint"))
    longest = widget.get_content_height(app.size, app.size, region.width) + 2 > free
    ok = on_screen and (widget.max_scroll_y == 0 or (longest and region.height >= free // 2))
    return ok, f"{len(widget.values)} options, list {region}, scroll {widget.max_scroll_y}"


async def settled(pilot: Pilot[int], app: DeelwijzerApp) -> None:
    """Wait until the list has been fitted to the screen (on a busy machine that takes a few
    refreshes): its place stays the same twice in a row."""
    last = None
    for _ in range(20):
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, QuestionScreen):  # as a refresh would: the busy test machine
            screen.fit(again=False)            # may not have painted a frame yet
        lists = app.screen.query(".choices")
        now = (lists.first().region, lists.first().max_scroll_y) if lists else None
        if now is not None and now == last:
            return
        last = now


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_option_is_visible_with_the_why_panel_open(
        make_app: MakeApp, shipped: LoadResult, size: tuple[int, int]) -> None:
    reached = reachable_questions(shipped.library, DATE)
    assert len(reached) > 10
    app = make_app()
    hidden: list[str] = []
    async with app.run_test(size=size) as pilot:
        for (tree, node), facts in reached:
            app.begin(Session(start=app.state.library.entry or "", on=DATE, given=facts))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen), (tree, node)
            if not screen.why_open:
                await pilot.press("w")
            await settled(pilot, app)
            ok, seen = fits(app)
            if not ok:
                hidden.append(f"{tree}/{node}: {seen}")
    assert not hidden, "\n".join(hidden)
