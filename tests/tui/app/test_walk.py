"""Walk the shipped trees end to end in the app: keyboard, arrows, mouse, back, review."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from textual.widgets import Static

from engine import LoadResult, Verdict, resolve, walk
from engine.cases import Case
from engine.decide.session import Session, answer
from tests.tui.app.conftest import SIZE
from tests.tui.app.walking import answer_by_keys, choices_widget, shipped_cases, walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.question import QuestionScreen
from tui.app.screens.result import ResultScreen
from tui.app.screens.review import ChangeDialog, ReviewScreen
from tui.app.screens.start import StartScreen
from tui.app.widgets.keybar import KeyBar

MakeApp = Callable[..., DeelwijzerApp]


def screen_text(app: DeelwijzerApp) -> str:
    """Everything the Static widgets of the current screen show, as plain text."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def by_verdict(shipped: LoadResult, verdict: str) -> Case:
    """The case with the shortest walk that expects `verdict` (texts may change, shape not)."""
    found = [c for c in shipped_cases(shipped.library) if c.expect and
             c.expect["verdict"] == verdict]
    assert found, f"no shipped case expects {verdict}"
    return min(found, key=lambda c: (len(c.facts), c.id))


@pytest.mark.parametrize("verdict", [v.value for v in Verdict])
async def test_keyboard_walk_reaches_each_verdict(make_app: MakeApp, shipped: LoadResult,
                                                  verdict: str) -> None:
    case = by_verdict(shipped, verdict)
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        assert app.walk is not None and app.walk.outcome is not None
        assert app.walk.outcome.verdict.value == verdict == case.expect["verdict"]  # type: ignore[index]
        banner = str(app.screen.query_one("#banner", Static).render())
        icon = {"delen": "[✓]", "delen_mits": "[!]", "niet_delen": "[✗]", "advies": "[?]"}
        assert banner.startswith(icon[verdict])
        # the app asked exactly what the engine needed: same outcome as a direct walk
        direct = walk(app.state.resolution, case.start, case.facts)
        assert direct.outcome == app.walk.outcome


async def test_arrow_keys_and_mouse_give_the_same_outcome(make_app: MakeApp,
                                                          shipped: LoadResult) -> None:
    case = by_verdict(shipped, "delen_mits")
    outcomes = []
    for how in ("arrows", "mouse"):
        app = make_app(on=case.date, start=case.start)
        async with app.run_test(size=SIZE) as pilot:
            if isinstance(app.screen, ConfirmDialog):  # the first run left a walk to resume
                await pilot.press("n")
            # the start menu's first row is "Nieuwe vraag" (+1: the menu's top border)
            assert await pilot.click("#start-menu", offset=(6, 1))
            await pilot.pause()
            if isinstance(app.screen, ConfirmDialog):  # "your unfinished walk is discarded"
                assert await pilot.click("#yes")
                await pilot.pause()
            await walk_case(pilot, app, case, how=how)
            assert isinstance(app.screen, ResultScreen)
            assert app.walk is not None
            outcomes.append(app.walk.outcome)
    assert outcomes[0] is not None and outcomes[0] == outcomes[1]


async def test_many_of_question_by_keyboard(make_app: MakeApp, shipped: LoadResult) -> None:
    lib = shipped.library

    def asks_many(case: Case) -> bool:
        on_path = walk(resolve(lib, case.date), case.start, case.facts).facts
        return any(isinstance(v, tuple) and len(v) > 1 for v in on_path.values())

    many = [c for c in shipped_cases(lib) if asks_many(c)]
    assert many, "no shipped case answers a many_of question with two values"
    case = min(many, key=lambda c: (len(c.facts), c.id))
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert app.walk is not None and app.walk.outcome is not None
        assert app.walk.outcome.verdict.value == case.expect["verdict"]  # type: ignore[index]
        assert any(isinstance(v, tuple) and len(v) > 1 for v in app.walk.facts.values())


