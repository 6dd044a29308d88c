"""A diff report as text, Markdown or JSON data, in Dutch or English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from engine.diff.decision import ASPECTS, REASONING_ASPECTS, Decision, Kind
from engine.diff.expect import Change
from engine.diff.report import Group, Listing, Report, group_cells
from engine.diff.samples import Sample
from engine.diff.sets import Period
from engine.diff.words import decision_words, difference_lines, facts_words
from engine.words import say


def to_text(report: Report, lang: str = "nl") -> str:
    return "\n".join(_lines(report, lang, markdown=False)) + "\n"


def to_markdown(report: Report, lang: str = "nl") -> str:
    return "\n".join(_lines(report, lang, markdown=True)) + "\n"


def _lines(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    head = "# " if markdown else ""
    sub = "## " if markdown else ""
    item = "- " if markdown else "  "
    yield f"{head}{say('diff.title', lang)}"
    yield (f"{say('diff.before', lang)}: {report.before}  →  "
           f"{say('diff.after', lang)}: {report.after}")
    for listing in report.listed:
        period = listing.period
        yield ""
        yield f"{sub}{say('diff.from', lang)} {period.on.isoformat()}"
        yield from _versions(period, lang, item)
        for start in period.starts:
            yield (f"{item}{start.start} ({say('diff.start', lang)}): {start.before_paths} → "
                   f"{start.after_paths} {say('diff.paths', lang)}, {start.cells} "
                   f"{say('diff.compared', lang)}, {len(start.changed)} "
                   f"{say('diff.changed', lang)}")
            for tree in sorted(set(start.through_before) | set(start.through_after)):
                if tree != start.start:
                    yield (f"{item}  {say('diff.through', lang)} {tree}: "
                           f"{start.through_before.get(tree, 0)} → "
                           f"{start.through_after.get(tree, 0)} {say('diff.paths', lang)}")
        for group in group_cells(listing.new):
            yield ""
            yield from _group(report, group, lang, markdown)
        yield from _repeated(listing, lang)
    yield from _samples(report, lang, markdown)
    yield from _expectations(report, lang, markdown)
    yield ""
    if not report.changes:
        yield say("diff.none", lang)
    else:
        yield say("diff.pass", lang) if report.passed else _failure(report, lang)


def _repeated(listing: Listing, lang: str) -> Iterator[str]:
    """One line per group of changes an earlier period already lists (never listed twice)."""
    since = {id(cell): on for cell, on in listing.repeated}
    for group in group_cells(cell for cell, _ in listing.repeated):
        first = min(since[id(cell)] for cell in group.cells)
        yield ""
        yield f"{_title(group, lang)}: {say('diff.same_as', lang)} {first.isoformat()}"


def _versions(period: Period, lang: str, item: str) -> Iterator[str]:
    if period.before == period.after:
        yield f"{item}{say('diff.versions', lang)}: {', '.join(period.before)}"
    else:
        yield f"{item}{say('diff.versions', lang)}: {', '.join(period.before) or '-'}  →  " \
              f"{', '.join(period.after) or '-'}"


#: Paths shown per group in text and Markdown (a reader compares groups, not 1,000 paths of
#: one; JSON has every path).
SHOWN = 25


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
        yield f"  {say('diff.all', lang)}: " + "; ".join(common)
    if markdown:
        yield ""
    for i, (cell, words) in enumerate(zip(group.cells, worded, strict=True), 1):
        if i > SHOWN:
            hidden = group.cells[SHOWN:]
            mark = " (!)" if any(report.is_unexpected(c) for c in hidden) else ""
            yield f"{'-' if markdown else '  '}{mark} " + say("diff.more", lang, n=len(hidden))
            break
        mark = _mark(report, cell)
        facts = "; ".join(w for w in words if w not in common)
        yield f"{'-' if markdown else f'  {i}.'}{mark} {facts or '-'}"
        for line in difference_lines(cell.before, cell.after, REASONING_ASPECTS, lang):
            yield f"{'  ' if markdown else '     '}{line}"


def _failure(report: Report, lang: str) -> str:
    verdict = report.verdict
    if verdict is None:
        return say("diff.fail", lang)
    return (f"{say('diff.mismatch', lang)}: {len(verdict.unexpected)} "
            f"{say('diff.undeclared', lang)}, "
            f"{len(verdict.unmet)} {say('diff.not_happened', lang)}.")


def _title(group: Group, lang: str) -> str:
    n = len(group.cells)
    kind = say("diff." + group.kind.value, lang)
    return (f"{kind}: {group.before.end or '-'} → {group.after.end or '-'}"
            f" ({n} {say('diff.path' if n == 1 else 'diff.paths', lang)})")


def _before_after(before: Decision, after: Decision, lang: str, indent: str) -> Iterator[str]:
    old, new = decision_words(before, lang), decision_words(after, lang)
    if old == new:
        yield f"{indent}{say('diff.outcome', lang)}: {old}"
    else:
        yield f"{indent}{say('diff.before', lang)}: {old}"
        yield f"{indent}{say('diff.after', lang)}: {new}"


def _mark(report: Report, change: Change) -> str:
    """' !' before a change that no declaration covers (only with --expect)."""
    return " (!)" if report.is_unexpected(change) else ""


def _samples(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    for what, key in (("case", "cases"), ("record", "records")):
        found = [s for s in report.samples if s.what == what]
        if not found:
            continue
        changed = [s for s in found if s.kind is not Kind.SAME]
        yield ""
        title = say("diff." + key, lang)
        yield f"{'## ' if markdown else ''}{title}: {len(found)} {say('diff.run', lang)}, " \
              f"{len(changed)} {say('diff.changed', lang)}"
        for sample in changed:
            yield from _sample(report, sample, lang, markdown)


def _sample(report: Report, sample: Sample, lang: str, markdown: bool) -> Iterator[str]:
    item = "- " if markdown else "  "
    yield f"{item}{sample.file} / {sample.name}{_mark(report, sample)} " \
          "(" + say("diff." + sample.kind.value, lang) + ")"
    yield from _before_after(sample.before, sample.after, lang, "    ")
    for line in difference_lines(sample.before, sample.after, ASPECTS, lang):
        yield f"    {line}"


def _expectations(report: Report, lang: str, markdown: bool) -> Iterator[str]:
    verdict = report.verdict
    if verdict is None or report.expected is None:
        return
    yield ""
    yield f"{'## ' if markdown else ''}{say('diff.expect', lang)} ({report.expect_file})"
    item = "- " if markdown else "  "
    for e in report.expected:
        count = verdict.met.get(e.index, 0)
        state = f"✓ {count} {say('diff.met', lang)}" if count else f"✗ {say('diff.unmet', lang)}"
        what = e.outcome or e.case or e.record or e.tree or ", ".join(e.facts)
        yield f"{item}{state}: {what} ({say('diff.line', lang)} {e.line}) — {e.reason.get(lang)}"
    if verdict.unexpected:
        yield f"{item}{say('diff.unexpected', lang)}: {len(verdict.unexpected)} (!)"


def to_data(report: Report) -> dict[str, Any]:
    """Everything in the report as plain data (both languages where there are words)."""
    verdict = report.verdict
    return {
        "before": report.before, "after": report.after, "passed": report.passed,
        "periods": [{
            "from": p.on.isoformat(), "before": list(p.before), "after": list(p.after),
            # changes an earlier period lists already (each change is listed once)
            "repeated": [{"kind": c.kind.value, "start": c.start, "listed_in": on.isoformat(),
                          "facts_nl": facts_words(report.vocabulary, c.facts, c.order, "nl")}
                         for c, on in listing.repeated],
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
                "expected": not report.is_unexpected(c),
            } for c in listing.new],
        } for listing in report.listed for p in (listing.period,)],
        "samples": [{"what": s.what, "name": s.name, "file": s.file, "kind": s.kind.value,
                     "before": _decision(s.before), "after": _decision(s.after)}
                    for s in report.samples],
        "expected": None if report.expected is None or verdict is None else [
            {"line": e.line, "reason": e.reason.nl, "found": verdict.met.get(e.index, 0)}
            for e in report.expected],
        "unexpected": None if verdict is None else len(verdict.unexpected),
    }


def to_json(report: Report) -> str:
    """One line of JSON: indenting makes Python use its slow encoder (a diff with 34,000
    changed paths took 90 s to indent)."""
    return json.dumps(to_data(report), ensure_ascii=False, separators=(",", ":")) + "\n"


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
        "unverified": list(decision.unverified), "problem": decision.problem,
    }

