"""A long answer list is searched: "/" and a few letters keep the options that hold them, each
with its own number; Enter answers, Esc clears; a short list and the screen's keys are as before."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult

from engine import LoadResult
from tests.tui.app.conftest import SIZE
from tui.app.app import DeelwijzerApp
from tui.app.messages import Answered
from tui.app.screens.question import QuestionScreen
from tui.app.widgets.choices import OneChoice

MakeApp = Callable[..., DeelwijzerApp]
ORGS = [("gemeente", "Gemeente"), ("zorgcoordinator", "Zorgcoördinator mensenhandel"),
        ("politie", "Politie"), ("kmar", "Koninklijke Marechaussee"), ("om", "Openbaar Ministerie"),
        ("ind", "Immigratie- en Naturalisatiedienst"), ("riec", "RIEC"), ("coa", "COA"),
        ("uwv", "UWV"), ("bank", "Bank"), ("werkgever", "Werkgever of uitzendbureau")]


class ListApp(App[None]):
    def __init__(self, options: list[tuple[str, str]], headings: list[str | None] | None = None,
                 ) -> None:
        super().__init__()
        self.options = options
        self.headings = headings or []
        self.answers: list[object] = []

    def compose(self) -> ComposeResult:
        yield OneChoice("verstrekker", self.options, None, "eerder", self.headings)

    def on_mount(self) -> None:
        self.query_one(OneChoice).focus()

    def on_answered(self, message: Answered) -> None:
        self.answers.append(message.value)


def shown(app: ListApp) -> list[str]:
    return [str(o.prompt) for o in app.query_one(OneChoice).options]


async def test_slash_and_letters_keep_the_matching_options_with_their_numbers() -> None:
    app = ListApp(ORGS)
    async with app.run_test() as pilot:
        await pilot.press("slash", *"coord")  # no accent needed for 'Zorgcoördinator'
        await pilot.pause()
        assert shown(app) == ["› 2. Zorgcoördinator mensenhandel"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace",
                          *"mar")
        await pilot.pause()
        assert [line.split(".")[0].strip(" ›") for line in shown(app)] == ["4"]
        await pilot.press("escape")  # clears the search: every option again
        await pilot.pause()
        assert len(shown(app)) == len(ORGS) and app.query_one(OneChoice).searching is None
        await pilot.press("slash", *"xyz")
        await pilot.pause()
        assert len(shown(app)) == 1 and app.query_one(OneChoice).highlighted is None
        await pilot.press("enter")  # nothing found: Enter answers nothing
        await pilot.pause()
        assert app.answers == []
        await pilot.press("escape", "slash", *"uwv", "enter")
        await pilot.pause()
        assert app.answers == ["uwv"]


async def test_a_number_still_means_the_options_own_number() -> None:
    app = ListApp(ORGS)
    async with app.run_test() as pilot:
        await pilot.press("slash", *"pol")
        await pilot.press("1", "1")  # option 11, although the search showed only 'Politie'
        await pilot.pause()
        assert app.answers == ["werkgever"]


SECTORS: list[str | None] = ["Gemeente", "Gemeente", "Politie", "Politie", "Politie", "Rijk",
                             "Samen", "Rijk", "Rijk", "Bedrijf", "Bedrijf"]


async def test_headings_stand_above_each_group_and_are_never_chosen() -> None:
    app = ListApp(ORGS, SECTORS)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        lines = shown(app)
        assert lines[:4] == ["── Gemeente", "› 1. Gemeente", "  2. Zorgcoördinator mensenhandel",
                             "── Politie"]
        assert lines.count("── Rijk") == 2  # a heading for each run, never a reordering here
        await pilot.press("down", "down")  # over the heading, onto option 3
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == ["politie"]
        await pilot.press("1", "1")  # numbers are the options' own, headings or not
        await pilot.pause()
        assert app.answers == ["politie", "werkgever"]
        await pilot.press("slash", *"bank")  # a search shows no headings
        await pilot.pause()
        assert shown(app) == ["›10. Bank"]


async def test_the_organisations_are_grouped_by_sector(make_app: MakeApp,
                                                       shipped: LoadResult) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        widget = app.screen.query_one(OneChoice)
        headings = [str(o.prompt) for o in widget.options if o.disabled]
        assert headings[0] == "── Gemeente" and len(headings) >= 5
        assert len(widget.options) == len(widget.values) + len(headings)


async def test_a_short_list_takes_no_search() -> None:
    app = ListApp(ORGS[:3])
    async with app.run_test() as pilot:
        await pilot.press("slash", "p")
        await pilot.pause()
        assert len(shown(app)) == 3 and app.query_one(OneChoice).searching is None


async def test_the_organisations_question_is_searched_and_answered(
        make_app: MakeApp, shipped: LoadResult) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        walk = app.walk
        assert walk is not None and walk.pending is not None
        fact = walk.pending.question.fact
        assert "zoeken: /" in str(app.screen.query_one("#choose-hint").render())
        await pilot.press("slash", *"politie", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.answers[fact] == "politie"


async def test_changing_an_organisation_in_the_review_shows_the_headings_and_search(
        make_app: MakeApp, shipped: LoadResult) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("slash", *"politie", "enter")  # the first answer
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # change the first answer
        await pilot.pause()
        widget = app.screen.query_one(OneChoice)
        assert next(str(o.prompt) for o in widget.options if o.disabled) == "── Gemeente"
        await pilot.press("slash", *"gemeente (")
        await pilot.pause()
        assert [str(o.prompt).strip(" ›") for o in widget.options] == [
            "1. Gemeente (bijvoorbeeld Wmo-consulent, sociaal domein)"]
