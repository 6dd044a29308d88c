"""engine.startup: the start-up tricks behave as their names say."""

from __future__ import annotations

import gc
import pickle
from datetime import date

from engine.model import Text
from engine.startup import paused_gc


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
