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


def numbered(number: int, text: str, earlier: str | None = None) -> Content:
    """An option's line: its number, its text, and a mark when it was the earlier answer."""
    line = f"{number:>2}. {text}"
    return Content(f"{line}  ({earlier})" if earlier else line)


class NumberedList(OptionList):
    """An option list whose options are numbered: typing a number picks that option."""

    _digits = ""

    def on_key(self, event: events.Key) -> None:
        if not (event.character or "").isdigit():
            return
        event.stop()
        event.prevent_default()
        self._digits, index, final = number_key(self._digits, event.character or "",
                                                self.option_count)
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
        self.set_options(Option(numbered(i, label, earlier if value == preselect else None))
                         for i, (value, label) in enumerate(options, 1))
        start = self.values.index(preselect) if isinstance(preselect, str) and \
            preselect in self.values else 0
        self.highlighted = start
        self.scroll_to_highlight()

    def action_select(self) -> None:
        """Enter, a click or a final number key: the highlighted option is the answer.

        One message (not OptionSelected and then Answered), posted to the screen: a dialog
        keeps it, a question screen passes it up to the app."""
        if self.highlighted is not None:
            self.screen.post_message(Answered(self.fact, self.values[self.highlighted]))


class ManyChoice(SelectionList[str]):
    """A many_of question: space or a number toggles, Enter confirms the selection."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "confirm", "Bevestig", show=True)]

    def __init__(self, fact: str, options: Sequence[tuple[str, str]], preselect: Value | None,
                 earlier: str) -> None:
        self.fact = fact
        self.values = [value for value, _ in options]
        self._digits = ""
        chosen = set(preselect) if isinstance(preselect, tuple) else set()
        super().__init__(*(Selection(numbered(i, label, earlier if value in chosen else None),
                                     value, value in chosen)
                           for i, (value, label) in enumerate(options, 1)), classes="choices")

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
