"""Path enumeration: every complete path once, each with exactly the facts that lead there."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from engine.decide.evaluate import walk
from engine.decide.explore import DeadEnd, Path, count, paths
from engine.decide.versions import resolve
from engine.model import Fact, FactType, Library, NodeId, Outcome, Question, TreeId, Value
from tests.helpers import load_example

LIB = load_example().library


def every_fact_combination(library: Library) -> Iterator[dict[str, Value]]:
    """Every concrete answer to every fact of a small vocabulary (many_of: every subset)."""
    facts = sorted((f for f in library.facts.values() if f.derived_from is None),
                   key=lambda f: f.key)  # a derived fact follows from its source
    domains = [_domain(f) for f in facts]
    for combo in itertools.product(*domains):
        yield {f.key: v for f, v in zip(facts, combo, strict=True)}


def _domain(fact: Fact) -> list[Value]:
    if fact.type is FactType.MANY_OF:
        return [tuple(v for v in fact.values if v in chosen) for r in range(len(fact.values) + 1)
                for chosen in itertools.combinations(fact.values, r)]
    return list(fact.values)


def _admits(path: Path, facts: dict[str, Value]) -> bool:
    return all(fixed.admits(facts[key]) for key, fixed in path.facts.items())


def test_each_concrete_answer_lies_on_exactly_one_path_with_the_walks_outcome() -> None:
    for on in (date(2026, 3, 1), date(2026, 8, 1)):  # both versions of `regel`
        resolution = resolve(LIB, on)
        found = list(paths(resolution, "start"))
        checked = 0
        for facts in every_fact_combination(LIB):
            result = walk(resolution, "start", facts)
            hits = [p for p in found if _admits(p, facts)]
            assert len(hits) == 1, (facts, [p.end for p in hits])
            assert result.outcome is not None and hits[0].end == result.outcome
            assert [s.question.id for s in result.questions] == \
                [t.question.id for t in hits[0].turns]
            checked += 1
        assert checked == 3 * 2 * 8 * 2 * 2


def test_paths_follow_gotos_and_count_them() -> None:
    resolution = resolve(LIB, date(2026, 3, 1))
    found = list(paths(resolution, "start"))
    assert count(resolution, "start") == len(found) == 7
    through = [p for p in found if p.tree.id == "regel"]
    # regel asks `gevaar` again: the start tree fixed it to 'nee', so one branch is left out.
    assert {p.end.id for p in through if isinstance(p.end, Outcome)} == {"wpg16", "wpg_intern"}
    assert len(through) == 2


def test_given_facts_restrict_the_paths() -> None:
    resolution = resolve(LIB, date(2026, 3, 1))
    danger = next(p for p in paths(resolution, "start") if p.turns[0].option.values == ("ja",))
    only = list(paths(resolution, "start", danger.facts))
    assert [p.end for p in only] == [danger.end]


def test_a_value_no_option_takes_ends_in_a_dead_end() -> None:
    # check withdraws such a tree; the enumeration must still end there, not loop or raise.
    old, new = LIB.versions("regel")
    question = new.nodes[NodeId("ontvanger")]
    assert isinstance(question, Question)
    cut = replace(question, options=question.options[:1])  # 'politie' has no way on now
    tree = replace(new, nodes={**new.nodes, NodeId("ontvanger"): cut})
    library = replace(LIB, trees={**LIB.trees, TreeId("regel"): (old, tree)})
    ends = [p.end for p in paths(resolve(library, date(2026, 8, 1)), "start")]
    dead = [e for e in ends if isinstance(e, DeadEnd)]
    assert len(dead) == 1 and "geen vervolg" in dead[0].reason and len(ends) == 7


def test_many_of_options_imply_that_earlier_options_did_not_match() -> None:
    resolution = resolve(LIB, date(2026, 3, 1))
    by_end = {str(p.end.id): p for p in paths(resolution, "start") if isinstance(p.end, Outcome)}
    data = by_end["delen"].facts["gegevens"]  # the `otherwise` of the gegevens question
    assert data.absent == {"strafrechtelijk", "gezondheid"} and data.present == ()
    health = by_end["niet_delen"].facts["gegevens"]
    assert health.absent == {"strafrechtelijk"} and health.present == (frozenset({"gezondheid"}),)
    assert health.admits(("gewoon", "gezondheid")) and not health.admits(("gewoon",))

