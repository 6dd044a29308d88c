"""The Textual app: a thin shell that keeps one AppState and shows what the engine returns."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen, ScreenResultCallbackType
from textual.theme import Theme

from engine import DeelwijzerError, LoadResult, Session, Walk, justify, resolve
from engine.decide.session import answer, back, current
from engine.errors import error_text, file_error
from engine.explain.filing import to_data as filing_data
from engine.model import Library
from engine.startup import paused_gc, resume_gc
from tui.app import guard
from tui.app.actions import AppActions, showing
from tui.app.files import FileActions
from tui.app.messages import Answered, Continue, SaveFailed, Ticked, WentBack
from tui.app.practice import PracticeActions
from tui.app.round import PracticeOptions, practice_options
from tui.app.screens.dialogs import ConfirmDialog, MessageDialog
from tui.app.screens.question import QuestionScreen
from tui.app.screens.start import StartScreen, StartView
from tui.app.state import AppState
from tui.app.texts import t
from tui.shared import exports, store
from tui.shared.common import load_library, today

#: White on black, yellow for what is active: low vision, bright rooms (Ctrl+P, "Kleurenschema").
HIGH_CONTRAST = Theme(name="hoog-contrast", primary="#FFFF00", secondary="#00FFFF",
                      accent="#FFFF00", foreground="#FFFFFF", background="#000000",
                      surface="#000000", panel="#1A1A1A", success="#00FF00", warning="#FFFF00",
                      error="#FF6060", boost="#222222", dark=True)


class DeelwijzerApp(AppActions, PracticeActions, FileActions, App[int]):
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
        filing = self.state.filing  # the ticks and fields too: nothing entered is lost
        self.saver.save(session, None if filing.is_empty else {"filing": filing_data(filing)})

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(message.reason, severity="error")

    async def action_quit(self) -> None:
        self.saver.flush()  # the last answer is on disk before the app goes
        await super().action_quit()

    async def route(self) -> None:
        """Put the right screen on top: the open question, or the outcome."""
        while isinstance(self.screen, ModalScreen) or showing(self.screen, "ReviewScreen",
                                                              "HelpScreen"):
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
            from tui.app.screens.result import ResultScreen  # noqa: PLC0415 - see actions._LATER

            new = ResultScreen(justify(walk, self.lang, session.given), can_docx=self.can_docx(),
                               can_decision=exports.decision_available(walk),
                               checked=self.state.filing.checked)
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
        if showing(self.screen, "ReviewScreen"):
            self.screen.show(revision.walk, revision.dropped, self.lang)  # type: ignore[attr-defined]
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

    def on_ticked(self, message: Ticked) -> None:
        """A condition ticked off (or not): kept with the walk, and in the decision document."""
        self.state = self.state.ticked(message.index, message.checked)
        self._save()


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
