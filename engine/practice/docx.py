"""Workshop documents as Word files (python-docx): handout cards, the answer key, the overview.

A4 pages, real headings and tables, tick boxes as text (☐). Returns bytes; writes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import docx
from docx.shared import Cm

from engine.explain.justification import cite
from engine.model import Library, Regime, Verdict
from engine.practice.chart import Bar, bar_chart
from engine.practice.overview import Overview
from engine.practice.report import fact_label, headline, percent, value_label
from engine.practice.scenario import ScenarioSet
from engine.practice.score import Attempt, Reveal, reveal, taught
from engine.practice.words import regime_word, verdict_word
from engine.words import say


def _document(title: str, lang: str, on: date) -> Any:
    doc: Any = docx.Document()
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0))
    props = doc.core_properties
    props.title = title
    props.author = "Deelwijzer"
    props.last_modified_by = "Deelwijzer"
    props.language = "nl-NL" if lang == "nl" else "en-GB"
    props.created = props.modified = datetime(on.year, on.month, on.day)
    return doc


def _bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def handout(scenario_set: ScenarioSet, lang: str, on: date) -> bytes:
    """One A4 card per scenario: role, story, question and tick boxes. No answers."""
    doc = _document(f"{scenario_set.title.get(lang)} — {say('practice.cards', lang)}", lang, on)
    doc.add_heading(scenario_set.title.get(lang), level=0)
    if scenario_set.intro:
        doc.add_paragraph(scenario_set.intro.get(lang))
    doc.add_paragraph(say("practice.card_instructions", lang))
    for i, s in enumerate(scenario_set.scenarios, 1):
        doc.add_page_break()
        doc.add_heading(f"{i}. {s.title.get(lang)}", level=1)
        doc.add_paragraph().add_run(s.role.get(lang)).italic = True
        doc.add_paragraph(s.story.get(lang))
        doc.add_paragraph().add_run(s.question.get(lang)).bold = True
        doc.add_heading(say("practice.your_prediction", lang), level=2)
        doc.add_paragraph("   ".join(f"☐ {verdict_word(v, lang)}" for v in Verdict))
        doc.add_paragraph(say("practice.regime_q", lang) + "   " + "   ".join(
            f"☐ {label}" for label in (*(regime_word(r, lang) for r in Regime),
                                      say("practice.dont_know", lang))))
    return _bytes(doc)


def answer_key(scenario_set: ScenarioSet, library: Library, lang: str, on: date) -> bytes:
    """For the trainer: per scenario the trees' verdict and grounds on `on`, the teaching point,
    the misconception and the facts the story implies; all computed by the engine."""
    doc = _document(f"{scenario_set.title.get(lang)} — {say('practice.key', lang)}", lang, on)
    doc.add_heading(f"{scenario_set.title.get(lang)} — {say('practice.key', lang)}", level=0)
    doc.add_paragraph(say("practice.key_intro", lang, date=on.isoformat()))
    for i, s in enumerate(scenario_set.scenarios, 1):
        result = reveal(library, on, s, Attempt(scenario=s.id))
        out = result.expected.outcome
        assert out is not None  # reveal raises when the walk does not end in an outcome
        doc.add_heading(f"{i}. {s.title.get(lang)}", level=1)
        para = doc.add_paragraph()
        verdict = say(f"verdict.{out.verdict.value}", lang)
        para.add_run(f"{verdict} — {say(f'regime.{out.regime.value}', lang)}").bold = True
        doc.add_paragraph(out.summary.get(lang))
        grounds = [cite(library, c, lang).label for c in out.grounds]
        _cited(doc, say("practice.grounds", lang), grounds)
        doc.add_paragraph().add_run(say("practice.teaching", lang)).bold = True
        doc.add_paragraph(s.teaching.get(lang))
        taught_labels = [cite(library, c, lang).label for c in taught(result)]
        _cited(doc, say("practice.citations", lang), taught_labels)
        doc.add_paragraph().add_run(say("practice.misconception", lang)).bold = True
        doc.add_paragraph(s.misconception.get(lang))
        _facts_table(doc, library, result, lang)
    return _bytes(doc)


def _cited(doc: Any, title: str, labels: Sequence[str]) -> None:
    if labels:
        doc.add_paragraph().add_run(f"{title}: {', '.join(labels)}").italic = True


def _facts_table(doc: Any, library: Library, result: Reveal, lang: str) -> None:
    """The questions on the trees' path with the answer the story gives."""
    rows = [(fact_label(library, str(step.question.fact), lang),
             value_label(library, str(step.question.fact), step.value, lang))
            for step in result.expected.questions]
    seen: set[tuple[str, str]] = set()
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    head = (say("practice.question", lang), say("practice.story_says", lang))
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        if row not in seen:
            seen.add(row)
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text


def overview(ov: Overview, library: Library, lang: str) -> bytes:
    """The class overview with each scenario's spread as a picture (PNG bar chart)."""
    title = say("practice.overview_title", lang, date=ov.on.isoformat())
    doc = _document(title, lang, ov.on)
    doc.add_heading(title, level=0)
    for line in headline(ov, lang):
        doc.add_paragraph(line, style="List Bullet")
    for i, s in enumerate(ov.scenarios, 1):
        doc.add_heading(f"{i}. {s.scenario.title.get(lang)}", level=1)
        if not s.predicted:
            doc.add_paragraph(say("practice.not_practised", lang))
            continue
        doc.add_paragraph(say("practice.scenario_line", lang, verdict=verdict_word(s.verdict, lang),
                            regime=s.regime.upper(), pct=percent(s.correct, s.predicted),
                            n=s.predicted, angst=s.angst, ruim=s.ruim))
        doc.add_picture(io.BytesIO(chart(s.spread, s.verdict, lang)), width=Cm(15))
        for m in s.misreadings[:3]:
            doc.add_paragraph(say("practice.misread", lang, n=m.count,
                                  fact=fact_label(library, m.fact, lang),
                                  answered=value_label(library, m.fact, m.answered, lang),
                                  story=value_label(library, m.fact, m.story, lang)),
                              style="List Bullet")
    doc.add_heading(say("practice.questions_title", lang), level=1)
    if not ov.questions:
        doc.add_paragraph(say("practice.no_misreadings", lang))
    for q in ov.questions:
        m = q.commonest
        doc.add_paragraph(f"{fact_label(library, q.fact, lang)}: {q.count}× — " + say(
            "practice.commonest", lang, answered=value_label(library, q.fact, m.answered, lang),
            story=value_label(library, q.fact, m.story, lang), scenario=m.scenario),
            style="List Bullet")
    return _bytes(doc)


def chart(spread: Sequence[tuple[Verdict, int]], verdict: Verdict, lang: str) -> bytes:
    """A scenario's spread of predictions as a PNG; the trees' verdict marked."""
    return bar_chart([Bar(verdict_word(v, lang), n, marked=v is verdict) for v, n in spread])

