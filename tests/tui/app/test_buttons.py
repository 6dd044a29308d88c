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
