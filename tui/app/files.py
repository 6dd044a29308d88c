"""The app's file actions: open a case or a record, change the date, save and export."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from engine import DeelwijzerError, Library, Session, Walk
from engine.decide.session import current
from engine.errors import error_text, file_error, said
from engine.explain.filing import Filing
from tui.app.screens.dialogs import AskDialog, MessageDialog
from tui.app.screens.filing import FilingDialog
from tui.app.state import AppState
from tui.app.texts import t
from tui.shared import exports
from tui.shared.atomic import user_path, write_atomic
from tui.shared.common import read_date
from tui.shared.documents import documents_dir, free_path

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import ScreenResultCallbackType

    _Base = App[int]
else:
    _Base = object


class FileActions(_Base):
    """Mixed into the app; every file a person names is read or written here, never elsewhere."""

    if TYPE_CHECKING:
        state: AppState

        @property
        def lang(self) -> str: ...
        @property
        def library(self) -> Library: ...
        @property
        def walk(self) -> Walk | None: ...
        @property
        def session(self) -> Session | None: ...

        def show_error(self, title: str, lines: list[str]) -> None: ...
        def confirm(self, question: str, callback: ScreenResultCallbackType[bool], *,
                    safe_yes: bool = False) -> None: ...
        def begin(self, session: Session) -> None: ...
        def _save(self) -> None: ...
        def finish_walk(self) -> None: ...

    def ask(self, prompt: str, value: str, then: Callable[[str], None]) -> None:
        def done(text: str | None) -> None:
            if text:
                then(text)

        self.push_screen(AskDialog(prompt, value), done)

    # -- opening -------------------------------------------------------------------------------
    def action_open_case(self) -> None:
        if self.is_web:  # served: the files are the server's, not the participant's
            self.show_error(t("error", self.lang), [t("web_no_files", self.lang)])
            return
        self.ask(t("ask_case", self.lang), "", lambda name: self.open_case(Path(name)))

    def open_case(self, path: Path) -> None:
        from engine.cases import read_case  # noqa: PLC0415 - not needed until a file is opened

        try:
            case, problems = read_case(user_path(path), self.library)
        except OSError as exc:
            self.show_error(t("open_failed", self.lang, path=path),
                            [file_error(path, exc).text(self.lang)])
            return
        except DeelwijzerError as exc:
            self.show_error(t("open_failed", self.lang, path=path), [error_text(exc, self.lang)])
            return
        if case is None:
            self.show_error(t("open_failed", self.lang, path=path),
                            [p.text(self.lang) for p in problems])
            return
        self.state = self.state.with_facts(on=case.date, start=case.start, given=case.facts,
                                           title=case.title.get(self.lang))
        # what the case is about first, so that the result is read as the answer to it
        lines = [t("case_date", self.lang, date=case.date.strftime("%d-%m-%Y"),
                   count=len(case.facts), path=path)]
        if case.rationale:
            lines += ["", t("case_rationale", self.lang), case.rationale]
        self.push_screen(MessageDialog(case.title.get(self.lang), lines,
                                       t("case_go", self.lang)),
                         lambda _: self._begin_new())

    def action_open_record(self) -> None:
        if self.is_web:
            self.show_error(t("error", self.lang), [t("web_no_files", self.lang)])
            return
        self.ask(t("ask_record", self.lang), "", lambda name: self.open_record(Path(name)))

    def open_record(self, path: Path) -> None:
        from engine.record import read_record, replay  # noqa: PLC0415 - as open_case

        title = t("open_failed", self.lang, path=path)
        try:
            record, problems = read_record(user_path(path))
            if record is None:
                self.show_error(title, [p.text(self.lang) for p in problems])
                return
            replayed = replay(self.library, record)
        except OSError as exc:
            self.show_error(title, [file_error(path, exc).text(self.lang)])
            return
        except (DeelwijzerError, KeyError, ValueError) as exc:
            self.show_error(title, [error_text(exc, self.lang)])
            return
        walk = replayed.walk
        self.state = self.state.with_facts(on=walk.resolution.on, start=walk.start,
                                           given=walk.facts, title=path.name,
                                           resolution=walk.resolution)
        self._begin_new()
        notes = [*(p.text(self.lang) for p in problems),
                 *(said(line, self.lang) for line in (*replayed.replaced,
                                                      *replayed.changed_trees,
                                                      *replayed.differences))]
        self.notify(t("record_replay", self.lang))
        if notes:  # after the result screen is up, or it would cover the notes
            self.call_next(self.show_error, t("record_changed", self.lang, items=""), notes)

    def action_change_date(self) -> None:
        self.ask(t("date_prompt", self.lang), self.state.on.strftime("%d-%m-%Y"), self._set_date)

    def _set_date(self, text: str) -> None:
        on = read_date(text)
        if on is None:
            self.show_error(t("error", self.lang), [t("date_bad", self.lang, text=text)])
            return
        self.state = self.state.at(on)  # one owner of the date: the session follows it
        session = self.state.session
        if session is not None:  # the walk in memory and on disk follow the new date too
            try:
                self.state = self.state.walking(session, current(self.state.resolution, session))
            except DeelwijzerError as exc:
                self.show_error(t("error", self.lang), [error_text(exc, self.lang)])
            self._save()
        self.call_next(self.screen.recompose)

    def _begin_new(self) -> None:
        session = self.state.new_session()
        if session is not None:
            self.begin(session)

    # -- saving --------------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.walk is not None and self.walk.outcome is not None:
            self.export(f"beslisrecord-{self.state.on.isoformat()}.json",
                        exports.record_json(self.walk), finishes=True)

    def action_markdown(self) -> None:
        if self.walk is not None and self.session is not None:
            self.export(f"verantwoording-{self.state.on.isoformat()}.md",
                        exports.markdown(self.walk, self.lang, self.session.given,
                                         self.state.filing.checked))

    def action_decision(self) -> None:
        """First the optional fields for the case file (kept with the walk), then the file."""
        if self.walk is None or self.session is None or \
                not exports.decision_available(self.walk):
            return
        self.push_screen(FilingDialog(self.state.filing, self.lang), self._filed)

    def _filed(self, answer: tuple[Filing, bool] | None) -> None:
        if answer is None:
            return
        filing, go = answer
        self.state = replace(self.state, filing=filing)
        self._save()  # what was typed is in the autosave, whether or not the file is made
        if go and self.walk is not None and self.session is not None:
            content = exports.decision_docx(self.walk, self.lang, self.session.given,
                                            datetime.now(UTC), filing)
            self.export(f"beslisdocument-{self.state.on.isoformat()}.docx", content,
                        finishes=True)

    def action_docx(self) -> None:
        if self.walk is None or self.session is None or not exports.docx_available(self.walk):
            return
        try:
            content = exports.covenant_docx(self.walk, self.lang, self.session.given,
                                            datetime.now(UTC))
        except (DeelwijzerError, ValueError) as exc:
            self.show_error(t("error", self.lang), [error_text(exc, self.lang)])
            return
        self.export(f"convenant-{self.state.on.isoformat()}.docx", content)

    def export(self, name: str, content: str | bytes, *, finishes: bool = False) -> None:
        """Ask for a file name, offered as a full path in the documents folder; ask again
        (default "Nee") before overwriting; write atomically; say where it went. A saved
        record or decision document `finishes` the walk: it is no longer "unfinished"."""
        if self.is_web:  # served in a browser: a download, never a file on the server
            data = content.encode("utf-8") if isinstance(content, str) else content
            self.deliver_binary(io.BytesIO(data), save_filename=name)
            self.notify(t("web_download", self.lang, name=name))
            if finishes:
                self.finish_walk()
            return

        def chosen(text: str) -> None:
            path = user_path(text).absolute()
            if path.exists():
                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self._write(path, content, finishes)
                    else:
                        self.notify(t("not_saved", self.lang))

                self.confirm(t("exists", self.lang, path=path), overwrite)
            else:
                self._write(path, content, finishes)

        self.ask(t("filename", self.lang), str(free_path(documents_dir(), name)), chosen)

    def _write(self, path: Path, content: str | bytes, finishes: bool) -> None:
        try:
            write_atomic(path, content)
        except OSError as exc:
            self.show_error(t("error", self.lang),
                            [file_error(path, exc, "write").text(self.lang)])
            return
        self.notify(t("saved", self.lang, path=path), timeout=10)
        if finishes:
            self.finish_walk()
