"""Render an assembled covenant as a Word document (python-docx); returns bytes, writes nothing."""

from __future__ import annotations

import io
from typing import Any

import docx

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


def to_docx(a: Assembly) -> bytes:
    """A real Word document: a notice on the first page, headings, numbered articles, the flow
    table as a Word table, annexes and a place to sign."""
    doc: Any = docx.Document()
    w = words(a.lang)
    props = doc.core_properties
    props.title = a.title
    props.subject = w["version"].format(id=a.covenant, version=a.version)
    props.keywords = f"{a.covenant} {a.version} {a.status.value}"
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
    doc.add_heading(w["signing"], level=1)
    doc.add_paragraph(w["signing_text"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _article(doc: Any, article: Article, lang: str) -> None:
    doc.add_heading(heading(article, lang), level=1)
    if article.flows:
        doc.add_paragraph().add_run(flows_line(article, lang)).italic = True
    many = len(article.paragraphs) > 1
    for i, p in enumerate(article.paragraphs, 1):
        text = paragraph_text(p.text, p.flow, lang)
        doc.add_paragraph(f"{i}. {text}" if many else text)
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
        head = (w["no"], w["from_to"], w["data"], w["purpose"], w["ground"])
        table = doc.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in a.flows:
            for cell, text in zip(table.add_row().cells, row_cells(row), strict=True):
                cell.text = text
    elif letter == "C":
        doc.add_paragraph(w["c_intro"])
        for item in w["c_items"].split("|"):
            doc.add_paragraph(item, style="List Bullet")
        doc.add_paragraph(w["fill_in"])
    else:
        doc.add_paragraph(w["fill_in"])
