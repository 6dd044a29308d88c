"""Practice mode in a real browser: `deelwijzer serve -- oefen --groep MAP` writes the results of
each session to the group folder on the server."""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import pytest

from tests.tui.serve.browser import browser, chromium
from tests.tui.serve.test_browser import serving

pytestmark = pytest.mark.skipif(
    chromium() is None,
    reason="chromium is not installed: the browser test of practice mode is SKIPPED "
           "(apt-get install chromium)")


async def test_practice_in_the_browser_writes_the_seat_s_results(tmp_path: Path) -> None:
    group = tmp_path / "groep"
    with serving(tmp_path, "--", "oefen", "--groep", str(group), "--plaats", "3") as (host, _, _):
        async with browser() as chrome:
            tab = await chrome.tab()
            await tab.goto(f"http://{host}/")
            await tab.wait_text("Kies een scenario", limit=90)  # a loaded machine starts slowly
            for key, then in (("4", "Je bent arts op de spoedeisende hulp"),  # the story
                              ("2", "Welke wet geldt"), ("1", "Loop de beslisboom door"),
                              ("1", "Wie heeft de gegevens en wil ze delen?")):
                await tab.press(key)
                await tab.wait_text(then, limit=60)
            await tab.wait_text(". Zorgverlener", limit=60)
            # the number follows the list's order
            health = re.search(r"(\d+)\. Zorgverlener", tab.text())
            assert health is not None, tab.text()
            await tab.press(*health.group(1))
            await tab.wait_text("Is er nu gevaar voor het leven", limit=60)
            await tab.press("1")  # acute
            await tab.wait_text("De bomen zeggen", limit=60)
            assert "Score voor dit scenario" in tab.text()
    results = group / "3.json"
    deadline = time.monotonic() + 10
    while not results.is_file() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    data = json.loads(results.read_text(encoding="utf-8"))
    attempt = data["attempts"]["spoedeisende-hulp"]
    assert attempt["prediction"] == {"verdict": "delen_mits", "regime": "avg"}
    assert attempt["answers"] == {"verstrekker": "zorgverlener", "gevaar": "acuut"}
    assert sorted(p.name for p in group.iterdir()) == ["3.json"]
