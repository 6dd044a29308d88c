"""Served in a browser (`deelwijzer serve`): exports become downloads, never server files, and
no file on the server can be opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_walk import by_verdict, screen_text
from tests.tui.app.walking import walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import AskDialog, MessageDialog
from tui.app.screens.result import ResultScreen

MakeApp = Callable[..., DeelwijzerApp]


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """The app as if its driver were textual-serve's; what it delivers, by file name."""
    delivered: list[tuple[str, bytes]] = []

    def deliver(self: DeelwijzerApp, file: IO[bytes], **kwargs: Any) -> str:
        delivered.append((kwargs["save_filename"], file.read()))
        return "key"

    monkeypatch.setattr(DeelwijzerApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(DeelwijzerApp, "deliver_binary", deliver)
    return delivered


async def test_exports_are_downloads_not_server_files(
        make_app: MakeApp, shipped: LoadResult, served: list[tuple[str, bytes]],
        tmp_path: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    before = set(tmp_path.rglob("*"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        app.action_markdown()
        app.action_save()
        await pilot.pause()
        assert not isinstance(app.screen, AskDialog)  # no file name asked
    names = [name for name, _ in served]
    assert names == [f"verantwoording-{case.date.isoformat()}.md",
                     f"beslisrecord-{case.date.isoformat()}.json"]
    assert all(data for _, data in served)
    written = {p for p in set(tmp_path.rglob("*")) - before if p.suffix in (".md", ".json")
               and p.name != "gesprek.json"}
    assert written == set()


async def test_no_server_file_can_be_opened(make_app: MakeApp,
                                            served: list[tuple[str, bytes]]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert "geen bestanden" in screen_text(app)
