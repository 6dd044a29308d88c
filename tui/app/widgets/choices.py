"""The answers to one question: arrow keys + Enter, number keys, or the mouse."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from engine.model import Value
from tui.app.messages import Answered


def number_key(buffer: str, digit: str, count: int) -> tuple[str, int | None, bool]:
    """Typed digits to an option: returns (new buffer, 0-based index or None, final).

    '2' then '3' picks option 23 when there are that many; a number that no further digit
    could extend is final at once, so with nine options or fewer one key picks an answer.
    """
    typed = buffer + digit
    if not (typed.isdigit() and 1 <= int(typed) <= count):
        typed = digit
        if not (typed.isdigit() and 1 <= int(typed) <= count):
            return "", None, False
    number = int(typed)
    final = number * 10 > count
    return ("" if final else typed), number - 1, final


#: The mark on the option the cursor is on: never colour alone.
CURRENT = "›"


def numbered(number: int, text: str, earlier: str | None = None, *, current: bool = False,
             ticked: bool | None = None) -> Content:
    """An option's line: a › when the cursor is on it, its number, [✓] or [ ] on a list where
    several may be chosen, its text, and a mark when it was the earlier answer."""
    box = "" if ticked is None else ("[✓] " if ticked else "[ ] ")
    line = f"{CURRENT if current else ' '}{number:>2}. {box}{text}"
    return Content(f"{line}  ({earlier})" if earlier else line)


class Marked:
    """Mixed into the option lists: redraws the › (and the tick) of the options that change.
    `rows` maps the rows shown to the options (all of them, unless a filter hides some); an
    option keeps its own number when others are hidden."""

    texts: Sequence[tuple[str, str | None]] = ()  # (label, earlier mark) per option
    rows: Sequence[int] | None = None  # None: every option, in order
    highlighted: int | None

    def ticked(self, index: int) -> bool | None:
        return None

    def option_of(self, row: int) -> int:
        return row if self.rows is None else self.rows[row]

    def prompt(self, row: int) -> Content:
        index = self.option_of(row)
        label, earlier = self.texts[index]
        return numbered(index + 1, label, earlier, current=row == self.highlighted,
                        ticked=self.ticked(index))

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """The scrollbar came or went: wrap the options again at the new width (a reused list
        would otherwise keep the wrapping of the list before it, one line too many)."""
        self._clear_caches()  # type: ignore[attr-defined]

    def remark(self, *rows: int | None) -> None:
        shown = len(self.texts) if self.rows is None else len(self.rows)
        for row in rows:
            if row is not None and 0 <= row < shown:
                self.replace_option_prompt_at_index(row, self.prompt(row))  # type: ignore[attr-defined]


class NumberedList(Marked, OptionList):
    """An option list whose options are numbered: typing a number picks that option; while a
    first digit waits for a second, the list's subtitle says so."""

    _digits = ""
    _marked: int | None = None

    def show(self, items: Sequence[tuple[str, str]]) -> None:
        """Show (id, text) items, numbered, the first one current."""
        self.texts = [(text, None) for _, text in items]
        self._marked = None
        self.set_options(Option(numbered(i, text, current=i == 1), id=key)
                         for i, (key, text) in enumerate(items, 1))
        self.highlighted = 0

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.texts:
            self.remark(self._marked, highlighted)
        self._marked = highlighted

    def on_key(self, event: events.Key) -> None:
        if not (event.character or "").isdigit():
            return
        event.stop()
        event.prevent_default()
        self._digits, index, final = number_key(self._digits, event.character or "",
                                                self.option_count)
        self.border_subtitle = f"{self._digits}…" if self._digits else ""
        if index is None:
            return
        self.highlighted = index
        if final:
            self.action_select()


#: A list this long can be searched: "/" then letters keep the options whose text has them.
FILTER_FROM = 10


