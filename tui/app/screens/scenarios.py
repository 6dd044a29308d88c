"""Practice: the list of scenarios, and one scenario's story with the prediction."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from engine.model import Regime, Verdict
from engine.practice.scenario import Scenario, ScenarioSet
from engine.practice.score import Attempt, Prediction, Score, total
from engine.practice.words import regime_word, verdict_word
from engine.words import say
from tui.app.messages import ParticipantDone, Predicted, ScenarioChosen, WalkScenario
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.widgets.choices import NumberedList, numbered
from tui.app.widgets.keybar import KeyBar
from tui.shared.group import Pace

PACE_SECONDS = 2.0  # how often a participant's screen looks at the trainer's pace file


@dataclass(frozen=True, slots=True, kw_only=True)
class PracticeView:
    """What the practice screens show; the app builds it from the round and the pace file."""

    lang: str
    set: ScenarioSet
    seat: str | None
    attempts: Mapping[str, Attempt]
    scores: Mapping[str, Score]  # scenarios walked, scored by the engine
    pace: Pace
    live: bool  # a group folder: look at the trainer's pace now and then
    kiosk: bool

    def attempt(self, scenario_id: str) -> Attempt:
        return self.attempts.get(scenario_id) or Attempt(scenario=scenario_id)


class ScenarioListScreen(Screen[None]):
    """The set: each scenario with its state (predicted, score), the set's score so far."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Terug"),
        Binding("l", "app.lang", "Taal"),
        Binding("f1", "app.help", "Hulp"),
    ]

    def __init__(self, view: Callable[[], PracticeView]) -> None:
        super().__init__(classes="practice")
        self.view = view  # asked again whenever shown: the round changes under it

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="practice-head"):
            yield Static(id="practice-title", classes="screen-title")
            yield Static(id="practice-about")
        yield NumberedList(id="scenario-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#scenario-list", OptionList).focus()
        if self.view().live:
            self.set_interval(PACE_SECONDS, self.refresh_list)

    def on_screen_resume(self) -> None:
        self.refresh_list()

    async def recompose(self) -> None:  # another language
        await super().recompose()
        self.refresh_list()

    def refresh_list(self) -> None:
        view = self.view()
        lang = view.lang
        options = []
        for i, s in enumerate(view.set.scenarios, 1):
            score = view.scores.get(s.id)
            if score is not None:
                state = say("practice.state_score", lang, points=score.points, max=score.maximum)
            else:
                predicted = view.attempt(s.id).prediction is not None
                state = say("practice.state_predicted", lang) if predicted else ""
            now = f"  ◀ {say('practice.trainer_here', lang)}" if view.pace.scenario == s.id else ""
            text = s.title.get(lang) + (f"  · {state}" if state else "") + now
            options.append(Option(numbered(i, text), id=s.id))
        menu = self.query_one("#scenario-list", OptionList)
        highlighted = menu.highlighted
        menu.set_options(options)
        menu.highlighted = highlighted if highlighted is not None else 0
        menu.border_title = say("practice.choose_scenario", lang)
        points, maximum = total(view.scores.values())
        about = Text()
        if view.set.intro:
            about.append(view.set.intro.get(lang) + "\n\n")
        if view.seat:
            about.append(say("practice.seat_line", lang, seat=view.seat) + "\n")
        about.append(say("practice.set_score", lang, points=points, max=maximum, n=len(view.scores),
                       of=len(view.set.scenarios)), style="bold")
        self.query_one("#practice-title", Static).update(view.set.title.get(lang))
        self.query_one("#practice-about", Static).update(about)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(ScenarioChosen(str(event.option.id)))

    def action_leave(self) -> None:
        view = self.view()
        if not view.kiosk:
            self.dismiss()
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.post_message(ParticipantDone())

        lang = view.lang
        self.app.push_screen(ConfirmDialog(say("practice.next_participant_q", lang),
                                           say("practice.yes", lang), say("practice.no", lang)),
                             done)


