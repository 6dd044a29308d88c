"""The result's checklist ticks: by mouse and keyboard, marked by more than colour, kept with the
walk in progress, and ticked in the decision document and the Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_files import type_into_dialog
from tests.tui.app.test_walk import by_verdict
from tests.tui.app.walking import walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.result import ResultScreen
from tui.app.widgets.checklist import CheckRow
from tui.shared import store

MakeApp = Callable[..., DeelwijzerApp]


def marks(app: DeelwijzerApp) -> list[str]:
    """What each checklist row's box shows, top to bottom."""
    return [str(row.query_one(".box", Static).render()) for row in app.screen.query(CheckRow)]


def saved_ticks() -> list[int]:
    store.progress_path()
    data = json.loads(store.progress_path().read_text(encoding="utf-8"))
    return list(data.get("filing", {}).get("checked", []))


async def test_conditions_tick_by_keyboard_and_mouse_and_are_kept(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path) -> None:
    import docx  # noqa: PLC0415 - only these tests read Word files

    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        rows = list(app.screen.query(CheckRow))
        assert rows and marks(app) == ["[ ]"] * len(rows)
        rows[0].focus()
        await pilot.press("space")
        await pilot.pause()
        assert marks(app)[0] == "[✓]" and app.state.filing.checked == {0}
        await pilot.press("enter")  # Enter ticks too: here it takes the tick away again
        await pilot.pause()
        assert marks(app)[0] == "[ ]" and not app.state.filing.checked
        last = len(rows) - 1
        rows[last].scroll_visible(animate=False)
        await pilot.pause()
        assert await pilot.click(rows[last])
        await pilot.pause()
        assert marks(app)[last] == "[✓]" and app.state.filing.checked == {last}
        app.saver.flush()
        assert saved_ticks() == [last]
        await pilot.press("l")  # another language: the screen is rebuilt, the ticks stay
        await pilot.pause()
        assert marks(app)[last] == "[✓]"
        await pilot.press("b")
        await pilot.pause()
        await pilot.click("#go")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(tmp_path / "besluit.docx"))
    lines = [p.text for p in docx.Document(str(tmp_path / "besluit.docx")).paragraphs]
    boxes = [line[0] for line in lines if line.startswith(("☐ ", "☒ "))]
    assert boxes == [*["☐"] * last, "☒"]


async def test_ticks_survive_back_and_resume_but_not_another_outcome(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        app.screen.query(CheckRow).first().focus()
        await pilot.press("space")
        await pilot.press("escape")  # back to the last question, then the same answer again
        await pilot.pause()
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen) and marks(app)[0] == "[✓]"
        app.saver.flush()
    again = make_app(on=case.date, start=case.start, resume=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResultScreen) and marks(again)[0] == "[✓]"
        await pilot.press("m")
        await pilot.pause()
        await type_into_dialog(pilot, again, str(tmp_path / "v.md"))
    assert "- [x] " in (tmp_path / "v.md").read_text(encoding="utf-8")
