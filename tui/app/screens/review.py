"""All answers on one screen; pick one to change it, the engine keeps what is still on the path."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from engine.decide.evaluate import Step, Walk, choices
from engine.model import FactKey, FactType, Value
from tui.app.messages import Answered, Continue
from tui.app.texts import t
from tui.app.widgets.choices import FILTER_FROM, ManyChoice, OneChoice, headings
from tui.app.widgets.keybar import KeyBar


class ReviewScreen(Screen[None]):
    """The steps of the walk; Enter (or a click) on one opens it for a new answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "continue", "Verder"),
        Binding("v", "continue", "Verder", show=False),
        Binding("l", "app.lang", "Taal"),
        Binding("f1", "app.help", "Hulp"),
    ]

    def __init__(self, walk: Walk, lang: str,
                 dropped: tuple[tuple[str, Value], ...] = ()) -> None:
        super().__init__()
        self.walk = walk
        self.lang = lang
        self.dropped = dropped

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(Text(t("review", lang), style="bold"), classes="screen-title")
        yield Static(t("review_hint", lang), id="review-hint")
        yield Static(id="dropped")
        yield OptionList(id="answers")
        yield Static(id="next")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.walk, self.dropped, self.lang)

    def show(self, walk: Walk, dropped: tuple[tuple[str, Value], ...], lang: str) -> None:
        self.walk, self.dropped, self.lang = walk, dropped, lang
        lang = self.lang
        lib = walk.resolution.library
        labels = [lib.facts[FactKey(k)].label.get(lang) for k, _ in dropped]
        box = self.query_one("#dropped", Static)
        box.update(Text(t("dropped", lang, items=", ".join(labels)), style="bold"))
        box.display = bool(dropped)
        answers = self.query_one("#answers", OptionList)
        highlighted = answers.highlighted
        answers.set_options(Option(self._line(i, step, lang))  # each fact once
                            for i, step in enumerate(walk.settled, 1))
        if walk.settled:
            answers.highlighted = min(highlighted or 0, len(walk.settled) - 1)
        pending = walk.pending
        self.query_one("#next", Static).update(
            t("next_open", lang, text=pending.question.text.get(lang)) if pending
            else t("next_done", lang))
        answers.focus()

    def _line(self, number: int, step: Step, lang: str) -> Text:
        fact = self.walk.resolution.library.facts[FactKey(step.question.fact)]
        values = [step.value] if isinstance(step.value, str) else list(step.value)
        line = Text(f"{number:>2}. {step.question.text.get(lang)}\n    → ")
        line.append(", ".join(fact.label_of(v, lang) for v in values) or "-", style="bold")
        line.append(f"  ({t('asked' if step.asked else 'known', lang)})", style="dim")
        return line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        step = self.walk.settled[event.option_index]
        self.app.push_screen(ChangeDialog(self.walk, step, self.lang), self._changed)

    def _changed(self, result: tuple[str, Value] | None) -> None:
        if result is not None:
            self.post_message(Answered(*result))

    def action_continue(self) -> None:
        self.post_message(Continue())


class ChangeDialog(ModalScreen[tuple[str, Value] | None]):
    """One earlier question again, its current answer preselected."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, walk: Walk, step: Step, lang: str) -> None:
        super().__init__(classes="dialog")
        self.walk = walk
        self.step = step
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        q = self.step.question
        fact = self.walk.resolution.library.facts[FactKey(q.fact)]
        options = [(value, label.get(lang)) for value, label in choices(q, fact)]
        many = fact.type is FactType.MANY_OF
        with Vertical(id="dialog"):
            yield Static(Text(t("change", lang), style="bold"), classes="dialog-title")
            yield Static(Text(q.text.get(lang)), id="dialog-text")
            if many:
                yield ManyChoice(q.fact, options, self.step.value, t("earlier", lang))
            else:
                yield OneChoice(q.fact, options, self.step.value, t("earlier", lang),
                                headings(fact, options, lang))
            long = not many and len(options) >= FILTER_FROM
            yield Static(t("many" if many else "one_long" if long else "one", lang),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one(".choices").focus()

    def on_answered(self, event: Answered) -> None:
        event.stop()
        self.dismiss((event.fact, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
