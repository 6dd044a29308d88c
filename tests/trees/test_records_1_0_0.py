"""Decision records made on the released 1.0.0 trees keep replaying on 1.0.0, forever.

The records in tests/data/records were made before issue 10 changed anything, through the real
code paths (`vraag --plain` saving its record, and `make_record` on a shipped case). They are
never regenerated: a record a professional saved in 2026 must replay the same in every later
release, however many versions replace the trees it was made on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from engine import load, resolve
from engine.read.paths import conventions_dir, trees_dir
from engine.record import read_record, replay
from tests.helpers import DATA, ROOT
from tui.cli.main import main

RECORDS = sorted((DATA / "records").glob("besluit-1.0.0-*.json"))
LIB = load(trees_dir(), conventions_dir(), base=ROOT).library


def _read(path: Path) -> dict[str, Any]:
    record, problems = read_record(path)
    assert record is not None  # made before seals: read, with the warning that it is unsealed
    assert [(p.code, p.is_error) for p in problems] == [("record.unsealed", False)]
    return record


def test_the_records_were_made_on_the_released_versions() -> None:
    assert len(RECORDS) == 2
    for path in RECORDS:
        assert {t["version"] for t in _read(path)["trees"]} == {"1.0.0"}


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_a_record_made_on_1_0_0_replays_unchanged_on_1_0_0(path: Path) -> None:
    record = _read(path)
    result = replay(LIB, record)
    assert result.changed_trees == ()
    assert result.differences == ()
    assert result.same
    assert [(t.id, t.version) for t in result.walk.trees] == [
        (t["id"], t["version"]) for t in record["trees"]]
    assert result.walk.outcome is not None
    assert result.walk.outcome.id == record["outcome"]["node"]
    assert result.walk.outcome.verdict.value == record["outcome"]["verdict"]


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_the_replay_command_says_same_and_exits_0(path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Gewijzigd" not in out
    assert "Zelfde uitkomst op de vastgelegde boomversies (niet verzegeld record)" in out


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_replay_current_names_every_tree_whose_version_moved_on(path: Path) -> None:
    record = _read(path)
    today = date(2026, 12, 1)
    now = resolve(LIB, today)
    result = replay(LIB, record, today)
    for t in record["trees"]:
        current = now.trees.get(t["id"])
        moved = f"boom '{t['id']}': was versie {t['version']}, nu {current.version}" \
            if current is not None else None
        if current is not None and current.version != t["version"] and any(
                s.id == t["id"] for s in result.walk.trees):
            assert moved in result.differences
        else:
            assert not any(d.startswith(f"boom '{t['id']}'") for d in result.differences)
