"""Notes for the reviewer (`review_note`): where each is in a tree version, for the review document.

These notes ("nalopen ...") are for the lawyer who reviews a tree; a professional never sees them.
Only the review document reads them: justifications, renderers and the shells do not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from engine.model import Citation, Condition, Library, Outcome, Question, Text, Tree
from engine.words import say


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    node: str
    place: str  # in words: "vraag", "antwoord Agent", "verwijzing AVG art. 10"...
    text: Text


def review_notes(library: Library, tree: Tree, lang: str) -> list[Note]:
    """Every note for the reviewer in `tree`, in the order of its nodes."""
    out: list[Note] = []
    for node in tree.nodes.values():
        if isinstance(node, Question):
            out += [Note(node=node.id, place=p, text=t) for p, t in _question(library, node, lang)]
        elif isinstance(node, Outcome):
            out += [Note(node=node.id, place=p, text=t) for p, t in _outcome(node, lang)]
    return out


def _question(library: Library, q: Question, lang: str) -> Iterator[tuple[str, Text]]:
    if q.review_note:
        yield say("notes.question", lang), q.review_note
    yield from _cited(q.why.citations if q.why else (), lang)
    fact = library.facts.get(q.fact)
    for option in q.branches:
        name = ", ".join(fact.label_of(v, lang) for v in option.values) if fact else ""
        name = name or say("notes.otherwise", lang)
        if option.review_note:
            yield f"{say('notes.option', lang)} {name}", option.review_note
        yield from _cited(option.citations, lang)


def _outcome(o: Outcome, lang: str) -> Iterator[tuple[str, Text]]:
    if o.review_note:
        yield say("notes.outcome", lang), o.review_note
    yield from _cited(o.grounds, lang)
    yield from _points("notes.condition", o.conditions, lang)
    yield from _points("notes.alternative", o.alternatives, lang)


def _points(key: str, points: tuple[Condition, ...], lang: str) -> Iterator[tuple[str, Text]]:
    for i, point in enumerate(points, 1):
        if point.review_note:
            yield f"{say(key, lang)} {i}", point.review_note
        yield from _cited(point.citations, lang)


def _cited(citations: tuple[Citation, ...], lang: str) -> Iterator[tuple[str, Text]]:
    for c in citations:
        if c.review_note:
            yield f"{say('notes.citation', lang)} {c.ref}", c.review_note
