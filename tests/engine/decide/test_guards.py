"""Guarded items: grounds, conditions, alternatives and clauses that hold only on some paths."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from engine import justify, load, resolve, walk
from engine.decide.explore import paths
from engine.explain.render import to_data, to_markdown, to_text
from engine.read.schema import is_valid
from engine.record import make_record
from tests.helpers import DATA

ROOT = DATA / "guards"
LOADED = load(ROOT / "trees", ROOT / "conventions", base=ROOT)
RES = resolve(LOADED.library, date(2026, 3, 1))


def _end(**facts: str) -> tuple[list[str], list[str], list[str], list[str]]:
    out = walk(RES, "wacht", facts).outcome
    assert out is not None
    return ([c.ref for c in out.grounds], [c.text.nl for c in out.conditions],
            [c.text.nl for c in out.alternatives], list(out.clauses))


def test_the_fixture_has_no_errors() -> None:
    assert LOADED.errors == ()


@pytest.mark.parametrize(("rol", "grounds", "conditions", "clauses"), [
    ("arts", ["avg:6(1)(a)", "avg:6(1)(f)"],
     ["Deel alleen wat nodig is.", "Vraag de arts om zijn beroepsgeheim te wegen."], []),
    ("agent", ["avg:6(1)(a)", "avg:6(1)(e)"], ["Deel alleen wat nodig is."],
     ["convenant.grondslag.publieke_taak"]),
])
def test_only_items_whose_guard_holds_on_the_path_apply(
        rol: str, grounds: list[str], conditions: list[str], clauses: list[str]) -> None:
    got = _end(rol=rol, toestemming="ja")
    assert got == (grounds, conditions, [], clauses)


def test_a_guard_on_a_fact_not_on_the_path_does_not_apply() -> None:
    # `gevaar` is given but never asked on this path: the vital-interest clause stays out.
    assert "convenant.grondslag.vitaal_belang" not in _end(rol="agent", toestemming="ja",
                                                            gevaar="ja")[3]


@pytest.mark.parametrize(("rol", "toestemming", "alternatives"), [
    ("agent", "nee", ["Vraag alsnog toestemming."]),
    ("agent", "onbekend", ["Vraag alsnog toestemming.", "Zoek eerst uit of er toestemming is."]),
    ("arts", "onbekend", ["Vraag alsnog toestemming.", "Zoek eerst uit of er toestemming is.",
                          "Overleg anoniem met je FG."]),
])
def test_alternatives_follow_the_path(rol: str, toestemming: str,
                                      alternatives: list[str]) -> None:
    assert _end(rol=rol, toestemming=toestemming)[2] == alternatives


def test_every_output_shows_the_alternatives_and_relevant_articles_on_niet_delen() -> None:
    result = walk(RES, "wacht", {"rol": "arts", "toestemming": "onbekend"})
    nl, en = justify(result, "nl"), justify(result, "en")
    text = to_text(nl)
    assert "Relevante artikelen: BW art. 7:457" in text and "Grondslag" not in text
    assert "Wat je wel kunt doen:\n  - Vraag alsnog toestemming. [AVG art. 6(1)(a)]" in text
    assert "Relevant articles:" in to_text(en) and "What you can do instead:" in to_text(en)
    md = to_markdown(nl)
    assert "**Relevante artikelen:**" in md and "\n## Wat je wel kunt doen\n" in md
    assert "- Zoek eerst uit of er toestemming is." in md
    data = to_data(nl)
    assert data["alternatives"][0] == {"text": "Vraag alsnog toestemming.",
                                       "citations": ["avg:6(1)(a)"]}
    assert len(data["alternatives"]) == 3 and is_valid(data, "decision")
    assert data["citations"][-1] == "avg:6(1)(a)"  # an alternative's citation is listed too


def test_a_sharing_outcome_keeps_its_grondslag_label_and_the_record_its_path_grounds() -> None:
    result = walk(RES, "wacht", {"rol": "agent", "toestemming": "ja"})
    text = to_text(justify(result, "nl"))
    assert "Grondslag: AVG art. 6(1)(a); AVG art. 6(1)(e)" in text
    assert "Wat je wel kunt doen" not in text
    record = make_record(result, "0.1.0")
    assert "avg:6(1)(f)" not in record["citations"]
    assert record["clauses"] == ["convenant.grondslag.publieke_taak"]
    assert to_data(justify(result, "nl"))["alternatives"] == []


def test_path_enumeration_shows_on_each_path_exactly_what_a_walk_there_shows() -> None:
    found = list(paths(RES, "wacht"))
    combos = 0
    for rol, toestemming, sector in itertools.product(("arts", "agent", "ambtenaar"),
                                                      ("ja", "nee", "onbekend"),
                                                      ("publiek", "privaat")):
        facts = {"rol": rol, "toestemming": toestemming}
        result = walk(RES, "wacht", facts)
        concrete = {**facts, "sector": "privaat" if rol == "arts" else "publiek"}
        if concrete["sector"] != sector:
            continue
        hits = [p for p in found
                if all(f.admits(concrete[k]) for k, f in p.facts.items())]
        assert len(hits) == 1, (facts, [p.end for p in hits])
        assert hits[0].end == result.outcome
        combos += 1
    assert combos == 9
    # the refusal splits three ways (toestemming nee/onbekend x sector), the share two ways
    assert sorted(p.end.id for p in found) == ["delen", "delen", "niet", "niet", "niet", "niet"]  # type: ignore[union-attr]
