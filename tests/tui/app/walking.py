"""Drive the app as a person would: keys for answers, taken from a case file's facts."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from engine.cases import Case, case_files, read_case
from engine.model import Library, Value
from tests.helpers import ROOT
from tui.app.app import DeelwijzerApp
from tui.app.screens.question import QuestionScreen
from tui.app.widgets.choices import ManyChoice, OneChoice


def shipped_cases(library: Library) -> list[Case]:
    """Every case file of the shipped trees that expects a verdict."""
    out = []
    for path in case_files([ROOT / "trees"]):
        case, _ = read_case(path, library)
        if case is not None and case.expect and case.expect.get("verdict"):
            out.append(case)
    return out


def keys_for(widget: OneChoice | ManyChoice, value: str) -> list[str]:
    """The number keys that pick `value`: '2','3' for option 23, plus Enter if not final."""
    number = widget.values.index(value) + 1
    keys = list(str(number))
    return keys if number * 10 > len(widget.values) else [*keys, "enter"]


def choices_widget(app: DeelwijzerApp) -> OneChoice | ManyChoice:
    widget = app.screen.query_one(".choices")
    assert isinstance(widget, OneChoice | ManyChoice)
    return widget


async def answer_by_keys(pilot: Pilot[int], app: DeelwijzerApp, value: Value) -> None:
    """Answer the question on screen with the number keys (and Enter for a many_of list)."""
    widget = choices_widget(app)
    if isinstance(widget, ManyChoice):
        for item in value:
            await pilot.press(*keys_for(widget, item))
        await pilot.press("enter")
    else:
        assert isinstance(value, str)
        await pilot.press(*keys_for(widget, value))
    await pilot.pause()


async def answer_by_arrows(pilot: Pilot[int], app: DeelwijzerApp, value: str) -> None:
    """Answer with Home, Down... and Enter."""
    widget = choices_widget(app)
    await pilot.press("home", *["down"] * widget.values.index(value), "enter")
    await pilot.pause()


async def answer_by_mouse(pilot: Pilot[int], app: DeelwijzerApp, value: str) -> None:
    """Click the option's row (the list scrolls it into view first, as a person would)."""
    widget = choices_widget(app)
    assert isinstance(widget, OptionList)
    index = widget.row_of(widget.values.index(value))  # headings may come between
    widget.scroll_to_highlight()
    widget.highlighted = index
    await pilot.pause()
    row = index - round(widget.scroll_offset.y) + 1  # +1: the list's top border
    assert await pilot.click(widget, offset=(6, row))
    await pilot.pause()


async def walk_case(pilot: Pilot[int], app: DeelwijzerApp, case: Case, how: str = "keys",
                    ) -> None:
    """Answer every question the app asks with the case's facts until the outcome."""
    for _ in range(40):
        if not isinstance(app.screen, QuestionScreen):
            return
        assert app.walk is not None and app.walk.pending is not None
        fact = app.walk.pending.question.fact
        value = case.facts[fact]
        if how == "mouse" and isinstance(value, str):
            await answer_by_mouse(pilot, app, value)
        elif how == "arrows" and isinstance(value, str):
            await answer_by_arrows(pilot, app, value)
        else:
            await answer_by_keys(pilot, app, value)
    raise AssertionError("walk did not end")


def case_path(case: Case) -> Path:
    return ROOT / case.file
