"""The app's file actions: open a case or a record, change the date, save and export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from engine import DeelwijzerError, Library, Resolution, Session, Walk, resolve
from engine.model import Value
from tui.app.screens.dialogs import AskDialog
from tui.app.texts import t
from tui.shared import exports
from tui.shared.atomic import write_atomic

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import ScreenResultCallbackType

    _Base = App[int]
else:
    _Base = object


class FileActions(_Base):
    """Mixed into the app; every file a person names is read or written here, never elsewhere."""

    if TYPE_CHECKING:
        lang: str
        library: Library
        on: date
        given: dict[str, Value]
        case_title: str | None
        start_tree: str | None
        resolution: Resolution
        session: Session | None
        walk: Walk | None

        def show_error(self, title: str, lines: list[str]) -> None: ...
        def confirm(self, question: str, callback: ScreenResultCallbackType[bool]) -> None: ...
        def begin(self, session: Session) -> None: ...

    def ask(self, prompt: str, value: str, then: Callable[[str], None]) -> None:
        def done(text: str | None) -> None:
            if text:
                then(text)

        self.push_screen(AskDialog(prompt, value), done)

    # -- opening -------------------------------------------------------------------------------
    def action_open_case(self) -> None:
        self.ask(t("ask_case", self.lang), "", lambda name: self.open_case(Path(name)))

    def open_case(self, path: Path) -> None:
        from engine.cases import read_case  # noqa: PLC0415 - not needed until a file is opened

        try:
            case, problems = read_case(path.expanduser(), self.library)
        except (OSError, DeelwijzerError) as exc:
            case, problems = None, ()
            self.show_error(t("open_failed", self.lang, path=path), [str(exc)])
            return
        if case is None:
            self.show_error(t("open_failed", self.lang, path=path), [str(p) for p in problems])
            return
        self.given, self.start_tree, self.on = dict(case.facts), case.start, case.date
        self.case_title = case.title.get(self.lang)
        self.resolution = resolve(self.library, self.on)
        self.begin(Session(start=case.start, on=case.date, given=self.given))

    def action_open_record(self) -> None:
        self.ask(t("ask_record", self.lang), "", lambda name: self.open_record(Path(name)))

    def open_record(self, path: Path) -> None:
        from engine.record import read_record, replay  # noqa: PLC0415 - as open_case

        title = t("open_failed", self.lang, path=path)
        try:
            record, problems = read_record(path.expanduser())
            if record is None:
                self.show_error(title, [str(p) for p in problems])
                return
            replayed = replay(self.library, record)
        except (OSError, DeelwijzerError, KeyError, ValueError) as exc:
            self.show_error(title, [str(exc)])
            return
        walk = replayed.walk
        self.resolution, self.on = walk.resolution, walk.resolution.on
        self.given, self.start_tree, self.case_title = dict(walk.facts), walk.start, path.name
        self.begin(Session(start=walk.start, on=self.on, given=self.given))
        notes = [*replayed.changed_trees, *replayed.differences]
        self.notify(t("record_replay", self.lang))
        if notes:
            self.show_error(t("record_changed", self.lang, items=""), notes)

    def action_change_date(self) -> None:
        self.ask(t("date_prompt", self.lang), self.on.isoformat(), self._set_date)

    def _set_date(self, text: str) -> None:
        try:
            on = date.fromisoformat(text)
        except ValueError:
            self.show_error(t("error", self.lang), [t("date_bad", self.lang, text=text)])
            return
        self.on = on
        self.resolution = resolve(self.library, on)
        self.call_next(self.screen.recompose)

    # -- saving --------------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.walk is not None and self.walk.outcome is not None:
            self.export(f"beslisrecord-{self.on.isoformat()}.json",
                        exports.record_json(self.walk))

    def action_markdown(self) -> None:
        if self.walk is not None and self.session is not None:
            self.export(f"verantwoording-{self.on.isoformat()}.md",
                        exports.markdown(self.walk, self.lang, self.session.given))

    def action_docx(self) -> None:
        if self.walk is None or self.session is None or not exports.docx_available(self.walk):
            return
        try:
            content = exports.covenant_docx(self.walk, self.lang, self.session.given)
        except (DeelwijzerError, ValueError) as exc:
            self.show_error(t("error", self.lang), [str(exc)])
            return
        self.export(f"convenant-{self.on.isoformat()}.docx", content)

    def export(self, name: str, content: str | bytes) -> None:
        """Ask for a file name; ask again before overwriting; write atomically."""

        def chosen(text: str) -> None:
            path = Path(text).expanduser()
            if path.exists():
                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self._write(path, content)
                    else:
                        self.notify(t("not_saved", self.lang))

                self.confirm(t("exists", self.lang, path=path), overwrite)
            else:
                self._write(path, content)

        self.ask(t("filename", self.lang), name, chosen)

    def _write(self, path: Path, content: str | bytes) -> None:
        try:
            if isinstance(content, bytes):
                write_atomic(path, content)
            else:
                write_atomic(path, content)
        except OSError as exc:
            self.show_error(t("error", self.lang), [t("save_failed", self.lang,
                                                      error=exc.strerror, path=path)])
            return
        self.notify(t("saved", self.lang, path=path))
