"""The start: what Deelwijzer is, the disclaimer, the trees and their status, the date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from engine import __version__
from engine.decide.versions import Resolution
from engine.errors import said
from engine.words import say
from tui.app.texts import t
from tui.app.widgets.choices import NumberedList
from tui.app.widgets.keybar import KeyBar


@dataclass(frozen=True, slots=True, kw_only=True)
class StartView:
    """What the start screen shows; the app builds it from its state."""

    lang: str
    resolution: Resolution
    case_title: str | None
    given: int
    resumable: bool
    practice: bool = False  # there are scenario sets to practise with


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

    def __init__(self, view: Callable[[], StartView]) -> None:
        super().__init__()
        self.view = view  # asked again at every compose: the app's state changes under it

    def compose(self) -> ComposeResult:
        view = self.view()
        lang = view.lang
        with VerticalScroll(id="start-body"):
            yield Static(Text(f"Deelwijzer {__version__}", style="bold"), classes="screen-title")
            yield Static(self._about(view), id="about")
        menu = NumberedList(id="start-menu")
        menu.show(self._actions(view))
        menu.border_title = t("what_now", lang)
        yield menu
        yield KeyBar()

    def on_mount(self) -> None:
        self.focus_menu()

    def focus_menu(self) -> None:
        """Focus on the first choice: after start, "Opnieuw" and every return here."""
        menu = self.query_one("#start-menu", NumberedList)
        menu.highlighted = 0
        menu.focus()

    def on_screen_resume(self) -> None:
        """Back here from a walk: offer "resume" exactly when there is a walk to resume."""
        view = self.view()
        if view.resumable != self._resumable:
            self.query_one("#start-menu", NumberedList).show(self._actions(view))
        self.focus_menu()  # every screen change lands on a choice

    def _actions(self, view: StartView) -> list[tuple[str, str]]:
        """The menu: (action, words) per action; "clear" whenever there is a walk to lose."""
        self._resumable = view.resumable
        walk = [("resume", "cmd_resume"), ("clear", "cmd_clear")] if self._resumable else []
        actions = [("new", "cmd_new"), *walk, ("open_case", "cmd_case"),
                   ("open_record", "cmd_record"),
                   *([("practice", "cmd_practice")] if view.practice else []),
                   ("change_date", "cmd_date")]
        return [(action, t(text, view.lang)) for action, text in actions]

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.run_action(f"app.{event.option.id}")

    @staticmethod
    def _about(view: StartView) -> Text:
        """What the tool is, the linear alternative, the disclaimer, the date and the trees."""
        lang = view.lang
        out = Text()
        out.append(t("intro", lang) + "\n\n")
        out.append(t("plain", lang) + "\n\n", style="dim")
        out.append(say("disclaimer", lang) + "\n\n", style="italic")
        out.append(f"{t('date', lang)}: ", style="bold")
        out.append(view.resolution.on.isoformat())
        if view.case_title:
            out.append(f"\n{t('case', lang)}: ", style="bold")
            out.append(f"{view.case_title} ({view.given} {t('facts_known', lang)})")
        out.append(f"\n{t('trees', lang)}:", style="bold")
        resolution = view.resolution
        for tree in resolution.trees.values():
            out.append(f"\n  {tree.id} {tree.version} ({tree.status.value}) {tree.title.get(lang)}")
            notice = resolution.notice(tree)
            if notice:
                out.append(f"\n    ! {said(notice, lang)}")
        for tree_id, reason in resolution.unavailable.items():
            out.append(f"\n  {tree_id}: {said(reason, lang)}", style="bold")
        if any(tree.status.value == "concept" for tree in resolution.trees.values()):
            out.append("\n" + say("concept", lang), style="italic")
        return out
