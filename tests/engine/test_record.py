"""Decision records reproduce their verdict on the tree versions they name."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from engine import WalkError, resolve, walk
from engine.read.schema import is_valid
from engine.record import make_record, read_record, replay
from tests.helpers import copy_example, load_example

FACTS = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}


def _record(root: Path | None = None) -> dict[str, Any]:
    lib = load_example(root) if root else load_example()
    return make_record(walk(resolve(lib.library, date(2026, 3, 1)), "start", FACTS), "9.9.9")


def test_a_record_holds_ids_versions_hashes_and_fact_values_only() -> None:
    record = _record()
    assert is_valid(record, "record")
    assert record["facts"] == FACTS
    assert [(t["id"], t["version"]) for t in record["trees"]] == [
        ("start", "1.0.0"), ("regel", "1.0.0")]
    assert record["outcome"] == {"tree": "regel", "node": "wpg16", "verdict": "delen_mits",
                                 "regime": "wpg"}


def test_a_record_file_round_trips_and_replays_the_same(tmp_path: Path) -> None:
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(_record()), encoding="utf-8")
    loaded, problems = read_record(path)
    assert problems == () and loaded is not None
    result = replay(load_example().library, loaded)
    assert result.same and result.walk.outcome is not None


def test_replay_pins_versions_even_when_a_newer_one_is_in_force() -> None:
    record = _record()
    record["decision_date"] = "2026-03-01"
    pinned_result = replay(load_example().library, record)
    assert pinned_result.same
    now = replay(load_example().library, record, today=date(2026, 8, 1))
    assert not now.same
    assert "verdict: was 'delen_mits', nu 'advies'" in now.differences
    assert "boom 'regel': was versie 1.0.0, nu 1.1.0" in now.differences


def test_replay_reports_a_changed_tree_file(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    record = _record(root)
    regel = root / "trees/regel/1.0.0.yaml"
    regel.write_text(regel.read_text().replace("Verstrekking aan de burgemeester kan.",
                                               "Verstrekking kan."))
    result = replay(load_example(root).library, record)
    assert result.changed_trees == ("boom 'regel' versie 1.0.0 is inhoudelijk gewijzigd sinds "
                                    "dit besluit (andere sha256)",)
    assert not result.same


def test_formatting_and_comments_do_not_change_the_hash(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    record = _record(root)
    regel = root / "trees/regel/1.0.0.yaml"
    regel.write_text("# een opmerking\n" + regel.read_text().replace("    kind: outcome",
                                                                       "    kind:   outcome"))
    assert replay(load_example(root).library, record).same


def test_a_removed_version_is_reported_not_crashed(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    record = _record(root)
    shutil.rmtree(root / "trees/regel")  # start's goto now fails the check: start is withdrawn
    with pytest.raises(WalkError, match=r"boom 'start' versie 1\.0\.0 is niet \(meer\)"):
        replay(load_example(root).library, record)


def test_a_damaged_record_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    record = _record()
    record["facts"] = {"gevaar": "Jan Jansen woont op nummer 3"}
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")
    loaded, problems = read_record(path)
    assert loaded is None
    assert problems and problems[0].code == "schema.pattern"
    assert problems[0].location.line > 1
