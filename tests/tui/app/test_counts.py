"""Each fact is counted and shown once: a fact asked in one tree and met again in the next is
one line on the trail and in the review, not two (example trees: 'gevaar' is asked in 'start'
and checked again in 'regel')."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.widgets import OptionList

from engine import resolve, walk
from tests.helpers import load_example
from tests.tui.app.conftest import SIZE
from tests.tui.app.walking import answer_by_keys
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen
from tui.app.screens.review import ReviewScreen
from tui.app.widgets.text import path_text

MakeApp = Callable[..., DeelwijzerApp]
ON = date(2026, 3, 1)
AGAIN = {"gevaar": "nee", "rol": "agent", "ontvanger": "politie"}


def test_the_trail_shows_a_fact_met_again_once() -> None:
    library = load_example().library
    done = walk(resolve(library, ON), "start", {}, AGAIN)
    assert len(done.questions) == 4  # 'gevaar' twice on the path
    trail = path_text(done, "nl").plain
    label = library.facts["gevaar"].label.get("nl")  # type: ignore[index]
    assert trail.count(f"{label}:") == 1
    assert "(+" not in trail  # three facts, all on the trail: nothing earlier to count


async def test_the_review_lists_each_fact_once(make_app: MakeApp) -> None:
    app = make_app(load_example(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        for value in AGAIN.values():
            await answer_by_keys(pilot, app, value)
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#answers", OptionList).option_count == 3
