"""The start: what Deelwijzer is, the disclaimer, the trees and their status, the date."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from engine import __version__
from engine.justification import CONCEPT, DISCLAIMER
from tui.texts import t
from tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from tui.app import DeelwijzerApp


class StartScreen(Screen[None]):
    """Start a new question, resume, open a case or a record, change the date or language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new", "Nieuw"),
        Binding("v", "app.resume", "Verder"),
        Binding("o", "app.open_case", "Casus"),
        Binding("b", "app.open_record", "Record"),
        Binding("d", "app.change_date", "Datum"),
        Binding("l", "app.lang", "Taal"),
        Binding("f1", "app.help", "Hulp"),
        Binding("question_mark", "app.help", "Hulp", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()

    @property
    def deelwijzer(self) -> DeelwijzerApp:
        return cast("DeelwijzerApp", self.app)

    def compose(self) -> ComposeResult:
        app = self.deelwijzer
        lang = app.lang
        with VerticalScroll(id="start-body"):
            yield Static(Text(f"Deelwijzer {__version__}", style="bold"), classes="screen-title")
            yield Static(t("intro", lang), id="intro")
            yield Static(t("plain", lang), id="plain-hint")
            yield Static(Text(DISCLAIMER.get(lang), style="italic"), id="disclaimer")
            yield Static(self._trees(), id="trees")
        with Horizontal(id="start-actions"):
            yield Button(t("new", lang), id="do-new", variant="primary", compact=True)
            if app.can_resume():
                yield Button(t("resume", lang), id="do-resume", compact=True)
            yield Button(t("open_case", lang), id="do-open_case", compact=True)
            yield Button(t("open_record", lang), id="do-open_record", compact=True)
            yield Button(t("change_date", lang), id="do-change_date", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#do-new", Button).focus()

    def _trees(self) -> Text:
        app = self.deelwijzer
        lang = app.lang
        out = Text()
        out.append(f"{t('date', lang)}: ", style="bold")
        out.append(app.on.isoformat())
        if app.case_title:
            out.append(f"\n{t('case', lang)}: ", style="bold")
            out.append(f"{app.case_title} ({len(app.given)} {t('facts_known', lang)})")
        out.append(f"\n{t('trees', lang)}:", style="bold")
        resolution = app.resolution
        for tree in resolution.trees.values():
            out.append(f"\n  {tree.id} {tree.version} ({tree.status.value}) {tree.title.get(lang)}")
            notice = resolution.notice(tree)
            if notice:
                out.append(f"\n    ! {notice}")
        for tree_id, reason in resolution.unavailable.items():
            out.append(f"\n  {tree_id}: {reason}", style="bold")
        if any(tree.status.value == "concept" for tree in resolution.trees.values()):
            out.append(f"\n{CONCEPT.get(lang)}", style="italic")
        return out

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run_action(f"app.{(event.button.id or '').removeprefix('do-')}")
