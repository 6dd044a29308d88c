"""engine.covenant.docx: the Word document, read back with python-docx."""

from __future__ import annotations

import io
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest

from engine import load
from engine.cases import read_case
from engine.covenant.assemble import Assembly, Flow, assemble, flow_from_walk
from engine.covenant.docx import to_docx
from engine.decide.evaluate import walk
from engine.decide.versions import resolve
from engine.model import ClauseId, Library, Regime, Verdict

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "convenant"
CREATED = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    tmp = tmp_path_factory.mktemp("lib")
    trees = tmp / "trees"
    trees.mkdir()
    shutil.copy(ROOT / "trees" / "facts.yaml", trees)
    shutil.copy(ROOT / "trees" / "sources.yaml", trees)
    shutil.copytree(DATA / "trees" / "regio", trees / "regio")
    result = load(trees, ROOT / "conventions")
    assert not result.errors
    return result.library


def flows(lib: Library) -> list[Flow]:
    out = []
    for path in sorted((DATA / "flows").glob("*.yaml")):
        case, _ = read_case(path, lib)
        assert case is not None
        out.append(flow_from_walk(case.id, walk(resolve(lib, case.date), case.start, case.facts),
                                  case.facts))
    return out


def read_back(assembly: Assembly) -> Any:
    data = to_docx(assembly, created=CREATED)
    assert data[:2] == b"PK"  # a docx is a zip package
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def nl(lib: Library) -> Assembly:
    return assemble(lib.covenants[0], flows(lib), lib.facts, "nl", lib.sources)


@pytest.fixture(scope="module")
def document(nl: Assembly) -> Any:
    return read_back(nl)


def headings(document: Any, level: int = 1) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_articles_are_real_headings_numbered_one_to_n(document: Any, nl: Assembly) -> None:
    numbered = [h for h in headings(document) if h.startswith("Artikel ")]
    numbers = [int(re.match(r"Artikel (\d+)\. ", h)[1]) for h in numbered]  # type: ignore[index]
    assert numbers == list(range(1, len(nl.articles) + 1))
    assert numbered[0] == "Artikel 1. Begrippen"
    assert "Artikel 16. Verstrekking aan een aangewezen ontvanger (artikel 18 Wpg en Besluit " \
           "politiegegevens)" in numbered
    assert headings(document)[:2] == ["Partijen", "Overwegingen"]


def test_the_title_and_first_page_notice_come_before_any_article(document: Any) -> None:
    texts = [p.text for p in document.paragraphs]
    first_heading = texts.index("Partijen")
    front = "\n".join(texts[:first_heading])
    assert texts[0] == "Convenant ketensamenwerking mensenhandel"
    assert document.paragraphs[0].style.name == "Title"
    assert "CONCEPT" in front
    assert "geen juridisch advies" in front
    assert "modelconvenant 1.0.0" in front
    assert document.core_properties.keywords == "modelconvenant 1.0.0 concept"


def test_the_flow_table_is_a_word_table_with_one_row_per_shared_flow(document: Any) -> None:
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Nr.", "Verstrekker → ontvanger", "Gegevens", "Doel", "Grondslag"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[3][1] == "Politie → CoMensha"
    assert rows[3][4] == "Wpg art. 18(1), Bpg art. 4:2(1)(b)(3°)"
    assert rows[4][1].startswith("Openbaar Ministerie → Burgemeester")
    assert not any("Zorgverlener" in r[1] or "Nationaal Rapporteur" in r[1] for r in rows)


def test_flow_articles_have_a_numbered_paragraph_per_flow(document: Any) -> None:
    texts = [p.text for p in document.paragraphs]
    at = texts.index("Artikel 3. Doel zorg en opvang")
    assert texts[at + 1] == "Geldt voor: stroom 1, stroom 3, stroom 5"
    assert texts[at + 2].startswith("1. Stroom 1: Zorgcoördinator mensenhandel deelt")
    assert texts[at + 3].startswith("2. Stroom 3: Politie deelt gegevens met CoMensha")
    assert texts[at + 4].startswith("3. Stroom 5: Gemeente")


