"""Bench rows for the adviser's workbench: path enumeration and `deelwijzer diff`."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from bench.generate import tree_set
from engine import load, resolve
from engine.decide.explore import count

ROOT = Path(__file__).resolve().parent.parent
Row = dict[str, object]


def _median(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paths_rows(repeats: int) -> list[Row]:
    """Enumeration time for a binary tree with n and 2n paths: linear means about 2x."""
    sizes = (8_191, 16_383)  # questions; paths = questions + 1
    times: dict[int, list[float]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        found = {n: load(tree_set(Path(tmp) / str(n), n)) for n in sizes}
        sets = {n: resolve(r.library, date(2026, 12, 1)) for n, r in found.items()}
        for n in sizes:
            assert count(sets[n], "groot") == n + 1
        for _ in range(repeats):  # interleaved, so that a slow spell hits both sizes alike
            for n in sizes:
                times[n].append(_median(partial(count, sets[n], "groot"), 1))
    per = {n: statistics.median(times[n]) for n in sizes}
    small, large = per[sizes[0]], per[sizes[1]]
    growth = large / small
    return [
        {"name": f"paths: enumerate {sizes[1] + 1} paths", "value": round(large * 1000, 1),
         "unit": "ms", "target": "-", "ok": True},
        {"name": "paths: per path", "value": round(large / (sizes[1] + 1) * 1e6, 2),
         "unit": "µs", "target": "-", "ok": True},
        {"name": "paths: 2x paths / 1x paths", "value": round(growth, 2), "unit": "x",
         "target": "<= 2.3", "ok": growth <= 2.3},
    ]


def _previous_trees_commit() -> str | None:
    """The commit before the last one that changed the shipped trees or covenant."""
    done = subprocess.run(["git", "-C", str(ROOT), "log", "--format=%H", "-n", "2", "--",
                           "trees", "conventions"], capture_output=True, text=True, check=False)
    found = done.stdout.split()
    return f"{found[-1]}~1" if done.returncode == 0 and found else None


def diff_rows(repeats: int) -> list[Row]:
    """`deelwijzer diff` of the shipped trees against their previous commit, as a process."""
    before = _previous_trees_commit()
    if before is None:
        return []
    exe = Path(sys.executable).parent / "deelwijzer"
    cmd = [str(exe), "diff", "--before", before, "--format", "json"]

    def once() -> None:
        done = subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        if done.returncode not in (0, 1):
            raise RuntimeError(done.stderr.decode())

    once()
    took = _median(once, repeats)
    return [{"name": "diff shipped trees vs previous commit", "value": round(took, 2),
             "unit": "s", "target": "< 3", "ok": took < 3}]
