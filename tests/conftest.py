"""Test-wide settings: no test writes to the user's own cache or data folders."""

from __future__ import annotations

import os
import tempfile

# Set before any test module imports textual or the CLI.
os.environ["DEELWIJZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="deelwijzer-test-cache-")
for name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(name, None)


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty data folder (walk in progress, preferences)."""
    monkeypatch.setenv("DEELWIJZER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
