"""The app's practice mode: choose a scenario, predict, walk the trees, see the reveal.

The engine scores (engine.practice); this mixin keeps the participant's inputs and writes them
to the group folder, nowhere else. A scenario's walk never goes to the walk-in-progress file;
in kiosk mode nothing at all is written but the group results."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from engine import DeelwijzerError, Library, Session
from engine.errors import error_text, file_error
from engine.words import say
from tui.app.round import Practice, PracticeOptions
from tui.app.screens.dialogs import AskDialog, MessageDialog
from tui.shared.practice import set_names

# The practice code (engine.practice, its screens, the group folder) is imported where it is
# first used: a professional's first question pays nothing for the workshop mode.
if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from engine.practice.overview import Overview
    from engine.practice.scenario import Scenario
    from engine.practice.score import Reveal, Score
    from tui.app.messages import (
        ParticipantDone,
        Predicted,
        RevealLeft,
        ScenarioChosen,
        WalkScenario,
    )
    from tui.app.screens.scenarios import PracticeView
    from tui.app.screens.trainer import TrainerView
    from tui.app.state import AppState
    from tui.shared.group import Pace

    _Base = App[int]
else:
    _Base = object

class PracticeActions(_Base):
    """Mixed into the app: the practice round and everything it writes (only results)."""

    if TYPE_CHECKING:
        state: AppState

        @property
        def lang(self) -> str: ...
        @property
        def library(self) -> Library: ...
        def show_error(self, title: str, lines: list[str]) -> None: ...
        def begin(self, session: Session) -> None: ...

    options: PracticeOptions | None = None
    practice: Practice | None = None
    _summed: tuple[object, Overview] | None = None  # the trainer's overview and its files

    @property
    def kiosk(self) -> bool:
        return self.options is not None and self.options.kiosk

    @property
    def practising(self) -> bool:
        """A scenario's walk is in progress: its answers belong to the attempt."""
        return self.practice is not None and self.practice.current is not None

    def can_practice(self) -> bool:
        """Whether the start menu offers practice: only where there is a scenario set."""
        return self.options is not None and bool(set_names(self.options.trees))

    def pace(self) -> Pace:
        from tui.shared.group import Pace, read_pace  # noqa: PLC0415 - see the imports above

        group = self.options.group if self.options else None
        return read_pace(group) if group is not None else Pace()

    def practice_view(self) -> PracticeView:
        from tui.app.screens.scenarios import PracticeView  # noqa: PLC0415

        practice = self.practice
        assert practice is not None
        return PracticeView(lang=self.lang, set=practice.set, seat=practice.seat,
                            attempts=dict(practice.attempts), scores=self._scores(practice),
                            pace=self.pace(), live=bool(self.options and self.options.group),
                            kiosk=self.kiosk)

    def _scores(self, practice: Practice) -> dict[str, Score]:
        out = {}
        for s in practice.set.scenarios:
            if practice.attempt(s.id).answers and s.id != practice.current:
                try:
                    out[s.id] = self.reveal_of(s).score
                except DeelwijzerError:
                    continue
        return out

    # -- starting ------------------------------------------------------------------------------
    def action_practice(self) -> None:
        from tui.app.screens.scenarios import ScenarioListScreen  # noqa: PLC0415
        from tui.shared.practice import load_set  # noqa: PLC0415

        if self.options is None:
            return
        try:
            scenario_set, _problems = load_set(self.options.trees, self.options.set,
                                               self.library, self.state.on)
        except DeelwijzerError as exc:
            self.show_error(say("practice.practice", self.lang), [error_text(exc, self.lang)])
            return
        if scenario_set.date is not None and scenario_set.date != self.state.on:
            self.state = self.state.at(scenario_set.date)  # a set with its own date: walk on it
        self.practice = Practice(set=scenario_set, seat=None)
        if self.options.trainer:
            from tui.app.screens.trainer import TrainerScreen  # noqa: PLC0415

            self.push_screen(TrainerScreen(scenario_set, self.trainer_view, self.set_pace))
        elif self.options.seat is not None:
            self.take_seat(self.options.seat)
        elif self.options.group is not None:
            self.ask_seat()
        else:
            self.push_screen(ScenarioListScreen(self.practice_view))

    def take_seat(self, seat: str) -> None:
        """Sit down: in kiosk mode a seat already used gets the next free name (7, 7-2, 7-3),
        so no participant overwrites another; elsewhere the seat's earlier results in the group
        folder are picked up again (a reloaded browser page, a restarted app)."""
        from tui.app.screens.scenarios import ScenarioListScreen  # noqa: PLC0415
        from tui.shared.group import earlier_results, free_seat  # noqa: PLC0415

        practice, group = self.practice, self.options.group if self.options else None
        if practice is None:
            return
        practice.seat = seat
        if group is not None and self.kiosk:
            practice.seat = free_seat(group, seat)
        elif group is not None:
            earlier = earlier_results(group, seat)
            if earlier is not None and earlier.set == practice.set.id:
                practice.attempts.update(earlier.attempts)
        self.push_screen(ScenarioListScreen(self.practice_view))

    def ask_seat(self) -> None:
        from engine.practice.results import check_seat  # noqa: PLC0415

        def done(text: str | None) -> None:
            if self.practice is None:
                return
            try:
                seat = check_seat(text or "")
            except DeelwijzerError as exc:
                self.show_error(say("practice.seat_q", self.lang), [error_text(exc, self.lang)])
                self.call_later(self.ask_seat)
                return
            self.take_seat(seat)

        self.push_screen(AskDialog(say("practice.seat_q", self.lang)), done)

    def _scenario(self, scenario_id: str | None) -> Scenario | None:
        return self.practice.set.scenario(scenario_id) if self.practice and scenario_id else None

    def on_scenario_chosen(self, message: ScenarioChosen) -> None:
        from tui.app.screens.scenarios import StoryScreen  # noqa: PLC0415

        scenario = self._scenario(message.scenario)
        if scenario is not None:
            self.end_walk()
            self.push_screen(StoryScreen(self.practice_view, scenario))

    # -- predicting and walking ----------------------------------------------------------------
    def on_predicted(self, message: Predicted) -> None:
        from tui.app.screens.scenarios import StoryScreen  # noqa: PLC0415

        practice = self.practice
        if practice is None:
            return
        attempt = practice.attempt(message.scenario)
        practice.attempts[message.scenario] = replace(attempt, prediction=message.prediction)
        self.write_results()
        if isinstance(self.screen, StoryScreen):
            self.screen.show()

    def on_walk_scenario(self, message: WalkScenario) -> None:
        """Walk the trees from the start, answering from the story: nothing known up front."""
        scenario = self._scenario(message.scenario)
        if self.practice is None or scenario is None:
            return
        self.practice.current = scenario.id
        attempt = self.practice.attempt(scenario.id)
        self.practice.attempts[scenario.id] = replace(attempt, answers={})
        self.begin(Session(start=scenario.start, on=self.state.on, given={}))

    def practice_progress(self, session: Session) -> None:
        """After every answer: the answers on the path are the attempt's answers."""
        practice = self.practice
        if practice is None or practice.current is None:
            return
        attempt = practice.attempt(practice.current)
        practice.attempts[practice.current] = replace(attempt, answers=dict(session.answers))
        self.write_results()

    def reveal_screen(self) -> Screen[None] | None:
        """The screen at the end of a scenario's walk: the trees' answer beside the prediction
        (None, with the reason shown, when the trees cannot answer the scenario)."""
        from tui.app.screens.reveal import RevealScreen  # noqa: PLC0415

        practice = self.practice
        scenario = self._scenario(practice.current if practice else None)
        assert practice is not None and scenario is not None
        ids = [s.id for s in practice.set.scenarios]
        here = ids.index(scenario.id)
        following = ids[here + 1] if here + 1 < len(ids) else None
        try:
            result = self.reveal_of(scenario)
        except DeelwijzerError as exc:
            self.show_error(say("practice.practice", self.lang), [error_text(exc, self.lang)])
            return None
        return RevealScreen(result, self.library, self.lang, following)

    def reveal_of(self, scenario: Scenario) -> Reveal:
        from engine.practice.score import reveal  # noqa: PLC0415

        assert self.practice is not None
        return reveal(self.library, self.state.on, scenario,
                      self.practice.attempt(scenario.id))

    def end_walk(self) -> None:
        """The scenario's walk is over (or left): answers go nowhere any more."""
        if self.practice is not None:
            self.practice.current = None

    async def on_reveal_left(self, message: RevealLeft) -> None:
        from tui.app.screens.scenarios import ScenarioListScreen, StoryScreen  # noqa: PLC0415

        self.end_walk()
        if not any(isinstance(s, ScenarioListScreen) for s in self.screen_stack):
            return
        while not isinstance(self.screen, ScenarioListScreen):
            await self.pop_screen()
        scenario = self._scenario(message.following)
        if scenario is not None:
            self.push_screen(StoryScreen(self.practice_view, scenario))

    async def on_participant_done(self, message: ParticipantDone) -> None:
        """Kiosk: forget this participant entirely; the next one starts clean (and, with a
        fixed seat, in a file of their own: see `take_seat`)."""
        from tui.app.screens.reveal import RevealScreen  # noqa: PLC0415
        from tui.app.screens.scenarios import ScenarioListScreen, StoryScreen  # noqa: PLC0415

        self.practice = None
        while isinstance(self.screen, ScenarioListScreen | StoryScreen | RevealScreen):
            await self.pop_screen()
        self.action_practice()

    def action_story(self) -> None:
        """The story again, during the walk (key s)."""
        scenario = self._scenario(self.practice.current if self.practice else None)
        if scenario is not None:
            lang = self.lang
            self.push_screen(MessageDialog(scenario.title.get(lang), [
                scenario.role.get(lang), "", scenario.story.get(lang), "",
                scenario.question.get(lang)]))

    # -- the trainer ---------------------------------------------------------------------------
    def trainer_view(self) -> TrainerView:
        """The room now: every seat's results in the group folder, summed up by the engine."""
        from engine.practice.overview import overview  # noqa: PLC0415
        from tui.app.screens.trainer import TrainerView  # noqa: PLC0415
        from tui.shared.group import read_group, signature  # noqa: PLC0415

        practice, options = self.practice, self.options
        assert practice is not None and options is not None and options.group is not None
        seen = signature(options.group)
        if self._summed is None or self._summed[0] != seen:  # sum up again only on a change
            try:
                found, _skipped = read_group(options.group)
            except DeelwijzerError:
                found = []
            self._summed = seen, overview(self.library, self.state.on, practice.set, found)
        return TrainerView(lang=self.lang, library=self.library, pace=self.pace(),
                           overview=self._summed[1])

    def set_pace(self, pace: Pace) -> None:
        from tui.shared.group import write_pace  # noqa: PLC0415

        if self.options is None or self.options.group is None:
            return
        try:
            write_pace(self.options.group, pace)
        except OSError as exc:
            self.notify(file_error(self.options.group, exc, "write").text(self.lang),
                        severity="error")

    # -- writing -------------------------------------------------------------------------------
    def write_results(self) -> None:
        """The participant's inputs to `<seat>.json` in the group folder (nothing without one)."""
        from engine.practice.results import Results  # noqa: PLC0415
        from tui.shared.group import write_results  # noqa: PLC0415

        practice, options = self.practice, self.options
        if practice is None or options is None or options.group is None or not practice.seat:
            return
        results = Results(seat=practice.seat, set=practice.set.id, on=self.state.on,
                          attempts=dict(practice.attempts))
        try:
            write_results(options.group, results)
        except OSError as exc:
            self.notify(file_error(options.group, exc, "write").text(self.lang),
                        severity="error")
