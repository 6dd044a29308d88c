"""Sealed decision records: a change to any field is refused and named; old records replay."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from engine import resolve, walk
from engine.read.schema import is_valid
from engine.record import FIELDS, make_record, read_record, replay, verified
from engine.seal import check, content, sealed
from tests.helpers import load_example

FACTS = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}


def _record() -> dict[str, Any]:
    lib = load_example().library
    return make_record(walk(resolve(lib, date(2026, 3, 1)), "start", FACTS), "9.9.9")


def _other_date(r: dict[str, Any]) -> None:
    r["decision_date"] = "2026-03-02"


def _facts(r: dict[str, Any]) -> None:
    r["facts"]["gevaar"] = "ja"


def _trees(r: dict[str, Any]) -> None:
    r["trees"][0]["sha256"] = "0" * 64


def _steps(r: dict[str, Any]) -> None:
    r["steps"].pop()


def _outcome(r: dict[str, Any]) -> None:
    r["outcome"]["verdict"] = "delen"


def _covenant(r: dict[str, Any]) -> None:
    r["covenant"] = None if r["covenant"] else "voorbeeld 9.9.9"


#: One schema-valid edit per sealed field: each must be refused, naming that field.
EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "schema": lambda r: r.update(schema="https://deelwijzer.nl/schemas/record/1.0.0"),
    "tool_version": lambda r: r.update(tool_version="9.9.8"),
    "decision_date": _other_date,
    "start": lambda r: r.update(start="regel"),
    "trees": _trees,
    "facts": _facts,
    "steps": _steps,
    "outcome": _outcome,
    "grounds": lambda r: r.update(grounds=[]),
    "clauses": lambda r: r.update(clauses=[]),
    "citations": lambda r: r.update(citations=[]),
    "covenant": _covenant,
}


def test_every_field_of_a_record_is_sealed() -> None:
    record = _record()
    assert set(record["seal"]["fields"]) == set(EDITS) == set(FIELDS) - {"seal"}
    assert is_valid(record, "record")
    assert check(record).is_intact


@pytest.mark.parametrize("field", sorted(EDITS))
def test_a_changed_field_is_refused_and_named_at_its_line(field: str, tmp_path: Path) -> None:
    record = _record()
    EDITS[field](record)
    assert record[field] != _record()[field], "the edit must change the field"
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    loaded, problems = read_record(path)
    assert loaded is None
    assert [p.code for p in problems] == ["record.seal"]
    assert f"'{field}' ({FIELDS[field]}) past niet bij het zegel" in str(problems[0])
    line = next(i for i, text in enumerate(path.read_text().splitlines(), start=1)
                if text.startswith(f'  "{field}"'))
    assert problems[0].location.line == line


def test_a_changed_seal_is_named_as_the_seal(tmp_path: Path) -> None:
    record = _record()
    record["seal"]["sha256"] = "f" * 64
    assert check(record).differs == ("seal",)
    edited = _record()
    _outcome(edited)  # the field changed and its own hash recomputed: the whole still differs
    edited["seal"]["fields"]["outcome"] = sealed(edited)["seal"]["fields"]["outcome"]
    assert check(edited).differs == ("seal",)


def test_an_added_or_removed_field_is_named() -> None:
    record = _record()
    del record["citations"]
    assert check(record).differs == ("citations",)
    record = _record()
    record["extra"] = 1
    assert check(record).differs == ("extra",)


def test_key_order_and_layout_do_not_break_a_seal(tmp_path: Path) -> None:
    record = _record()
    shuffled = dict(reversed(list(record.items())))
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(shuffled, indent=7, ensure_ascii=True), encoding="utf-8")
    loaded, problems = read_record(path)
    assert problems == () and loaded is not None


def test_an_unsealed_record_still_replays_marked_unsealed(tmp_path: Path) -> None:
    old = content(_record())
    old["schema"] = "https://deelwijzer.nl/schemas/record/1.0.0"
    del old["grounds"]
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded, problems = read_record(path)
    assert loaded is not None
    assert [(p.code, p.is_error) for p in problems] == [("record.unsealed", False)]
    assert replay(load_example().library, loaded).same


def test_a_new_record_without_its_seal_is_refused_by_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(content(_record())), encoding="utf-8")
    loaded, problems = read_record(path)
    assert loaded is None and "seal" in str(problems[0])


@pytest.mark.parametrize(("edit", "named"), [
    ("steps", "stappen: was 3, nu 4"), ("citations", "bronverwijzingen: was []"),
    ("outcome", "verdict: was 'delen'"), ("grounds", "grondslagen: was []"),
    ("clauses", "clausules: was []")])
def test_replay_names_what_an_unsealed_record_says_differently(edit: str, named: str) -> None:
    record = content(_record())
    EDITS[edit](record)
    result = replay(load_example().library, record)
    assert not result.same
    assert any(line.startswith(named) for line in result.differences), result.differences


def test_a_resealed_forgery_is_refused_by_its_replay() -> None:
    forged = copy.deepcopy(_record())
    _outcome(forged)
    forged = sealed(forged)
    assert check(forged).is_intact, "anyone can recompute a seal: it has no secret"
    again, problems = verified(load_example().library, forged, "besluit.json")
    assert again is None
    assert [p.code for p in problems] == ["record.replay"]
    assert "verdict: was 'delen', nu 'delen_mits'" in str(problems[0])
