"""Bounded resources: a billion-laughs file is refused quickly and in little memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

Row = dict[str, object]
ROOT = Path(__file__).resolve().parent.parent


def laughs(levels: int = 10, width: int = 10) -> str:
    """The classic YAML bomb: `levels` anchors, each repeating the one before `width` times
    (10 levels of 10: 10**10 values once expanded, from ~1 kB of text)."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def child(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one fresh process, from the kernel's own count."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{cmd} failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def laughs_rows(repeats: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "lachen.yaml"
        bomb.write_text(laughs(), encoding="utf-8")
        # a fresh process that imports the reader and reads the file (what every command
        # that opens a tree, case or record file does first)
        code = ("import sys; from pathlib import Path; from engine.read.source import read; "
                "sys.exit(read(Path(sys.argv[1]))[1][0].code != 'yaml.aliases')")
        runs = sorted(child([sys.executable, "-c", code, str(bomb)]) for _ in range(repeats))
    seconds, megabytes = runs[len(runs) // 2][0], max(mb for _, mb in runs)
    return [
        {"name": "billion laughs: refused (process)", "value": round(seconds, 2), "unit": "s",
         "target": "< 1", "ok": seconds < 1},
        {"name": "billion laughs: peak memory", "value": round(megabytes, 1), "unit": "MB",
         "target": "< 100", "ok": megabytes < 100},
    ]


def _median_ms(cmd: list[str], repeats: int, env: dict[str, str] | None = None,
               fresh_cache: bool = False) -> float:
    """Median wall time (ms) of `cmd` as a fresh process; with `fresh_cache`, every run gets
    an empty tree cache (a cold start: what a person sees the first time)."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            run_env = {**os.environ, **(env or {})}
            if fresh_cache:
                run_env["DEELWIJZER_CACHE_DIR"] = cache
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=run_env, cwd=ROOT)
            times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2] * 1000


def start_rows(repeats: int) -> list[Row]:
    """Cold and warm `decide`, and `--help`, each against its floor (issue 14's targets)."""
    exe = sys.executable
    case = next(iter(sorted((ROOT / "trees").glob("*/cases/*.yaml"))))
    decide = [exe, "-m", "tui.cli.main", "decide", "--case", str(case), "--format", "json"]
    floor = _median_ms([exe, "-c", "import yaml, jsonschema"], repeats)
    empty = _median_ms([exe, "-c", "pass"], repeats)
    with tempfile.TemporaryDirectory() as cache:
        warm_env = {"DEELWIJZER_CACHE_DIR": cache}
        subprocess.run(decide, check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, **warm_env})
        warm = _median_ms(decide, repeats, warm_env)
    cold = _median_ms(decide, repeats, fresh_cache=True)
    helped = _median_ms([exe, "-m", "tui.cli.main", "--help"], repeats)
    rows: list[Row] = [
        {"name": "decide cold (empty cache)", "value": round(cold, 1), "unit": "ms",
         "target": "-", "ok": True},
        {"name": "decide warm (cache filled)", "value": round(warm, 1), "unit": "ms",
         "target": "-", "ok": True},
        {"name": "python -c pass", "value": round(empty, 1), "unit": "ms", "target": "-",
         "ok": True},
    ]
    for name, value, target in (("decide cold / yaml+jsonschema", cold / floor, 1.5),
                                ("decide warm / yaml+jsonschema", warm / floor, 1.3),
                                ("--help / python -c pass", helped / empty, 2.0)):
        rows.append({"name": name, "value": round(value, 2), "unit": "x",
                     "target": f"<= {target}", "ok": value <= target})
    return rows
