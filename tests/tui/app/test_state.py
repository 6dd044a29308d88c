"""tui.app.state: one state object, each thing owned once (the decision date above all)."""

from __future__ import annotations

from datetime import date

from engine import Session, resolve, walk
from engine.model import Value
from tests.helpers import load_example
from tui.app.state import AppState


def _state() -> AppState:
    library = load_example().library
    return AppState(resolution=resolve(library, date(2026, 3, 1)), start_tree=library.entry)


def test_changing_the_date_moves_the_session_with_it() -> None:
    state = _state()
    session = state.new_session()
    assert session is not None
    later = state.walking(session, None).at(date(2026, 9, 1))  # type: ignore[arg-type]
    assert later.on == date(2026, 9, 1) and later.session is not None
    assert later.session.on == later.on  # never two dates that disagree
    assert later.walk is None  # the walk of the old date is not kept


def test_facts_from_a_case_start_a_walk_with_them_on_their_date() -> None:
    state = _state().with_facts(on=date(2026, 5, 1), start="start", given={"gevaar": "nee"},
                                title="Casus")
    session = state.new_session()
    assert session == Session(start="start", on=date(2026, 5, 1), given={"gevaar": "nee"})
    assert state.case_title == "Casus"


def test_a_fresh_state_forgets_the_case_but_keeps_date_and_language() -> None:
    state = _state().with_facts(on=date(2026, 5, 1), start="start", given={"gevaar": "nee"},
                                title="Casus")
    fresh = AppState(resolution=state.resolution, lang="en", given=state.given,
                     case_title="x").fresh()
    assert fresh.given == {} and fresh.case_title is None and fresh.lang == "en"
    assert fresh.on == date(2026, 5, 1) and fresh.start_tree == state.library.entry


def test_ticks_stay_with_their_conditions_and_never_move_to_another_outcome() -> None:
    state = _state()
    res = state.resolution
    mits: dict[str, Value] = {"gevaar": "nee", "rol": "arts", "gegevens": ("gezondheid",),
                              "toestemming": "ja", "ontvanger": "gemeente"}
    niet = {**mits, "toestemming": "nee"}
    del niet["ontvanger"]
    session = Session(start="start", on=state.on, answers=mits)
    ticked = state.walking(session, walk(res, "start", {}, mits)).ticked(0, True)
    assert ticked.filing.checked == {0}
    pending = ticked.walking(session, walk(res, "start", {}, {"gevaar": "nee"}))
    assert pending.filing.checked == {0}  # on a question again (back): the ticks wait
    same = pending.walking(session, walk(res, "start", {}, mits))
    assert same.filing.checked == {0}
    other = same.walking(session, walk(res, "start", {}, niet))
    assert other.filing.checked == frozenset()
    assert other.fresh().filing.is_empty
