"""The result screen shows what the engine says about the outcome: alternatives on a refusal,
its articles as "Relevante artikelen", only the items that hold on the path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.widgets import Static

from engine import load
from tests.helpers import DATA
from tests.tui.app.conftest import SIZE
from tests.tui.app.walking import answer_by_keys
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen

MakeApp = Callable[..., DeelwijzerApp]
GUARDS = load(DATA / "guards" / "trees", DATA / "guards" / "conventions")


async def _result_text(make_app: MakeApp, rol: str, toestemming: str) -> str:
    app = make_app(GUARDS, on=date(2026, 3, 1), start="wacht")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await answer_by_keys(pilot, app, rol)
        await answer_by_keys(pilot, app, toestemming)
        assert isinstance(app.screen, ResultScreen)
        return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_a_refusal_shows_relevant_articles_and_what_to_do_instead(
        make_app: MakeApp) -> None:
    text = await _result_text(make_app, "arts", "onbekend")
    assert "Relevante artikelen" in text and "Grondslag" not in text
    assert "Wat je wel kunt doen" in text
    for line in ("Vraag alsnog toestemming.", "Zoek eerst uit of er toestemming is.",
                 "Overleg anoniem met je FG."):
        assert line in text


async def test_a_share_shows_its_ground_and_only_the_conditions_of_its_path(
        make_app: MakeApp) -> None:
    text = await _result_text(make_app, "agent", "ja")
    assert "Grondslag" in text and "Wat je wel kunt doen" not in text
    assert "AVG art. 6(1)(e)" in text and "AVG art. 6(1)(f)" not in text
    assert "Vraag de arts" not in text
