"""The group folder: every seat's results read, what cannot be read named, the trainer's pace."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import DeelwijzerError
from engine.model import Verdict
from engine.practice.results import Results
from engine.practice.score import Attempt, Prediction
from tests.engine.practice.fixtures import GROUP, ON
from tui.shared.group import (
    Pace,
    earlier_results,
    free_seat,
    read_group,
    read_pace,
    signature,
    write_pace,
    write_results,
)


def test_read_group_reads_every_seat_and_names_what_it_skips() -> None:
    found, skipped = read_group(GROUP)
    assert [name for name, _ in found] == ["1.json", "2.json", "andere-set.json", "vos.json"]
    assert len(skipped) == 1 and skipped[0].startswith("kapot.json: niet te lezen")
    assert read_pace(GROUP) == Pace(scenario="zonder-toestemming", frozen=True)


def test_results_are_written_per_seat_and_read_back(tmp_path: Path) -> None:
    results = Results(seat="tafel-3", set="oefen", on=ON, attempts={"gewoon": Attempt(
        scenario="gewoon", prediction=Prediction(verdict=Verdict.ADVIES))})
    write_results(tmp_path, results)
    write_pace(tmp_path, Pace(scenario="gewoon"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tafel-3.json", "trainer.json"]
    assert read_group(tmp_path) == ([("tafel-3.json", results)], [])
    assert read_pace(tmp_path) == Pace(scenario="gewoon", frozen=False)


def test_a_missing_group_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DeelwijzerError, match="groepsmap niet gevonden"):
        read_group(tmp_path / "nergens")
    assert read_pace(tmp_path / "nergens") == Pace()


def test_the_signature_changes_when_a_seat_writes(tmp_path: Path) -> None:
    write_pace(tmp_path, Pace(scenario="gewoon"))
    empty = signature(tmp_path)
    assert empty == ()  # the trainer's own file does not count
    write_results(tmp_path, Results(seat="1", set="oefen", on=ON, attempts={}))
    one = signature(tmp_path)
    assert [name for name, _, _ in one] == ["1.json"]
    write_results(tmp_path, Results(seat="1", set="oefen", on=ON, attempts={"gewoon": Attempt(
        scenario="gewoon", prediction=Prediction(verdict=Verdict.DELEN))}))
    assert signature(tmp_path) != one


def test_a_used_seat_gets_the_next_free_name_and_its_results_back(tmp_path: Path) -> None:
    assert free_seat(tmp_path, "7") == "7"
    write_results(tmp_path, Results(seat="7", set="oefen", on=ON, attempts={}))
    write_results(tmp_path, Results(seat="7-2", set="oefen", on=ON, attempts={}))
    assert free_seat(tmp_path, "7") == "7-3"
    assert earlier_results(tmp_path, "7") == Results(seat="7", set="oefen", on=ON, attempts={})
    assert earlier_results(tmp_path, "8") is None
    (tmp_path / "9.json").write_text("{kapot", encoding="utf-8")
    assert earlier_results(tmp_path, "9") is None
