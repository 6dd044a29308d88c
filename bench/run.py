"""`make bench`: Deelwijzer's speed targets as ratios measured in one run; writes results.json."""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import diff_bench, hardening_bench  # noqa: E402
from bench.generate import tree_set  # noqa: E402
from engine import Session, answer, justify, load, resolve  # noqa: E402
from engine.read.paths import conventions_dir, trees_dir  # noqa: E402
from engine.read.schema import inlined  # noqa: E402
from engine.startup import paused_gc  # noqa: E402

Row = dict[str, object]


def median(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of `fn`. What it returns is freed after the clock stops, and garbage
    is collected between runs, so one run's leftovers do not slow the next."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        kept = fn()
        times.append(time.perf_counter() - start)
        del kept
    return statistics.median(times)


def bare(path: Path) -> None:
    """The floor: PyYAML's C loader and one jsonschema validation of the same file (with the
    same $ref-free schema the engine uses, so the floor is as fast as jsonschema gets), with
    the garbage collector paused as the engine pauses it: like against like."""
    with paused_gc(), path.open(encoding="utf-8") as handle:  # as the engine's load does
        data = yaml.load(handle, Loader=yaml.CSafeLoader)  # the C *safe* loader
        Draft202012Validator(inlined("tree")).validate(data)


def check_rows(repeats: int) -> list[Row]:
    sizes = (10_000, 20_000)
    times: dict[int, list[float]] = {n: [] for n in sizes}
    floors: dict[int, list[float]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        sets = {n: tree_set(Path(tmp) / str(n), n) for n in sizes}
        for n in sizes:
            errors = load(sets[n]).errors
            assert not errors, errors[:3]
        for _ in range(repeats):  # interleaved, so that a slow spell hits both sizes alike
            for n in sizes:
                times[n].append(median(partial(load, sets[n]), 1))
                floors[n].append(median(partial(bare, sets[n] / "groot" / "1.0.0.yaml"), 1))
    ratio = statistics.median(times[10_000]) / statistics.median(floors[10_000])
    growth = statistics.median(times[20_000]) / statistics.median(times[10_000])
    t10, f10 = statistics.median(times[10_000]), statistics.median(floors[10_000])
    return [
        {"name": "check 10k questions", "value": round(t10, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "bare yaml+schema 10k", "value": round(f10, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "check / bare (10k)", "value": round(ratio, 2), "unit": "x", "target": "<= 3",
         "ok": ratio <= 3},
        {"name": "check 20k / 10k", "value": round(growth, 2), "unit": "x", "target": "<= 2.2",
         "ok": growth <= 2.2},
    ]


def step_row(repeats: int) -> list[Row]:
    lib = load(trees_dir(), conventions_dir()).library
    res = resolve(lib, date(2026, 12, 1))
    session = Session(start="mensenhandel", on=res.on)
    session = answer(res, session, "verstrekker", "zorgverlener").session
    pending = answer(res, session, "gevaar", "geen").walk.pending
    assert pending is not None

    def one() -> None:
        revision = answer(res, session, "gevaar", "geen")
        justify(revision.walk)

    per = median(one, max(200, repeats * 100))
    micro = per * 1e6
    return [{"name": "walk step + justification", "value": round(micro, 1), "unit": "µs",
             "target": "< 1000", "ok": micro < 1000}]


def process_row(repeats: int) -> list[Row]:
    exe = Path(sys.executable)
    case = next(iter(sorted((ROOT / "trees").glob("*/cases/*.yaml"))))
    decide = [str(exe.parent / "deelwijzer"), "decide", "--case", str(case), "--format", "json"]
    floor = [str(exe), "-c", "import yaml, jsonschema"]

    def run(cmd: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(cmd, check=True, capture_output=True)

    run(decide)()
    t_decide, t_floor = median(run(decide), repeats), median(run(floor), repeats)
    ratio = t_decide / t_floor
    return [
        {"name": "decide --case (process)", "value": round(t_decide * 1000, 1), "unit": "ms",
         "target": "-", "ok": True},
        {"name": "python -c 'import yaml, jsonschema'", "value": round(t_floor * 1000, 1),
         "unit": "ms", "target": "-", "ok": True},
        {"name": "decide / bare imports", "value": round(ratio, 2), "unit": "x",
         "target": "<= 2", "ok": ratio <= 2},
    ]


def tui_rows(repeats: int) -> list[Row]:
    try:
        from bench import tui_bench  # noqa: PLC0415 - optional: only where the app exists
    except ImportError:
        return []
    rows: list[Row] = tui_bench.run(repeats)
    return rows


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = [*check_rows(repeats), *step_row(repeats), *process_row(repeats), *tui_rows(repeats),
            *diff_bench.paths_rows(repeats), *diff_bench.diff_rows(repeats),
            *hardening_bench.laughs_rows(repeats), *hardening_bench.start_rows(repeats),
            *hardening_bench.tmux_rows(repeats), *hardening_bench.cpu_rows(repeats)]
    width = max(len(str(r["name"])) for r in rows)
    print(f"{'measure':<{width}}  {'value':>10}  unit  target   target met?")
    for r in rows:
        met = "" if r["target"] == "-" else "met" if r["ok"] else "NOT MET"
        print(f"{r['name']!s:<{width}}  {r['value']!s:>10}  {r['unit']!s:<4}  "
              f"{r['target']!s:<7}  {met}")
    targets = [r for r in rows if r["target"] != "-"]
    missed = [str(r["name"]) for r in targets if not r["ok"]]
    print(f"\n{len(targets) - len(missed)} of {len(targets)} targets met"
          + (f"; not met: {', '.join(missed)}" if missed else ""))
    meta = {"python": sys.version.split()[0], "repeats": repeats,
            "measured": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (ROOT / "bench" / "results.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
