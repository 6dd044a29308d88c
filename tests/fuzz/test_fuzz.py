"""Fuzzing every kind of input a person can hand Deelwijzer: trees, facts, sources, covenants,
case files, records, the autosaved walk and the plain walk's typed answers. Each input is a
valid file with random edits (or random text), and each reader must answer with its own
problems, never with an exception.

`make test` runs a few examples per kind; `make fuzz` runs FUZZ_EXAMPLES (10,000) per kind
and prints Hypothesis' counts (`--hypothesis-show-statistics`)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from engine import DeelwijzerError, Session, load, resolve, walk
from engine.cases import read_case
from engine.decide.session import to_data
from engine.record import make_record, read_record, replay, verified
from tests.helpers import EXAMPLE
from tui.plain.walk import PlainWalk
from tui.shared import store

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=list(HealthCheck))
#: Characters that matter to YAML and JSON, and some that should never be there.
NASTY = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t \\~\x00\ufeffé…"))
WORDS = st.sampled_from(["Yes", "<<: *a", "&a ", "*a", "!!python/object:os.system", "null"])
TEXT = st.one_of(st.text(alphabet=st.one_of(NASTY, st.characters()), max_size=40), WORDS)


@st.composite
def mutated(draw: st.DrawFn, seed: str) -> str:
    """`seed` with a few random edits: cut, insert, duplicate or swap lines, or replace all."""
    if draw(st.integers(0, 19)) == 0:
        return draw(st.text(max_size=300))
    text = seed
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        kind = draw(st.integers(0, 4))
        if kind == 0:
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
        elif kind == 1:
            text = text[:at] + draw(TEXT) + text[at:]
        elif kind == 2 and lines:
            i = draw(st.integers(0, len(lines) - 1))
            text = "\n".join([*lines[:i + 1], lines[i], *lines[i + 1:]])
        elif kind == 3 and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:at] + draw(st.sampled_from(["  ", "\t", ": ", "- ", "'"])) + text[at:]
    return text


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """One private copy of the example set per module; each example rewrites one file in it
    and puts it back afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(shutil.copytree(EXAMPLE, Path(tmp) / "set"))


def _swap(root: Path, name: str, text: str, check: Callable[[], object]) -> None:
    """Write `text` over the set's file `name`, run `check`, put the original back."""
    path = root / name
    original = path.read_bytes()
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        check()
    finally:
        path.write_bytes(original)


def _load(root: Path) -> object:
    return load(root / "trees", root / "conventions", base=root)


SEEDS = {kind: (EXAMPLE / name).read_text(encoding="utf-8") for kind, name in {
    "tree": "trees/regel/1.0.0.yaml", "facts": "trees/facts.yaml",
    "sources": "trees/sources.yaml", "covenant": "conventions/voorbeeld/1.0.0.yaml",
    "case": "trees/start/cases/agent_oud.yaml"}.items()}
LIB = load(EXAMPLE / "trees", EXAMPLE / "conventions", base=EXAMPLE).library
RECORD = json.dumps(make_record(walk(resolve(LIB, date(2026, 3, 1)), "start",
                                     {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}),
                                "fuzz"), indent=2)


@FUZZ
@given(st.data())
def test_fuzz_tree(workspace: Path, data: st.DataObject) -> None:
    _swap(workspace, "trees/regel/1.0.0.yaml", data.draw(mutated(SEEDS["tree"])),
          lambda: _load(workspace))


@FUZZ
@given(st.data())
def test_fuzz_facts(workspace: Path, data: st.DataObject) -> None:
    _swap(workspace, "trees/facts.yaml", data.draw(mutated(SEEDS["facts"])),
          lambda: _load(workspace))


@FUZZ
@given(st.data())
def test_fuzz_sources(workspace: Path, data: st.DataObject) -> None:
    _swap(workspace, "trees/sources.yaml", data.draw(mutated(SEEDS["sources"])),
          lambda: _load(workspace))


@FUZZ
@given(st.data())
def test_fuzz_covenant(workspace: Path, data: st.DataObject) -> None:
    _swap(workspace, "conventions/voorbeeld/1.0.0.yaml", data.draw(mutated(SEEDS["covenant"])),
          lambda: _load(workspace))


def _case(path: Path) -> None:
    case, _ = read_case(path, LIB)
    if case is not None:
        # a walk the trees cannot make is said (a DeelwijzerError), not crashed
        with contextlib.suppress(DeelwijzerError):
            walk(resolve(LIB, case.date), case.start, case.facts)


@FUZZ
@given(st.data())
def test_fuzz_case_file(workspace: Path, data: st.DataObject) -> None:
    name = "trees/start/cases/agent_oud.yaml"
    _swap(workspace, name, data.draw(mutated(SEEDS["case"])), lambda: _case(workspace / name))


def _record(path: Path) -> None:
    record, _ = read_record(path)
    if record is not None:
        verified(LIB, record, path.name)
        with contextlib.suppress(DeelwijzerError):
            replay(LIB, record, date(2026, 8, 1))


@FUZZ
@given(st.data())
def test_fuzz_record(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    path = tmp_path_factory.mktemp("record") / "besluit.json"
    path.write_text(data.draw(mutated(RECORD)), encoding="utf-8", errors="surrogatepass")
    _record(path)


@FUZZ
@given(st.data())
def test_fuzz_autosave(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch, data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DEELWIJZER_DATA_DIR", str(folder))
    seed = json.dumps(to_data(Session(start="start", on=date(2026, 3, 1),
                                            answers={"gevaar": "nee"})), indent=2)
    (folder / "gesprek.json").write_text(data.draw(mutated(seed)), encoding="utf-8",
                                         errors="surrogatepass")
    store.quarantine_damaged()
    saved = store.read_progress()
    if saved is not None:
        try:
            session = store.restore(saved, None)
            store.restore(saved, resolve(LIB, session.on))
        except DeelwijzerError:
            pass


ANSWERS = st.lists(st.one_of(st.sampled_from(["1", "2", "3", "1,2", "?", "t", "", " 2 ", "0",
                                              "99", "-1", "1,,2", "x"]), TEXT), max_size=12)


@FUZZ
@given(ANSWERS)
@example(["1", "1", "1", "1", "~0"])  # found by make fuzz: a save name for a user that is not
@example(["1", "1", "1", "1", "besluit\x00.json"])  # and names no file can have
@example(["1", "\ud800"])
def test_fuzz_plain_walk_input(answers: list[str]) -> None:
    feed = iter([*answers, "q"])

    def ask(prompt: str = "") -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    session = Session(start="start", on=date(2026, 3, 1))
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # an answer may be taken as a file name to save the record under
        try:
            with contextlib.suppress(EOFError):  # input ended: "gestopt", as with Ctrl+D
                PlainWalk(resolve(LIB, date(2026, 3, 1)), session, ask, io.StringIO()).run()
        finally:
            os.chdir(here)
