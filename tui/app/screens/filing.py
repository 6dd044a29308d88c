"""Before the decision document: the fields for the case file, all optional, never names."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from engine.explain.filing import MAX_FIELD, Filing
from engine.words import section
from tui.app.texts import t

FIELDS = ("case_ref", "decided_by", "done")


class FilingDialog(ModalScreen[tuple[Filing, bool]]):
    """Case reference, role, what was done: Enter goes to the next field, on the last one (or
    "Verder") on to the file name. Returns the fields and whether to go on; Escape returns
    them too (nothing typed is lost), without going on."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, filing: Filing, lang: str) -> None:
        super().__init__(classes="dialog")
        self.filing = filing
        self.lang = lang

    def compose(self) -> ComposeResult:
        w = section("docx", self.lang)
        with Vertical(id="dialog"):
            with VerticalScroll(id="filing-body"):  # on a small screen the fields scroll
                yield Static(Content(t("filing_title", self.lang)), classes="dialog-title")
                yield Static(Content(w["no_names"]), id="no-names")
                for name in FIELDS:
                    yield Label(Content(w[name]), classes="field-label")
                    yield Input(getattr(self.filing, name), id=f"field-{name}",
                                max_length=MAX_FIELD, compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("filing_go", self.lang), id="go", variant="primary",
                             compact=True)
                yield Button(t("filing_cancel", self.lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#field-{FIELDS[0]}", Input).focus()

    def entered(self) -> Filing:
        """The fields as typed now, with the checklist's ticks as they were."""
        case_ref, decided_by, done = (self.query_one(f"#field-{name}", Input).value.strip()
                                      for name in FIELDS)
        return replace(self.filing, case_ref=case_ref, decided_by=decided_by, done=done)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = (event.input.id or "").removeprefix("field-")
        if name == FIELDS[-1]:
            self.dismiss((self.entered(), True))
        else:
            self.query_one(f"#field-{FIELDS[FIELDS.index(name) + 1]}", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((self.entered(), event.button.id == "go"))

    def action_cancel(self) -> None:
        self.dismiss((self.entered(), False))
