"""The app's small non-UI parts: number keys, the data folder, atomic saving."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from engine import LoadResult, resolve
from engine.decide.session import Session
from engine.errors import WalkError
from tui.app.app import DeelwijzerApp
from tui.app.widgets.choices import number_key
from tui.shared import store


@pytest.mark.parametrize(("typed", "count", "index", "final"), [
    ("3", 9, 2, True),       # nine options or fewer: one key answers
    ("1", 23, 0, False),     # 1 could become 10..19: wait for the next key
    ("12", 23, 11, True),
    ("5", 23, 4, True),      # 50 > 23: nothing can follow
    ("29", 23, 8, True),     # 29 is too many: the 9 starts again
    ("0", 5, None, False),
    ("7", 5, None, False),
])
def test_number_key(typed: str, count: int, index: int | None, final: bool) -> None:
    buffer, got, done = "", None, False
    for digit in typed:
        buffer, got, done = number_key(buffer, digit, count)
    assert (got, done) == (index, final)


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DEELWIJZER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.data_dir() == tmp_path / "xdg" / "deelwijzer"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert store.data_dir() == tmp_path / "home" / ".local" / "share" / "deelwijzer"
    monkeypatch.setenv("DEELWIJZER_DATA_DIR", str(tmp_path / "eigen"))
    assert store.data_dir() == tmp_path / "eigen"


def test_progress_round_trip_and_nothing_personal(shipped: LoadResult, data_dir: Path) -> None:
    res = resolve(shipped.library, date(2026, 11, 28))
    session = Session(start="mensenhandel", on=res.on, answers={"verstrekker": "gemeente"},
                      remembered={"gevaar": "geen"})
    assert not store.has_progress()
    store.save_progress(session)
    raw = store.read_progress()
    assert raw is not None and store.restore(raw, res) == session
    assert set(raw) == {"start", "on", "given", "answers", "remembered"}  # ids and values only
    assert [p.name for p in data_dir.iterdir()] == ["gesprek.json"]
    store.clear_progress()
    assert not store.has_progress()


def test_damaged_progress_is_a_walk_error(shipped: LoadResult, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "gesprek.json").write_text("{niet: json", encoding="utf-8")
    assert store.read_progress() is None
    with pytest.raises(WalkError):
        store.restore({"start": "mensenhandel"}, None)


def test_preferences(data_dir: Path) -> None:
    assert store.load_pref("lang") is None
    store.save_pref("lang", "en")
    store.save_pref("theme", "textual-light")
    assert store.load_pref("lang") == "en"
    assert json.loads((data_dir / "voorkeuren.json").read_text(encoding="utf-8")) == {
        "lang": "en", "theme": "textual-light"}


def test_saver_keeps_order_and_reports_errors(shipped: LoadResult, data_dir: Path) -> None:
    res = resolve(shipped.library, date(2026, 11, 28))
    errors: list[str] = []
    saver = store.Saver(errors.append)
    for value in ("gemeente", "politie", "om"):
        saver.save(Session(start="mensenhandel", on=res.on, answers={"verstrekker": value}))
    saver.flush()
    raw = store.read_progress()
    assert raw is not None and raw["answers"] == {"verstrekker": "om"}  # the last one wins
    saver.clear()
    assert not store.has_progress() and not errors
    data_dir.rmdir()
    data_dir.write_text("not a folder", encoding="utf-8")  # the folder cannot be made
    saver.save(Session(start="mensenhandel", on=res.on, answers={"verstrekker": "om"}))
    saver.flush()
    assert errors and str(data_dir) in errors[0]


async def test_a_high_contrast_theme_is_offered(
        make_app: Callable[..., DeelwijzerApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "hoog-contrast" in app.available_themes
        app.theme = "hoog-contrast"
        await pilot.pause()
        assert app.current_theme.background == "#000000"
