"""Notes meant for the reviewer ("nog nalopen", "niet gelezen") never reach a professional: in the
tree versions that decide new cases they sit in `review_note`, which only the review document
shows; a citation's `note` (shown beside the article in every result) is for professionals."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping

import pytest

from engine import load
from engine.model import Citation, Library
from engine.read.paths import conventions_dir, trees_dir

#: Words that address the reviewer, not the professional.
FOR_THE_REVIEWER = re.compile(r"nalopen|niet (zelf )?(na)?gelezen|niet ingezien|nog na te gaan",
                              re.IGNORECASE)


def citations(item: object) -> Iterator[Citation]:
    """Every citation inside a model object (questions, options, outcomes, conditions...)."""
    if isinstance(item, Citation):
        yield item
    elif dataclasses.is_dataclass(item) and not isinstance(item, type):
        for f in dataclasses.fields(item):
            yield from citations(getattr(item, f.name))
    elif isinstance(item, Mapping):
        for value in item.values():
            yield from citations(value)
    elif isinstance(item, tuple | list):
        for value in item:
            yield from citations(value)


LIBRARY: Library = load(trees_dir(), conventions_dir()).library
USABLE = [t for versions in LIBRARY.trees.values() for t in versions if t.is_usable]


@pytest.mark.parametrize("tree", USABLE, ids=lambda t: f"{t.id}@{t.version}")
def test_no_note_for_the_reviewer_is_shown_to_a_professional(tree: object) -> None:
    shown = [f"{c.ref}: {c.note.nl}" for c in citations(tree)
             if c.note is not None and FOR_THE_REVIEWER.search(c.note.nl)]
    assert shown == []


def test_the_check_finds_the_notes_it_is_about() -> None:
    """The pattern is not blind: the replaced versions still carry such notes (never edited)."""
    replaced = [t for versions in LIBRARY.trees.values() for t in versions if not t.is_usable]
    assert any(c.note is not None and FOR_THE_REVIEWER.search(c.note.nl)
               for t in replaced for c in citations(t))
