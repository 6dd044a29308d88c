"""The Textual app: a thin shell that keeps one AppState and shows what the engine returns."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen, ScreenResultCallbackType
from textual.theme import Theme

from engine import DeelwijzerError, LoadResult, Session, Walk, justify, resolve
from engine.decide.session import answer, back, current
from engine.errors import error_text, file_error
from engine.model import Library
from engine.startup import paused_gc, resume_gc
from engine.words import WORDS
from tui.app import guard
from tui.app.files import FileActions
from tui.app.messages import Answered, Continue, SaveFailed, WentBack
from tui.app.practice import KIOSK_OFF, PracticeActions, PracticeOptions, practice_options
from tui.app.screens.dialogs import ConfirmDialog, MessageDialog
from tui.app.screens.help import HelpScreen
from tui.app.screens.question import QuestionScreen
from tui.app.screens.result import ResultScreen
from tui.app.screens.reveal import RevealScreen
from tui.app.screens.review import ReviewScreen
from tui.app.screens.start import StartScreen, StartView
from tui.app.state import AppState
from tui.app.texts import key_label, t
from tui.app.widgets.keybar import KeyBar
from tui.shared import exports, store
from tui.shared.common import load_library, today

#: White on black, yellow for what is active: low vision, bright rooms (Ctrl+P, "Kleurenschema").
HIGH_CONTRAST = Theme(name="hoog-contrast", primary="#FFFF00", secondary="#00FFFF",
                      accent="#FFFF00", foreground="#FFFFFF", background="#000000",
                      surface="#000000", panel="#1A1A1A", success="#00FF00", warning="#FFFF00",
                      error="#FF6060", boost="#222222", dark=True)


class DeelwijzerApp(PracticeActions, FileActions, App[int]):
    """Holds one `AppState`; screens get what they show through their constructors and send
    messages back. Nothing else is kept here but the loaded tree set and the saver."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Deelwijzer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Stoppen", priority=True, show=False),
        Binding("s", "story", "Verhaal")]  # practice: the story again during the walk

    def __init__(self, loaded: LoadResult, on: date, *, start: str | None = None,
                 case: Path | None = None, gc_paused: bool = False,
                 resume: bool = False,
                 practice: PracticeOptions | None = None, guard: bool = False) -> None:
        super().__init__()
        self._gc_paused = gc_paused
        self._guard = guard  # a real start: one app per data folder, signals stop it cleanly
        self.loaded = loaded
        self.options = practice
        lang = (practice.lang if practice is not None else None) or (
            None if self.kiosk else store.load_pref("lang"))  # kiosk: no preferences at all
        self.register_theme(HIGH_CONTRAST)
        theme = None if self.kiosk else store.load_pref("theme")
        if theme in self.available_themes:  # before the first screen: styled once, not twice
            self.theme = theme
        self.state = AppState(resolution=resolve(loaded.library, on),
                              lang=lang if lang in ("nl", "en") else "nl",
                              start_tree=start or loaded.library.entry)
        self._case = case
        self._resume = resume  # without asking (`vraag --verder`, each `serve` session)
        self.saver = store.Saver(lambda reason: self.post_message(SaveFailed(reason)))

    # -- the state, read-only, for the app's own methods ----------------------------------------
    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def library(self) -> Library:
        return self.state.library

    @property
    def walk(self) -> Walk | None:
        return self.state.walk

    @property
    def session(self) -> Session | None:
        return self.state.session

    def start_view(self) -> StartView:
        """What the start screen shows, from the state."""
        return StartView(lang=self.lang, resolution=self.state.resolution,
                         case_title=self.state.case_title, given=len(self.state.given),
                         resumable=self.can_resume(), practice=self.can_practice())

    # -- start-up ------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        # the bottom of the stack: "start over" comes back here
        return StartScreen(self.start_view)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._guard and not guard.claim(self):
            return  # another window has this folder's walk; the app asks what to do
        self.open_first()

    def on_unmount(self) -> None:
        if self._guard:
            guard.release()

    def open_first(self) -> None:
        """The first thing to show: a damaged walk moved aside, the case, or the offer to
        resume; and any tree that could not be used."""
        moved = store.quarantine_damaged()
        if moved is not None:
            self.show_error(t("error", self.lang), [t("progress_quarantined", self.lang,
                                                      path=moved)])
        if self._case is not None:
            self.open_case(self._case)
        elif self.options is not None and self.options.start:
            self.action_practice()
        elif self.can_resume() and self._resume:
            self.action_resume()
        elif self.can_resume():
            data = store.read_progress() or {}
            answers = data.get("answers")
            count = len(answers) if isinstance(answers, dict) else 0
            self.confirm(t("resume_q", self.lang, date=data.get("on", "?"), count=count),
                         self._resume_answer, safe_yes=True)
        if self.loaded.errors:
            said = [p.text(self.lang) for p in self.loaded.errors]
            self.show_error(t("problems", self.lang), [t("problems_intro", self.lang), "", *said])

    def on_ready(self) -> None:
        """The first screen is on the terminal: see `run_app` for why the GC was paused."""
        if self._gc_paused:
            self._gc_paused = False
            resume_gc()

    def _theme_changed(self, theme: Theme) -> None:
        if self.kiosk:
            return
        try:
            store.save_pref("theme", theme.name)
        except OSError as exc:
            self._unwritable(exc)

    def _unwritable(self, exc: OSError) -> None:
        """The data folder could not be written: say so in the app's language."""
        error = file_error(store.data_dir(), exc, "write")
        self.notify(error.text(self.lang), severity="error")

    def _resume_answer(self, yes: bool | None) -> None:
        if yes:
            self.action_resume()

    def can_resume(self) -> bool:
        return not self.kiosk and store.has_progress()

    def can_docx(self) -> bool:
        return exports.docx_available(self.walk)

    # -- dialogs -------------------------------------------------------------------------------
    def show_error(self, title: str, lines: list[str]) -> None:
        self.push_screen(MessageDialog(title, lines, t("ok", self.lang)))

    def finish_walk(self) -> None:
        """The decision is kept (record or document saved): the walk is no longer unfinished."""
        self.saver.clear()

    def confirm(self, question: str, callback: ScreenResultCallbackType[bool], *,
                safe_yes: bool = False) -> None:
        """Ask yes or no; Enter means "Nee" unless yes throws nothing away (`safe_yes`)."""
        self.push_screen(ConfirmDialog(question, t("yes", self.lang), t("no", self.lang),
                                       safe_yes=safe_yes), callback)

    # -- the walk ------------------------------------------------------------------------------
    def begin(self, session: Session) -> None:
        """Start (or resume) `session` and show its pending question or outcome."""
        try:
            walk = current(self.state.resolution, session)
        except DeelwijzerError as exc:
            self.show_error(t("error", self.lang), [error_text(exc, self.lang)])
            return
        self.state = self.state.walking(session, walk)
        self._save()
        self.call_next(self.route)

    def _save(self) -> None:
        session = self.session
        if session is not None and self.practising:  # a scenario's answers go to its attempt
            self.practice_progress(session)
            return
        if self.kiosk or session is None or not (
                session.answers or session.given or session.remembered):
            return
        self.saver.save(session)  # in order, off the event loop; see store.Saver

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(message.reason, severity="error")

    async def action_quit(self) -> None:
        self.saver.flush()  # the last answer is on disk before the app goes
        await super().action_quit()

    async def route(self) -> None:
        """Put the right screen on top: the open question, or the outcome."""
        while isinstance(self.screen, ReviewScreen | HelpScreen | ModalScreen):
            await self.pop_screen()
        walk, session = self.walk, self.session
        if walk is None or session is None:
            return
        top = self.screen
        pending = walk.pending
        if pending is not None:
            preselect = session.remembered.get(pending.question.fact)
            if isinstance(top, QuestionScreen):
                top.show(walk, preselect, self.lang)
                return
            new: Screen[None] = QuestionScreen(walk, preselect, self.lang)
        elif self.practising:
            reveal = self.reveal_screen()
            if reveal is None:
                return
            new = reveal
        else:
            new = ResultScreen(justify(walk, self.lang, session.given), can_docx=self.can_docx(),
                               can_decision=exports.decision_available(walk))
        if isinstance(top, StartScreen):
            await self.push_screen(new)
        else:
            await self.switch_screen(new)

    async def on_answered(self, message: Answered) -> None:
        if self.session is None:
            return
        try:
            revision = answer(self.state.resolution, self.session, message.fact, message.value)
        except DeelwijzerError as exc:
            self.show_error(t("error", self.lang), [error_text(exc, self.lang)])
            return
        self.state = self.state.walking(revision.session, revision.walk)
        self._save()
        if isinstance(self.screen, ReviewScreen):
            self.screen.show(revision.walk, revision.dropped, self.lang)
            return
        if revision.dropped:
            labels = [self.library.facts[k].label.get(self.lang)  # type: ignore[index]
                      for k, _ in revision.dropped]
            self.notify(t("dropped", self.lang, items=", ".join(labels)))
        await self.route()

    async def on_went_back(self, message: WentBack) -> None:
        if self.session is None or self.walk is None:
            return
        if not self.walk.asked:
            if isinstance(self.screen, QuestionScreen):
                await self.pop_screen()
            self.notify(t("first", self.lang))
            return
        revision = back(self.state.resolution, self.session)
        self.state = self.state.walking(revision.session, revision.walk)
        self._save()
        await self.route()

    async def on_continue(self, message: Continue) -> None:
        await self.route()

    # -- actions -------------------------------------------------------------------------------
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
        self.state = self.state.with_facts(on=on, start=session.start, given=session.given,
                                           title=self.state.case_title, resolution=resolution)
        self.begin(session)

    def action_review(self) -> None:
        if self.walk is not None and not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen(self.walk, self.lang))

    def action_help(self) -> None:
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
        if isinstance(top, ResultScreen | QuestionScreen | RevealScreen):
            await self.route()
        elif isinstance(top, ReviewScreen):
            top.lang = self.lang
            await top.recompose()
            top.show(top.walk, top.dropped, self.lang)
        else:
            if isinstance(top, HelpScreen):
                top.lang = self.lang
            await top.recompose()
        for bar in self.screen.query(KeyBar):
            bar.refresh_keys()
        self.notify(t("lang_now", self.lang))

    def action_copy(self) -> None:
        if self.walk is not None and self.session is not None:
            self.copy_to_clipboard(exports.plain_text(self.walk, self.lang, self.session.given))
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


def run_app(args: argparse.Namespace) -> int:
    """`deelwijzer vraag` without --plain: load the trees, run the app, return the exit code.

    The garbage collector is paused (engine/startup.py says why) until the first screen is on
    the terminal; `DeelwijzerApp.on_ready` then ends the pause with `resume_gc`.
    """
    with paused_gc() as enabled:
        loaded = load_library(args)
        app = DeelwijzerApp(loaded, args.date or today(), start=getattr(args, "start", None),
                            case=getattr(args, "case", None), gc_paused=enabled,
                            resume=getattr(args, "verder", False),
                            practice=practice_options(args), guard=True)
        app.run()
    return app.return_code or 0
