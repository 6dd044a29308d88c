"""A diff report as text, Markdown or JSON data, in Dutch or English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from engine.diff.decision import ASPECTS, REASONING_ASPECTS, Decision, Kind
from engine.diff.expect import Change
from engine.diff.report import Group, Report, group_key, groups
from engine.diff.samples import Sample
from engine.diff.sets import Period
from engine.diff.words import decision_words, difference_lines, facts_words
from engine.model import Text

T = {
    "title": Text(nl="Wat verandert er aan de beslissingen?", en="What changes in the decisions?"),
    "from": Text(nl="Beslissingen vanaf", en="Decisions from"),
    "versions": Text(nl="versies", en="versions"),
    "paths": Text(nl="paden", en="paths"),
    "path": Text(nl="pad", en="path"),
    "same_as": Text(nl="dezelfde paden als vanaf", en="the same paths as from"),
    "mismatch": Text(nl="Resultaat: de wijzigingen wijken af van de verwachte",
                     en="Result: the changes differ from the expected ones"),
    "undeclared": Text(nl="niet aangekondigd", en="undeclared"),
    "not_happened": Text(nl="niet opgetreden", en="did not happen"),
    "start": Text(nl="start", en="start"),
    "compared": Text(nl="vergeleken", en="compared"),
    "changed": Text(nl="gewijzigd", en="changed"),
    "through": Text(nl="door boom", en="through tree"),
    Kind.OUTCOME.value: Text(nl="Uitkomst gewijzigd", en="Outcome changed"),
    Kind.REASONING.value: Text(nl="Zelfde uitkomst, redenering gewijzigd",
                               en="Same outcome, reasoning changed"),
    "before": Text(nl="Voor", en="Before"),
    "after": Text(nl="Na", en="After"),
    "cases": Text(nl="Casussen", en="Cases"),
    "records": Text(nl="Beslisrecords", en="Decision records"),
    "run": Text(nl="gedraaid", en="run"),
    "expect": Text(nl="Verwachte wijzigingen", en="Expected changes"),
    "met": Text(nl="gevonden", en="found"),
    "unmet": Text(nl="NIET opgetreden", en="did NOT happen"),
    "unexpected": Text(nl="Niet aangekondigde wijzigingen", en="Undeclared changes"),
    "none": Text(nl="Geen wijzigingen.", en="No changes."),
    "pass": Text(nl="Resultaat: precies de verwachte wijzigingen.",
                 en="Result: exactly the expected changes."),
    "outcome": Text(nl="Uitkomst", en="Outcome"),
    "all": Text(nl="Bij alle paden", en="On every path"),
    "fail": Text(nl="Resultaat: beslissingen gewijzigd.", en="Result: decisions changed."),
    "line": Text(nl="regel", en="line"),
}


def t(key: str, lang: str) -> str:
    return T[key].get(lang)


def to_text(report: Report, lang: str = "nl") -> str:
    return "\n".join(_lines(report, lang, markdown=False)) + "\n"


def to_markdown(report: Report, lang: str = "nl") -> str:
    return "\n".join(_lines(report, lang, markdown=True)) + "\n"


def _lines(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    head = "# " if markdown else ""
    sub = "## " if markdown else ""
    item = "- " if markdown else "  "
    yield f"{head}{t('title', lang)}"
    yield f"{t('before', lang)}: {report.before}  →  {t('after', lang)}: {report.after}"
    shown: dict[tuple[object, ...], str] = {}  # a group already shown for an earlier period
    for period in report.periods:
        yield ""
        yield f"{sub}{t('from', lang)} {period.on.isoformat()}"
        yield from _versions(period, lang, item)
        for start in period.starts:
            yield (f"{item}{start.start} ({t('start', lang)}): {start.before_paths} → "
                   f"{start.after_paths} {t('paths', lang)}, {start.cells} "
                   f"{t('compared', lang)}, {len(start.changed)} {t('changed', lang)}")
            for tree in sorted(set(start.through_before) | set(start.through_after)):
                if tree != start.start:
                    yield (f"{item}  {t('through', lang)} {tree}: "
                           f"{start.through_before.get(tree, 0)} → "
                           f"{start.through_after.get(tree, 0)} {t('paths', lang)}")
        for group in groups(period):
            yield ""
            key = group_key(group)
            if key in shown:
                yield f"{_title(group, lang)}: {t('same_as', lang)} {shown[key]}"
                continue
            shown[key] = period.on.isoformat()
            yield from _group(report, group, lang, markdown)
    yield from _samples(report, lang, markdown)
    yield from _expectations(report, lang, markdown)
    yield ""
    if not report.changes:
        yield t("none", lang)
    else:
        yield t("pass", lang) if report.passed else _failure(report, lang)


def _versions(period: Period, lang: str, item: str) -> Iterator[str]:
    if period.before == period.after:
        yield f"{item}{t('versions', lang)}: {', '.join(period.before)}"
    else:
        yield f"{item}{t('versions', lang)}: {', '.join(period.before) or '-'}  →  " \
              f"{', '.join(period.after) or '-'}"


def _group(report: Report, group: Group, lang: str, markdown: bool) -> Iterator[str]:
    title = _title(group, lang)
    yield f"### {title}" if markdown else f"[{title}]"
    yield from _before_after(group.before, group.after, lang, "  ")
    for line in difference_lines(group.before, group.after, group.aspects, lang):
        yield f"  {line}"
    worded = [facts_words(report.vocabulary, c.facts, c.order, lang) for c in group.cells]
    common = [w for w in worded[0] if all(w in other for other in worded[1:])] \
        if len(worded) > 1 else []
    if common:
        yield f"  {t('all', lang)}: " + "; ".join(common)
    if markdown:
        yield ""
    for i, (cell, words) in enumerate(zip(group.cells, worded, strict=True), 1):
        mark = _mark(report, cell)
        facts = "; ".join(w for w in words if w not in common)
        yield f"{'-' if markdown else f'  {i}.'}{mark} {facts or '-'}"
        for line in difference_lines(cell.before, cell.after, REASONING_ASPECTS, lang):
            yield f"{'  ' if markdown else '     '}{line}"


def _failure(report: Report, lang: str) -> str:
    verdict = report.verdict
    if verdict is None:
        return t("fail", lang)
    return (f"{t('mismatch', lang)}: {len(verdict.unexpected)} {t('undeclared', lang)}, "
            f"{len(verdict.unmet)} {t('not_happened', lang)}.")


def _title(group: Group, lang: str) -> str:
    n = len(group.cells)
    return (f"{t(group.kind.value, lang)}: {group.before.end or '-'} → {group.after.end or '-'}"
            f" ({n} {t('path' if n == 1 else 'paths', lang)})")


def _before_after(before: Decision, after: Decision, lang: str, indent: str) -> Iterator[str]:
    old, new = decision_words(before, lang), decision_words(after, lang)
    if old == new:
        yield f"{indent}{t('outcome', lang)}: {old}"
    else:
        yield f"{indent}{t('before', lang)}: {old}"
        yield f"{indent}{t('after', lang)}: {new}"


def _mark(report: Report, change: Change) -> str:
    """' !' before a change that no declaration covers (only with --expect)."""
    verdict = report.verdict
    return " (!)" if verdict is not None and change in verdict.unexpected else ""


def _samples(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    for what, key in (("case", "cases"), ("record", "records")):
        found = [s for s in report.samples if s.what == what]
        if not found:
            continue
        changed = [s for s in found if s.kind is not Kind.SAME]
        yield ""
        yield f"{'## ' if markdown else ''}{t(key, lang)}: {len(found)} {t('run', lang)}, " \
              f"{len(changed)} {t('changed', lang)}"
        for sample in changed:
            yield from _sample(report, sample, lang, markdown)


def _sample(report: Report, sample: Sample, lang: str, markdown: bool) -> Iterator[str]:
    item = "- " if markdown else "  "
    yield f"{item}{sample.file} / {sample.name}{_mark(report, sample)} " \
          f"({t(sample.kind.value, lang)})"
    yield from _before_after(sample.before, sample.after, lang, "    ")
    for line in difference_lines(sample.before, sample.after, ASPECTS, lang):
        yield f"    {line}"


def _expectations(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    verdict = report.verdict
    if verdict is None or report.expected is None:
        return
    yield ""
    yield f"{'## ' if markdown else ''}{t('expect', lang)} ({report.expect_file})"
    item = "- " if markdown else "  "
    for e in report.expected:
        count = verdict.met.get(e.index, 0)
        state = f"✓ {count} {t('met', lang)}" if count else f"✗ {t('unmet', lang)}"
        what = e.outcome or e.case or e.record or e.tree or ", ".join(e.facts)
        yield f"{item}{state}: {what} ({t('line', lang)} {e.line}) — {e.reason.get(lang)}"
    if verdict.unexpected:
        yield f"{item}{t('unexpected', lang)}: {len(verdict.unexpected)} (!)"


def to_data(report: Report) -> dict[str, Any]:
    """Everything in the report as plain data (both languages where there are words)."""
    verdict = report.verdict
    return {
        "before": report.before, "after": report.after, "passed": report.passed,
        "periods": [{
            "from": p.on.isoformat(), "before": list(p.before), "after": list(p.after),
            "starts": [{"tree": s.start, "paths_before": s.before_paths,
                        "paths_after": s.after_paths, "compared": s.cells,
                        "changed": len(s.changed), "through_before": s.through_before,
                        "through_after": s.through_after} for s in p.starts],
            "changes": [{
                "kind": c.kind.value, "start": c.start,
                "facts": {k: _fixed_data(c.facts[k]) for k in c.facts},
                "facts_nl": facts_words(report.vocabulary, c.facts, c.order, "nl"),
                "facts_en": facts_words(report.vocabulary, c.facts, c.order, "en"),
                "before": _decision(c.before), "after": _decision(c.after),
                "expected": verdict is None or c not in verdict.unexpected,
            } for s in p.starts for c in s.changed],
        } for p in report.periods],
        "samples": [{"what": s.what, "name": s.name, "file": s.file, "kind": s.kind.value,
                     "before": _decision(s.before), "after": _decision(s.after)}
                    for s in report.samples],
        "expected": None if report.expected is None or verdict is None else [
            {"line": e.line, "reason": e.reason.nl, "found": verdict.met.get(e.index, 0)}
            for e in report.expected],
        "unexpected": None if verdict is None else len(verdict.unexpected),
    }


def to_json(report: Report) -> str:
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"


def _fixed_data(fixed: object) -> dict[str, Any]:
    allowed = getattr(fixed, "allowed", None)
    if allowed is not None:
        return {"one_of": sorted(allowed)}
    return {"absent": sorted(getattr(fixed, "absent", ())),
            "present": [sorted(need) for need in getattr(fixed, "present", ())]}


def _decision(decision: Decision) -> dict[str, Any]:
    return {
        "end": decision.end or None, "verdict": decision.verdict, "regime": decision.regime,
        "grounds": list(decision.grounds), "clauses": list(decision.clauses),
        "conditions": [{"nl": text.nl, "en": text.en, "citations": list(refs)}
                       for text, refs in decision.conditions],
        "alternatives": [{"nl": text.nl, "en": text.en, "citations": list(refs)}
                         for text, refs in decision.alternatives],
        "questions": list(decision.questions), "reasoning": list(decision.reasoning),
        "problem": decision.problem,
    }

