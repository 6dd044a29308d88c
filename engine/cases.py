"""Case files: facts with an expected verdict, run as the trees' specification; and coverage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import citation
from engine.decide.evaluate import Step, Walk, normalise, walk
from engine.decide.versions import resolve
from engine.errors import DeelwijzerError, Problem, error_phrase, phrase, suggest
from engine.model import FactKey, Library, Option, Outcome, Question, Text, Value

if TYPE_CHECKING:
    from engine.read.build import Context


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    id: str
    title: Text
    date: date
    start: str
    facts: Mapping[str, Value]
    expect: Mapping[str, Any] | None
    rationale: str | None
    file: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseResult:
    case: Case
    walk: Walk | None
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def case_files(paths: Iterable[Path]) -> list[Path]:
    """Case files under the given paths: any *.yaml inside a `cases` folder, or named directly."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.yaml")) if "cases" in p.parts)
        else:
            found.append(path)
    return found


def read_case(path: Path, library: Library, base: Path | None = None,
              ) -> tuple[Case | None, tuple[Problem, ...]]:
    from engine.read.build import Context, day  # noqa: PLC0415 - reading files needs the YAML stack
    from engine.read.loader import read_document  # noqa: PLC0415

    doc, problems = read_document(path, "case", base)
    if doc is None:
        return None, problems
    ctx = Context(doc)
    data = doc.data
    facts = check_facts(ctx, data["facts"], library)
    start = check_start(ctx, data, library)
    check_refs(ctx, (data.get("expect") or {}).get("citations", ()), ("expect", "citations"))
    when = day(data["date"], ctx, ("date",))
    if ctx.problems or when is None:
        return None, tuple(ctx.problems)
    title = data["title"]
    return Case(id=data["id"], title=Text(nl=title) if isinstance(title, str) else
                Text(nl=title["nl"], en=title.get("en")), date=when, start=start, facts=facts,
                expect=data.get("expect"), rationale=data.get("rationale"), file=doc.file), ()


def check_facts(ctx: Context, raw_facts: Mapping[str, Any], library: Library,
                ) -> dict[str, Value]:
    """The facts of a case or a scenario, checked against the vocabulary (problems to `ctx`)."""
    facts: dict[str, Value] = {}
    for key, raw in raw_facts.items():
        fact = library.facts.get(FactKey(key))
        if fact is None:
            ctx.problem(("facts", key), "case.fact", phrase("case.unknown_fact", fact=key),
                        phrase("case.fact_expected"), suggest(key, library.facts))
            continue
        try:
            facts[key] = normalise(fact, raw)
        except DeelwijzerError:
            bad = raw if isinstance(raw, str) else next(
                (v for v in raw if v not in fact.values), str(raw))
            ctx.problem(("facts", key), "case.value",
                        phrase("case.value", value=bad, fact=key),
                        phrase("case.one_of", values=", ".join(fact.values)),
                        suggest(str(bad), fact.values) or (
                            phrase("case.many_of") if isinstance(raw, str) else ""))
    for key, value in facts.items():
        _derived(ctx, library, key, value, facts)
    return facts


def check_start(ctx: Context, data: Mapping[str, Any], library: Library) -> str:
    """The tree a case or scenario starts in: its own `start`, else the entry tree."""
    start: str = data.get("start") or library.entry or ""
    if not start:
        ctx.problem(("id",), "case.start", phrase("case.no_start"),
                    phrase("case.start_expected"), phrase("case.no_start_fix"))
    elif start not in library.trees and start not in library.broken:
        ctx.problem(("start",), "case.start", phrase("case.unknown_start", tree=start),
                    phrase("case.tree_expected"), suggest(start, library.trees))
    return start


def check_refs(ctx: Context, refs: Iterable[str], path: tuple[str, ...]) -> None:
    """Every citation in `refs` must be readable (`avg:6(1)(e)`); problems to `ctx`."""
    for i, ref in enumerate(refs):
        if citation.split(ref) is None:
            ctx.problem((*path, i), "citation.syntax", phrase("case.citation", ref=ref),
                        phrase("case.citation_expected", examples=citation.EXAMPLES))


def _derived(ctx: Context, library: Library, key: str, value: Value,
             facts: Mapping[str, Value]) -> None:
    """A case may state a derived fact only next to its source, and only as the table says."""
    source = library.facts[FactKey(key)].derived_from
    if source is None:
        return
    if source not in facts:
        ctx.problem(("facts", key), "case.derived",
                    phrase("case.derived.no_source", derived=key, source=source),
                    phrase("case.derived.give_source", source=source),
                    phrase("case.derived.write_source", source=source, derived=key))
        return
    expected = library.facts[FactKey(key)].derive(facts[source])
    if expected is not None and expected != value:
        ctx.problem(("facts", key), "case.derived",
                    phrase("case.derived.contradicts", derived=key, value=value, source=source,
                           given=facts[source]),
                    phrase("case.derived.expected", derived=key, expected=expected),
                    phrase("case.derived.see_mapping", derived=key))


