"""Fixtures for the Textual app tests: a private data folder, the shipped trees, a fixed date."""

from __future__ import annotations

import os

# Screenshots must not depend on the terminal the tests run in (before textual is imported).
for _name in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR"):
    os.environ.pop(_name, None)

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from engine import LoadResult, load  # noqa: E402
from engine.read.paths import conventions_dir, trees_dir  # noqa: E402
from tui.app.app import DeelwijzerApp  # noqa: E402

DATE = date(2026, 11, 28)
SIZE = (100, 30)


@pytest.fixture(scope="session")
def shipped() -> LoadResult:
    return load(trees_dir(), conventions_dir())


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own user data folder and works in its own current folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DEELWIJZER_DATA_DIR", str(folder))
    monkeypatch.setenv("DEELWIJZER_DOCUMENTS_DIR", str(tmp_path / "Documenten"))
    for name in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield folder


@pytest.fixture
def make_app(shipped: LoadResult) -> Callable[..., DeelwijzerApp]:
    def make(loaded: LoadResult | None = None, on: date = DATE, **kwargs: object,
             ) -> DeelwijzerApp:
        return DeelwijzerApp(loaded or shipped, on, **kwargs)  # type: ignore[arg-type]

    return make
