"""The start: what Deelwijzer is, the disclaimer, the trees and their status, the date."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from engine import __version__
from engine.explain.justification import CONCEPT, DISCLAIMER
from tui.app.texts import t
from tui.app.widgets.choices import NumberedList, numbered
from tui.app.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from tui.app.app import DeelwijzerApp


class StartScreen(Screen[None]):
    """Start a new question, resume, open a case or a record, change the date or language.

    The app's first (default) screen. The actions are a numbered list, chosen like an answer
    (arrows and Enter, a number, the mouse); each also has a letter key."""

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

    @property
    def deelwijzer(self) -> DeelwijzerApp:
        return cast("DeelwijzerApp", self.app)

    def compose(self) -> ComposeResult:
        lang = self.deelwijzer.lang
        with VerticalScroll(id="start-body"):
            yield Static(Text(f"Deelwijzer {__version__}", style="bold"), classes="screen-title")
            yield Static(self._about(), id="about")
        menu = NumberedList(*self._actions(), id="start-menu")
        menu.border_title = t("what_now", lang)
        yield menu
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#start-menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        """Back here from a walk: offer "resume" exactly when there is a walk to resume."""
        if self.deelwijzer.can_resume() != self._resumable:
            self.query_one("#start-menu", OptionList).set_options(self._actions())

    def _actions(self) -> list[Option]:
        """The menu: an option per action, its id the action's name."""
        app = self.deelwijzer
        self._resumable = app.can_resume()
        actions = [("new", "cmd_new"), *([("resume", "cmd_resume")] if self._resumable else []),
                   ("open_case", "cmd_case"), ("open_record", "cmd_record"),
                   ("change_date", "cmd_date")]
        return [Option(numbered(i, t(text, app.lang)), id=action)
                for i, (action, text) in enumerate(actions, 1)]

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.run_action(f"app.{event.option.id}")

    def _about(self) -> Text:
        """What the tool is, the linear alternative, the disclaimer, the date and the trees."""
        app = self.deelwijzer
        lang = app.lang
        out = Text()
        out.append(t("intro", lang) + "\n\n")
        out.append(t("plain", lang) + "\n\n", style="dim")
        out.append(DISCLAIMER.get(lang) + "\n\n", style="italic")
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
