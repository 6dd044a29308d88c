"""The result's button row wraps on a narrow terminal instead of pushing buttons out of sight
(example trees: the delen_mits result offers all six)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.widgets import Button

from tests.helpers import load_example
from tests.tui.app.test_snapshots import walk_mits
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen
from tui.app.widgets.keybar import KeyBar

MakeApp = Callable[..., DeelwijzerApp]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30)])
async def test_every_result_button_is_on_screen(make_app: MakeApp,
                                                size: tuple[int, int]) -> None:
    app = make_app(load_example(), on=date(2026, 3, 1))
    async with app.run_test(size=size) as pilot:
        await walk_mits(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        buttons = list(app.screen.query("#result-actions Button").results(Button))
        assert len(buttons) == 6
        width, height = size
        for button in buttons:
            box = button.region
            assert box.width >= len(str(button.label)) and box.right <= width, \
                (str(button.label), box)
            assert 0 <= box.y < height - 1  # above the key bar
        if width >= 100:  # room enough: one row
            assert len({b.region.y for b in buttons}) == 1
        clicked = buttons[-1]  # the last one works too: "Opnieuw" asks first
        assert await pilot.click(clicked)
        await pilot.pause()
        assert not isinstance(app.screen, ResultScreen)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 30)])
async def test_the_key_bar_always_shows_ctrl_q(make_app: MakeApp, size: tuple[int, int]) -> None:
    """The result screen has more keys than 60 or 80 columns hold: the screen's last keys give
    way (each is also a button or in ^p), ^p and ^q never fall off the edge."""
    app = make_app(load_example(), on=date(2026, 3, 1))
    async with app.run_test(size=size) as pilot:
        await walk_mits(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = str(bar.render())
        assert text.rstrip().endswith("^q Stoppen") and "^p Alle acties" in text, text
        assert len(text.rstrip()) <= bar.content_size.width, text
        assert "esc Terug" in text and "f1 Hulp" in text  # keys without a button stay
        if size[0] >= 80:  # the screen's first key still fits
            assert text.startswith("b Beslisdocument"), text
        if size[0] >= 120:  # room enough: every key of the screen
            assert text.count("  ") >= 5, text
        column = text.index("^q")
        await pilot.click(KeyBar, offset=(column + 1 + 1, 0))  # +1: the bar's padding
        await pilot.pause()
        assert app.return_code is not None or not app.is_running
