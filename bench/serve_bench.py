"""`make bench`, the browser part: `deelwijzer serve` with 1, 10 and 20 browser sessions at once.

For each count, one headless Chromium opens that many tabs at the same moment (a room that
clicks the link together) and each walks as a participant. Measured per session: resident
memory of its app process (RSS, and PSS, which shares the libraries fairly between processes);
time from opening the page to the first screen and to the first question; answer -> next
question, once every session shows its first question, all answering at the same moment,
several times. A time ends when the websocket frame that completes the text reaches the bench
(the terminal emulation that reads it runs outside the clock). The same for a bare Textual app
(a label and an option list) served by the same server: the ratio is Deelwijzer's own cost.
Chromium runs on the same machine and takes its share of the CPU; the load average is reported.
Writes bench/serve_results.json.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.tui.serve.browser import Browser, Tab, browser, children, chromium, free_port  # noqa: E402

COUNTS = (1, 10, 20)
ANSWERS = 4  # answer -> next question samples per session
BARE_APP = '''
from textual.app import App
from textual.widgets import OptionList, Static


class Bare(App[None]):
    count = 0

    def compose(self):
        yield Static("Vraag 0", id="q")
        yield OptionList("Ja", "Nee")

    def on_mount(self):
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event):
        self.count += 1
        self.query_one("#q", Static).update(f"Vraag {self.count}")


Bare().run()
'''
SERVER = ("import sys; from pathlib import Path; from tui.serve.server import RoomServer; "
          "RoomServer(sys.argv[3:], data_root=Path(sys.argv[2]), port=int(sys.argv[1]), "
          "max_sessions=25).serve()")


@dataclass
class Times:
    first_screen: list[float] = field(default_factory=list)
    first_question: list[float] = field(default_factory=list)
    answer: list[float] = field(default_factory=list)


async def deelwijzer_walk(tab: Tab, url: str, times: Times, ready: asyncio.Barrier) -> None:
    start = time.monotonic()
    await tab.goto(url)
    times.first_screen.append(await tab.wait_text("deelwijzer vraag --plain", 120) - start)
    await tab.press("n")
    times.first_question.append(
        await tab.wait_text("Wie heeft de gegevens en wil ze delen?", 60) - start)
    await ready.wait()  # everyone at the first question; then all answer at once
    for _ in range(ANSWERS):
        clock = time.monotonic()
        await tab.press("6")
        times.answer.append(await tab.wait_text("Is er nu gevaar voor het leven", 60) - clock)
        await tab.press("escape")  # back, to answer again
        await tab.wait_text("Wie heeft de gegevens en wil ze delen?", 60)


async def bare_walk(tab: Tab, url: str, times: Times, ready: asyncio.Barrier) -> None:
    start = time.monotonic()
    await tab.goto(url)
    shown = await tab.wait_text("Vraag 0", 120) - start
    times.first_screen.append(shown)
    times.first_question.append(shown)
    await ready.wait()
    for number in range(1, ANSWERS + 1):
        clock = time.monotonic()
        await tab.press("enter")
        times.answer.append(await tab.wait_text(f"Vraag {number}", 60) - clock)



def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in KiB."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


class Served:
    """A server subprocess on a free port, for the app or the bare app."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="deelwijzer-bench-serve-")
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(self.port), self.folder, *argv],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(60)


Walk = Callable[[Tab, str, Times, asyncio.Barrier], Awaitable[None]]


async def run_count(chrome: Browser, served: Served, walk: Walk, count: int) -> dict[str, object]:
    tabs = [await chrome.tab() for _ in range(count)]
    times = Times()
    ready = asyncio.Barrier(count)
    await asyncio.gather(*(walk(tab, served.url, times, ready) for tab in tabs))
    apps = children(served.process.pid)
    sizes = [memory_kib(pid) for pid in apps]
    for tab in tabs:
        await chrome.close(tab)
    deadline = time.monotonic() + 60
    while children(served.process.pid) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return {
        "sessions": count, "processes": len(apps),
        "rss_mib": round(statistics.mean(s[0] for s in sizes) / 1024, 1),
        "pss_mib": round(statistics.mean(s[1] for s in sizes) / 1024, 1),
        "first_screen_s": _spread(times.first_screen),
        "first_question_s": _spread(times.first_question),
        "answer_ms": _spread([t * 1000 for t in times.answer], 0),
    }