def test_annexes_follow_the_articles_and_annex_c_only_when_needed(document: Any,
                                                                  lib: Library) -> None:
    annexes = [h for h in headings(document) if h.startswith("Bijlage ")]
    assert [h.split(".")[0] for h in annexes] == ["Bijlage A", "Bijlage B", "Bijlage D",
                                                   "Bijlage E", "Bijlage F"]
    wpg20 = Flow(id="politie-gemeente", facts={"verstrekker": "politie", "ontvanger": "gemeente",
                                               "doel": "zorg_opvang", "gegevens": ("gewoon",)},
                 verdict=Verdict.DELEN_MITS, regime=Regime.WPG, grounds=("wpg:20(1)",),
                 clauses=(ClauseId("convenant.grondslag.wpg20"),))
    with_c = read_back(assemble(lib.covenants[0], [wpg20], lib.facts, "nl"))
    assert "Bijlage C. Besluit op grond van artikel 20 Wpg" in headings(with_c)


def test_nothing_of_a_left_out_flow_reaches_the_document(document: Any) -> None:
    body = "\n".join(p.text for p in document.paragraphs)
    assert "huisarts" not in body.lower()
    assert not any(h.endswith(". Beroepsgeheim") for h in headings(document))
    assert any(h.endswith(". Casusoverleg") for h in headings(document))


def test_english_document(lib: Library) -> None:
    en = read_back(assemble(lib.covenants[0], flows(lib), lib.facts, "en", lib.sources))
    assert headings(en)[2] == "Article 1. Definitions"
    front = "\n".join(p.text for p in en.paragraphs[:4])
    assert "DRAFT" in front and "not legal advice" in front
    assert [c.text for c in en.tables[0].rows[0].cells][1] == "Provider → recipient"


def test_a4_with_concept_header_guidance_and_page_numbers_on_every_page(document: Any) -> None:
    for section in document.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
        assert section.header.paragraphs[0].text.startswith("CONCEPT")
        footer = "\n".join(p.text for p in section.footer.paragraphs)
        assert "geen juridisch advies" in footer and "Pagina" in footer
        fields = [t.text.strip() for t in section.footer._element.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")]
        assert fields == ["PAGE", "NUMPAGES"]


def test_document_properties(document: Any) -> None:
    props = document.core_properties
    assert props.author == "Deelwijzer" and props.language == "nl-NL"
    assert props.title == "Convenant ketensamenwerking mensenhandel"
    assert props.created.year == 2026 and props.comments == ""


def test_a_signature_block_for_every_party(document: Any, nl: Assembly) -> None:
    blocks = headings(document, 2)
    assert [h for h in blocks if h.startswith("Namens ")] == \
        [f"Namens {party}" for party in nl.participants]
    last = document.tables[-1]
    assert [row.cells[0].text for row in last.rows] == \
        ["Ondertekening", "Naam", "Functie", "Plaats en datum", "Handtekening"]


def test_what_is_still_to_be_filled_in_is_marked(lib: Library) -> None:
    bare = Flow(id="zonder-gegevens", facts={"verstrekker": "politie", "ontvanger": "gemeente"},
                verdict=Verdict.DELEN_MITS, regime=Regime.WPG, grounds=("wpg:20(1)",),
                clauses=(ClauseId("convenant.grondslag.wpg20"),))
    document = read_back(assemble(lib.covenants[0], [bare], lib.facts, "nl", lib.sources))
    row = [c.text for c in document.tables[0].rows[1].cells]
    assert row[2].startswith("[in te vullen: welke gegevens")
    assert row[3].startswith("[in te vullen: met welk doel")
    highlighted = [r.text for p in document.paragraphs for r in p.runs
                   if r.font.highlight_color is not None]
    assert "[In te vullen door de regio.]" in highlighted
    gaps = [r.text for c in document.tables[0].rows[1].cells for p in c.paragraphs
            for r in p.runs if r.font.highlight_color is not None]
    assert any(g.startswith("[in te vullen: welke gegevens") for g in gaps)
