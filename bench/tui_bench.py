"""TUI speed: start-up to the first question vs. a bare Textual app, and answer-to-next-question.

`run()` returns rows for bench/run.py. Each figure is a median of several runs, measured here:
(1) a whole process, headless, from start to exit right after the first question is painted: the
real entry point (`deelwijzer vraag`: loading the shipped trees, the start screen, then the first
question as if 'n' were pressed at once) vs. a Textual app showing one static label, started and
ended the same way; (2) inside one headless app, for each of the four standard walks (the
longest shipped case of each verdict), the time from the answer (its key reaching the option
list; Enter on a many-answer list) to the next question painted (after the next screen refresh);
(3) the keystrokes of those four walks.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Row = dict[str, object]

BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App[None]):
    def compose(self):
        yield Static("Deelwijzer")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

REAL = """
from tui.app.app import DeelwijzerApp
from tui.cli.main import main
from tui.app.screens.question import QuestionScreen

started, shown, run = DeelwijzerApp.on_mount, QuestionScreen.on_mount, DeelwijzerApp.run

def on_mount(self):  # as if 'n' were pressed the moment the start screen is there
    started(self)
    self.action_new()

def first_question(self):
    shown(self)
    self.app.call_after_refresh(self.app.exit)

DeelwijzerApp.on_mount, QuestionScreen.on_mount = on_mount, first_question
DeelwijzerApp.run = lambda self, **kwargs: run(self, headless=True)  # like the bare app
raise SystemExit(main(["vraag"]))  # the real entry point: `deelwijzer vraag`
"""


def _process(code: str, data: str) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME")}
    env["DEELWIJZER_DATA_DIR"] = data
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def startup_rows(repeats: int) -> list[Row]:
    """Bare and real runs alternate (in both orders), so a busy moment on a shared machine
    slows both alike instead of one of them. Both run byte-compiled code: Textual was compiled
    when pip installed it, our own code is compiled here first (as `make run` does), so that a
    machine with PYTHONDONTWRITEBYTECODE does not measure our compiler time."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "engine", "tui"], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    bares: list[float] = []
    reals: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        _process(BARE, data)  # warm the file cache for both
        _process(REAL, data)
        for i in range(repeats):
            if i % 2:
                reals.append(_process(REAL, data))
                bares.append(_process(BARE, data))
            else:
                bares.append(_process(BARE, data))
                reals.append(_process(REAL, data))
    bare, real = statistics.median(bares), statistics.median(reals)
    ratio = real / bare
    return [
        {"name": "tui start to first question", "value": round(real, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "bare textual app start", "value": round(bare, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "tui start / bare app", "value": round(ratio, 2), "unit": "x",
         "target": "<= 1.5", "ok": ratio <= 1.5},
    ]


def _standard_cases() -> tuple[Any, list[Any]]:
    """The shipped trees and the four standard walks: for each verdict, the entry-tree case
    with the most facts (the longest walk to that verdict)."""
    from engine import Verdict, load  # noqa: PLC0415 - after sys.path is set
    from engine.cases import case_files, read_case  # noqa: PLC0415
    from engine.read.paths import conventions_dir, trees_dir  # noqa: PLC0415

    loaded = load(trees_dir(), conventions_dir())
    cases = [c for c in (read_case(p, loaded.library)[0] for p in case_files([ROOT / "trees"]))
             if c is not None and c.start == loaded.library.entry and c.expect]
    standard = []
    for verdict in Verdict:
        found = [c for c in cases if c.expect and c.expect.get("verdict") == verdict.value]
        if found:
            standard.append(max(found, key=lambda c: (len(c.facts), c.id)))
    return loaded, standard


async def _answer_all(app: Any, pilot: Any, case: Any, pressed: list[float]) -> None:
    """Answer every question with number keys as a person would: the number of the option
    (and Enter where a further digit could follow); on a many-answer list each chosen
    option's number, then Enter."""
    from tui.app.screens.question import QuestionScreen  # noqa: PLC0415
    from tui.app.widgets.choices import ManyChoice, OneChoice  # noqa: PLC0415

    await pilot.press("n")
    while isinstance(app.screen, QuestionScreen) and app.walk and app.walk.pending:
        widget = app.screen.query_one(".choices")
        assert isinstance(widget, OneChoice | ManyChoice)
        value = case.facts[app.walk.pending.question.fact]
        picked = [value] if isinstance(value, str) else list(value)
        keys: list[str] = []
        for item in picked:
            number = widget.values.index(item) + 1
            final = number * 10 > len(widget.values)
            keys += [*str(number), *([] if final or isinstance(widget, ManyChoice)
                                     else ["enter"])]
        if isinstance(widget, ManyChoice):
            keys.append("enter")
        pressed.clear()
        await pilot.press(*keys)
        await pilot.pause()


async def _latencies(repeats: int) -> dict[str, tuple[list[float], list[float]]]:
    """Per standard walk, per answer: the answer given (the key that picks a one-answer
    option, Enter on a many-answer list) -> next question painted (seconds); and the work in
    it: answer -> screen updated, plus the duration of the frame that paints it (no frame
    wait). The last answer of a walk leads to the outcome and is not counted."""
    from textual.screen import Screen  # noqa: PLC0415

    from tui.app.app import DeelwijzerApp  # noqa: PLC0415
    from tui.app.screens.question import QuestionScreen  # noqa: PLC0415
    from tui.app.widgets.choices import ManyChoice, NumberedList, OneChoice  # noqa: PLC0415
    from tui.shared.store import clear_progress  # noqa: PLC0415

    loaded, cases = _standard_cases()
    pressed: list[float] = []
    found: list[float] = []
    work: list[float] = []
    updated: list[float] = []  # answer -> show() done, waiting for its frame
    on_key, confirm = NumberedList.on_key, ManyChoice.action_confirm
    show, tick = QuestionScreen.show, Screen._on_timer_update

    def timed_key(self: NumberedList, event: object) -> None:
        if isinstance(self, OneChoice):  # an answer (not the start menu's 'n')
            pressed.append(time.perf_counter())
        on_key(self, event)  # type: ignore[arg-type]

    def timed_confirm(self: ManyChoice) -> None:
        pressed.append(time.perf_counter())
        confirm(self)

    def timed_show(self: QuestionScreen, walk: object, preselect: object, lang: str) -> None:
        show(self, walk, preselect, lang)  # type: ignore[arg-type]
        if pressed:
            began = pressed[-1]
            updated[:] = [time.perf_counter() - began]
            self.app.call_after_refresh(lambda: found.append(time.perf_counter() - began))

    def timed_tick(self: Screen[object]) -> None:
        began = time.perf_counter()
        tick(self)
        if updated:
            work.append(updated.pop() + time.perf_counter() - began)

    NumberedList.on_key, QuestionScreen.show = timed_key, timed_show  # type: ignore[method-assign]
    ManyChoice.action_confirm = timed_confirm  # type: ignore[method-assign]
    Screen._on_timer_update = timed_tick  # type: ignore[method-assign,assignment]
    out: dict[str, tuple[list[float], list[float]]] = {}
    try:
        for case in cases:
            found, work = [], []
            for _ in range(repeats):
                clear_progress()  # else the next app opens with "resume?"
                pressed.clear()
                app = DeelwijzerApp(loaded, case.date, start=case.start)
                async with app.run_test(size=(100, 30)) as pilot:
                    await _answer_all(app, pilot, case, pressed)
            out[f"{case.expect['verdict']}: {case.id}"] = (found, work)
    finally:
        NumberedList.on_key, QuestionScreen.show = on_key, show  # type: ignore[method-assign]
        ManyChoice.action_confirm = confirm  # type: ignore[method-assign]
        Screen._on_timer_update = tick  # type: ignore[method-assign]
    return out


def answer_rows(repeats: int) -> list[Row]:
    """Answer -> next question for each standard walk, and over all four together."""
    with tempfile.TemporaryDirectory() as data:
        os.environ["DEELWIJZER_DATA_DIR"] = data
        walks = asyncio.run(_latencies(repeats))
    rows: list[Row] = []
    every: list[float] = []
    busy: list[float] = []
    for name, (found, work) in walks.items():
        every += found
        busy += work
        ms = statistics.median(found) * 1000 if found else 0.0
        rows.append({"name": f"  answer -> next, {name} ({len(found)})", "value": round(ms, 2),
                     "unit": "ms", "target": "< 16", "ok": ms < 16})
    ms = statistics.median(every) * 1000
    return [{"name": f"answer key -> next question (4 walks, {len(every)} answers)",
             "value": round(ms, 2), "unit": "ms", "target": "< 16", "ok": ms < 16},
            {"name": "  of which work (without the wait for the 60 Hz frame)",
             "value": round(statistics.median(busy) * 1000, 2), "unit": "ms", "target": "-",
             "ok": True}, *rows]


def keys_for(count: int, number: int) -> int:
    """Keys to pick option `number` of `count`: its digits, plus Enter when a further digit
    could still follow (as the app reads them)."""
    return len(str(number)) + (0 if number * 10 > count else 1)


def keystroke_rows() -> list[Row]:
    """Keystrokes from the start screen to the verdict for the four standard walks ('n', then
    number keys; Enter confirms a many-answer list)."""
    from engine import resolve, walk  # noqa: PLC0415
    from engine.decide.evaluate import choices  # noqa: PLC0415
    from engine.model import FactType  # noqa: PLC0415

    loaded, cases = _standard_cases()
    rows: list[Row] = []
    for case in cases:
        done = walk(resolve(loaded.library, case.date), case.start, {}, case.facts)
        keys = 1  # 'n': a new question
        for step in done.asked:
            fact = loaded.library.facts[step.question.fact]
            values = [v for v, _ in choices(step.question, fact)]
            picked = [step.value] if isinstance(step.value, str) else list(step.value)
            keys += sum(keys_for(len(values), values.index(v) + 1) for v in picked)
            keys += 1 if fact.type is FactType.MANY_OF else 0
        rows.append({"name": f"keys to '{case.expect['verdict']}' ({case.id}, "
                             f"{len(done.asked)} q.)",
                     "value": keys, "unit": "key", "target": "-", "ok": True})
    return rows


def run(repeats: int = 5) -> list[Row]:
    """Start-up gets at least 11 pairs: a process start is cheap, and its median is noisy."""
    return [*startup_rows(max(11, repeats)), *answer_rows(repeats), *keystroke_rows()]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<45} {row['value']:>8} {row['unit']:<3} {row['target']:<8} "
              f"{'ok' if row['ok'] else 'TOO SLOW'}")
