"""A workshop's group folder: one results file per seat, and the trainer's pace file.

Every participant's app writes only its own `<seat>.json` (inputs only: predictions and
answers); the trainer's app writes `trainer.json` (which scenario, frozen or not). Everything
else in the folder is ignored, so a group folder can live on a shared disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from engine.errors import DeelwijzerError
from engine.practice.results import Results, check_seat, from_data, to_data
from tui.shared.atomic import write_atomic

TRAINER = "trainer.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class Pace:
    """What the trainer has set: the scenario the room is on, and whether predictions are
    frozen (the room then sees the spread; participants walk and see the reveal)."""

    scenario: str | None = None
    frozen: bool = False


def results_path(folder: Path, seat: str) -> Path:
    return folder / f"{check_seat(seat)}.json"


def free_seat(folder: Path, seat: str) -> str:
    """`seat`, or when its file exists the first free `seat-2`, `seat-3` ..."""
    if not results_path(folder, seat).exists():
        return seat
    number = 2
    while results_path(folder, f"{seat}-{number}").exists():
        number += 1
    return f"{seat}-{number}"


def earlier_results(folder: Path, seat: str) -> Results | None:
    """What this seat wrote before, or None (no file, or one that cannot be read)."""
    path = results_path(folder, seat)
    try:
        return read_results(path) if path.is_file() else None
    except DeelwijzerError:
        return None


def write_results(folder: Path, results: Results) -> None:
    text = json.dumps(to_data(results), ensure_ascii=False, indent=2, sort_keys=True)
    write_atomic(results_path(folder, results.seat), text + "\n")


def read_results(path: Path) -> Results:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DeelwijzerError(f"{path.name}: niet te lezen ({exc})") from exc
    return from_data(data, path.name)


def read_group(folder: Path) -> tuple[list[tuple[str, Results]], list[str]]:
    """Every participant's results in `folder`, and what could not be read (with the reason)."""
    if not folder.is_dir():
        raise DeelwijzerError(f"groepsmap niet gevonden: {folder} / group folder not found")
    found: list[tuple[str, Results]] = []
    skipped: list[str] = []
    for path in sorted(folder.glob("*.json")):
        if path.name == TRAINER:
            continue
        try:
            found.append((path.name, read_results(path)))
        except DeelwijzerError as exc:
            skipped.append(str(exc))
    return found, skipped


def signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, change time and size of every results file: equal means nothing new to sum up."""
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            info = path.stat()
        except OSError:
            continue
        if path.name != TRAINER:
            out.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(out)


def read_pace(folder: Path) -> Pace:
    """The trainer's pace; a missing or damaged file means: no trainer, free pace."""
    try:
        data = json.loads((folder / TRAINER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Pace()
    if not isinstance(data, dict):
        return Pace()
    scenario = data.get("scenario")
    return Pace(scenario=scenario if isinstance(scenario, str) else None,
                frozen=data.get("frozen") is True)


def write_pace(folder: Path, pace: Pace) -> None:
    write_atomic(folder / TRAINER, json.dumps(
        {"scenario": pace.scenario, "frozen": pace.frozen}, indent=2) + "\n")
