"""Bounded resources: a billion-laughs file is refused quickly and in little memory."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

Row = dict[str, object]
ROOT = Path(__file__).resolve().parent.parent


def laughs(levels: int = 10, width: int = 10) -> str:
    """The classic YAML bomb: `levels` anchors, each repeating the one before `width` times
    (10 levels of 10: 10**10 values once expanded, from ~1 kB of text)."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _peak(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) of one fresh process and the peak memory (MB) it reports itself."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


def laughs_rows(repeats: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "lachen.yaml"
        bomb.write_text(laughs(), encoding="utf-8")
        # a fresh process that imports the reader and reads the file (what every command
        # that opens a tree, case or record file does first)
        # The peak is the child's own high-water mark (VmHWM of its memory after exec): the
        # kernel's ru_maxrss of a child also counts the copy of this (large) bench process
        # that existed between fork and exec.
        code = ("import sys; from pathlib import Path; from engine.read.source import read; "
                "refused = read(Path(sys.argv[1]))[1][0].code == 'yaml.aliases'; "
                "status = Path('/proc/self/status').read_text(); "
                "print(next(l.split()[1] for l in status.splitlines() if l.startswith('VmHWM'))); "
                "sys.exit(not refused)")
        runs = sorted(_peak([sys.executable, "-c", code, str(bomb)]) for _ in range(repeats))
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
    script = Path(exe).parent / "deelwijzer"  # the console script a person runs
    helped = _median_ms([str(script) if script.is_file() else exe, *(
        [] if script.is_file() else ["-m", "tui.cli.main"]), "--help"], repeats)
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


BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App[None]):
    def compose(self):
        yield Static("Kaal: een label")

Bare().run()
"""


def _tmux_seconds(command: str, shown: str, then: tuple[str, str] | None = None,
                  env: dict[str, str] | None = None) -> float:
    """Seconds from starting `command` in a real terminal (tmux) until `shown` is on the
    screen; with `then` = (text, key): press key once text appears, as a person would."""
    session = f"bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux"]
    for _ in range(5):  # the server of the session killed just before may still be exiting
        start = time.perf_counter()
        started = subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "100",
                                  "-y", "30", command], env={**os.environ, **(env or {})},
                                 cwd=ROOT, capture_output=True, text=True, check=False)
        if started.returncode == 0 or "exited unexpectedly" not in started.stderr:
            break
        time.sleep(0.2)
    if started.returncode:
        raise RuntimeError(f"tmux: {started.stderr.strip()}")
    pressed = then is None
    try:
        while time.perf_counter() - start < 60:
            screen = subprocess.run([*tmux, "capture-pane", "-t", session, "-p"], check=True,
                                    capture_output=True, text=True).stdout
            if not pressed and then is not None and then[0] in screen:
                subprocess.run([*tmux, "send-keys", "-t", session, then[1]], check=True)
                pressed = True
            if pressed and shown in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{shown!r} never appeared")
    finally:
        subprocess.run([*tmux, "kill-session", "-t", session], capture_output=True,
                       check=False)


def tmux_rows(repeats: int) -> list[Row]:
    """The app's first question in a real terminal, cold (an empty cache each time) and warm,
    against a bare Textual app showing one label in the same terminal."""
    if shutil.which("tmux") is None:
        return []
    exe = shlex.quote(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "kaal.py"
        script.write_text(BARE_APP, encoding="utf-8")
        bare_cmd = f"{exe} {shlex.quote(str(script))}"
        app_cmd = f"{exe} -m tui.cli.main vraag --date 2026-11-28"
        first = ("Wat wil je doen?", "n")
        warm_env = {"DEELWIJZER_CACHE_DIR": str(Path(tmp) / "warm"),
                    "DEELWIJZER_DATA_DIR": str(Path(tmp) / "data")}
        _tmux_seconds(app_cmd, "Wie heeft de gegevens", first, warm_env)  # fills the cache
        bares, warms, colds = [], [], []
        for i in range(repeats):  # each run its own data folder: a closing app holds its lock
            bares.append(_tmux_seconds(bare_cmd, "Kaal: een label"))
            warm_env["DEELWIJZER_DATA_DIR"] = str(Path(tmp) / f"data-w{i}")
            warms.append(_tmux_seconds(app_cmd, "Wie heeft de gegevens", first, warm_env))
            cold_env = {"DEELWIJZER_CACHE_DIR": str(Path(tmp) / f"koud-{i}"),
                        "DEELWIJZER_DATA_DIR": str(Path(tmp) / f"data-k{i}")}
            colds.append(_tmux_seconds(app_cmd, "Wie heeft de gegevens", first, cold_env))
    bare, warm, cold = (sorted(x)[len(x) // 2] for x in (bares, warms, colds))
    return [
        {"name": "tmux: bare textual app, label shown", "value": round(bare, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "tmux: app first question, warm", "value": round(warm, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "tmux: app first question, cold", "value": round(cold, 3), "unit": "s",
         "target": "-", "ok": True},
        {"name": "tmux: app first question warm / bare", "value": round(warm / bare, 2),
         "unit": "x", "target": "-", "ok": True},
        {"name": "tmux: app first question cold / bare", "value": round(cold / bare, 2),
         "unit": "x", "target": "<= 1.5", "ok": cold / bare <= 1.5},
    ]


#: The app's way to its first question, headless, with the CPU time (ms) spent at each stage:
#: CPU time hardly moves with the load of a shared machine, where wall time does.
APP_STAGES = """
import json, os, sys, tempfile, time
def cpu(): return round(time.process_time() * 1000, 1)
os.environ["DEELWIJZER_DATA_DIR"] = tempfile.mkdtemp()
os.environ["DEELWIJZER_CACHE_DIR"] = tempfile.mkdtemp()  # cold: the user's cache is empty
stages = {}
from tui.cli.main import parser
import tui.app.app as app_module
stages["imports"] = cpu()
args = parser("vraag").parse_args(["vraag", "--date", "2026-11-28"])
args.lang = "nl"
import gc
gc.disable()  # as run_app does, until the first screen is up (engine/startup.py)
loaded = app_module.load_library(args)
stages["trees loaded"] = cpu()
from tui.app.round import practice_options
from tui.app.screens.question import QuestionScreen
app = app_module.DeelwijzerApp(loaded, args.date, practice=practice_options(args),
                               gc_paused=True)
