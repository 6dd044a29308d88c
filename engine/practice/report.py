"""The class overview as text: terminal bar charts (fixed width, no colour) and Markdown."""

from __future__ import annotations

from engine.model import FactKey, Library, Value, Verdict
from engine.practice.overview import Overview, ScenarioSummary
from engine.practice.words import verdict_word
from engine.words import say

BAR = 30  # the widest bar, in characters


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def bars(summary: ScenarioSummary, lang: str, width: int = BAR, mark: bool = True) -> list[str]:
    """One line per verdict: label, a bar of █, the count; the trees' verdict marked ◀ (unless
    `mark` is off: the room sees the spread before the answer)."""
    most = max((n for _, n in summary.spread), default=0) or 1
    label_width = max(len(verdict_word(v, lang)) for v in Verdict)
    lines = []
    for verdict, count in summary.spread:
        bar = "█" * round(width * count / most) if count else "·"
        trees = mark and verdict is summary.verdict
        note = f"  ◀ {say('practice.trees_say', lang)}" if trees else ""
        lines.append(f"  {verdict_word(verdict, lang):<{label_width}} {bar} {count}{note}")
    return lines


def value_label(library: Library, fact: str, value: Value, lang: str) -> str:
    known = library.facts.get(FactKey(fact))
    items = value if isinstance(value, tuple) else (value,)
    if known is None:
        return ", ".join(items)
    return ", ".join(known.label_of(v, lang) for v in items)


def fact_label(library: Library, fact: str, lang: str) -> str:
    known = library.facts.get(FactKey(fact))
    return known.label.get(lang) if known else fact


def headline(ov: Overview, lang: str) -> list[str]:
    """The figures a trainer opens with: participants, share correct, AVG-angst, too permissive."""
    return [
        say("practice.participants", lang, n=ov.participants, set=ov.set.title.get(lang)),
        say("practice.share_correct", lang, pct=percent(ov.correct, ov.predictions), n=ov.correct,
          of=ov.predictions),
        say("practice.angst_figure", lang, pct=percent(ov.angst, ov.allowed), n=ov.angst,
            of=ov.allowed),
        say("practice.ruim_figure", lang, pct=percent(ov.ruim, ov.restricted), n=ov.ruim,
          of=ov.restricted),
    ]


def to_text(ov: Overview, library: Library, lang: str) -> str:
    title = say("practice.overview_title", lang, date=ov.on.isoformat())
    out = [title, "", *headline(ov, lang), ""]
    for i, s in enumerate(ov.scenarios, 1):
        out.append(f"{i}. {s.scenario.title.get(lang)}  [{s.scenario.id}]")
        if not s.predicted:
            out += ["   " + say("practice.not_practised", lang), ""]
            continue
        out.append("   " + _line(s, lang))
        out.extend(bars(s, lang))
        for m in s.misreadings[:3]:
            out.append("   " + _misread(library, m.fact, m.answered, m.story, m.count, lang))
        out.append("")
    out.extend(_questions_text(ov, library, lang))
    out.extend(f"! {line}" for line in ov.skipped)
    return "\n".join(out).rstrip() + "\n"


def _line(s: ScenarioSummary, lang: str) -> str:
    return say("practice.scenario_line", lang, verdict=verdict_word(s.verdict, lang),
             regime=s.regime.upper(), pct=percent(s.correct, s.predicted), n=s.predicted,
             angst=s.angst, ruim=s.ruim)


def _misread(library: Library, fact: str, answered: Value, story: Value, count: int,
             lang: str) -> str:
    return say("practice.misread", lang, n=count, fact=fact_label(library, fact, lang),
             answered=value_label(library, fact, answered, lang),
             story=value_label(library, fact, story, lang))


def _questions_text(ov: Overview, library: Library, lang: str) -> list[str]:
    if not ov.questions:
        return [say("practice.no_misreadings", lang), ""]
    out = [say("practice.questions_title", lang)]
    for q in ov.questions:
        m = q.commonest
        out.append(f"  {fact_label(library, q.fact, lang)}: {q.count}× — " + say(
            "practice.commonest", lang, answered=value_label(library, q.fact, m.answered, lang),
            story=value_label(library, q.fact, m.story, lang), scenario=m.scenario))
    return [*out, ""]


def to_markdown(ov: Overview, library: Library, lang: str,
                pictures: dict[str, str] | None = None) -> str:
    """Markdown; `pictures` maps a scenario id to an image file to show instead of text bars."""
    out = [f"# {say('practice.overview_title', lang, date=ov.on.isoformat())}", ""]
    out.extend(f"- {line}" for line in headline(ov, lang))
    out.append("")
    for i, s in enumerate(ov.scenarios, 1):
        out += [f"## {i}. {s.scenario.title.get(lang)}", "", _line(s, lang), ""]
        picture = (pictures or {}).get(s.scenario.id)
        if picture:
            alt = f"{say('practice.spread', lang)}: {s.scenario.title.get(lang)}"
            out += [f"![{alt}]({picture})", ""]
        out += ["```", *bars(s, lang), "```", ""]
        out.extend(f"- {_misread(library, m.fact, m.answered, m.story, m.count, lang)}"
                   for m in s.misreadings[:3])
        out.append("")
    questions = _questions_text(ov, library, lang)
    out += [f"## {questions[0]}", "", *(f"- {q.strip()}" for q in questions[1:] if q), ""]
    out.extend(f"> {line}" for line in ov.skipped)
    return "\n".join(out).rstrip() + "\n"
