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

from engine.model import Fact, Value
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
    `rows` maps the rows shown to the options (None: every option, in order; a heading row is
    None); an option keeps its own number when others are hidden or headings come between."""

    texts: Sequence[tuple[str, str | None]] = ()  # (label, earlier mark) per option
    rows: Sequence[int | None] | None = None
    highlighted: int | None

    def ticked(self, index: int) -> bool | None:
        return None

    def option_of(self, row: int) -> int:
        """The option on `row` (never a heading: those cannot be highlighted)."""
        index = row if self.rows is None else self.rows[row]
        return -1 if index is None else index

    def row_of(self, index: int) -> int:
        return index if self.rows is None else list(self.rows).index(index)

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
        count = self.option_count if self.rows is None else len(self.texts)  # no headings
        self._digits, index, final = number_key(self._digits, event.character or "", count)
        self.border_subtitle = f"{self._digits}…" if self._digits else ""
        if index is None:
            return
        self.highlighted = self.row_of(index)
        if final:
            self.action_select()


#: A list this long can be searched: "/" then letters keep the options whose text has them.
FILTER_FROM = 10


def headings(fact: Fact, options: Sequence[tuple[str, str]], lang: str) -> list[str | None]:
    """Per option, the heading of its group (facts.yaml `groups`), or None."""
    groups = {c.value: c.group.get(lang) for c in fact.choices if c.group}
    return [groups.get(value) for value, _ in options]


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
                 earlier: str, headings: Sequence[str | None] = ()) -> None:
        super().__init__(classes="choices")
        self.reset(fact, options, preselect, earlier, headings)

    def reset(self, fact: str, options: Sequence[tuple[str, str]], preselect: Value | None,
              earlier: str, headings: Sequence[str | None] = ()) -> None:
        """Show another question's options (cheaper than a new widget); `headings` (one per
        option, or none) puts a heading above each run of options with the same one."""
        self.fact = fact
        self.headings = list(headings) if any(headings) else []
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

    def _show_rows(self, matching: Sequence[int] | None, current: int) -> None:
        """Show the options `matching` a search (None: all, under their headings), the
        option `current` highlighted if shown, else the first one."""
        rows: list[int | None] = list(matching) if matching is not None else []
        if matching is None:
            for index in range(len(self.texts)):
                heading = self.headings[index] if self.headings else None
                if heading and (index == 0 or self.headings[index - 1] != heading):
                    rows.append(None)
                rows.append(index)
        self.rows = rows if self.headings or matching is not None else None
        self._marked = None
        self.set_options(self._option(rows, i, current) for i in range(len(rows)))
        shown = [row for row in rows if row is not None]
        if not shown:
            self.add_option(Option(Content(self.nothing), disabled=True))
            self.highlighted = None
            return
        self.highlighted = self.row_of(current if current in shown else shown[0])
        self.scroll_to_highlight()

    def _option(self, rows: Sequence[int | None], row: int, current: int) -> Option:
        index = rows[row]
        if index is None:  # a heading: the group of the option below it
            below = rows[row + 1]
            heading = self.headings[below] if below is not None else ""
            return Option(Content.styled(f"── {heading}", "bold"), disabled=True)
        label, earlier = self.texts[index]
        return Option(numbered(index + 1, label, earlier, current=index == current))

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
        if (event.character or "").isdigit() and self.searching is not None:
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
