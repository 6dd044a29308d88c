"""Justifications built from the walk only, rendered deterministically (snapshots)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import pytest

from engine import justify, resolve, to_data, to_json, to_markdown, to_text, walk
from engine.explain.justification import Point
from engine.read.schema import is_valid
from tests.helpers import load_example

LIB = load_example().library
RES = resolve(LIB, date(2026, 3, 1))
CASES: dict[str, dict[str, Any]] = {
    "toestemming": {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"],
                    "toestemming": "ja", "ontvanger": "gemeente"},
    "politie": {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"},
    "open": {"gevaar": "nee", "rol": "arts"},
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_text_and_markdown_snapshots(name: str, lang: str, snapshot: Any) -> None:
    j = justify(walk(RES, "start", CASES[name]), lang)
    snapshot.snapshot_dir = "tests/engine/snapshots"
    snapshot.assert_match(to_text(j), f"{name}.{lang}.txt")
    snapshot.assert_match(to_markdown(j), f"{name}.{lang}.md")


def test_text_fits_the_width_and_is_deterministic() -> None:
    text = to_text(justify(walk(RES, "start", CASES["toestemming"])), width=60)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert text == to_text(justify(walk(RES, "start", CASES["toestemming"])), width=60)


def test_justification_comes_from_the_trace() -> None:
    j = justify(walk(RES, "start", CASES["politie"]))
    kinds = [type(s).__name__ for s in j.steps]
    assert kinds == ["StepReason", "StepReason", "Crossing", "StepReason"]
    assert [t.id for t in j.trees] == ["start", "regel"]
    assert j.verdict_label == "Je mag delen, mits je de voorwaarden volgt" and j.icon == "[!]"
    assert "Concept: deze beslisboom is nog niet door een jurist vastgesteld." in j.notices


def test_clause_placeholders_are_filled_from_the_facts() -> None:
    j = justify(walk(RES, "start", CASES["toestemming"]), "nl")
    clause = j.clauses[0]
    assert clause.id == "convenant.grondslag.publieke_taak"
    assert "gezondheid met de gemeente op grond van de AVG en UAVG" in clause.text
    assert clause.missing == ("verstrekker",)


def test_unverified_citations_are_marked_everywhere() -> None:
    j = justify(walk(RES, "start", {"gevaar": "nee", "rol": "arts",
                                    "gegevens": ["strafrechtelijk"]}))
    assert "AVG art. 10 (nog niet geverifieerd)" in to_text(j)
    assert to_data(j)["unverified"] == ["avg:10"]


@pytest.mark.parametrize("name", list(CASES))
def test_json_output_fits_its_published_schema(name: str) -> None:
    data = json.loads(to_json(justify(walk(RES, "start", CASES[name]))))
    assert is_valid(data, "decision")
    assert data["status"] == ("pending" if name == "open" else "outcome")


def test_an_expired_tree_is_used_with_a_visible_warning() -> None:
    late = resolve(LIB, date(2026, 3, 1))
    regel = late.trees["regel"]  # type: ignore[index]
    assert regel.valid_until is not None
    expired = resolve(LIB, date(2026, 3, 1)).__class__(
        on=date(2026, 7, 5), library=LIB, trees={**late.trees})
    j = justify(walk(expired, "start", CASES["politie"]))
    assert j.verdict is not None
    assert any("is verlopen op 2026-06-30" in n for n in j.notices)


@pytest.mark.parametrize("render", [to_text, to_markdown])
def test_verdict_first_then_what_to_do_then_the_trace(render: Any) -> None:
    j = justify(walk(RES, "start", CASES["toestemming"]))
    out = render(j)
    verdict, todo = out.index("Je mag delen met toestemming"), out.index("Deel alleen wat nodig")
    trace = out.index("Is er acuut gevaar?")
    assert verdict < todo < trace
    assert out.index("Uitkomst") < out.index("Stappen")


@pytest.mark.parametrize("render", [to_text, to_markdown])
def test_not_sharing_lists_relevant_articles_and_alternatives(render: Any) -> None:
    import dataclasses  # noqa: PLC0415

    from engine.explain.justification import Point  # noqa: PLC0415

    j = justify(walk(RES, "start", {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"],
                                    "toestemming": "nee"}))
    extended = dataclasses.replace(
        j, alternatives=(Point(text="Overleg anoniem met Veilig Thuis.", citations=()),))
    out = render(extended)
    assert "Relevante artikelen" in out and "Grondslag" not in out
    assert "Wat je wel kunt doen" in out
    assert out.index("Overleg anoniem met Veilig Thuis.") < out.index("Is er acuut gevaar?")


def test_ticked_conditions_are_marked_in_text_and_markdown() -> None:
    j = justify(walk(RES, "start", CASES["toestemming"]))
    j = dataclasses.replace(j, conditions=(*j.conditions, Point(text="Leg het vast.",
                                                                citations=())))
    first, second = j.conditions[0].text, j.conditions[1].text
    md = to_markdown(j, checked=frozenset({1}))
    assert f"- [ ] {first}" in md and f"- [x] {second}" in md
    text = to_text(j, width=200, checked=frozenset({0}))
    assert f"  [x] {first}" in text and f"  [ ] {second}" in text
    assert to_markdown(j) == to_markdown(j, checked=frozenset())


def test_a_citation_named_twice_in_one_step_is_shown_once_and_stays_unverified() -> None:
    from engine.explain.justification import Cited, once  # noqa: PLC0415

    def cited(verified: bool, note: str | None) -> Cited:
        return Cited(ref="wpg", label="Wpg", name="Wet politiegegevens", url="", verified=verified,
                     note=note)

    (merged,) = once([cited(True, None), cited(False, "Nog nalopen."), cited(True, None)])
    assert not merged.verified and merged.note == "Nog nalopen."
