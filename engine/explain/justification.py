"""Explain a walk: built from its trace only, in Dutch or English, ready to render."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from engine import citation
from engine.covenant.fill import fill
from engine.decide.evaluate import Step, Transfer, Walk
from engine.errors import said
from engine.model import (
    Citation,
    Condition,
    Covenant,
    Library,
    Outcome,
    Regime,
    Tree,
    Value,
    Verdict,
)
from engine.words import say

#: Never colour alone: every verdict has a symbol that also reads in plain text.
VERDICT_ICONS = {Verdict.DELEN: "[✓]", Verdict.DELEN_MITS: "[!]", Verdict.NIET_DELEN: "[✗]",
                 Verdict.ADVIES: "[?]"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited:
    ref: str
    label: str
    name: str
    url: str
    verified: bool
    note: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StepReason:
    tree: str
    node: str
    fact: str
    question: str
    answer: str
    value: Value
    asked: bool
    reason: str | None
    note: str | None
    citations: tuple[Cited, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Crossing:
    tree: str
    target: str
    target_title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    text: str
    citations: tuple[Cited, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FilledClause:
    id: str
    title: str
    text: str
    citations: tuple[Cited, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class UsedTree:
    id: str
    title: str
    version: str
    status: str
    sha256: str
    notice: str | None
    superseded_by: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    tree: str
    node: str
    fact: str
    text: str
    help: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Justification:
    lang: str
    date: date
    status: str  # "outcome" | "pending"
    steps: tuple[StepReason | Crossing, ...]
    verdict: Verdict | None
    verdict_label: str | None
    icon: str | None
    regime: Regime | None
    regime_label: str | None
    summary: str | None
    grounds: tuple[Cited, ...]
    conditions: tuple[Point, ...]
    clauses: tuple[FilledClause, ...]
    advice: str | None
    pending: Question | None
    trees: tuple[UsedTree, ...]
    covenant: str | None
    citations: tuple[Cited, ...]
    notices: tuple[str, ...]
    disclaimer: str
    #: What the professional can lawfully do instead (niet_delen and advies outcomes).
    alternatives: tuple[Point, ...] = ()

    @property
    def grounds_are_relevant_articles(self) -> bool:
        """On `niet_delen` the grounds are the articles that forbid or bear on sharing, not a
        legal ground: shown as "Relevante artikelen", never as "Grondslag"."""
        return self.verdict is Verdict.NIET_DELEN


def cite(library: Library, c: Citation, lang: str) -> Cited:
    src = library.sources[c.source]
    return Cited(ref=c.ref, label=citation.label(src.short, c.locator), name=src.name.get(lang),
                 url=citation.article_link(src.url, src.article_url, c.locator),
                 verified=c.verified, note=c.note.get(lang) if c.note else None)


def justify(walk: Walk, lang: str = "nl", facts: Mapping[str, Value] | None = None,
            ) -> Justification:
    """The justification of `walk`, from its trace and the facts it knew; `facts` may add
    facts that are not part of the walk (for filling clause placeholders only)."""
    lib = walk.resolution.library
    known = {**(facts or {}), **walk.known}
    steps = tuple(_step(lib, s, lang) if isinstance(s, Step) else _crossing(s, lang)
                  for s in walk.steps)
    out = walk.outcome
    trees = tuple(_used(walk, t, lang) for t in walk.trees)
    notices = [t.notice for t in trees if t.notice]
    if any(t.status == "concept" for t in trees):
        notices.append(say("concept", lang))
    covenant = walk.resolution.covenant
    if covenant is not None and covenant.superseded_by is not None:
        notices.append(replaced(f"convenant '{covenant.id}'", covenant.version,
                                covenant.superseded_by, lang))
    pending = walk.pending
    return Justification(
        lang=lang, date=walk.resolution.on, status="outcome" if out else "pending", steps=steps,
        verdict=out.verdict if out else None,
        verdict_label=say(f"verdict.{out.verdict.value}", lang) if out else None,
        icon=VERDICT_ICONS[out.verdict] if out else None,
        regime=out.regime if out else None,
        regime_label=say(f"regime.{out.regime.value}", lang) if out else None,
        summary=out.summary.get(lang) if out else None,
        grounds=tuple(cite(lib, c, lang) for c in out.grounds) if out else (),
        conditions=_points(lib, out.conditions, lang) if out else (),
        alternatives=_points(lib, out.alternatives, lang) if out else (),
        clauses=_clauses(walk, out, covenant, known, lang),
        advice=out.advice.get(lang) if out and out.advice else None,
        pending=Question(tree=pending.tree.id, node=pending.question.id,
                         fact=pending.question.fact, text=pending.question.text.get(lang),
                         help=pending.question.help.get(lang) if pending.question.help else None)
        if pending else None,
        trees=trees, covenant=f"{covenant.id} {covenant.version}" if covenant else None,
        citations=tuple(cite(lib, c, lang) for c in walk.citations),
        notices=tuple(notices), disclaimer=say("disclaimer", lang))


def _points(lib: Library, points: tuple[Condition, ...], lang: str) -> tuple[Point, ...]:
    return tuple(Point(text=c.text.get(lang), citations=tuple(cite(lib, x, lang)
                                                              for x in c.citations))
                 for c in points)


def _step(lib: Library, step: Step, lang: str) -> StepReason:
    q = step.question
    fact = lib.facts[q.fact]
    values = [step.value] if isinstance(step.value, str) else list(step.value)
    labels = [(step.option.label.get(lang) if step.option.label and len(values) == 1 else None)
              or fact.label_of(v, lang) for v in values]
    why = q.why.citations if q.why else ()
    return StepReason(
        tree=step.tree.id, node=q.id, fact=q.fact, question=q.text.get(lang),
        answer=", ".join(labels) if labels else ("(geen)" if lang == "nl" else "(none)"),
        value=step.value, asked=step.asked, reason=q.why.text.get(lang) if q.why else None,
        note=step.option.note.get(lang) if step.option.note else None,
        citations=once(cite(lib, c, lang) for c in (*why, *step.option.citations)))


def once(cited: Iterable[Cited]) -> tuple[Cited, ...]:
    """Each citation once: an article cited by both the question and the answer is listed
    once, as unverified if either says so, with every note."""
    out: dict[str, Cited] = {}
    for c in cited:
        first = out.get(c.ref)
        if first is None:
            out[c.ref] = c
            continue
        notes = dict.fromkeys(n for n in (first.note, c.note) if n)
        out[c.ref] = replace(first, verified=first.verified and c.verified,
                             note=" ".join(notes) or None)
    return tuple(out.values())


def _crossing(step: Transfer, lang: str) -> Crossing:
    return Crossing(tree=step.tree.id, target=step.target.id,
                    target_title=step.target.title.get(lang))


def _used(walk: Walk, tree: Tree, lang: str) -> UsedTree:
    notice = replaced(f"{'boom' if lang == 'nl' else 'tree'} '{tree.id}'", tree.version,
                      tree.superseded_by, lang) if tree.superseded_by \
        else _in(walk.resolution.notice(tree), lang)
    return UsedTree(id=tree.id, title=tree.title.get(lang), version=tree.version,
                    status=tree.status.value, sha256=tree.sha256, notice=notice,
                    superseded_by=tree.superseded_by)


def _in(text: str | None, lang: str) -> str | None:
    return None if text is None else said(text, lang)


def replaced(what: str, version: str, by: str, lang: str) -> str:
    """The notice shown wherever a replaced tree or covenant version is named."""
    return say("replaced_notice", lang, what=what, version=version, by=by)


def _clauses(walk: Walk, out: Outcome | None, covenant: Covenant | None,
             known: Mapping[str, Value], lang: str) -> tuple[FilledClause, ...]:
    if out is None:
        return ()
    lib = walk.resolution.library
    filled = []
    for clause_id in out.clauses:
        clause = covenant.clause(clause_id) if covenant else None
        if clause is None:
            filled.append(FilledClause(id=clause_id, title=clause_id, text="", citations=(),
                                       missing=("clausule",)))
            continue
        body, missing = fill(clause, known, lib.facts, out.regime, lang)
        filled.append(FilledClause(id=clause.id, title=clause.title.get(lang), text=body,
                                   citations=tuple(cite(lib, c, lang) for c in clause.citations),
                                   missing=missing))
    return tuple(filled)
