"""engine.explain.docx: the decision document, read back with python-docx."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime
from typing import Any

import docx
import pytest

from engine import justify, resolve, walk
from engine.explain.docx import to_docx
from engine.explain.filing import Filing
from engine.explain.justification import Justification, Point, StepReason
from tests.helpers import load_example

LIB = load_example().library
RES = resolve(LIB, date(2026, 3, 1))
CREATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
MITS = {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"], "toestemming": "ja",
        "ontvanger": "gemeente"}
NIET = {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"], "toestemming": "nee"}


def decision(facts: dict[str, Any], lang: str = "nl") -> Justification:
    return justify(walk(RES, "start", facts), lang)


def read_back(j: Justification, filing: Filing | None = None) -> Any:
    data = to_docx(j, created=CREATED, version="9.9", filing=filing)
    assert data[:2] == b"PK"
    return docx.Document(io.BytesIO(data))


def texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_a4_pages_with_concept_header_disclaimer_and_page_numbers() -> None:
    j = decision(MITS)
    doc = read_back(j)
    for section in doc.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
        assert section.header.paragraphs[0].text.startswith("CONCEPT")
        footer = [p.text for p in section.footer.paragraphs]
        assert j.disclaimer in footer
        instructions = [t.text.strip() for t in section.footer._element.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")]
        assert instructions == ["PAGE", "NUMPAGES"]


def test_no_concept_header_when_every_tree_is_settled() -> None:
    j = decision(MITS)
    settled = dataclasses.replace(j, trees=tuple(dataclasses.replace(t, status="vastgesteld")
                                                 for t in j.trees))
    doc = read_back(settled)
    assert all(not s.header.paragraphs[0].text for s in doc.sections)


def test_document_properties_are_ours_not_the_templates() -> None:
    props = read_back(decision(MITS)).core_properties
    assert props.author == "Deelwijzer" and props.last_modified_by == "Deelwijzer"
    assert props.created == CREATED.replace(tzinfo=None) or props.created == CREATED
    assert props.language == "nl-NL"
    assert props.title.startswith("Beslisdocument")
    assert "start 1.0.0" in props.keywords and "python-docx" not in props.comments


def test_verdict_comes_first_then_the_checklist() -> None:
    j = decision(MITS)
    lines = texts(read_back(j))
    assert j.verdict_label is not None and j.icon is not None
    verdict_at = lines.index(f"{j.icon} {j.verdict_label}")
    assert verdict_at <= 4
    boxes = [line for line in lines if line.startswith("☐ ")]
    assert [b.split(" (")[0] for b in boxes] == [f"☐ {c.text}" for c in j.conditions]
    assert verdict_at < lines.index(boxes[0]) < lines.index("Verantwoording stap voor stap")


def test_conditions_ticked_off_in_the_app_are_ticked_in_the_document() -> None:
    j = decision(MITS)
    j = dataclasses.replace(j, conditions=(*j.conditions, Point(text="Leg het vast.",
                                                                citations=())))
    lines = texts(read_back(j, Filing(checked=frozenset({1}))))
    marks = [line[0] for line in lines if line.startswith(("☐ ", "☒ "))]
    assert marks == ["☐", "☒", *["☐"] * (len(j.conditions) - 2)]


def test_steps_grounds_clauses_and_trees_are_all_there() -> None:
    j = decision(MITS)
    doc = read_back(j)
    lines = texts(doc)
    asked = [s for s in j.steps if isinstance(s, StepReason)]
    for n, step in enumerate(asked, 1):
        assert f"{n}. {step.question}" in lines
    assert "Grondslag" in lines
    for clause in j.clauses:
        assert f"{clause.title} ({clause.id})" in lines
    table = doc.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert [row[1] for row in cells[1:]] == [t.version for t in j.trees]
    assert "Deelwijzer 9.9" in lines


def test_citations_link_to_the_article_where_the_source_allows() -> None:
    doc = read_back(decision(MITS))
    links = {link.text: link.url for p in doc.paragraphs for link in p.hyperlinks}
    assert links["BW art. 7:457"] == \
        "https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=457"
    assert links["AVG art. 9(2)(a)"] == "https://eur-lex.europa.eu/eli/reg/2016/679/oj"


def test_not_sharing_names_relevant_articles_never_a_ground() -> None:
    lines = texts(read_back(decision(NIET)))
    assert "Relevante artikelen" in lines and "Grondslag" not in lines
    assert lines.index("[✗] Je mag niet delen") <= 4


def test_alternatives_are_listed_when_the_outcome_has_them() -> None:
    j = decision(NIET)
    alternative = Point(text="Bespreek het anoniem met Veilig Thuis.", citations=())
    with_alternatives = dataclasses.replace(j, alternatives=(alternative,))
    lines = texts(read_back(with_alternatives))
    at = lines.index("Wat je wel kunt doen")
    assert lines[at + 1] == alternative.text
    assert at < lines.index("Verantwoording stap voor stap")


def test_filing_fields_and_the_no_names_warning() -> None:
    doc = read_back(decision(MITS), Filing(case_ref="Z-2026-0042", decided_by="wijkteamlid"))
    lines = texts(doc)
    assert any("geen namen" in line for line in lines)
    rows = {row.cells[0].text: row.cells[1].text for row in doc.tables[-1].rows}
    assert rows["Zaaknummer of kenmerk"] == "Z-2026-0042"
    assert rows["Besloten door (functie)"] == "wijkteamlid"
    assert rows["Wat is er uiteindelijk gedaan"].startswith("…")


@pytest.mark.parametrize("facts", [MITS, NIET, {"gevaar": "nee", "rol": "arts"}])
def test_english_document(facts: dict[str, Any]) -> None:
    j = decision(facts, "en")
    doc = read_back(j)
    assert doc.core_properties.language == "en-GB"
    lines = texts(doc)
    assert lines[0].startswith("Decision document")
    assert not any(line.startswith(("Beslis", "Uitkomst")) for line in lines)

