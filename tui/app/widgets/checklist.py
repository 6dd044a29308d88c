"""The result's checklist: one row per condition, ticked off with a click, Space or Enter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from tui.app.messages import Ticked

#: Ticked or not reads without colour: a tick in the box or none.
MARKS = {True: "[✓]", False: "[ ]"}


class CheckRow(Horizontal, can_focus=True):
    """Condition `index` of the outcome; tells the app (`Ticked`) when it is ticked or not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Afvinken", show=False),  # the hint above the list says so
        Binding("enter", "tick", "Afvinken", show=False),
    ]

    def __init__(self, index: int, body: Text, *, checked: bool) -> None:
        super().__init__(classes="check")
        self.index = index
        self.body = body
        self.checked = checked
        self.set_class(checked, "ticked")

    def compose(self) -> ComposeResult:
        yield Static(MARKS[self.checked], classes="box")
        yield Static(self.body, classes="check-text")

    def action_tick(self) -> None:
        self.checked = not self.checked
        self.set_class(self.checked, "ticked")
        self.query_one(".box", Static).update(MARKS[self.checked])
        self.post_message(Ticked(self.index, self.checked))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_tick()