async def person(pilot):
    await pilot.pause()
    stages["start screen"] = cpu()
    await pilot.press("n")
    while not isinstance(app.screen, QuestionScreen):
        await pilot.pause(0.001)
    await pilot.pause()
    stages["first question"] = cpu()
    app.exit()
app.run(headless=True, size=(100, 30), auto_pilot=person)
print(json.dumps(stages))
"""

BARE_STAGES = """
import json, time
from textual.app import App
from textual.widgets import Static
stages = {"imports": round(time.process_time() * 1000, 1)}
class Bare(App[None]):
    def compose(self):
        yield Static("Kaal: een label")
app = Bare()
async def person(pilot):
    await pilot.pause()
    stages["label shown"] = round(time.process_time() * 1000, 1)
    app.exit()
app.run(headless=True, size=(100, 30), auto_pilot=person)
print(json.dumps(stages))
"""


def _stages(code: str, repeats: int) -> dict[str, float]:
    runs = []
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                              text=True, cwd=ROOT)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: sorted(run[key] for run in runs)[len(runs) // 2] for key in runs[0]}


def cpu_rows(repeats: int) -> list[Row]:
    """Where the CPU time of the app's cold first question goes (headless), stage by stage,
    against a bare Textual app showing one label: the profile of what remains."""
    app, bare = _stages(APP_STAGES, repeats), _stages(BARE_STAGES, repeats)
    rows: list[Row] = [{"name": "cpu: bare textual app, label shown", "value": bare["label shown"],
                        "unit": "ms", "target": "-", "ok": True}]
    before = 0.0
    for stage, at in app.items():
        rows.append({"name": f"cpu: app {stage} (+ms)", "value": round(at - before, 1),
                     "unit": "ms", "target": "-", "ok": True})
        before = at
    rows.append({"name": "cpu: app first question / bare", "unit": "x", "target": "-",
                 "value": round(app["first question"] / bare["label shown"], 2), "ok": True})
    return rows
