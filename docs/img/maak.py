"""Make the screenshots of docs/gebruik.md: `.venv/bin/python docs/img/maak.py` (SVG, 100x30)."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DEELWIJZER_DATA_DIR"] = tempfile.mkdtemp()
os.environ["DEELWIJZER_DOCUMENTS_DIR"] = "/home/gebruiker/Documenten"  # the same path every time
for name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(name, None)

from engine import load  # noqa: E402
from engine.read.paths import conventions_dir, trees_dir  # noqa: E402
from tests.tui.app.walking import answer_by_keys, shipped_cases, walk_case  # noqa: E402
from tui.app.app import DeelwijzerApp  # noqa: E402

SIZE = (100, 30)


async def main() -> None:
    loaded = load(trees_dir(), conventions_dir())
    lib = loaded.library
    case = min((c for c in shipped_cases(lib) if c.start == lib.entry and len(c.facts) >= 5
                and c.expect and c.expect["verdict"] == "delen_mits"),
               key=lambda c: (len(c.facts), c.id))
    app = DeelwijzerApp(loaded, date(2026, 11, 28))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.save_screenshot("start.svg", str(HERE))
        await pilot.press("n", "w")
        for _ in range(3):  # the answers are fitted to the screen after the first layout
            await pilot.pause()
        app.save_screenshot("vraag.svg", str(HERE))
        await pilot.press("w")
        for _ in range(3):
            assert app.walk is not None and app.walk.pending is not None
            await answer_by_keys(pilot, app, case.facts[app.walk.pending.question.fact])
        for _ in range(3):
            await pilot.pause()
        app.save_screenshot("vraag-pad.svg", str(HERE))
        await walk_case(pilot, app, case)
        await pilot.pause()
        await pilot.press("tab", "space")  # the first condition ticked off
        await pilot.pause()
        app.save_screenshot("uitkomst.svg", str(HERE))
        await pilot.press("b")  # the decision document: first the fields for the case file
        await pilot.pause()
        app.save_screenshot("velden.svg", str(HERE))
        await pilot.press("enter", "enter", "enter")  # then its full path is offered
        await pilot.pause()
        app.save_screenshot("opslaan.svg", str(HERE))
        await pilot.press("escape", "r", "home", "enter")
        await pilot.pause()
        first = app.walk.questions[0].value if app.walk else None
        await answer_by_keys(pilot, app, "gemeente" if first == "politie" else "politie")
        app.save_screenshot("antwoorden.svg", str(HERE))
        await pilot.press("f1")
        await pilot.pause()
        app.save_screenshot("hulp.svg", str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
