"""Word building blocks shared by the decision document and the covenant (python-docx, pure)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from engine.words import say

#: The language tag Word uses for spelling and hyphenation, per output language.
LANGUAGE = {"nl": "nl-NL", "en": "en-GB"}
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
UNCHECKED = "☐"
CHECKED = "☒"  # ticked off in the app


@dataclass(frozen=True, slots=True, kw_only=True)
class Properties:
    """The document properties Word shows under File > Info."""

    title: str
    subject: str
    keywords: str
    created: datetime
    lang: str


def new_document(lang: str) -> Any:
    """An empty A4 document (25 mm margins) whose text is marked as `lang` for spelling."""
    doc: Any = docx.Document()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        section.header_distance = section.footer_distance = Mm(12)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    tag.set(qn("w:val"), LANGUAGE.get(lang, "nl-NL"))
    return doc


def set_properties(doc: Any, props: Properties) -> None:
    """Title, creator, dates and language: never python-docx's own template values."""
    core = doc.core_properties
    core.title = props.title
    core.subject = props.subject
    core.keywords = props.keywords
    core.author = core.last_modified_by = "Deelwijzer"
    core.created = core.modified = props.created
    core.language = LANGUAGE.get(props.lang, "nl-NL")
    core.revision = 1
    core.comments = ""
    core.category = ""


def header_footer(doc: Any, *, header: str | None, footer: str, lang: str) -> None:
    """On every page: `header` (bold, e.g. CONCEPT) when given; the footer text and 'Pagina X
    van Y' as Word fields, so the numbers stay right after editing."""
    page, of = say("word.page", lang), say("word.of", lang)
    for section in doc.sections:
        head = section.header.paragraphs[0]
        head.text = ""
        if header:
            run = head.add_run(header)
            run.bold = True
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot = section.footer.paragraphs[0]
        foot.text = ""
        foot.add_run(footer).font.size = Pt(8)
        numbers = section.footer.add_paragraph()
        numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        numbers.add_run(f"{page} ")
        add_field(numbers, "PAGE")
        numbers.add_run(f" {of} ")
        add_field(numbers, "NUMPAGES")


def add_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES): begin, instruction, separate, placeholder, end."""
    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    for part in (char("begin"), code, char("separate")):
        paragraph.add_run()._r.append(part)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))


def add_link(paragraph: Any, text: str, url: str) -> None:
    """A clickable hyperlink (blue, underlined) to an external address."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = paragraph.add_run(text)
    run.font.color.rgb = LINK_COLOUR
    run.font.underline = True
    link.append(run._r)
    paragraph._p.append(link)


def add_table(doc: Any, head: Sequence[str], rows: Sequence[Sequence[str]]) -> Any:
    """A real Word table with a bold header row that repeats on every page."""
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
