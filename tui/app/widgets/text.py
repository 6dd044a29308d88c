"""Small display helpers: the path so far, citations with links, checklists."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from engine.decide.evaluate import Walk
from engine.explain.justification import Cited
from engine.model import FactKey
from tui.app.texts import t


def path_text(walk: Walk, lang: str, last: int = 3) -> Text:
    """The breadcrumb: the `last` facts on the path with their answers, known facts marked;
    earlier ones are counted (the review screen shows them all)."""
    lib = walk.resolution.library
    out = Text()
    settled = walk.settled  # each fact once, also when a later tree checks it again
    steps = settled[-last:]
    earlier = len(settled) - len(steps)
    if earlier:
        out.append(f"… (+{earlier}) › ", style="dim")
    for i, step in enumerate(steps):
        fact = lib.facts[FactKey(step.question.fact)]
        values = [step.value] if isinstance(step.value, str) else list(step.value)
        answer = ", ".join(fact.label_of(v, lang) for v in values) or "-"
        if i:
            out.append(" › ", style="dim")
        out.append(f"{fact.label.get(lang)}: ", style="dim")
        out.append(answer, style="bold")
        if not step.asked:
            out.append(f" ({t('known', lang)})", style="italic")
    if not settled:
        out.append(t("path_empty", lang), style="dim")
    return out


def cited_text(cited: tuple[Cited, ...], lang: str, prefix: str = "  ") -> Text:
    """One line per citation: the label as a link, the source's name, unverified marked."""
    out = Text()
    for c in cited:
        out.append(prefix + "• ")
        out.append(c.label, style=Style(bold=True, link=c.url or None))
        out.append(f"  {c.name}", style="dim")
        if not c.verified:
            out.append(f"  ({t('unverified', lang)})", style="italic")
        if c.note:
            out.append(f"\n{prefix}  {c.note}", style="italic")
        out.append("\n")
    out.rstrip()
    return out
