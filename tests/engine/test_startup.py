"""engine.startup: the start-up tricks behave as their names say."""

from __future__ import annotations

import gc
import pickle
from datetime import date

from engine.model import Text
from engine.startup import paused_gc, shared
from tests.helpers import load_example


def test_paused_gc_restores_the_collector_it_found() -> None:
    assert gc.isenabled()
    with paused_gc() as was_on:
        assert was_on and not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc() as was_on:
            assert not was_on
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_frozen_model_object_survives_a_pickle_round_trip_unchanged() -> None:
    text = Text(nl="Delen", en="Share")
    again = pickle.loads(pickle.dumps(text))
    assert again == text and again is not text and again.get("en") == "Share"
    assert date(2026, 1, 1) == pickle.loads(pickle.dumps(date(2026, 1, 1)))



def test_shared_makes_equal_model_values_one_object_and_changes_nothing_else() -> None:
    result = load_example()
    again = shared(result)
    assert again == result
    assert len(pickle.dumps(again)) < len(pickle.dumps(result))
    first, second = Text(nl="Delen", en="Share"), Text(nl="Delen", en="Share")
    parts = shared((first, second, {"k": first}))
    assert isinstance(parts, tuple)
    assert parts[0] is parts[1] and parts[2]["k"] is parts[0] and parts[0] == first


def test_shared_keeps_each_value_of_its_own_type() -> None:
    flags = shared(((True,), (1,), "1", 1))
    assert flags == ((True,), (1,), "1", 1)
    assert isinstance(flags, tuple)
    assert [type(part[0]) if isinstance(part, tuple) else type(part)
            for part in flags] == [bool, int, str, int]
