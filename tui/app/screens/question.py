"""One question at a time: text, help, why (with citations), the path so far, the answers."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from engine.decide.evaluate import Walk, choices
from engine.explain.justification import cite, once
from engine.model import FactKey, FactType, Value
from tui.app.messages import WentBack
from tui.app.texts import t
from tui.app.widgets.choices import FILTER_FROM, ManyChoice, OneChoice, headings
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.text import cited_text, path_text


class QuestionScreen(Screen[None]):
    """Shows the walk's pending question; the app calls `show` after every answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug"),
        Binding("t", "back", "Terug", show=False),
        Binding("w", "why", "Waarom?"),
        Binding("r", "app.review", "Antwoorden"),
        Binding("l", "app.lang", "Taal"),
        Binding("f1", "app.help", "Hulp"),
        Binding("question_mark", "app.help", "Hulp", show=False),
    ]

    def __init__(self, walk: Walk, preselect: Value | None, lang: str) -> None:
        super().__init__()
        self.walk = walk
        self.preselect = preselect
        self.lang = lang
        self._shown: dict[str, Text | str] = {}
        self.why_open = False  # stays as the user left it, from question to question

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        yield Static(id="path")
        yield Static(id="question")
        with VerticalScroll(id="question-body"):
            yield Static(id="question-help")
            yield Static(id="why")  # a clickable title: 'w' or a click opens and closes it
            yield Static(id="why-text")
        yield Static(id="choose-hint")
        yield Vertical(id="choices-box")  # the list sizes to its options, at most this box
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.walk, self.preselect, self.lang)

    def on_resize(self) -> None:
        """On a short terminal the trail and the margins give their lines to the answers."""
        self.set_class(self.size.height < 30, "short")
        self.call_after_refresh(self.fit)

    def fit(self, again: bool = True) -> None:
        """Give the answer list every line it needs, taken from the help and why-panel first
        (they scroll, or shrink to nothing): an option is never out of sight while the screen
        can hold them all."""
        lists = self.query(".choices")
        if not lists:
            return
        box = self.query_one("#choices-box", Vertical)
        fixed = sum(self.query_one(f"#{name}").outer_size.height
                    for name in ("progress", "path", "question", "choose-hint"))
        left = self.size.height - fixed - 2  # the key bar, and the least the why-panel keeps
        options = lists.first()
        width = max(10, self.size.width - 6)  # the list's margin, border and padding
        need = options.get_content_height(self.size, self.size, width) + 2  # and the border
        now = box.outer_size.height
        if now == need and options.max_scroll_y:  # lines wrapped narrower than measured
            need += options.max_scroll_y
        height = max(3, min(need, left))
        if need > left and self.why_open:  # it scrolls anyway: share the lines with the why
            height = max(5, left // 2)
        if height != now:
            box.styles.height = height
            if again:  # measure once more when laid out (wrapping may differ by a line)
                self.call_after_refresh(self.fit, False)

    def show(self, walk: Walk, preselect: Value | None, lang: str) -> None:
        """Display `walk`'s pending question, preselecting an earlier answer if there is one."""
        self.walk, self.preselect, self.lang = walk, preselect, lang
        pending = walk.pending
        if pending is None:
            return
        lang = self.lang
        lib = walk.resolution.library
        q = pending.question
        fact = lib.facts[FactKey(q.fact)]
        asked, settled = len(walk.asked), len(walk.settled)  # each fact counted once
        self._put("#progress", Text(t("progress", lang, step=settled + 1, asked=asked,
                                      known=settled - asked)))
        self._put("#path", path_text(walk, lang))
        self._put("#question", Text(q.text.get(lang), style="bold"))
        self._put("#question-help", Text(q.help.get(lang) if q.help else ""))
        self._show_why()
        many = fact.type is FactType.MANY_OF
        long = len(fact.values) >= FILTER_FROM and not many
        self._put("#choose-hint", Text(t("many" if many else "one_long" if long else "one",
                                         lang)))
        options = [(value, label.get(lang)) for value, label in choices(q, fact)]
        grouped = headings(fact, options, lang)
        widget = self.query(".choices").first() if self.query(".choices") else None
        if isinstance(widget, OneChoice) and not many:  # cheaper than a new widget
            widget.reset(q.fact, options, preselect, t("earlier", lang), grouped)
        else:
            if widget is not None:
                widget.remove()
            widget = ManyChoice(q.fact, options, preselect, t("earlier", lang)) if many else \
                OneChoice(q.fact, options, preselect, t("earlier", lang), grouped)
            self.query_one("#choices-box", Vertical).mount(widget)
        if isinstance(widget, OneChoice):
            widget.nothing = t("search_none", lang)
        widget.focus()
        self.query_one("#question-body", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self.fit)

    def _show_why(self) -> None:
        """The why panel: its title (▸ closed, ▾ open); when open, its text and citations."""
        pending = self.walk.pending
        why = pending.question.why if pending is not None else None
        title, text = self.query_one("#why", Static), self.query_one("#why-text", Static)
        title.display = why is not None
        text.display = why is not None and self.why_open
        if why is None:
            return
        lang = self.lang
        mark = "▾" if self.why_open else "▸"
        self._put("#why", f"[@click=screen.why]{mark} {escape(t('why', lang))}[/]  "
                          f"[dim](w)[/]")
        if self.why_open:
            body = Text(why.text.get(lang) + "\n")
            body.append_text(cited_text(once(cite(self.walk.resolution.library, c, lang)
                                             for c in why.citations), lang))
            self._put("#why-text", body)

    def _put(self, selector: str, text: Text | str) -> None:
        """Update a Static only when its text changed: fewer widgets to lay out and paint."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(text)

    def action_back(self) -> None:
        self.post_message(WentBack())

    def action_why(self) -> None:
        self.why_open = not self.why_open
        self._show_why()
        self.call_after_refresh(self.fit)
