"""A handful of SVG screenshots at a fixed size and date, on the example trees (tests/data/
example), so that corrections of the shipped trees never change them; regenerate on purpose with
`pytest tests/tui/app/test_snapshots.py --snapshot-update`, then read the SVGs before committing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from engine import LoadResult
from tests.helpers import load_example
from tests.tui.app.conftest import SIZE
from tests.tui.app.walking import answer_by_keys
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen
from tui.app.screens.review import ReviewScreen

MakeApp = Callable[..., DeelwijzerApp]
ON = date(2026, 3, 1)
#: gevaar: nee, rol: arts, gegevens: gezondheid, toestemming: ja -> delen_mits
MITS = (("gevaar", "nee"), ("rol", "arts"), ("gegevens", ("gezondheid",)), ("toestemming", "ja"))


@pytest.fixture(scope="module")
def example() -> LoadResult:
    return load_example()


async def walk_mits(pilot: Any, app: DeelwijzerApp) -> None:
    await pilot.press("n")
    await pilot.pause()
    for _fact, value in MITS:
        await answer_by_keys(pilot, app, value)


async def test_start_screen(make_app: MakeApp, example: LoadResult, snapshot: Any) -> None:
    app = make_app(example, on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "start.svg")


async def test_first_question_with_why(make_app: MakeApp, example: LoadResult,
                                       snapshot: Any) -> None:
    app = make_app(example, on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "w")
        for _ in range(3):  # the answer list is fitted after the first layout
            await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "question.svg")


async def test_result_delen_mits(make_app: MakeApp, example: LoadResult,
                                 snapshot: Any) -> None:
    app = make_app(example, on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await walk_mits(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("tab", "space")  # the first condition ticked off, its row in focus
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "result.svg")


async def test_review_after_change(make_app: MakeApp, example: LoadResult,
                                   snapshot: Any) -> None:
    app = make_app(example, on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await walk_mits(pilot, app)
        await pilot.press("r", "down", "enter")  # change the role: the police tree instead
        await pilot.pause()
        await answer_by_keys(pilot, app, "agent")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "review.svg")
