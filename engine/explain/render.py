"""Render a justification as fixed-width text, Markdown or JSON; pure and deterministic."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from engine.explain.justification import (
    Cited,
    Crossing,
    Justification,
    Point,
    StepReason,
    UsedTree,
)
from engine.words import section

SCHEMA_ID = "https://deelwijzer.nl/schemas/decision/1.0.0"


def _refs(cited: tuple[Cited, ...], w: dict[str, str]) -> str:
    return "; ".join(c.label + ("" if c.verified else f" ({w['unverified']})") for c in cited)


def _tree(t: UsedTree, w: dict[str, str], name: bool = True) -> str:
    """'avg 1.0.0 (concept, vervangen door 1.1.0)': a replaced version says so wherever named."""
    state = f"{t.status}, {w['replaced']} {t.superseded_by}" if t.superseded_by else t.status
    return f"{t.id + ' ' if name else ''}{t.version} ({state})"


def _grounds(j: Justification, w: dict[str, str]) -> str:
    """'Grondslag', or on niet_delen 'Relevante artikelen': there the articles are no ground."""
    return w["relevant"] if j.grounds_are_relevant_articles else w["grounds"]


def to_text(j: Justification, width: int = 80, checked: frozenset[int] = frozenset()) -> str:
    """Plain text at a fixed width: the verdict first, then what to do (`checked`: the
    conditions ticked off, [x]), then how it was reached. What a screen reader reads and what
    a case file keeps."""
    w = section("render", j.lang)
    out: list[str] = []

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=first if first is not None
                                 else indent, subsequent_indent=indent) or [indent.rstrip()])

    out.extend([w["title"], "=" * len(w["title"]), f"{w['date']}: {j.date.isoformat()}", ""])
    if j.status == "pending" and j.pending:
        para(f"{w['pending']}: {j.pending.text}")
    else:
        para(f"{j.icon} {w['verdict']}: {j.verdict_label}")
        para(f"{w['regime']}: {j.regime_label}")
        if j.summary:
            para(j.summary)
    for notice in j.notices:
        para(notice, "  ", "! ")
    for title, items, box in ((w["conditions"], j.conditions, "  [{}] "),
                              (w["alternatives"], j.alternatives, "  - ")):
        if items:  # a checklist of what to do, and a list of what to do instead
            out += ["", title + ":"]
        for index, c in enumerate(items):
            first = box.format("x" if index in checked else " ")
            suffix = f" [{_refs(c.citations, w)}]" if c.citations else ""
            para(c.text + suffix, " " * len(first), first)
    if j.advice:
        out.append("")
        para(f"{w['advice']}: {j.advice}")
    if j.grounds:
        out.append("")
        para(f"{_grounds(j, w)}: {_refs(j.grounds, w)}")
    if j.clauses:
        out += ["", f"{w['clauses']} ({j.covenant}):"]
        for cl in j.clauses:
            para(f"{cl.title} ({cl.id})", "  ", "- ")
            para(cl.text, "    ")
            if cl.missing:
                para(f"{w['missing']}: " + ", ".join(cl.missing), "    ")
    out += ["", w["steps"], "-" * len(w["steps"])]
    number = 0
    for step in j.steps:
        if isinstance(step, Crossing):
            para(f"{w['to']} '{step.target}': {step.target_title}", "   ", "-> ")
            continue
        number += 1
        for line, first_line in _step_lines(step, number, w):
            para(line, "    ", first_line)
        if step.citations:
            out[-1] += "]"
    out.append("")
    for t in j.trees:
        out.append(f"{w['trees']}: {_tree(t, w)}" if t is j.trees[0]
                   else f"{' ' * len(w['trees'])}  {_tree(t, w)}")
    out.append("")
    para(j.disclaimer)
    return "\n".join(out) + "\n"


def _step_lines(step: StepReason, number: int, w: dict[str, str],
                ) -> list[tuple[str, str | None]]:
    """A step of the trace as (text, first-line prefix) pairs."""
    how = w["asked"] if step.asked else w["known"]
    lines: list[tuple[str, str | None]] = [(step.question, f"{number:>2}. "),
                                           (f"{w['answer']}: {step.answer} ({how})", None)]
    if step.reason:
        lines.append((f"{w['why']}: {step.reason}", None))
    if step.note:
        lines.append((f"{w['note']}: {step.note}", None))
    if step.citations:
        lines.append((_refs(step.citations, w), "    ["))
    return lines


def to_markdown(j: Justification, checked: frozenset[int] = frozenset()) -> str:
    """Markdown with links to the sources, verdict first, for a case file or an e-mail to
    the FG; `checked` are the conditions ticked off (- [x])."""
    w = section("render", j.lang)

    def link(c: Cited) -> str:
        flag = "" if c.verified else f" *({w['unverified']})*"
        return f"[{c.label}]({c.url}){flag}"

    def links(cs: tuple[Cited, ...]) -> str:
        return ", ".join(link(c) for c in cs)

    def points(title: str, found: tuple[Point, ...], box: str) -> list[str]:
        if not found:
            return []
        return [f"## {title}", "", *(box.format("x" if i in checked else " ") + c.text
                                     + (f" ({links(c.citations)})" if c.citations else "")
                                     for i, c in enumerate(found)), ""]

    out = [f"# {w['title']}", "", f"- **{w['date']}:** {j.date.isoformat()}", ""]
    if j.status == "pending" and j.pending:
        out += [f"## {w['pending']}", "", j.pending.text, ""]
    else:
        out += [f"## {w['verdict']}: {j.icon} {j.verdict_label}", "",
                f"**{w['regime']}:** {j.regime_label}", ""]
        if j.summary:
            out += [j.summary, ""]
    if j.notices:
        out += [*[f"> **!** {n}  " for n in j.notices], ""]
    out += points(w["conditions"], j.conditions, "- [{}] ")
    out += points(w["alternatives"], j.alternatives, "- ")
    if j.advice:
        out += [f"**{w['advice']}:** {j.advice}", ""]
    if j.grounds:
        out += [f"**{_grounds(j, w)}:** {links(j.grounds)}", ""]
    if j.clauses:
        out += [f"## {w['clauses']} ({j.covenant})", ""]
        for cl in j.clauses:
            out += [f"### {cl.title} (`{cl.id}`)", "", cl.text, ""]
            if cl.citations:
                out += [links(cl.citations), ""]
    out += [f"## {w['steps']}", ""]
    number = 0
    for step in j.steps:
        if isinstance(step, Crossing):
            out.append(f"   → *{w['to']} `{step.target}`: {step.target_title}*")
            continue
        number += 1
        how = w["asked"] if step.asked else w["known"]
        out.append(f"{number}. **{step.question}**  ")
        out.append(f"   {w['answer']}: {step.answer} ({how})  ")
        if step.reason:
            out.append(f"   {w['why']}: {step.reason}  ")
        if step.note:
            out.append(f"   {w['note']}: {step.note}  ")
        if step.citations:
            out.append(f"   {links(step.citations)}")
    out += ["", f"**{w['trees']}:** " + ", ".join(f"`{t.id}` {_tree(t, w, name=False)}"
                                                    for t in j.trees), ""]
    out += [f"*{j.disclaimer}*", ""]
    return "\n".join(out)


def to_data(j: Justification) -> dict[str, Any]:
    """The stable JSON interface of `deelwijzer decide --format json` (see docs/cli.md)."""
    steps: list[dict[str, Any]] = []
    for s in j.steps:
        if isinstance(s, StepReason):
            steps.append({"kind": "question", "tree": s.tree, "node": s.node, "fact": s.fact,
                          "value": list(s.value) if isinstance(s.value, tuple) else s.value,
                          "asked": s.asked, "question": s.question, "answer": s.answer,
                          "citations": [c.ref for c in s.citations]})
        else:
            steps.append({"kind": "goto", "tree": s.tree, "target": s.target})
    return {
        "schema": SCHEMA_ID, "status": j.status, "date": j.date.isoformat(), "lang": j.lang,
        "verdict": j.verdict.value if j.verdict else None,
        "regime": j.regime.value if j.regime else None, "summary": j.summary,
        "citations": [c.ref for c in j.citations],
        "unverified": [c.ref for c in j.citations if not c.verified],
        "grounds": [c.ref for c in j.grounds],
        "conditions": [{"text": c.text, "citations": [x.ref for x in c.citations]}
                       for c in j.conditions],
        "alternatives": [{"text": c.text, "citations": [x.ref for x in c.citations]}
                         for c in j.alternatives],
        "clauses": [c.id for c in j.clauses], "advice": j.advice,
        "trees": {t.id: t.version for t in j.trees},
        "tree_status": {t.id: t.status for t in j.trees},
        "superseded_by": {t.id: t.superseded_by for t in j.trees if t.superseded_by},
        "steps": steps,
        "pending": {"tree": j.pending.tree, "node": j.pending.node, "fact": j.pending.fact,
                    "question": j.pending.text} if j.pending else None,
        "notices": list(j.notices), "disclaimer": j.disclaimer,
    }


def to_json(j: Justification) -> str:
    return json.dumps(to_data(j), ensure_ascii=False, indent=2) + "\n"
