"""The answers to one question: arrow keys + Enter, number keys, or the mouse."""

from __future__ import annotations

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
    """Mixed into the option lists: redraws the › (and the tick) of the options that change."""

    texts: Sequence[tuple[str, str | None]] = ()  # (label, earlier mark) per option
    highlighted: int | None

    def ticked(self, index: int) -> bool | None:
        return None

    def prompt(self, index: int) -> Content:
        label, earlier = self.texts[index]
        return numbered(index + 1, label, earlier, current=index == self.highlighted,
                        ticked=self.ticked(index))

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """The scrollbar came or went: wrap the options again at the new width (a reused list
        would otherwise keep the wrapping of the list before it, one line too many)."""
        self._clear_caches()  # type: ignore[attr-defined]

    def remark(self, *indexes: int | None) -> None:
        for index in indexes:
            if index is not None and 0 <= index < len(self.texts):
                self.replace_option_prompt_at_index(index, self.prompt(index))  # type: ignore[attr-defined]


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


class OneChoice(NumberedList):
    """A one_of or yes_no question: picking an option answers it."""

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
        self._marked = None
        self.set_options(Option(numbered(i, label, mark, current=i - 1 == start))
                         for i, (label, mark) in enumerate(self.texts, 1))
        self.highlighted = start
        self.scroll_to_highlight()

    def action_select(self) -> None:
        """Enter, a click or a final number key: the highlighted option is the answer.

        One message (not OptionSelected and then Answered), posted to the screen: a dialog
        keeps it, a question screen passes it up to the app."""
        if self.highlighted is not None:
            self.screen.post_message(Answered(self.fact, self.values[self.highlighted]))


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
