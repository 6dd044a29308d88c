"""Render an assembled covenant as a Word document (python-docx); returns bytes, writes nothing."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm

from engine.covenant.assemble import Article, Assembly
from engine.covenant.markdown import (
    annexes,
    flows_line,
    heading,
    notice,
    paragraph_text,
    row_cells,
    words,
)
from engine.covenant.word import (
    Properties,
    add_table,
    header_footer,
    new_document,
    set_properties,
    to_bytes,
)
from engine.model import Status

#: What the region still has to fill in: an unfilled {placeholder} ("[ontvanger]") or a note.
_GAP = re.compile(r"(\[[^\]]+\])")


def to_docx(a: Assembly, *, created: datetime) -> bytes:
    """A real Word document on A4: CONCEPT header while the model is a concept, page numbers
    and the guidance in the footer, headings, numbered articles, the flow table, annexes and a
    signature block per party; whatever is still to be filled in is highlighted."""
    w = words(a.lang)
    doc = new_document(a.lang)
    concept = a.status is Status.CONCEPT
    set_properties(doc, Properties(
        title=a.title, subject=w["version"].format(id=a.covenant, version=a.version),
        keywords=f"{a.covenant} {a.version} {a.status.value}", created=created, lang=a.lang))
    header_footer(doc, header=w["concept"] if concept else None, footer=w["guidance"],
                  lang=a.lang)
    doc.add_heading(a.title, level=0)
    for i, line in enumerate(notice(a)):
        para = doc.add_paragraph(style="Intense Quote" if i == 0 else None)
        para.add_run(line).bold = i == 0
    for article in (*a.preamble, *a.articles):
        _article(doc, article, a.lang)
    for letter, title in annexes(a):
        if letter == "A":
            doc.add_page_break()
        doc.add_heading(f"{w['annex']} {letter}. {title}", level=1)
        _annex(doc, a, letter)
    _signatures(doc, a)
    return to_bytes(doc)


def marked(paragraph: Any, text: str) -> Any:
    """`text` as runs, every gap ('[ontvanger]', '[In te vullen ...]') bold and highlighted."""
    for part in _GAP.split(text):
        if not part:
            continue
        run = paragraph.add_run(part)
        if _GAP.fullmatch(part):
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def _article(doc: Any, article: Article, lang: str) -> None:
    doc.add_heading(heading(article, lang), level=1)
    if article.flows:
        doc.add_paragraph().add_run(flows_line(article, lang)).italic = True
    many = len(article.paragraphs) > 1
    for i, p in enumerate(article.paragraphs, 1):
        text = paragraph_text(p.text, p.flow, lang)
        marked(doc.add_paragraph(), f"{i}. {text}" if many else text)
    if article.citations:
        cites = doc.add_paragraph()
        cites.add_run(f"{words(lang)['cites']}: {', '.join(article.citations)}").italic = True


def _annex(doc: Any, a: Assembly, letter: str) -> None:
    w = words(a.lang)
    if letter == "A":
        doc.add_paragraph(w["a_intro"])
        for name in a.participants:
            doc.add_paragraph(name, style="List Bullet")
    elif letter == "B":
        table = add_table(doc, (w["no"], w["from_to"], w["data"], w["purpose"], w["ground"]),
                          [row_cells(row, a.lang) for row in a.flows])
        for row in table.rows[1:]:
            for cell in row.cells:
                text = cell.text
                if _GAP.search(text):
                    cell.text = ""
                    marked(cell.paragraphs[0], text)
    elif letter == "C":
        doc.add_paragraph(w["c_intro"])
        for item in w["c_items"].split("|"):
            doc.add_paragraph(item, style="List Bullet")
        marked(doc.add_paragraph(), w["fill_in"])
    else:
        marked(doc.add_paragraph(), w["fill_in"])


def _signatures(doc: Any, a: Assembly) -> None:
    """A block per party to sign: who signs on its behalf is filled in on paper, not here."""
    w = words(a.lang)
    doc.add_heading(w["signing"], level=1)
    doc.add_paragraph(w["signing_text"])
    for party in a.participants or (w["gap_party"],):
        doc.add_heading(f"{w['on_behalf']} {party}", level=2)
        table = add_table(doc, (w["sign_field"], w["sign_value"]),
                          [(w[key], "") for key in ("sign_name", "sign_role", "sign_place_date",
                                                    "sign_signature")])
        table.rows[-1].height = Mm(20)  # room to sign
