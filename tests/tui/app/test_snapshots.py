"""A handful of SVG screenshots at a fixed size and date; regenerate on purpose with
`pytest tests/tui/app/test_snapshots.py --snapshot-update`, then read the SVGs before committing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_walk import by_verdict
from tests.tui.app.walking import answer_by_keys, shipped_cases, walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen
from tui.app.screens.review import ReviewScreen

MakeApp = Callable[..., DeelwijzerApp]


async def test_start_screen(make_app: MakeApp, snapshot: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "start.svg")


async def test_first_question_with_why(make_app: MakeApp, snapshot: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "w")
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "question.svg")


async def test_result_delen_mits(make_app: MakeApp, shipped: LoadResult, snapshot: Any) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "result.svg")


async def test_review_after_change(make_app: MakeApp, shipped: LoadResult,
                                   snapshot: Any) -> None:
    case = min((c for c in shipped_cases(shipped.library)
                if c.start == shipped.library.entry and len(c.facts) >= 4),
               key=lambda c: (len(c.facts), c.id))
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert app.walk is not None
        assert app.walk.questions[0].value != "politie"
        other = "politie"  # another regime: some answers drop, some stay
        await pilot.press("r", "home", "enter")
        await pilot.pause()
        await answer_by_keys(pilot, app, other)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "review.svg")
