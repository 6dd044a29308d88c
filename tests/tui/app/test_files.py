"""Nothing entered is lost: progress saved after every answer, resume, records, exports, errors."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from engine import LoadResult, load
from engine.decide.session import from_data
from engine.record import read_record
from tests.helpers import DATA, ROOT, load_example
from tests.tui.app.conftest import SIZE
from tests.tui.app.test_walk import by_verdict, screen_text
from tests.tui.app.walking import answer_by_keys, shipped_cases, walk_case
from tui.app.app import DeelwijzerApp
from tui.app.screens.dialogs import AskDialog, ConfirmDialog, MessageDialog
from tui.app.screens.question import QuestionScreen
from tui.app.screens.result import ResultScreen
from tui.app.screens.start import StartScreen

MakeApp = Callable[..., DeelwijzerApp]


async def type_into_dialog(pilot: object, app: DeelwijzerApp, text: str) -> None:
    assert isinstance(app.screen, AskDialog)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_progress_is_saved_after_every_answer_and_resumed(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        for _ in range(2):
            if app.walk is None or app.walk.pending is None:
                break
            await answer_by_keys(pilot, app, case.facts[app.walk.pending.question.fact])
            app.saver.flush()  # saving runs in its own thread; wait for it here
            saved = json.loads((data_dir / "gesprek.json").read_text(encoding="utf-8"))
            assert app.session is not None
            assert from_data(saved, app.state.resolution) == app.session
        session, pending = app.session, app.walk.pending if app.walk else None
    # a crash: no clean shutdown matters, the file was written after the answer itself
    assert not list(data_dir.glob(".gesprek.json.*.tmp")), "no half-written files left"
    again = make_app(on=case.date)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmDialog)
        assert "Verder gaan?" in screen_text(again)
        await pilot.press("j")
        await pilot.pause()
        assert again.session == session
        if pending is not None:
            assert isinstance(again.screen, QuestionScreen)
            assert again.walk is not None and again.walk.pending == pending
        else:
            assert isinstance(again.screen, ResultScreen)


async def test_damaged_progress_file_gives_a_dialog_not_a_traceback(
        make_app: MakeApp, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "gesprek.json").write_text(
        json.dumps({"start": "mensenhandel", "on": "2026-11-28",
                    "answers": {"verstrekker": "geen_bestaande_waarde"}}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert "geen_bestaande_waarde" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_save_record_reload_it_and_never_overwrite_silently(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path, data_dir: Path) -> None:
    case = by_verdict(shipped, "niet_delen")
    target = tmp_path / "besluit.json"
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("s")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(target))
        record, problems = read_record(target)
        assert not problems and record is not None
        assert record["outcome"]["verdict"] == "niet_delen"
        first = target.read_bytes()
        # saving again to the same name asks first; "no" leaves the file alone
        await pilot.press("s")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(target))
        assert isinstance(app.screen, ConfirmDialog)
        assert "bestaat al" in screen_text(app)
        await pilot.press("enter")  # Enter is "Nee" on a question that throws away
        await pilot.pause()
        assert target.read_bytes() == first
        facts = app.walk.facts if app.walk else {}
        app.saver.flush()
        assert not (data_dir / "gesprek.json").exists()  # saved: no longer unfinished
    fresh = make_app()
    async with fresh.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(fresh.screen, ConfirmDialog)  # nothing unfinished to offer
        await pilot.press("b")
        await pilot.pause()
        await type_into_dialog(pilot, fresh, str(target))
        assert isinstance(fresh.screen, ResultScreen)
        assert fresh.walk is not None and fresh.walk.outcome is not None
        assert fresh.walk.outcome.verdict.value == "niet_delen"
        assert fresh.walk.facts == facts
        assert str(fresh.screen.query_one("#banner", Static).render()).startswith("[✗]")
        await pilot.press("n", "j")  # start over: a clean walk, not the record's facts
        await pilot.pause()
        assert isinstance(fresh.screen, StartScreen) and not fresh.state.given
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(fresh.screen, QuestionScreen)


async def test_markdown_export_and_copy(make_app: MakeApp, shipped: LoadResult,
                                        tmp_path: Path) -> None:
    case = by_verdict(shipped, "delen")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        await pilot.press("m")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(tmp_path / "uit" / "verantwoording.md"))
        text = (tmp_path / "uit" / "verantwoording.md").read_text(encoding="utf-8")
        assert "Je mag delen" in text and "[✓]" in text
        await pilot.press("c")
        await pilot.pause()
        assert "Je mag delen" in app.clipboard


async def test_docx_export_when_the_covenant_renderer_is_there(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        if not app.can_docx():
            assert not app.screen.query("#do-docx")
            return
        await pilot.click("#do-docx")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(tmp_path / "convenant.docx"))
        assert (tmp_path / "convenant.docx").read_bytes()[:2] == b"PK"


async def test_decision_document_from_the_result(make_app: MakeApp, shipped: LoadResult,
                                                 tmp_path: Path) -> None:
    import docx  # noqa: PLC0415 - only these tests read Word files

    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert app.screen.query("#do-decision")
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")  # the optional fields, left empty
        await pilot.pause()
        await type_into_dialog(pilot, app, str(tmp_path / "besluit.docx"))
    lines = [p.text for p in docx.Document(str(tmp_path / "besluit.docx")).paragraphs]
    assert "[!] Je mag delen, mits je de voorwaarden volgt" in lines[:5]


async def test_no_covenant_is_offered_for_not_sharing(make_app: MakeApp,
                                                      shipped: LoadResult) -> None:
    case = by_verdict(shipped, "niet_delen")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        assert not app.screen.query("#do-docx") and app.screen.query("#do-decision")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)  # no file dialog: nothing to offer


async def test_save_offers_a_full_path_in_the_documents_folder(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path) -> None:
    case = by_verdict(shipped, "delen")
    documents = tmp_path / "Documenten"
    documents.mkdir()
    (documents / f"verantwoording-{case.date.isoformat()}.md").write_text("ouder\n")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)
        offered = app.screen.query_one(Input).value
        # a full path, in the documents folder, next to (not over) the file already there
        assert offered == str(documents / f"verantwoording-{case.date.isoformat()} (2).md")
        await pilot.press("enter")
        await pilot.pause()
        assert Path(offered).read_text(encoding="utf-8").startswith("# Deelwijzer")
        assert any(offered in n.message for n in app._notifications)


async def test_unreadable_case_file_names_file_and_line(make_app: MakeApp,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "casus.yaml"
    bad.write_text("id: x\ntitle: {nl: x}\ndate: '2026-11-28'\nfacts:\n  verstrekker: [a\n",
                   encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(bad))
        assert isinstance(app.screen, MessageDialog)
        assert "casus.yaml:" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_case_file_starts_with_known_facts(make_app: MakeApp, shipped: LoadResult,
                                                 ) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(case=ROOT / case.file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)  # first what the case is about
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)  # every fact known: straight to the outcome
        assert app.walk is not None and not app.walk.asked
        assert app.walk.outcome is not None
        assert app.walk.outcome.verdict.value == "delen_mits"


async def test_a_case_file_shows_its_title_and_rationale_before_the_result(
        make_app: MakeApp) -> None:
    example = load_example()
    app = make_app(example, case=DATA / "example" / "trees" / "start" / "cases" /
                   "agent_nieuw.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        shown = screen_text(app)
        assert "Agent naar gemeente (versie 1.1.0)" in shown
        assert "Versie 1.1.0 vraagt advies." in shown and "01-08-2026" in shown
        assert app.walk is None  # the result waits until the case has been read
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert app.walk is not None and app.walk.outcome is not None
        assert app.walk.outcome.verdict.value == "advies"


async def test_broken_tree_is_reported_and_the_rest_keeps_working(
        make_app: MakeApp, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "trees", tmp_path / "trees")
    shutil.copytree(ROOT / "conventions", tmp_path / "conventions")
    wjsg = next((tmp_path / "trees" / "wjsg").glob("*.yaml"))
    wjsg.write_text(wjsg.read_text(encoding="utf-8").replace("start:", "strat:", 1),
                    encoding="utf-8")
    loaded = load(tmp_path / "trees", tmp_path / "conventions")
    assert loaded.errors
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        text = screen_text(app)
        assert "wjsg" in text and ".yaml:" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "ongeldig" in screen_text(app)
        # only the broken tree is withdrawn: the entry tree that can route into it stays in use
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.walk is not None and app.walk.pending is not None
        assert app.walk.pending.tree.id == "mensenhandel"
        app.pop_screen()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        # a case that starts in a valid tree still works
        case = next(c for c in shipped_cases(loaded.library) if c.start == "avg")
        await pilot.press("o")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(ROOT / case.file))
        assert isinstance(app.screen, MessageDialog)  # first what the case is about
        await pilot.press("enter")
        await pilot.pause()
        assert app.walk is not None and app.walk.outcome is not None
        assert case.expect is not None
        assert app.walk.outcome.verdict.value == case.expect["verdict"]


async def test_bad_date_is_refused_readably(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await type_into_dialog(pilot, app, "31-02-2026")
        assert isinstance(app.screen, MessageDialog)
        assert "DD-MM-JJJJ" in screen_text(app)
        await pilot.press("enter")
        await pilot.press("d")
        await pilot.pause()
        await type_into_dialog(pilot, app, "2027-02-01")
        assert app.state.on.isoformat() == "2027-02-01"
        assert "2027-02-01" in screen_text(app)
        await pilot.press("d")  # as people write dates, day first, too
        await pilot.pause()
        await type_into_dialog(pilot, app, "28-11-2026")
        assert app.state.on.isoformat() == "2026-11-28"


async def test_start_over_and_new_question_ask_before_discarding(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path) -> None:
    case = by_verdict(shipped, "advies")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await walk_case(pilot, app, case)
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("n")  # start over: asked first, "no" keeps everything
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.walk is not None
        app.saver.flush()
        assert (data_dir / "gesprek.json").is_file()
        await pilot.press("n", "j")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.walk is None
        menu = app.screen.query_one("#start-menu", OptionList)
        assert menu.has_focus and menu.highlighted == 0  # on the first choice, ready
        assert not (data_dir / "gesprek.json").exists()
        await pilot.press("n")  # nothing left to lose: straight to the first question
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await answer_by_keys(pilot, app, case.facts[app.walk.pending.question.fact])
        await pilot.press("escape")  # any answer on the path? back to the question...
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")  # ...the saved walk is not thrown away without asking
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


def menu_labels_of(screen: Screen[object]) -> list[str]:
    menu = screen.query_one("#start-menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


def menu_labels(app: DeelwijzerApp) -> list[str]:
    return menu_labels_of(app.screen)


async def test_start_menu_offers_resume_only_when_there_is_a_walk(
        make_app: MakeApp, shipped: LoadResult) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert menu_labels(app) == ["› 1. Nieuwe vraag", "  2. Casusbestand openen",
                                    "  3. Beslisrecord openen", "  4. Beslisdatum wijzigen"]
        assert app.screen.query_one("#start-menu").has_focus
        await pilot.press("enter")  # the first choice is highlighted: Enter starts
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.walk is not None
        first = app.walk.pending.question.fact  # type: ignore[union-attr]
        await answer_by_keys(pilot, app, case.facts[first])
        app.saver.flush()
        session = app.session
    again = make_app(on=case.date)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")  # not now: the start screen, with the walk still there
        await pilot.pause()
        assert isinstance(again.screen, StartScreen)
        assert menu_labels(again)[1:3] == ["  2. Verder waar je was", "  3. Gesprek wissen"]
        await pilot.press("2")  # a number picks a menu line, as it picks an answer
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen) and again.session == session


async def test_back_on_the_start_screen_the_menu_offers_the_walk_left(
        make_app: MakeApp, shipped: LoadResult) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Verder waar je was" not in " ".join(menu_labels_of(app.screen_stack[0]))
        first = app.walk.pending.question.fact  # type: ignore[union-attr]
        await answer_by_keys(pilot, app, case.facts[first])
        app.saver.flush()
        await pilot.press("t", "t")  # take the answer back, then back to the start
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert menu_labels(app)[1] == "  2. Verder waar je was"


async def test_an_edited_record_is_refused_and_an_unsealed_one_flagged(
        make_app: MakeApp, shipped: LoadResult, tmp_path: Path) -> None:
    from engine.decide.evaluate import walk  # noqa: PLC0415
    from engine.decide.versions import resolve  # noqa: PLC0415
    from engine.record import make_record  # noqa: PLC0415
    from engine.seal import content  # noqa: PLC0415

    case = by_verdict(shipped, "niet_delen")
    record = make_record(walk(resolve(shipped.library, case.date), case.start, case.facts), "t")
    edited, unsealed = tmp_path / "gewijzigd.json", tmp_path / "oud.json"
    edited.write_text(json.dumps({**record, "outcome": {**record["outcome"], "verdict": "delen"}}))
    old = {**content(record), "schema": "https://deelwijzer.nl/schemas/record/1.0.0"}
    del old["grounds"]
    unsealed.write_text(json.dumps(old))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(edited))
        assert isinstance(app.screen, MessageDialog)
        assert "past niet bij het zegel" in screen_text(app)
        assert app.walk is None or app.walk.outcome is None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await type_into_dialog(pilot, app, str(unsealed))
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog), app.screen_stack
        assert "geen zegel" in screen_text(app)
        assert app.walk is not None and app.walk.outcome is not None
        assert app.walk.outcome.verdict.value == "niet_delen"


async def test_a_damaged_autosave_is_moved_aside_once_with_a_message(
        make_app: MakeApp, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    nested = "[" * 100_000 + "]" * 100_000  # crashed every start before: RecursionError
    (data_dir / "gesprek.json").write_text(nested)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        aside = data_dir / "gesprek.beschadigd-1.json"
        assert f"apart als {aside}" in screen_text(app).replace("\n", " ")
    assert aside.read_text() == nested and not (data_dir / "gesprek.json").exists()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, StartScreen)


async def test_clearing_the_walk_asks_and_nee_is_the_default(
        make_app: MakeApp, shipped: LoadResult, data_dir: Path) -> None:
    case = by_verdict(shipped, "delen_mits")
    app = make_app(on=case.date, start=case.start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        first = app.walk.pending.question.fact  # type: ignore[union-attr]
        await answer_by_keys(pilot, app, case.facts[first])
        app.saver.flush()
        await pilot.press("t", "t")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("3")  # "Gesprek wissen"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Enter is "Nee": nothing is lost
        await pilot.pause()
        assert (data_dir / "gesprek.json").is_file()
        await pilot.press("3", "j")
        await pilot.pause()
        assert not (data_dir / "gesprek.json").exists()
        assert "Verder waar je was" not in " ".join(menu_labels(app))