def _spread(values: list[float], digits: int = 2) -> dict[str, float]:
    ordered = sorted(values)
    return {"median": round(statistics.median(ordered), digits),
            "p90": round(ordered[int(0.9 * (len(ordered) - 1))], digits),
            "max": round(ordered[-1], digits)}


async def measure(name: str, argv: list[str], walk: Walk,
                  env: dict[str, str]) -> list[dict[str, object]]:
    served = Served(argv, env)
    rows = []
    try:
        async with browser() as chrome:
            cold = await run_count(chrome, served, walk, 1)  # the first start after the server's
            rows.append({"app": name, "run": "cold", **cold})
            for count in COUNTS:
                rows.append({"app": name, "run": "warm", **await run_count(
                    chrome, served, walk, count)})
    finally:
        served.stop()
    return rows


def main() -> int:
    if chromium() is None:
        print("serve bench SKIPPED: chromium is not installed (apt-get install chromium)")
        return 0
    with tempfile.TemporaryDirectory(prefix="deelwijzer-bench-") as tmp:
        bare = Path(tmp) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = {**os.environ, "DEELWIJZER_CACHE_DIR": str(Path(tmp) / "cache")}
        app = [sys.executable, "-I", "-m", "tui.cli.main", "vraag", "--verder", "--date",
               "2026-11-28"]
        rows = asyncio.run(measure("deelwijzer", app, deelwijzer_walk, env))
        rows += asyncio.run(measure("bare textual", [sys.executable, "-I", str(bare)],
                                    bare_walk, env))
    report(rows)
    (ROOT / "bench" / "serve_results.json").write_text(json.dumps(
        {"meta": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                  "load_average_1_5_15": os.getloadavg(),
                  "measured": time.strftime("%Y-%m-%dT%H:%M:%S")}, "rows": rows},
        indent=2) + "\n")
    return 0


def report(rows: list[dict[str, object]]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"serve: one app process per browser session; {os.cpu_count()} CPUs, load {load} "
          "(median/p90)")
    print(f"{'app':<13} {'run':<5} {'n':>3} {'RSS MiB':>8} {'PSS MiB':>8} "
          f"{'1st screen s':>13} {'1st question s':>15} {'answer ms':>11}")
    for r in rows:
        fs, fq, an = (r[k] for k in ("first_screen_s", "first_question_s", "answer_ms"))
        print(f"{r['app']!s:<13} {r['run']!s:<5} {r['sessions']!s:>3} {r['rss_mib']!s:>8} "
              f"{r['pss_mib']!s:>8} {_pair(fs):>13} {_pair(fq):>15} {_pair(an):>11}")
    ours = {(r["run"], r["sessions"]): r for r in rows if r["app"] == "deelwijzer"}
    print("ratio deelwijzer / bare textual (warm, medians):")
    for r in rows:
        mine = ours.get((r["run"], r["sessions"]))
        if r["app"] == "deelwijzer" or mine is None or r["run"] != "warm":
            continue
        print(f"  n={r['sessions']}: memory (PSS) {_ratio(mine['pss_mib'], r['pss_mib'])}, "
              f"first question {_ratio(mine['first_question_s'], r['first_question_s'])}, "
              f"answer {_ratio(mine['answer_ms'], r['answer_ms'])}")


def _pair(value: object) -> str:
    assert isinstance(value, dict)
    return f"{value['median']}/{value['p90']}"


def _ratio(mine: object, bare: object) -> str:
    a = mine["median"] if isinstance(mine, dict) else mine
    b = bare["median"] if isinstance(bare, dict) else bare
    assert isinstance(a, int | float) and isinstance(b, int | float)
    return f"{a / b:.2f}x" if b else "-"


if __name__ == "__main__":
    raise SystemExit(main())
