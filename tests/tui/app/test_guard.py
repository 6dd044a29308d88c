"""Nothing lost: one app per data folder (a second one offers a walk of its own), and a signal
stops the app the normal way with the walk kept."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_walk import by_verdict, screen_text
from tests.tui.app.walking import answer_by_keys
from tui.app import guard
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.question import QuestionScreen
from tui.shared import store
from tui.shared.lock import FileLock

MakeApp = Callable[..., DeelwijzerApp]


@pytest.fixture
def other_window(data_dir: Path) -> Iterator[FileLock]:
    """Another app (or plain walk) holding this data folder's walk."""
    lock = FileLock(data_dir / ".gesprek.json.lock")
    assert lock.acquire()
    yield lock
    lock.release()


async def test_a_second_app_says_so_and_offers_a_walk_of_its_own(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path, other_window: FileLock) -> None:
    (data_dir / "gesprek.json").write_text('{"start": "mensenhandel", "on": "2026-11-28"}')
    before = (data_dir / "gesprek.json").read_text()
    case = by_verdict(shipped, "delen")
    app = make_app(on=case.date, guard=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "al open in een ander venster" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog), "no resume offer for another's walk"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.walk and app.walk.pending
        await answer_by_keys(pilot, app, case.facts[app.walk.pending.question.fact])
        app.saver.flush()
    assert (data_dir / "gesprek.json").read_text() == before, "the other walk is untouched"
    assert json.loads((data_dir / "gesprek-2.json").read_text())["answers"]
    assert store.progress_path() == data_dir / "gesprek.json", "released at the end"


async def test_no_to_a_separate_walk_closes_the_second_app(make_app: MakeApp,
                                                          other_window: FileLock) -> None:
    app = make_app(guard=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    assert app.return_code in (0, None)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
async def test_a_signal_stops_the_app_with_its_code_and_keeps_the_walk(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path, signum: int, code: int) -> None:
    case = by_verdict(shipped, "delen")
    app = make_app(on=case.date, guard=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.walk and app.walk.pending
        fact = app.walk.pending.question.fact
        await answer_by_keys(pilot, app, case.facts[fact])
        guard.stop(app, signum)  # what the loop's signal handler calls
        await pilot.pause()
    assert app.return_code == code
    assert fact in json.loads((data_dir / "gesprek.json").read_text())["answers"]
