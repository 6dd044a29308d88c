"""A diff in words a lawyer reads: facts, decisions and differences, in Dutch or English."""

from __future__ import annotations

from collections.abc import Mapping

from engine.decide.explore import Fixed
from engine.diff.decision import Decision, Point
from engine.model import Fact, FactKey, FactType
from engine.words import say


def fixed_words(fact: Fact | None, key: str, fixed: Fixed, lang: str) -> str:
    """'Verstrekker: Gemeente of School', 'Gegevens: met Gezondheid; zonder Strafrechtelijk'."""
    if fact is None:
        return key
    name = fact.label.get(lang)

    def label(value: str) -> str:
        shown = fact.label_of(value, lang)
        return f"'{shown}'" if ":" in shown or "," in shown else shown

    if fact.type is not FactType.MANY_OF:
        allowed = [v for v in fact.values if fixed.allowed is None or v in fixed.allowed]
        rest = [v for v in fact.values if v not in allowed]
        if not rest:
            return f"{name}: {say('diff.word.every', lang)}"
        if len(allowed) > 2 and len(rest) < len(allowed):
            return f"{name}: {say('diff.word.except', lang)} " + ", ".join(map(label, rest))
        return f"{name}: " + f" {say('diff.word.or', lang)} ".join(map(label, allowed))
    parts = [f"{say('diff.word.with', lang)} " + f" {say('diff.word.or', lang)} ".join(
        label(v) for v in fact.values if v in need) for need in fixed.present]
    if fixed.absent:
        parts.append(f"{say('diff.word.without', lang)} " + ", ".join(
            label(v) for v in fact.values if v in fixed.absent))
    return f"{name}: " + "; ".join(parts or [say("diff.word.any", lang)])


def facts_words(vocabulary: Mapping[FactKey, Fact], facts: Mapping[str, Fixed],
                order: tuple[str, ...], lang: str) -> list[str]:
    """Each fact a path fixes, in the order the path asks them."""
    keys = [*order, *(k for k in facts if k not in order)]
    return [fixed_words(vocabulary.get(FactKey(k)), k, facts[k], lang) for k in keys if k in facts]


def decision_words(decision: Decision, lang: str) -> str:
    """'Je mag delen, mits ... (AVG en UAVG) [avg/grondslag]', or the problem."""
    if decision.verdict is None:
        return f"{say('diff.word.no_decision', lang)}: {decision.problem or '-'}"
    verdict = say(f"verdict.{decision.verdict}", lang)
    regime = say(f"regime.{decision.regime}", lang) if decision.regime else "-"
    return f"{verdict} ({regime}) [{decision.end}]"


def difference_lines(before: Decision, after: Decision, aspects: tuple[str, ...], lang: str,
                     ) -> list[str]:
    """One line per changed aspect: 'was X, nu Y' or '- removed; + added'."""
    out = []
    for aspect in aspects:
        old, new = getattr(before, aspect), getattr(after, aspect)
        if old == new:
            continue
        if aspect == "unverified":
            out.extend(_verification(before, after, lang))
            continue
        name = say(f"diff.word.{aspect}", lang)
        if isinstance(old, tuple) or isinstance(new, tuple):
            gone = [_item(x, lang) for x in old or () if x not in (new or ())]
            came = [_item(x, lang) for x in new or () if x not in (old or ())]
            moved = "" if gone or came else " (" + _order_word(lang) + ")"
            out.append(f"{name}{moved}: " + "; ".join(
                [*(f"− {g}" for g in gone), *(f"+ {c}" for c in came)]))
        else:
            out.append(f"{name}: {say('diff.word.was', lang)} {_scalar(aspect, old, lang)}, "
                       f"{say('diff.word.now', lang)} {_scalar(aspect, new, lang)}")
    return out


def _verification(before: Decision, after: Decision, lang: str) -> list[str]:
    """'bron nu geverifieerd: avg:10' for each citation made on both sides whose verification
    flipped (a citation added or removed shows as such in its own aspect)."""
    both = before.cited & after.cited
    now = [r for r in before.unverified if r not in after.unverified and r in both]
    no_longer = [r for r in after.unverified if r not in before.unverified and r in both]
    return [f"{say(key, lang)}: {', '.join(refs)}" for key, refs in
            (("diff.word.verified_now", now), ("diff.word.unverified_now", no_longer)) if refs]


def _order_word(lang: str) -> str:
    return "andere volgorde" if lang == "nl" else "different order"


def _item(item: str | Point, lang: str) -> str:
    if isinstance(item, str):
        return item
    text, refs = item
    return text.get(lang) + (f" [{', '.join(refs)}]" if refs else "")


def _scalar(aspect: str, value: str | None, lang: str) -> str:
    if value is None or value == "":
        return say("diff.word.nothing", lang)
    if aspect == "verdict":
        return "'" + say(f"verdict.{value}", lang) + "'"
    if aspect == "regime":
        return "'" + say(f"regime.{value}", lang) + "'"
    return f"'{value}'"
