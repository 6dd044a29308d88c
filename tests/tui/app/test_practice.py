"""Practice mode in the app: predict, walk, reveal; the group folder; kiosk; the trainer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from engine.practice.results import from_data
from tests.engine.practice.fixtures import GROUP, ON
from tests.helpers import copy_example, load_example, with_scenarios
from tui.app.app import DeelwijzerApp
from tui.app.round import PracticeOptions
from tui.app.screens.question import QuestionScreen
from tui.app.screens.reveal import RevealScreen
from tui.app.screens.scenarios import ScenarioListScreen, StoryScreen
from tui.app.screens.trainer import TrainerScreen
from tui.shared.group import Pace, read_pace, write_pace

SIZE = (100, 40)


def _app(root: Path, **options: object) -> DeelwijzerApp:
    practice = PracticeOptions(trees=root / "trees", start=True, **options)  # type: ignore[arg-type]
    return DeelwijzerApp(load_example(root), ON, practice=practice)


def _text(app: DeelwijzerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _options(app: DeelwijzerApp, selector: str) -> list[str]:
    menu = app.screen.query_one(selector, OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def test_predict_walk_and_reveal_in_kiosk_mode_writes_only_the_results(
        tmp_path: Path, data_dir: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    group = tmp_path / "groep"
    group.mkdir()
    app = _app(root, group=group, seat="7", kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ScenarioListScreen)
        await pilot.press("1")  # the first scenario: 'Een adres voor de politie'
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert "Een man komt bij de balie" in _text(app, "#story")
        await pilot.press("3", "1")  # predict 'niet delen', law AVG
        await pilot.pause()
        assert "niet delen (AVG/UAVG)" in _text(app, "#story-state")
        await pilot.press("l")  # another language: no preference may be written in kiosk mode
        app.theme = "textual-light"
        await pilot.press("1")  # walk the tree
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("1")  # 'Is there acute danger?' yes: the story says no
        await pilot.pause()
        assert isinstance(app.screen, RevealScreen)
        assert "Acute danger: you answered 'Yes'; the story says 'No'." in _text(
            app, "#reveal-differences")
        prediction = _text(app, "#reveal-prediction")
        assert "not right" in prediction and "GDPR anxiety" in prediction
        assert "2 of 4" in _text(app, "#reveal-score")  # law right (1), walk ends at delen (1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ScenarioListScreen)
        assert "score 2/4" in _options(app, "#scenario-list")[0]
    assert not data_dir.exists() or list(data_dir.iterdir()) == []
    assert [p.name for p in group.iterdir()] == ["7.json"]
    results = from_data(json.loads((group / "7.json").read_text(encoding="utf-8")), "7.json")
    attempt = results.attempts["gewoon"]
    assert attempt.prediction is not None and attempt.prediction.verdict.value == "niet_delen"
    assert dict(attempt.answers) == {"gevaar": "ja"}


async def test_practice_never_touches_the_walk_in_progress(tmp_path: Path,
                                                           data_dir: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    app = _app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("2", "3", "4", "1", "2"):  # the second story: niet delen, law unknown,
            await pilot.press(key)             # walk, no acute danger
            await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert not (data_dir / "gesprek.json").exists()


async def test_the_trainer_paces_the_room(tmp_path: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    group = tmp_path / "groep"
    write_pace(group, Pace(scenario="gewoon", frozen=False))
    app = _app(root, group=group, seat="3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "◀" in _options(app, "#scenario-list")[0]  # where the trainer is
        await pilot.press("1", "1", "1")  # predict 'delen', AVG
        await pilot.pause()
        story = app.screen
        assert isinstance(story, StoryScreen)
        assert "Wait until the trainer" not in _text(app, "#story-state")
        assert "Wacht tot de trainer" in _text(app, "#story-state")
        assert not any("Loop de beslisboom" in o for o in _options(app, "#story-choices"))
        write_pace(group, Pace(scenario="gewoon", frozen=True))
        story.show()
        await pilot.pause()
        assert _options(app, "#story-choices") == ["  1. Loop de beslisboom door"]  # › column
        assert "vastgezet" in _text(app, "#story-state")


async def test_trainer_screen_freezes_and_shows_the_spread(tmp_path: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    group = tmp_path / "groep"
    shutil.copytree(GROUP, group)
    write_pace(group, Pace(scenario="gewoon", frozen=False))
    app = _app(root, group=group, trainer=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        assert "3 van 3 deelnemers hebben voorspeld" in _text(app, "#projector-text")
        assert "█" not in _text(app, "#projector-text")  # no spread before the freeze
        await pilot.press("f")
        await pilot.pause()
        assert read_pace(group) == Pace(scenario="gewoon", frozen=True)
        assert "advies vragen           ████" in _text(app, "#projector-text")
        assert "◀" not in _text(app, "#projector-text")  # the spread, not yet the answer
        await pilot.press("a")
        await pilot.pause()
        assert "◀ bomen" in _text(app, "#projector-text")
        assert "Een publieke taak is een grond om te delen." in _text(app, "#projector-text")
        await pilot.press("right")
        await pilot.pause()
        assert read_pace(group) == Pace(scenario="zonder-toestemming", frozen=False)


async def test_the_start_menu_opens_practice(tmp_path: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    app = DeelwijzerApp(load_example(root), ON,
                        practice=PracticeOptions(trees=root / "trees"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#start-menu", OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        await pilot.press(str(ids.index("practice") + 1))
        await pilot.pause()
        assert isinstance(app.screen, ScenarioListScreen)


async def test_kiosk_starts_clean_for_the_next_participant(tmp_path: Path) -> None:
    root = with_scenarios(copy_example(tmp_path / "set"))
    group = tmp_path / "groep"
    app = _app(root, group=group, seat="7", kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("1", "1", "1", "escape"):  # predict 'delen' (AVG) on the first story
            await pilot.press(key)
            await pilot.pause()
        assert "voorspeld" in _options(app, "#scenario-list")[0]
        await pilot.press("escape", "j")  # done? yes
        await pilot.pause()
        assert isinstance(app.screen, ScenarioListScreen)
        assert all("voorspeld" not in o for o in _options(app, "#scenario-list"))
        for key in ("2", "4", "1"):  # the next participant predicts 'advies' on the second
            await pilot.press(key)
            await pilot.pause()
    assert sorted(p.name for p in group.iterdir()) == ["7-2.json", "7.json"]
    second = from_data(json.loads((group / "7-2.json").read_text(encoding="utf-8")), "7-2")
    assert list(second.attempts) == ["zonder-toestemming"]


async def test_a_seat_comes_back_to_its_own_results(tmp_path: Path) -> None:
    """A reloaded browser page or a restarted app: the seat's answers so far are still there."""
    root = with_scenarios(copy_example(tmp_path / "set"))
    group = tmp_path / "groep"
    shutil.copytree(GROUP, group)
    app = _app(root, group=group, seat="vos")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert all("voorspeld" in o for o in _options(app, "#scenario-list"))
        await pilot.press("1")
        await pilot.pause()
        assert "advies vragen" in _text(app, "#story-state")  # vos.json's prediction


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_the_story_stays_on_screen_above_the_prediction(
        tmp_path: Path, data_dir: Path, size: tuple[int, int]) -> None:
    """Once the list of predictions took the whole screen and hid the story it asks about."""
    root = with_scenarios(copy_example(tmp_path / "set"))
    app = _app(root)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        story = app.screen.query_one("#story-body").region
        menu = app.screen.query_one("#story-choices", OptionList)
        assert story.height >= size[1] // 3, (story, menu.region)
        assert menu.region.y >= story.bottom  # the list under the story, not over it
        assert menu.region.height >= menu.option_count + 2  # every prediction and the border
        assert menu.region.bottom <= size[1] - 1  # above the key bar
