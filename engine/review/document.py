"""What the review document says about one tree version, as blocks (Markdown and DOCX alike)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from engine.cases import CaseResult
from engine.decide.evaluate import choices
from engine.explain.diagram import option_label
from engine.explain.justification import cite
from engine.model import Citation, Goto, Guard, Library, Outcome, Question, Status, Text, Tree
from engine.review.blocks import Block, Bullets, Heading, PageBreak, Para, Table
from engine.review.notes import review_notes
from engine.words import say


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewInput:
    library: Library
    tree: Tree
    on: date
    paths: int
    cases: Sequence[CaseResult] = ()
    expected: Sequence[tuple[str, str]] = ()  # (what it touches, reason) from changes/VERSION
    accepted: Sequence[tuple[str, str]] = field(default_factory=tuple)  # from the sign-off
    lang: str = "nl"


def blocks(r: ReviewInput) -> list[Block]:
    """The whole review document: summary, changes, questions, outcomes, citations, sign-off."""
    t, lang = r.tree, r.lang
    out: list[Block] = [Heading(level=1, text=say("review.title", lang, title=t.title.get(lang),
                                                  tree=t.id, version=t.version))]
    out += list(_summary(r))
    out += list(_changes(r))
    out += list(_notes(r))
    out.append(Heading(level=2, text=say("review.questions", lang)))
    for node in t.nodes.values():
        if isinstance(node, Question):
            out += list(_question(r, node))
    out.append(Heading(level=2, text=say("review.outcomes", lang)))
    for node in t.nodes.values():
        if isinstance(node, Outcome):
            out += list(_outcome(r, node))
    out += list(_citations(r))
    out += list(_signoff(r))
    return out


def _summary(r: ReviewInput) -> Iterator[Block]:
    t, lang = r.tree, r.lang
    questions = sum(isinstance(n, Question) for n in t.nodes.values())
    outcomes = sum(isinstance(n, Outcome) for n in t.nodes.values())
    reached = [c for c in r.cases if c.walk and c.walk.tree.id == t.id
               and c.walk.tree.version == t.version and c.walk.outcome]
    until = t.valid_until.isoformat() if t.valid_until else say("review.open_end", lang)
    if t.status is not Status.VASTGESTELD:
        yield Para(text=say("concept", lang), style="quote")
    yield Table(head=(say("review.item", lang), say("review.value", lang)), rows=(
        (say("review.status", lang), t.status.value),
        (say("review.valid", lang), f"{t.valid_from.isoformat()} – {until}"),
        (say("review.counts", lang), say("review.counts_value", lang, questions=questions,
                                         outcomes=outcomes, paths=r.paths)),
        (say("review.cases", lang), str(len(reached))),
        (say("review.sha", lang), t.sha256),
        (say("review.made", lang), r.on.isoformat()),
    ))


def _changes(r: ReviewInput) -> Iterator[Block]:
    lang = r.lang
    earlier = [v for v in r.library.versions(r.tree.id) if v.version_key < r.tree.version_key]
    since = max((v.version_key for v in earlier), default=())
    entries = [c for c in r.tree.changelog
               if tuple(int(p) for p in c.version.split(".")) > since]
    yield Heading(level=2, text=say("review.changelog", lang))
    yield Bullets(items=tuple(f"{c.version} ({c.date.isoformat()}): {c.changes.get(lang)}"
                              for c in entries) or (say("review.none", lang),))
    if r.expected:
        yield Heading(level=3, text=say("review.expected", lang))
        yield Table(head=(say("review.touches", lang), say("review.reason", lang)),
                    rows=tuple(r.expected))


def _notes(r: ReviewInput) -> Iterator[Block]:
    """Every note for the reviewer in one table: the checklist before signing off."""
    lang = r.lang
    notes = review_notes(r.library, r.tree, lang)
    yield Heading(level=2, text=say("notes.title", lang))
    if not notes:
        yield Para(text=say("review.none", lang))
        return
    yield Para(text=say("notes.intro", lang), style="italic")
    yield Table(head=(say("notes.node", lang), say("notes.place", lang), say("notes.note", lang)),
                rows=tuple((n.node, n.place, n.text.get(lang)) for n in notes))


def _for_reviewer(note: Text | None, lang: str) -> str:
    """' [Notitie voor de beoordelaar: ...]' after an item that has one."""
    return f" [{say('notes.label', lang)}: {note.get(lang)}]" if note else ""


def _question(r: ReviewInput, q: Question) -> Iterator[Block]:
    lang = r.lang
    fact = r.library.facts.get(q.fact)
    yield Heading(level=3, text=f"{q.text.get(lang)} ({q.id})")
    if q.help:
        yield Para(text=q.help.get(lang), style="italic")
    if q.why:
        refs = _labels(r, q.why.citations)
        yield Para(text=f"{say('review.why', lang)}: {q.why.text.get(lang)}"
                        + (f" [{refs}]" if refs else ""))
    if q.review_note:
        yield Para(text=f"{say('notes.label', lang)}: {q.review_note.get(lang)}", style="bold")
    rows = []
    for option in q.branches:
        label = option_label(option, fact, lang)
        note = option.note.get(lang) if option.note else ""
        refs = _labels(r, option.citations)
        mine = _for_reviewer(option.review_note, lang).strip()
        rows.append((label, _leads(r, str(option.next)),
                     " ".join(x for x in (note, refs, mine) if x)))
    yield Table(head=(say("review.option", lang), say("review.leads", lang),
                      say("review.note", lang)), rows=tuple(rows))
    if fact is not None and q.otherwise is not None:
        listed = {v for o in q.options for v in o.values}
        rest = [str(label.get(lang)) for value, label in choices(q, fact) if value not in listed]
        yield Para(text=f"{say('review.otherwise', lang)}: {', '.join(rest) or '-'}",
                   style="italic")


def _leads(r: ReviewInput, node_id: str) -> str:
    node = r.tree.nodes.get(node_id)  # type: ignore[call-overload]
    match node:
        case Question():
            return f"{say('review.to_question', r.lang)} {node.id}"
        case Outcome():
            return f"{say(f'verdict.{node.verdict.value}', r.lang)} ({node.id})"
        case Goto():
            return f"{say('diagram.goto', r.lang)} {node.tree}"
    return node_id


def _outcome(r: ReviewInput, o: Outcome) -> Iterator[Block]:
    lang = r.lang
    yield Heading(level=3, text=f"{say(f'verdict.{o.verdict.value}', lang)} ({o.id})")
    yield Para(text=f"{say(f'regime.{o.regime.value}', lang)}. {o.summary.get(lang)}")
    key = "review.relevant" if o.verdict.value == "niet_delen" else "review.grounds"
    grounds = ", ".join(_labels(r, (c,)) + _when(r, c.when) for c in o.grounds)
    items = [f"{say('notes.label', lang)}: {o.review_note.get(lang)}"] if o.review_note else []
    items += [f"{say(key, lang)}: {grounds or '-'}"]
    items += [f"{say('review.condition', lang)}: {c.text.get(lang)}"
              + (f" [{_labels(r, c.citations)}]" if c.citations else "") + _when(r, c.when)
              + _for_reviewer(c.review_note, lang) for c in o.conditions]
    items += [f"{say('review.alternative', lang)}: {a.text.get(lang)}"
              + (f" [{_labels(r, a.citations)}]" if a.citations else "") + _when(r, a.when)
              + _for_reviewer(a.review_note, lang) for a in o.alternatives]
    guards = o.clause_when or ((),) * len(o.clauses)
    items += [f"{say('review.clause', lang)}: {c}{_when(r, g)}"
              for c, g in zip(o.clauses, guards, strict=True)]
    if o.advice:
        items.append(f"{say('review.advice', lang)}: {o.advice.get(lang)}")
    names = [c.case.id for c in r.cases if c.walk and c.walk.outcome is not None
             and (c.walk.tree.id, c.walk.tree.version, c.walk.outcome.id)
             == (r.tree.id, r.tree.version, o.id)]
    reached = ", ".join(names) or say("review.none", lang)
    items.append(f"{say('review.reached_by', lang)}: {reached}")
    yield Bullets(items=tuple(items))


def _when(r: ReviewInput, guard: Guard) -> str:
    """' (alleen als Sector: Private organisatie)': the facts on the path an item needs."""
    if not guard:
        return ""
    parts = []
    for key, values in guard:
        fact = r.library.facts[key]
        parts.append(f"{fact.label.get(r.lang)}: "
                     + say("review.or", r.lang).join(fact.label_of(v, r.lang) for v in values))
    return f" ({say('review.when', r.lang)} {'; '.join(parts)})"


def _labels(r: ReviewInput, citations: Iterable[Citation]) -> str:
    return ", ".join(cite(r.library, c, r.lang).label for c in citations)


def all_citations(tree: Tree) -> dict[str, tuple[Citation, list[str]]]:
    """Every citation of a tree version, once, with the nodes that use it."""
    found: dict[str, tuple[Citation, list[str]]] = {}
    for node in tree.nodes.values():
        cited: list[Citation] = []
        if isinstance(node, Question):
            cited += [*(node.why.citations if node.why else ())]
            cited += [c for o in node.branches for c in o.citations]
        elif isinstance(node, Outcome):
            cited += [*node.grounds, *(c for cond in (*node.conditions, *node.alternatives)
                                       for c in cond.citations)]
        for c in cited:
            entry = found.setdefault(c.ref, (c, []))
            if not c.verified and entry[0].verified:
                found[c.ref] = (c, entry[1])
            if node.id not in found[c.ref][1]:
                found[c.ref][1].append(node.id)
    return found


def _citations(r: ReviewInput) -> Iterator[Block]:
    lang = r.lang
    cited = all_citations(r.tree)
    yield Heading(level=2, text=say("review.citations", lang))
    rows = []
    for ref, (c, nodes) in sorted(cited.items()):
        shown = cite(r.library, c, lang)
        state = say("review.verified" if c.verified else "review.unverified", lang)
        rows.append((ref, f"{shown.label} — {shown.name}", state, ", ".join(nodes)))
    yield Table(head=(say("review.ref", lang), say("review.label", lang),
                      say("review.state", lang), say("review.used", lang)), rows=tuple(rows))
    open_ = [(ref, c, nodes) for ref, (c, nodes) in sorted(cited.items()) if not c.verified]
    yield Heading(level=2, text=say("review.unverified_title", lang))
    if not open_:
        yield Para(text=say("review.none", lang))
        return
    accepted = dict(r.accepted)
    yield Table(head=(say("review.ref", lang), say("review.used", lang),
                      say("review.reason", lang), say("review.accepted", lang)),
                rows=tuple((ref, ", ".join(nodes), _reason(c, lang), accepted.get(ref, ""))
                           for ref, c, nodes in open_))


def _reason(c: Citation, lang: str) -> str:
    """Why a citation is unverified: its note for the reviewer, else its note, else '-'."""
    parts = [n.get(lang) for n in (c.review_note, c.note) if n]
    return " ".join(parts) or "-"


def _signoff(r: ReviewInput) -> Iterator[Block]:
    t, lang = r.tree, r.lang
    yield PageBreak()
    yield Heading(level=2, text=say("review.signoff", lang))
    yield Para(text=say("review.signoff_intro", lang, tree=t.id, version=t.version))
    name = t.reviewed_by or ""
    when = t.reviewed_on.isoformat() if t.reviewed_on else ""
    yield Table(head=(say("review.item", lang), say("review.value", lang)), rows=(
        (say("review.name_role", lang), name), (say("review.date", lang), when),
        (say("review.signature", lang), ""), (say("review.sha", lang), t.sha256)))
    yield Para(text=say("review.signoff_cmd", lang, tree=t.id, version=t.version), style="italic")
