"""The decision document's optional fields in the app: entered before the file name, with the
warning not to enter names, written into the document, kept in the autosave (also on Escape)
until the walk is done."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_files import type_into_dialog
from tests.tui.app.test_walk import by_verdict, screen_text
from tests.tui.app.walking import walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import AskDialog
from tui.app.screens.filing import FilingDialog
from tui.app.screens.result import ResultScreen
from tui.shared import store

MakeApp = Callable[..., DeelwijzerApp]


def field(app: DeelwijzerApp, name: str) -> str:
    return app.screen.query_one(f"#field-{name}", Input).value


async def test_fields_go_into_the_decision_document(make_app: MakeApp, shipped: LoadResult,
                                                    tmp_path: Path) -> None:
    import docx  # noqa: PLC0415 - only these tests read Word files

    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, FilingDialog)
        assert "Vul geen namen" in screen_text(app)
        await pilot.press(*"Z-2026-7", "enter", *"wijkteam", "enter", *"gedeeld", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)  # then the file name, as before
        await type_into_dialog(pilot, app, str(tmp_path / "besluit.docx"))
        app.saver.flush()
        assert not store.progress_path().exists()  # saved: the walk is done
    table = docx.Document(str(tmp_path / "besluit.docx")).tables[-1]
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert rows["Zaaknummer of kenmerk"] == "Z-2026-7"
    assert rows["Besloten door (functie)"] == "wijkteam"
    assert rows["Wat is er uiteindelijk gedaan"] == "gedeeld"


async def test_what_was_typed_is_kept_on_escape_and_after_a_restart(
        make_app: MakeApp, shipped: LoadResult) -> None:
    case = by_verdict(shipped, "niet_delen")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"K-12", "enter", *"jurist")
        await pilot.press("escape")  # no document now; what was typed stays
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert app.state.filing.case_ref == "K-12" and app.state.filing.decided_by == "jurist"
        app.saver.flush()
        saved = json.loads(store.progress_path().read_text(encoding="utf-8"))
        assert saved["filing"]["case_ref"] == "K-12"
        await pilot.press("b")
        await pilot.pause()
        assert field(app, "case_ref") == "K-12" and field(app, "decided_by") == "jurist"
    again = make_app(on=case.date, start=case.start, resume=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResultScreen)
        await pilot.press("b")
        await pilot.pause()
        assert field(again, "case_ref") == "K-12" and field(again, "done") == ""
