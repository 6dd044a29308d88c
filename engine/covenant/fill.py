"""Fill a clause's placeholders with the facts of one flow, as prose."""

from __future__ import annotations

import re
from collections.abc import Mapping

from engine.model import PLACEHOLDER, Clause, Fact, FactKey, Regime, Value
from engine.words import say

#: In running text a party's explanation in brackets is left out: "Zorgverlener (huisarts, ...)".
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_PARTIES = ("verstrekker", "ontvanger")


def placeholders(clause: Clause) -> tuple[str, ...]:
    """The placeholders a clause uses, in order of first appearance."""
    names = PLACEHOLDER.findall(clause.text.nl + (clause.text.en or ""))
    return tuple(dict.fromkeys(names))


def join(items: list[str], lang: str) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and' in English)."""
    word = " and " if lang == "en" else " en "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def fill(clause: Clause, facts: Mapping[str, Value], vocabulary: Mapping[FactKey, Fact],
         regime: Regime | None, lang: str) -> tuple[str, tuple[str, ...]]:
    """The clause text with placeholders filled, and the names it could not fill."""
    missing: list[str] = []

    def value_of(match: re.Match[str]) -> str:
        name = match[1]
        if name == "regime" and regime is not None:
            return say(f"regime.{regime.value}", lang)
        value = facts.get(name)
        fact = vocabulary.get(FactKey(name))
        if value is None or fact is None:
            missing.append(name)
            return f"[{name}]"
        values = [value] if isinstance(value, str) else list(value)
        labels = [fact.label_of(v, lang) for v in values]
        if name in _PARTIES:
            labels = [_PARENTHESES.sub("", label) for label in labels]
        return join(labels, lang)

    return PLACEHOLDER.sub(value_of, clause.text.get(lang)), tuple(dict.fromkeys(missing))