def folded(text: str) -> str:
    """Lower case without accents: 'coörd' finds 'Zorgcoördinator', 'coord' too."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class OneChoice(NumberedList):
    """A one_of or yes_no question: picking an option answers it. A long list is searched by
    typing "/" and a few letters; Escape or Backspace to empty clears the search."""

    searching: str | None = None  # the letters typed after "/", None when not searching
    nothing = "-"  # shown when the search keeps no option (set in the screen's language)

    def __init__(self, fact: str, options: Sequence[tuple[str, str]], preselect: Value | None,
                 earlier: str) -> None:
        super().__init__(classes="choices")
        self.reset(fact, options, preselect, earlier)

    def reset(self, fact: str, options: Sequence[tuple[str, str]], preselect: Value | None,
              earlier: str) -> None:
        """Show another question's options (cheaper than a new widget)."""
        self.fact = fact
        self.values = [value for value, _ in options]
        self._digits = ""
        self.border_subtitle = ""
        start = self.values.index(preselect) if isinstance(preselect, str) and \
            preselect in self.values else 0
        self.texts = [(label, earlier if value == preselect else None) for value, label in options]
        self._keys = [folded(f"{label} {value}") for value, label in options]
        self.searching = None
        self.border_title = ""
        self._show_rows(None, start)

    def _show_rows(self, rows: Sequence[int] | None, current: int) -> None:
        """Show the options `rows` (None: all), the option `current` highlighted if shown."""
        self.rows = rows
        self._marked = None
        shown = range(len(self.texts)) if rows is None else rows
        self.set_options(Option(numbered(i + 1, self.texts[i][0], self.texts[i][1],
                                         current=i == current)) for i in shown)
        if not shown:
            self.add_option(Option(Content(self.nothing), disabled=True))
            self.highlighted = None
            return
        self.highlighted = list(shown).index(current) if current in shown else 0
        self.scroll_to_highlight()

    def search(self, text: str | None) -> None:
        """Keep the options whose text holds `text` (None or "": all of them)."""
        current = self.option_of(self.highlighted) if self.highlighted is not None and \
            self.rows != [] else 0
        self.searching = text
        self.border_title = f"/{text}▏" if text is not None else ""
        if not text:
            self._show_rows(None, current)
            return
        wanted = folded(text)
        self._show_rows([i for i, key in enumerate(self._keys) if wanted in key], current)

    def on_key(self, event: events.Key) -> None:
        if len(self.values) >= FILTER_FROM and self._searched(event):
            event.stop()
            event.prevent_default()
            return
        if (event.character or "").isdigit() and self.rows is not None:
            self.search(None)  # a number means the option's own number: show them all
        super().on_key(event)

    def _searched(self, event: events.Key) -> bool:
        """Handle a key of the search; False when it is not one (arrows, Enter, digits)."""
        if self.searching is None:
            if event.character == "/":
                self.search("")
                return True
            return False
        if event.key == "escape" or (event.key == "backspace" and not self.searching):
            self.search(None)
            return True
        if event.key == "backspace":
            self.search(self.searching[:-1])
            return True
        char = event.character or ""
        if event.is_printable and char and not char.isdigit():
            self.search(self.searching + char)
            return True
        return False

    def action_select(self) -> None:
        """Enter, a click or a final number key: the highlighted option is the answer.

        One message (not OptionSelected and then Answered), posted to the screen: a dialog
        keeps it, a question screen passes it up to the app."""
        if self.highlighted is not None and self.rows != []:
            index = self.option_of(self.highlighted)
            self.screen.post_message(Answered(self.fact, self.values[index]))


class ManyChoice(Marked, SelectionList[str]):
    """A many_of question: space or a number toggles, Enter confirms the selection. A chosen
    option says [✓], an unchosen one [ ]: not only a colour."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "confirm", "Bevestig", show=True)]

    def __init__(self, fact: str, options: Sequence[tuple[str, str]], preselect: Value | None,
                 earlier: str) -> None:
        self.fact = fact
        self.values = [value for value, _ in options]
        self._digits = ""
        self._marked: int | None = 0
        chosen = set(preselect) if isinstance(preselect, tuple) else set()
        self.texts = [(label, earlier if value in chosen else None) for value, label in options]
        super().__init__(*(Selection(numbered(i, label, mark, current=i == 1,
                                              ticked=value in chosen), value, value in chosen)
                           for i, ((value, _), (label, mark)) in
                           enumerate(zip(options, self.texts, strict=True), 1)),
                         classes="choices")

    def ticked(self, index: int) -> bool | None:
        return self.values[index] in self.selected

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.remark(self._marked, highlighted)
        self._marked = highlighted

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str],
                                           ) -> None:
        self.remark(*range(len(self.values)))

    def action_confirm(self) -> None:
        chosen = tuple(v for v in self.values if v in self.selected)
        self.screen.post_message(Answered(self.fact, chosen))

    def on_key(self, event: events.Key) -> None:
        if not (event.character or "").isdigit():
            return
        event.stop()
        event.prevent_default()
        self._digits, index, final = number_key(self._digits, event.character or "",
                                                len(self.values))
        if index is not None:
            self.highlighted = index
            if final:
                self.toggle(self.values[index])
