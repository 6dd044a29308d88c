"""engine.decide.versions: one date view for trees and the covenant, by one in-force rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from engine.decide.versions import covenant_in_force, pinned, resolve
from engine.model import Covenant, Library
from tests.helpers import load_example


def _library_with_two_covenants() -> tuple[Library, Covenant, Covenant]:
    library = load_example().library
    first = replace(library.covenants[0], version="1.0.0", valid_from=date(2026, 1, 1),
                    valid_until=date(2026, 8, 31))
    second = replace(first, version="2.0.0", valid_from=date(2026, 9, 1), valid_until=None)
    return replace(library, covenants=(second, first)), first, second


@pytest.mark.parametrize(("on", "expected"), [
    (date(2026, 1, 1), "1.0.0"), (date(2026, 8, 31), "1.0.0"), (date(2026, 9, 1), "2.0.0"),
    (date(2027, 5, 1), "2.0.0"),
])
def test_the_resolution_carries_the_covenant_in_force(on: date, expected: str) -> None:
    library, _, _ = _library_with_two_covenants()
    covenant = resolve(library, on).covenant
    assert covenant is not None and covenant.version == expected


def test_no_covenant_before_the_first_version() -> None:
    library, _, _ = _library_with_two_covenants()
    assert resolve(library, date(2025, 12, 31)).covenant is None


def test_an_expired_last_covenant_stays_like_an_expired_last_tree() -> None:
    library, first, _ = _library_with_two_covenants()
    only_first = replace(library, covenants=(first,))
    chosen = covenant_in_force(only_first, date(2027, 1, 1))
    assert chosen is not None and chosen.version == "1.0.0"


def test_pinned_keeps_the_covenant_a_record_names() -> None:
    library, first, _ = _library_with_two_covenants()
    named = f"{first.id} {first.version}"
    resolution = pinned(library, date(2026, 10, 1), {}, named)
    assert resolution.covenant is first
    assert pinned(library, date(2026, 10, 1), {}).covenant is not first  # none named: in force
