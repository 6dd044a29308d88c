"""`vraag --verder` (each `serve` session): the saved walk comes back without a question."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_walk import by_verdict
from tests.tui.app.walking import answer_by_keys
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.question import QuestionScreen
from tui.app.screens.start import StartScreen

MakeApp = Callable[..., DeelwijzerApp]


async def test_resume_flag_goes_straight_back_to_the_open_question(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.walk is not None and app.walk.pending is not None
        await answer_by_keys(pilot, app, case.facts[app.walk.pending.question.fact])
        app.saver.flush()
        session, pending = app.session, app.walk.pending
    assert pending is not None
    again = make_app(on=case.date, resume=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, ConfirmDialog)
        assert isinstance(again.screen, QuestionScreen)
        assert again.session == session
        assert again.walk is not None and again.walk.pending == pending


async def test_resume_flag_without_a_saved_walk_shows_the_start(make_app: MakeApp) -> None:
    app = make_app(resume=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
