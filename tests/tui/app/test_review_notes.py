"""The app never shows a note for the reviewer (`review_note`): not with the question, its
explanation, nor on the result screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.widgets import Static

from engine import load
from tests.helpers import DATA
from tests.tui.app.conftest import SIZE
from tests.tui.app.walking import answer_by_keys
from tui.app.app import DeelwijzerApp
from tui.app.screens.question import QuestionScreen
from tui.app.screens.result import ResultScreen

MakeApp = Callable[..., DeelwijzerApp]
NOTES = load(DATA / "notes" / "trees", DATA / "notes" / "conventions")


def _shown(app: DeelwijzerApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_question_why_and_result_without_notes(make_app: MakeApp) -> None:
    app = make_app(NOTES, on=date(2026, 3, 1), start="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("w")  # the explanation: why this question is asked
        await pilot.pause()
        question = _shown(app)
        assert "Bij acuut gevaar geldt het vitale belang." in question
        await pilot.press("w")
        await pilot.pause()
        await answer_by_keys(pilot, app, "ja")
        assert isinstance(app.screen, ResultScreen)
        result = _shown(app)
    assert "Bel 112" in result and "Leg achteraf vast wat je deelde." in result
    assert "RN-" not in question and "RN-" not in result
