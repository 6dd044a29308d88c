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
