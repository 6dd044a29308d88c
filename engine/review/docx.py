"""The review document as Word (python-docx): A4, real headings and tables, page numbers."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from engine.review.blocks import Block, Bullets, Heading, PageBreak, Para, Table

A4 = (Mm(210), Mm(297))
MARGIN = Mm(25)


def to_docx(blocks: list[Block], title: str, made: datetime, lang: str = "nl") -> bytes:
    """A4 pages with 25 mm margins, a page number in the footer, metadata set explicitly."""
    doc: Any = docx.Document()
    for section in doc.sections:
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        _page_number(section.footer.paragraphs[0])
    props = doc.core_properties
    props.title, props.author, props.language = title, "Deelwijzer", lang
    props.created = props.modified = made
    for block in blocks:
        _add(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _add(doc: Any, block: Block) -> None:
    match block:
        case Heading():
            doc.add_heading(block.text, level=min(block.level - 1, 9) if block.level > 1 else 0)
        case Para():
            para = doc.add_paragraph(style="Intense Quote" if block.style == "quote" else None)
            run = para.add_run(block.text)
            run.bold, run.italic = block.style == "bold", block.style == "italic"
        case Bullets():
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        case Table():
            table = doc.add_table(rows=1, cols=len(block.head))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.head, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
        case PageBreak():
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _page_number(paragraph: Any) -> None:
    """A PAGE field: Word fills in the number of each page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