class StoryScreen(Screen[None]):
    """The role, the story and the question; then the prediction, then the walk."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("l", "app.lang", "Taal"),
        Binding("f1", "app.help", "Hulp"),
    ]

    def __init__(self, view: Callable[[], PracticeView], scenario: Scenario) -> None:
        super().__init__(classes="practice")
        self.view = view
        self.scenario = scenario
        self.verdict: Verdict | None = None  # chosen; the regime is still to come
        self.changing = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="story-body"):
            yield Static(id="story")
        yield Static(id="story-state", classes="hint")
        yield NumberedList(id="story-choices", classes="choices")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        if self.view().live:
            self.set_interval(PACE_SECONDS, self.show)

    def on_screen_resume(self) -> None:
        self.show()

    async def recompose(self) -> None:  # another language
        await super().recompose()
        self.show()

    def show(self) -> None:
        view = self.view()
        lang, s = view.lang, self.scenario
        story = Text(s.title.get(lang) + "\n", style="bold")
        story.append(s.role.get(lang) + "\n\n", style="italic")
        story.append(s.story.get(lang) + "\n\n")
        story.append(s.question.get(lang), style="bold")
        self.query_one("#story", Static).update(story)
        attempt = view.attempt(s.id)
        led = view.pace.scenario == s.id  # the trainer leads the room through this scenario
        frozen = led and view.pace.frozen
        locked = bool(attempt.answers) or frozen  # no changing a prediction once walked
        state = Text()
        if attempt.prediction is not None:
            p = attempt.prediction
            law = regime_word(p.regime, lang) if p.regime else say("practice.dont_know", lang)
            state.append(say("practice.your_prediction_is", lang,
                             verdict=verdict_word(p.verdict, lang), regime=law))
        if frozen:
            state.append("  " + say("practice.frozen", lang))
        options, title = self._options(view, attempt, locked, led and not view.pace.frozen, state)
        self.query_one("#story-state", Static).update(state)
        menu = self.query_one("#story-choices", OptionList)
        menu.border_title = title
        if [str(o.id) for o in menu.options] != [str(o.id) for o in options]:
            menu.set_options(options)
            menu.highlighted = 0 if options else None
        menu.display = bool(options)
        menu.focus()

    def _options(self, view: PracticeView, attempt: Attempt, locked: bool, waiting: bool,
                 state: Text) -> tuple[list[Option], str]:
        """The list under the story: a verdict, then a regime, then walk or change."""
        lang = view.lang
        if self.verdict is not None:
            labels = [(f"r:{r.value}", regime_word(r, lang)) for r in Regime]
            labels.append(("r:", say("practice.dont_know", lang)))
            title = say("practice.regime_q_long", lang)
        elif (attempt.prediction is None or self.changing) and not locked:
            labels = [(f"v:{v.value}", verdict_word(v, lang)) for v in Verdict]
            title = say("practice.predict_q", lang)
        else:
            labels = [] if waiting else [("a:walk", say("practice.walk", lang))]
            if not locked:
                labels.append(("a:change", say("practice.change_prediction", lang)))
            if waiting:
                state.append("  " + say("practice.wait_for_trainer", lang))
            title = say("practice.what_now", lang)
        return [Option(numbered(i, text), id=key)
                for i, (key, text) in enumerate(labels, 1)], title

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, value = str(event.option.id).partition(":")
        if kind == "v":
            self.verdict = Verdict(value)
        elif kind == "r" and self.verdict is not None:
            prediction = Prediction(verdict=self.verdict, regime=Regime(value) if value else None)
            self.verdict, self.changing = None, False
            self.post_message(Predicted(self.scenario.id, prediction))
            return  # the app records it and shows this screen again
        elif value == "change":
            self.changing = True
        elif value == "walk":
            self.post_message(WalkScenario(self.scenario.id))
            return
        self.show()
