"""Properties over many generated inputs (Hypothesis)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import Session, answer, back, justify, load, resolve, walk
from engine.explain.justification import StepReason
from engine.model import Fact, FactType, Outcome
from engine.read.paths import conventions_dir, trees_dir
from engine.read.schema import check
from engine.read.source import parse
from tests.helpers import copy_example

LIB = load(trees_dir(), conventions_dir()).library
RES = resolve(LIB, date(2026, 12, 1))
#: Derived facts are never given: their value follows from their source.
FACTS = sorted((f for f in LIB.facts.values() if f.derived_from is None), key=lambda f: f.key)


def _value(fact: Fact) -> st.SearchStrategy[object]:
    if fact.type is FactType.MANY_OF:
        return st.lists(st.sampled_from(fact.values), unique=True)
    return st.sampled_from(fact.values)


ALL_FACTS = st.fixed_dictionaries({f.key: _value(f) for f in FACTS})


@settings(max_examples=200, deadline=None)
@given(ALL_FACTS)
def test_each_fact_is_counted_once_and_each_step_cites_an_article_once(
        facts: dict[str, object]) -> None:
    result = walk(RES, "mensenhandel", facts)
    settled = [s.question.fact for s in result.settled]
    assert len(settled) == len(set(settled)) == len({s.question.fact for s in result.questions})
    for step in justify(result, "nl").steps:
        if isinstance(step, StepReason):
            refs = [c.ref for c in step.citations]
            assert len(refs) == len(set(refs)), (step.node, refs)


@settings(max_examples=200, deadline=None)
@given(ALL_FACTS)
def test_the_walk_s_citations_are_unverified_when_any_copy_is(facts: dict[str, object]) -> None:
    """The whole walk's list keeps each article once; a later unverified copy of an article
    first cited as verified must not disappear behind the first copy."""
    result = walk(RES, "mensenhandel", facts)
    copies: dict[str, list[bool]] = {}
    for step in result.questions:
        why = step.question.why.citations if step.question.why else ()
        for c in (*why, *step.option.citations):
            copies.setdefault(c.ref, []).append(c.verified)
    assert isinstance(result.end, Outcome)
    for c in result.end.grounds:
        copies.setdefault(c.ref, []).append(c.verified)
    for point in (*result.end.conditions, *result.end.alternatives):
        for c in point.citations:
            copies.setdefault(c.ref, []).append(c.verified)
    listed = {c.ref: c.verified for c in result.citations}
    assert list(listed) == list(copies)
    assert listed == {ref: all(flags) for ref, flags in copies.items()}


@settings(max_examples=300, deadline=None)
@given(ALL_FACTS)
def test_every_complete_walk_ends_in_an_outcome(facts: dict[str, object]) -> None:
    result = walk(RES, "mensenhandel", facts)
    assert isinstance(result.end, Outcome)
    assert result.asked == ()


@settings(max_examples=100, deadline=None)
@given(ALL_FACTS)
def test_walks_are_deterministic(facts: dict[str, object]) -> None:
    assert walk(RES, "mensenhandel", facts) == walk(RES, "mensenhandel", dict(facts))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 10_000)), max_size=25))
def test_any_sequence_of_answers_and_backs_keeps_the_state_on_the_path(
        moves: list[tuple[bool, int]]) -> None:
    session = Session(start="mensenhandel", on=RES.on)
    for go_back, pick in moves:
        current = walk(RES, session.start, session.given, session.answers)
        if go_back or current.pending is None:
            session = back(RES, session).session
            continue
        fact = LIB.facts[current.pending.question.fact]
        values = list(fact.values)
        value: object = [values[pick % len(values)]] if fact.type is FactType.MANY_OF \
            else values[pick % len(values)]
        session = answer(RES, session, fact.key, value).session
        on_path = {s.question.fact for s in walk(RES, session.start, {}, session.answers).asked}
        assert set(session.answers) == on_path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400).map(lambda b: b.decode("utf-8", "replace")),
                 st.text(max_size=400),
                 st.text(alphabet=":-[]{}&*!|>'\"#\n abcnl0123", max_size=400)))
def test_parsing_never_raises_whatever_the_text(text: str) -> None:
    doc, problems = parse(text, "x.yaml")
    assert doc is not None or problems
    if doc is not None and isinstance(doc.data, dict):
        check(doc, "tree")  # shape check on arbitrary data: problems, never exceptions


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["trees/start/1.0.0.yaml", "trees/facts.yaml",
                                                 "trees/sources.yaml",
                                                 "conventions/voorbeeld/1.0.0.yaml"]))
def test_loading_any_bytes_gives_problems_not_exceptions(data: bytes, target: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_example(Path(tmp))
        (root / target).write_bytes(data)
        result = load(root / "trees", root / "conventions", base=root)
        assert result.errors or result.library.trees


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.sampled_from(["", "x", "1", "true", "[]", "{}", "~", "nl: x"]))
def test_a_tree_with_one_value_replaced_never_crashes_the_loader(seed: int, junk: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_example(Path(tmp))
        path = root / "trees/start/1.0.0.yaml"
        lines = path.read_text().splitlines()
        candidates = [i for i, line in enumerate(lines) if ": " in line]
        i = candidates[seed % len(candidates)]
        key = lines[i].split(": ", 1)[0]
        lines[i] = f"{key}: {junk}"
        path.write_text("\n".join(lines) + "\n")
        result = load(root / "trees", root / "conventions", base=root)
        broken = any(p.is_error and p.location.file == "trees/start/1.0.0.yaml"
                     for p in result.problems)
        assert not (broken and "start" in result.library.trees), "a broken tree is never used"
