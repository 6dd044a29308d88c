"""The app's menu actions: a new walk, resume, start over, clear, language, copy; and which
actions are offered (the keys, the command palette)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from engine import DeelwijzerError, Library, Session, Walk, resolve
from engine.errors import error_text
from engine.explain.filing import from_data as filing_from_data
from engine.words import WORDS
from tui.app.round import KIOSK_OFF
from tui.app.screens.question import QuestionScreen
from tui.app.screens.start import StartScreen
from tui.app.texts import key_label, t
from tui.app.widgets.keybar import KeyBar
from tui.shared import exports, store

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen, ScreenResultCallbackType

    from tui.app.state import AppState

    _Base = App[int]
else:
    _Base = object


#: Screens not needed for the first question, imported where they are first shown.
_LATER = {"HelpScreen": "tui.app.screens.help", "ResultScreen": "tui.app.screens.result",
          "RevealScreen": "tui.app.screens.reveal", "ReviewScreen": "tui.app.screens.review"}


def showing(screen: Screen[object], *names: str) -> bool:
    """Whether `screen` is one of the screens named (see `_LATER`), without importing a
    screen's module to ask: a screen whose module was never loaded cannot be showing."""
    modules = ((sys.modules.get(_LATER[name]), name) for name in names)
    return any(module is not None and isinstance(screen, getattr(module, name))
               for module, name in modules)


class AppActions(_Base):
    """Mixed into the app: what the menus, the keys and the command palette do."""

    if TYPE_CHECKING:
        state: AppState
        saver: store.Saver

        @property
        def lang(self) -> str: ...
        @property
        def library(self) -> Library: ...
        @property
        def walk(self) -> Walk | None: ...
        @property
        def session(self) -> Session | None: ...
        @property
        def kiosk(self) -> bool: ...
        @property
        def practising(self) -> bool: ...

        def show_error(self, title: str, lines: list[str]) -> None: ...
        def confirm(self, question: str, callback: ScreenResultCallbackType[bool], *,
                    safe_yes: bool = False) -> None: ...
        def begin(self, session: Session) -> None: ...
        def can_resume(self) -> bool: ...
        def can_docx(self) -> bool: ...
        def _unwritable(self, exc: OSError) -> None: ...
        async def route(self) -> None: ...

    def action_new(self) -> None:
        if self.state.start_tree is None:
            self.show_error(t("error", self.lang), [t("no_trees", self.lang)])
            return
        if self.can_resume():  # never throw away an unfinished walk without asking
            self.confirm(t("discard_q", self.lang), self._new_answer)
        else:
            self._new_answer(True)

    def _new_answer(self, yes: bool | None) -> None:
        session = self.state.new_session()
        if yes and session is not None:
            self.saver.clear()
            self.begin(session)

    def action_resume(self) -> None:
        self.saver.flush()
        data = store.read_progress()
        try:
            if data is None:
                raise DeelwijzerError(str(store.progress_path()))
            on = store.restore(data, None).on
            resolution = resolve(self.library, on)
            session = store.restore(data, resolution)
        except DeelwijzerError as exc:
            self.show_error(t("error", self.lang),
                            [t("resume_bad", self.lang), error_text(exc, self.lang)])
            return
        self.state = replace(self.state.with_facts(
            on=on, start=session.start, given=session.given, title=self.state.case_title,
            resolution=resolution), filing=filing_from_data(data.get("filing")))
        self.begin(session)

    def action_review(self) -> None:
        from tui.app.screens.review import ReviewScreen  # noqa: PLC0415 - see _LATER

        if self.walk is not None and not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen(self.walk, self.lang))

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen  # noqa: PLC0415 - see _LATER

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.lang, self.library.sources))

    def action_again(self) -> None:
        self.confirm(t("again_q", self.lang), self._again_answer)

    async def _again_answer(self, yes: bool | None) -> None:
        if not yes:
            return
        self.saver.clear()
        # a clean start: no facts from a case or record, the trees in force on the date
        self.state = self.state.fresh()
        while not isinstance(self.screen, StartScreen):
            await self.pop_screen()
        await self.screen.recompose()
        self.screen.focus_menu()  # the first choice, ready for Enter or a number

    def action_clear(self) -> None:
        """"Gesprek wissen": always offered; asks first, "Nee" by default."""
        self.confirm(t("clear_q", self.lang), self._clear_answer)

    async def _clear_answer(self, yes: bool | None) -> None:
        if yes:
            await self._again_answer(True)
            self.notify(t("cleared", self.lang))

    async def action_lang(self) -> None:
        self.state = replace(self.state, lang="en" if self.lang == "nl" else "nl")
        try:
            if not self.kiosk:
                store.save_pref("lang", self.lang)
        except OSError as exc:
            self._unwritable(exc)
        top = self.screen
        if isinstance(top, QuestionScreen) or showing(top, "ResultScreen", "RevealScreen"):
            await self.route()
        elif showing(top, "ReviewScreen"):
            top.lang = self.lang  # type: ignore[attr-defined]
            await top.recompose()
            top.show(top.walk, top.dropped, self.lang)  # type: ignore[attr-defined]
        else:
            if showing(top, "HelpScreen"):
                top.lang = self.lang  # type: ignore[attr-defined]
            await top.recompose()
        for bar in self.screen.query(KeyBar):
            bar.refresh_keys()
        self.notify(t("lang_now", self.lang))

    def action_copy(self) -> None:
        if self.walk is not None and self.session is not None:
            self.copy_to_clipboard(exports.plain_text(self.walk, self.lang, self.session.given,
                                                      checked=self.state.filing.checked))
            self.notify(t("copied", self.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "docx":
            return self.can_docx()
        if action == "decision":
            return exports.decision_available(self.walk)
        if action == "resume":
            return self.can_resume()
        if action == "story":
            return self.practising
        return not (self.kiosk and action in KIOSK_OFF)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action: the keys of this screen, then the app's own, then Textual's."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.description and binding.action not in seen and active.enabled:
                seen.add(binding.action)
                title = key_label(binding.description, self.lang)
                yield SystemCommand(f"{title} ({key})", t("palette_key", self.lang, name=key),
                                    partial(screen.run_action, binding.action))
        for action, key in (("new", "cmd_new"), ("open_case", "cmd_case"),
                            ("open_record", "cmd_record"), ("change_date", "cmd_date"),
                            ("clear", "cmd_clear"), ("help", "help")):
            if f"app.{action}" not in seen:
                yield SystemCommand(t(key, self.lang), t(f"{key}_about", self.lang),
                                    partial(self.run_action, action))
        for command in super().get_system_commands(screen):  # Textual's, in our words
            key = f"palette.{command.title.lower()}"
            if key in WORDS:
                title, about = t(key, self.lang).split("|")
                yield SystemCommand(title, about, command.callback, command.discover)