def run_case(library: Library, case: Case) -> CaseResult:
    """Walk a case without asking anything and compare with what it expects."""
    try:
        result = walk(resolve(library, case.date), case.start, case.facts)
    except DeelwijzerError as exc:
        return CaseResult(case=case, walk=None, failures=(error_phrase(exc),))
    return CaseResult(case=case, walk=result, failures=tuple(_compare(case.expect or {}, result)))


def _compare(expect: Mapping[str, Any], result: Walk) -> list[str]:
    out = result.outcome
    got_status = "outcome" if out else "pending"
    failures: list[str] = []
    want_status = expect.get("status", "outcome" if "verdict" in expect else None)
    if want_status and want_status != got_status:
        pend = result.pending
        extra = phrase("case.pending_at", fact=pend.question.fact) if pend else ""
        failures.append(phrase("case.status", want=want_status, got=got_status, extra=extra))
    if "pending_fact" in expect:
        got = result.pending.question.fact if result.pending else None
        if got != expect["pending_fact"]:
            failures.append(phrase("case.pending", want=expect["pending_fact"], got=got))
    if out is None:
        return failures
    for key, got_value in (("verdict", out.verdict.value), ("regime", out.regime.value)):
        if key in expect and expect[key] != got_value:
            failures.append(phrase("case.outcome", what=key, want=expect[key], got=got_value,
                                   outcome=out.id, tree=result.tree.id))
    refs = [c.ref for c in result.citations]
    for ref in expect.get("citations", ()):
        if not any(citation.matches(ref, r) for r in refs):
            failures.append(phrase("case.no_citation", ref=ref,
                                   refs=", ".join(refs) or phrase("case.none")))
    for clause in expect.get("clauses", ()):
        if clause not in out.clauses:
            failures.append(phrase("case.no_clause", clause=clause,
                                   clauses=", ".join(out.clauses) or "-"))
    return failures


@dataclass(frozen=True, slots=True, kw_only=True)
class TreeCoverage:
    tree: str
    version: str
    nodes: tuple[str, ...]
    missed_nodes: tuple[str, ...]
    options: tuple[str, ...]
    missed_options: tuple[str, ...]
    outcomes: tuple[str, ...]
    missed_outcomes: tuple[str, ...]


def _option_name(node: str, option: Option) -> str:
    """An option as a person finds it: 'rol = agent (trees/start/1.0.0.yaml:42:9)'."""
    values = ", ".join(option.values) if option.values else "otherwise"
    return f"{node} = {values} ({option.location})"


def coverage(library: Library, walks: Iterable[Walk]) -> tuple[TreeCoverage, ...]:
    """Which nodes, options and outcomes of each usable tree version the walks reach."""
    nodes: set[tuple[str, str, str]] = set()
    options: set[tuple[str, str, str, int]] = set()
    for w in walks:
        for s in w.steps:
            nodes.add((s.tree.id, s.tree.version, s.question.id if isinstance(s, Step)
                       else s.goto.id))
            if isinstance(s, Step):
                options.add((s.tree.id, s.tree.version, s.question.id,
                             s.question.branches.index(s.option)))
        if w.outcome:
            nodes.add((w.tree.id, w.tree.version, w.outcome.id))
    out = []
    for versions in library.trees.values():
        for t in versions:
            if not t.is_usable:  # replaced: kept for replay only, no new case can reach it
                continue
            all_nodes = tuple(t.nodes)
            named = {(str(n), i): _option_name(n, o) for n, node in t.nodes.items()
                     if isinstance(node, Question) for i, o in enumerate(node.branches)}
            all_opts = tuple(named.values())
            taken = {named[(n, i)] for (tid, v, n, i) in options
                     if (tid, v) == (t.id, t.version) and (n, i) in named}
            seen = {n for (tid, v, n) in nodes if (tid, v) == (t.id, t.version)}
            outs = tuple(n for n, node in t.nodes.items() if isinstance(node, Outcome))
            out.append(TreeCoverage(
                tree=t.id, version=t.version, nodes=all_nodes,
                missed_nodes=tuple(n for n in all_nodes if n not in seen), options=all_opts,
                missed_options=tuple(o for o in all_opts if o not in taken), outcomes=outs,
                missed_outcomes=tuple(n for n in outs if n not in seen)))
    return tuple(out)
