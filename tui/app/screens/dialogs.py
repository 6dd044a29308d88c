"""Modal dialogs: a readable message, a yes/no question, a line of text to type."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class MessageDialog(ModalScreen[None]):
    """A message to read (an error names its file, line and problem); Enter or Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "Sluiten")]

    def __init__(self, title: str, lines: list[str], ok: str = "OK") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.lines = lines
        self.ok = ok

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content("\n".join(self.lines)), id="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: j/y or the Yes button, n or Escape for no. Enter takes the focused
    button: "Nee" unless `safe_yes` (a question where yes throws nothing away)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,n", "answer(False)", "Nee"),
                Binding("j,y", "answer(True)", "Ja")]

    def __init__(self, question: str, yes: str = "Ja", no: str = "Nee", *,
                 safe_yes: bool = False) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes = yes
        self.no = no
        self.safe_yes = safe_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.question), id="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary" if self.safe_yes else
                             "default", compact=True)
                yield Button(self.no, id="no", variant="default" if self.safe_yes else
                             "primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#yes" if self.safe_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class AskDialog(ModalScreen[str | None]):
    """One line of text, such as a file name or a date; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__(classes="dialog")
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.prompt), id="dialog-text")
            yield Input(self.value, id="ask")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