async def test_back_takes_the_last_answer_and_preselects_it(make_app: MakeApp,
                                                            shipped: LoadResult) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        first = app.walk.pending.question.fact  # type: ignore[union-attr]
        await answer_by_keys(pilot, app, case.facts[first])
        second = app.walk.pending.question.fact  # type: ignore[union-attr]
        assert second != first
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is not None and first not in app.session.answers
        assert app.session.remembered[first] == case.facts[first]
        widget = choices_widget(app)
        assert widget.highlighted is not None
        assert widget.option_of(widget.highlighted) == widget.values.index(
            case.facts[first])  # type: ignore[arg-type]
        assert "eerder gekozen" in str(widget.get_option_at_index(widget.highlighted).prompt)
        await pilot.press("t")  # back on the first question: to the start screen
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_question_shows_progress_path_and_why(make_app: MakeApp,
                                                    shipped: LoadResult) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        first = app.walk.pending.question  # type: ignore[union-attr]
        await answer_by_keys(pilot, app, case.facts[first.fact])
        progress = str(app.screen.query_one("#progress", Static).render())
        assert "Stap 2" in progress and "1 beantwoord" in progress
        label = shipped.library.facts[first.fact].label.nl
        assert label in str(app.screen.query_one("#path", Static).render())
        question = app.walk.pending.question  # type: ignore[union-attr]
        title = app.screen.query_one("#why", Static)
        text = app.screen.query_one("#why-text", Static)
        assert title.display == (question.why is not None)
        if question.why is not None:
            assert "▸ Waarom deze vraag?" in str(title.render()) and not text.display
            await pilot.press("w")
            assert "▾" in str(title.render()) and text.display
            assert question.why.text.nl.split()[0] in str(text.render())
            await pilot.click("#why")  # the title closes it again
            assert not text.display


async def test_changing_an_answer_keeps_the_path_and_names_what_dropped(
        make_app: MakeApp, shipped: LoadResult) -> None:
    case = max((c for c in shipped_cases(shipped.library) if c.start == "mensenhandel"),
               key=lambda c: (len(c.facts), c.id))
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        before = app.session
        assert before is not None and len(before.answers) >= 3
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        # change the first answer to another value; the engine decides what is dropped
        assert app.walk is not None
        first = app.walk.questions[0]
        fact = shipped.library.facts[first.question.fact]
        # the first other value that leaves the path (with many questions, a neighbouring
        # organisation may share the whole path; which one leaves it is the engine's answer)
        revisions = ((v, answer(app.state.resolution, before, first.question.fact, v))
                     for v in fact.values if v != first.value)
        other, expected = next((v, r) for v, r in revisions if r.dropped)
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChangeDialog)
        await answer_by_keys(pilot, app, other)
        assert isinstance(app.screen, ReviewScreen)
        assert app.session == expected.session
        assert expected.dropped, "changing the first answer should drop something here"
        dropped = str(app.screen.query_one("#dropped", Static).render())
        assert dropped.startswith("Vervallen")
        for key, _ in expected.dropped:
            assert shipped.library.facts[key].label.nl in dropped  # type: ignore[index]
        await pilot.press("escape")  # on to the open question or the outcome
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen | ResultScreen)
        assert (app.walk.pending is None) == isinstance(app.screen, ResultScreen)


async def test_language_switch_is_remembered(make_app: MakeApp, shipped: LoadResult) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        question = app.walk.pending.question  # type: ignore[union-attr]
        assert question.text.nl in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert (question.text.en or question.text.nl) in screen_text(app)
        assert "Back" in str(app.screen.query_one(KeyBar).render())
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        assert again.lang == "en"
        assert "Decision date" in screen_text(again)


async def test_light_theme_is_remembered_and_keys_are_clickable(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.press("n")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = str(bar.render())
        column = text.index("esc")  # click the "esc Terug" key with the mouse
        assert await pilot.click(KeyBar, offset=(column + 1 + 1, 0))  # +1: the bar's padding
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    again = make_app()
    async with again.run_test(size=SIZE):
        assert again.theme == "textual-light"


async def test_help_and_palette_offer_the_actions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for word in ("Terug", "Waarom?", "Antwoorden", "Taal", "Hulp", "Casusbestand openen"):
            assert any(title.startswith(word) for title in titles), word
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Toetsen" in text and "[✓] Je mag delen" in text and "Wpg" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_small_terminal_shows_question_and_options(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        widget = choices_widget(app)
        assert widget.region.height >= 5 and widget.region.bottom <= 23
        assert app.screen.query_one("#question", Static).region.height >= 1


def test_session_is_engine_state() -> None:
    """Guard: Session is the engine's, the app keeps no answer state of its own."""
    assert Session.__module__ == "engine.decide.session"


async def test_command_palette_runs_an_action(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Antwoorden", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


@pytest.mark.parametrize("paused", [True, False])
async def test_gc_paused_for_start_up_resumes_with_the_first_screen(
        make_app: MakeApp, paused: bool) -> None:
    """run_app pauses the garbage collector while starting; the app must switch it back on
    (with the start-up objects frozen) once the first screen is there, and only then."""
    was_enabled = gc.isenabled()
    frozen_before = gc.get_freeze_count()
    if paused:
        gc.disable()
    try:
        app = make_app(gc_paused=paused)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert gc.isenabled()
            assert (gc.get_freeze_count() > frozen_before) == paused
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
