"""The app's words: looked up in the one catalogue, engine/words.py."""

from __future__ import annotations

from engine.words import WORDS, say

t = say


def key_label(description: str, lang: str) -> str:
    """A key's description (written in Dutch in the BINDINGS) in `lang`."""
    key = f"key:{description}"
    return say(key, lang) if key in WORDS else description
