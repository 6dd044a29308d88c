"""The decision document a professional files: a Word document built from a justification.

Pure: the creation time and the tool version are parameters, the result is bytes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from engine.covenant.word import (
    CHECKED,
    UNCHECKED,
    Properties,
    add_link,
    add_table,
    header_footer,
    new_document,
    set_properties,
    to_bytes,
)
from engine.explain.filing import Filing
from engine.explain.justification import Cited, Crossing, Justification, StepReason
from engine.words import say, section


def long_date(on: date, lang: str) -> str:
    """'1 december 2026' / '1 December 2026'."""
    return f"{on.day} {say('docx.months', lang).split('|')[on.month - 1]} {on.year}"


def to_docx(j: Justification, *, created: datetime, version: str,
            filing: Filing | None = None) -> bytes:
    """The decision document: verdict first, then what to do, alternatives, grounds, the steps,
    the covenant clauses, the trees used and the fields the professional fills in."""
    w = section("docx", j.lang)
    filing = filing or Filing()
    doc = new_document(j.lang)
    concept = any(t.status == "concept" for t in j.trees)
    set_properties(doc, Properties(
        title=w["title"], subject=j.verdict_label or w["pending"], created=created, lang=j.lang,
        keywords=", ".join(["Deelwijzer", *(f"{t.id} {t.version}" for t in j.trees)])))
    header_footer(doc, header=w["concept_header"] if concept else None, footer=j.disclaimer,
                  lang=j.lang)
    doc.add_heading(w["title"], level=0)
    doc.add_paragraph(f"{w['date']}: {long_date(j.date, j.lang)}")
    _verdict(doc, j, w)
    _what_now(doc, j, w, filing)
    _alternatives(doc, j, w)
    _grounds(doc, j, w)
    _steps(doc, j, w)
    _clauses(doc, j, w)
    _trees(doc, j, w, version)
    _filing(doc, filing, w)
    return to_bytes(doc)


def _cites(paragraph: Any, cited: Sequence[Cited], w: dict[str, str]) -> None:
    """Citations as links, each followed by a mark when it still has to be checked."""
    for i, c in enumerate(cited):
        if i:
            paragraph.add_run("; ")
        add_link(paragraph, c.label, c.url)
        if not c.verified:
            paragraph.add_run(f" ({w['unverified']})").italic = True


def _verdict(doc: Any, j: Justification, w: dict[str, str]) -> None:
    if j.status == "pending" or j.verdict is None:
        doc.add_heading(w["pending"], level=1)
        doc.add_paragraph(j.pending.text if j.pending else "")
    else:
        doc.add_heading(w["verdict"], level=1)
        doc.add_paragraph().add_run(f"{j.icon} {j.verdict_label}").bold = True
        doc.add_paragraph(f"{w['regime']}: {j.regime_label}")
        if j.summary:
            doc.add_paragraph(j.summary)
    for notice in j.notices:
        doc.add_paragraph(notice, style="Intense Quote")


def _what_now(doc: Any, j: Justification, w: dict[str, str], filing: Filing) -> None:
    if not (j.conditions or j.advice):
        return
    doc.add_heading(w["what_now"], level=1)
    if j.conditions:
        doc.add_paragraph(w["checklist"])
    for index, point in enumerate(j.conditions):
        para = doc.add_paragraph()
        para.add_run(f"{CHECKED if filing.is_checked(index) else UNCHECKED} ")
        para.add_run(point.text)
        if point.citations:
            para.add_run(" (")
            _cites(para, point.citations, w)
            para.add_run(")")
    if j.advice:
        para = doc.add_paragraph()
        para.add_run(f"{w['advice']}: ").bold = True
        para.add_run(j.advice)


def _alternatives(doc: Any, j: Justification, w: dict[str, str]) -> None:
    found = j.alternatives
    if not found:
        return
    doc.add_heading(w["alternatives"], level=1)
    for point in found:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(point.text)
        if point.citations:
            para.add_run(" (")
            _cites(para, point.citations, w)
            para.add_run(")")


def _grounds(doc: Any, j: Justification, w: dict[str, str]) -> None:
    if not j.grounds:
        return
    doc.add_heading(w["relevant"] if j.grounds_are_relevant_articles else w["grounds"],
                    level=1)
    for c in j.grounds:
        para = doc.add_paragraph(style="List Bullet")
        _cites(para, (c,), w)
        para.add_run(f" — {c.name}")
        if c.note:
            para.add_run(f". {c.note}").italic = True


def _steps(doc: Any, j: Justification, w: dict[str, str]) -> None:
    doc.add_heading(w["steps"], level=1)
    number = 0
    for step in j.steps:
        if isinstance(step, Crossing):
            doc.add_paragraph().add_run(
                f"→ {w['to']} '{step.target}': {step.target_title}").italic = True
            continue
        number += 1
        _step(doc, step, number, w)


def _step(doc: Any, step: StepReason, number: int, w: dict[str, str]) -> None:
    doc.add_heading(f"{number}. {step.question}", level=3)
    para = doc.add_paragraph()
    para.add_run(f"{w['answer']}: ")
    para.add_run(step.answer).bold = True
    para.add_run(f" ({w['asked'] if step.asked else w['known']})")
    if step.reason:
        doc.add_paragraph(f"{w['why']}: {step.reason}")
    if step.note:
        doc.add_paragraph(f"{w['note']}: {step.note}")
    if step.citations:
        _cites(doc.add_paragraph(), step.citations, w)


def _clauses(doc: Any, j: Justification, w: dict[str, str]) -> None:
    if not j.clauses:
        return
    doc.add_heading(f"{w['clauses']} ({j.covenant})", level=1)
    for clause in j.clauses:
        doc.add_heading(f"{clause.title} ({clause.id})", level=2)
        doc.add_paragraph(clause.text)
        if clause.missing:
            doc.add_paragraph().add_run(
                f"{w['missing']}: {', '.join(clause.missing)}").italic = True
        if clause.citations:
            _cites(doc.add_paragraph(), clause.citations, w)


def _trees(doc: Any, j: Justification, w: dict[str, str], version: str) -> None:
    doc.add_heading(w["trees"], level=1)
    rows = [(f"{t.title} ({t.id})", t.version, w.get(f"status_{t.status}", t.status),
             t.sha256[:12]) for t in j.trees]
    add_table(doc, (w["tree"], w["version"], w["status"], w["fingerprint"]), rows)
    for t in j.trees:
        if t.notice:
            doc.add_paragraph(t.notice)
    lines = [f"{w['date']}: {j.date.isoformat()}", f"Deelwijzer {version}"]
    if j.covenant:
        lines.insert(1, f"{w['covenant']}: {j.covenant}")
    for line in lines:
        doc.add_paragraph(line)


def _filing(doc: Any, filing: Filing, w: dict[str, str]) -> None:
    doc.add_heading(w["filing"], level=1)
    doc.add_paragraph().add_run(w["no_names"]).bold = True
    blank = "…" * 20
    add_table(doc, (w["field"], w["value"]),
              [(w["case_ref"], filing.case_ref or blank),
               (w["decided_by"], filing.decided_by or blank),
               (w["done"], filing.done or blank)])
