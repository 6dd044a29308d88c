"""The trainer's screen, for the projector: the room's pace, the spread, the class overview.

High contrast, large figures, a capped line width. It reads the group folder every few seconds
and writes only the pace file (which scenario, frozen or not)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Static

from engine.model import Library
from engine.practice.overview import Overview
from engine.practice.report import bars, headline, percent, to_text
from engine.practice.scenario import ScenarioSet
from engine.words import say
from tui.app.widgets.keybar import KeyBar
from tui.shared.group import Pace

REFRESH_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainerView:
    """The room as the app reads it from the group folder, summed up by the engine."""

    lang: str
    library: Library
    overview: Overview
    pace: Pace


class TrainerScreen(Screen[None]):
    """Keys: → / ← the room's scenario, f freeze (then the spread shows), a answer, o overview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,n", "following", "Volgende"),
        Binding("left,p", "previous", "Vorige"),
        Binding("f", "freeze", "Vastzetten"),
        Binding("a", "answer", "Antwoord"),
        Binding("o", "overview", "Overzicht"),
        Binding("escape", "app.pop_screen", "Terug"),
    ]

    def __init__(self, scenario_set: ScenarioSet, view: Callable[[], TrainerView],
                 write_pace: Callable[[Pace], None]) -> None:
        super().__init__(classes="projector")
        self.set = scenario_set
        self.view = view
        self.write_pace = write_pace
        self.showing_answer = False
        self.showing_overview = False

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static(id="projector-title")
            yield Digits(id="projector-count")
            with VerticalScroll(id="projector-body"):
                yield Static(id="projector-text")
        yield KeyBar()

    def on_mount(self) -> None:
        view = self.view()
        if view.pace.scenario is None and self.set.scenarios:
            self.write_pace(Pace(scenario=self.set.scenarios[0].id))
        self.show()
        self.set_interval(REFRESH_SECONDS, self.show)

    def show(self) -> None:
        view = self.view()
        lang, ov = view.lang, view.overview
        title = self.query_one("#projector-title", Static)
        body = self.query_one("#projector-text", Static)
        count = self.query_one("#projector-count", Digits)
        if self.showing_overview:
            heading = say("practice.overview_title", lang, date=ov.on.isoformat())
            title.update(Text(heading, style="bold"))
            count.update(percent(ov.correct, ov.predictions))
            body.update(Text(to_text(ov, view.library, lang)))
            return
        summary = next((s for s in ov.scenarios if s.scenario.id == view.pace.scenario), None)
        if summary is None:
            title.update(say("practice.no_scenario", lang))
            return
        index = [s.id for s in self.set.scenarios].index(summary.scenario.id) + 1
        title.update(Text(f"{index}. {summary.scenario.title.get(lang)}", style="bold"))
        count.update(f"{summary.predicted}/{ov.participants}")
        count_line = say("practice.predicted_count", lang, n=summary.predicted,
                         of=ov.participants)
        text = Text(count_line + "\n\n")
        if view.pace.frozen:  # the spread only once the predictions are fixed
            text.append(say("practice.frozen_room", lang) + "\n\n", style="bold")
            spread = bars(summary, lang, width=40, mark=self.showing_answer)
            text.append("\n".join(spread) + "\n\n")
        else:
            text.append(say("practice.open_room", lang) + "\n\n")
        if self.showing_answer:
            out = summary.verdict
            text.append(say(f"verdict.{out.value}", lang) + " — ", style="bold")
            text.append(say(f"regime.{summary.regime}", lang) + "\n")
            share = percent(summary.correct, summary.predicted)
            text.append(say("practice.share_right", lang, pct=share, angst=summary.angst,
                            ruim=summary.ruim) + "\n\n")
            text.append(summary.scenario.teaching.get(lang) + "\n\n")
            text.append(summary.scenario.misconception.get(lang), style="italic")
        else:
            text.append("\n".join(headline(ov, lang)[1:]), style="dim")
        body.update(text)

    def action_following(self) -> None:
        self._move(1)

    def action_previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        ids = [s.id for s in self.set.scenarios]
        current = self.view().pace.scenario
        here = ids.index(current) if current in ids else -step
        target = ids[max(0, min(len(ids) - 1, here + step))]
        self.showing_answer = self.showing_overview = False
        self.write_pace(Pace(scenario=target, frozen=False))
        self.show()

    def action_freeze(self) -> None:
        pace = self.view().pace
        self.write_pace(Pace(scenario=pace.scenario, frozen=not pace.frozen))
        self.show()

    def action_answer(self) -> None:
        self.showing_answer = not self.showing_answer
        self.show()

    def action_overview(self) -> None:
        self.showing_overview = not self.showing_overview
        self.show()

