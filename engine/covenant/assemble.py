"""Assemble one covenant from decided flows: standard articles once, flow articles per flow."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from engine import citation
from engine.covenant.fill import fill, join
from engine.decide.evaluate import Walk
from engine.model import (
    Citation,
    Clause,
    ClauseId,
    Covenant,
    Fact,
    FactKey,
    Regime,
    Scope,
    Source,
    SourceId,
    Status,
    Text,
    Value,
    Verdict,
)

#: The fixed order of sections in an assembled covenant (documented in docs/convenant.md).
SECTION_ORDER = (
    "partijen", "overwegingen", "begrippen", "doel", "deelnemers", "werkwijze",
    "verantwoordelijkheid", "gegevens", "grondslag", "beroepsgeheim", "verdere_verwerking",
    "geheimhouding", "bewaartermijn", "rechten", "informeren", "beveiliging", "datalek", "dpia",
    "evaluatie", "geschillen", "looptijd", "bijlagen",
)
#: Sections that form the preamble: shown before Article 1, without a number.
PREAMBLE = ("partijen", "overwegingen")
#: Verdicts whose flows may go into a covenant.
#: The clause whose presence asks for annex C (the written Wpg art. 20 decision).
WPG20_CLAUSES = (ClauseId("convenant.grondslag.wpg20"), ClauseId("convenant.bijlage.besluit_wpg20"))

REASONS = {
    Verdict.NIET_DELEN: Text(nl="de uitkomst is 'niet delen': deze gegevens mogen niet worden "
                                "gedeeld", en="the outcome is 'do not share': these data may not "
                                              "be shared"),
    Verdict.ADVIES: Text(nl="eerst advies nodig", en="advice needed first"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Flow:
    """One decided data flow: who shares what with whom, and what the trees concluded."""

    id: str
    facts: Mapping[str, Value]
    verdict: Verdict | None
    regime: Regime | None
    grounds: tuple[str, ...]
    clauses: tuple[ClauseId, ...]
    pending: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Excluded:
    flow: Flow
    reason: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """One paragraph of an article; `flow` is the number of the flow it was filled for."""

    text: str
    flow: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    number: int | None
    clause: ClauseId
    section: str
    scope: Scope
    title: str
    paragraphs: tuple[Paragraph, ...]
    flows: tuple[int, ...]
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowRow:
    """One line of the table of flows (annex B)."""

    number: int
    id: str
    verstrekker: str
    ontvanger: str
    gegevens: str
    doel: str
    grondslag: tuple[str, ...]
    verdict: Verdict | None
    regime: Regime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Unfilled:
    flow: str
    clause: ClauseId
    placeholder: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Assembly:
    """A complete covenant for a set of flows, in one language, ready to render."""

    covenant: str
    title: str
    version: str
    status: Status
    lang: str
    preamble: tuple[Article, ...]
    articles: tuple[Article, ...]
    flows: tuple[FlowRow, ...]
    participants: tuple[str, ...]
    excluded: tuple[Excluded, ...]
    unknown: tuple[tuple[str, ClauseId], ...]
    unfilled: tuple[Unfilled, ...]

    @property
    def needs_wpg20_decision(self) -> bool:
        return any(a.clause in WPG20_CLAUSES for a in self.articles)

    def article(self, clause_id: str) -> Article | None:
        return next((a for a in (*self.preamble, *self.articles) if a.clause == clause_id), None)


def flow_from_walk(flow_id: str, walk: Walk, facts: Mapping[str, Value] | None = None) -> Flow:
    """A flow from a walk of a case; `facts` (the case's facts) fill what the walk did not ask."""
    known = {**(facts or {}), **walk.facts}
    out = walk.outcome
    pending = walk.pending
    return Flow(id=flow_id, facts=known, verdict=out.verdict if out else None,
                regime=out.regime if out else None,
                grounds=tuple(c.ref for c in out.grounds) if out else (),
                clauses=out.clauses if out else (),
                pending=pending.question.fact if pending else None)


def reason_excluded(flow: Flow) -> Text | None:
    """Why a flow stays out of a covenant, or None when it may go in."""
    if flow.verdict is None:
        fact = flow.pending or "?"
        return Text(nl=f"geen uitkomst: het feit '{fact}' ontbreekt",
                    en=f"no outcome: the fact '{fact}' is missing")
    return REASONS.get(flow.verdict)


def assemble(covenant: Covenant, flows: Sequence[Flow], vocabulary: Mapping[FactKey, Fact],
             lang: str = "nl", sources: Mapping[SourceId, Source] | None = None) -> Assembly:
    """Every standard article once in section order, each linked flow article once with a
    paragraph per flow, the table of flows; flows that may not be shared are left out.
    With `sources`, citations read as lawyers write them ("Wpg art. 20(2)")."""
    names = sources or {}
    included: list[Flow] = []
    excluded: list[Excluded] = []
    for flow in flows:
        reason = reason_excluded(flow)
        if reason is None:
            included.append(flow)
        else:
            excluded.append(Excluded(flow=flow, reason=reason))
    numbers = {id(f): n for n, f in enumerate(included, 1)}
    unknown = tuple((f.id, c) for f in included for c in f.clauses if covenant.clause(c) is None)
    unfilled: list[Unfilled] = []
    chosen = [c for c in _ordered(covenant.clauses)
              if c.scope is Scope.STANDAARD or any(c.id in f.clauses for f in included)]
    built: list[Article] = []
    for clause in chosen:
        serving = [f for f in included if clause.id in f.clauses]
        paragraphs = _paragraphs(clause, serving, numbers=numbers, vocabulary=vocabulary,
                                 lang=lang, unfilled=unfilled)
        built.append(Article(
            number=None, clause=clause.id, section=clause.section, scope=clause.scope,
            title=clause.title.get(lang), paragraphs=paragraphs,
            flows=tuple(numbers[id(f)] for f in serving) if clause.scope is Scope.STROOM else (),
            citations=tuple(cited(c, names, lang) for c in clause.citations)))
    preamble = tuple(a for a in built if a.section in PREAMBLE)
    body = tuple(_numbered(a, n) for n, a in
                 enumerate((a for a in built if a.section not in PREAMBLE), 1))
    rows = tuple(_row(f, numbers[id(f)], vocabulary, lang, names) for f in included)
    return Assembly(covenant=covenant.id, title=covenant.title.get(lang),
                    version=covenant.version, status=covenant.status, lang=lang,
                    preamble=preamble, articles=body, flows=rows,
                    participants=_participants(included, vocabulary, lang),
                    excluded=tuple(excluded), unknown=unknown, unfilled=tuple(unfilled))


def _ordered(clauses: Iterable[Clause]) -> list[Clause]:
    """Clauses by section order; within a section the standard article first, then file order."""
    indexed = list(enumerate(clauses))
    rank = {name: i for i, name in enumerate(SECTION_ORDER)}
    indexed.sort(key=lambda ic: (rank.get(ic[1].section, len(rank)),
                                 ic[1].scope is not Scope.STANDAARD, ic[0]))
    return [c for _, c in indexed]


def _numbered(article: Article, number: int) -> Article:
    return Article(number=number, clause=article.clause, section=article.section,
                   scope=article.scope, title=article.title, paragraphs=article.paragraphs,
                   flows=article.flows, citations=article.citations)


def _paragraphs(clause: Clause, serving: list[Flow], *, numbers: Mapping[int, int],
                vocabulary: Mapping[FactKey, Fact], lang: str,
                unfilled: list[Unfilled]) -> tuple[Paragraph, ...]:
    if clause.scope is Scope.STANDAARD or not serving:
        return (Paragraph(text=clause.text.get(lang)),)
    out: list[Paragraph] = []
    for flow in serving:
        text, missing = fill(clause, flow.facts, vocabulary, flow.regime, lang)
        unfilled.extend(Unfilled(flow=flow.id, clause=clause.id, placeholder=m) for m in missing)
        out.append(Paragraph(text=text, flow=numbers[id(flow)]))
    return tuple(out)


def label(facts: Mapping[str, Value], key: str, vocabulary: Mapping[FactKey, Fact],
          lang: str) -> str:
    """The label(s) of a fact's value in `lang`, a list joined as prose; '' when unknown."""
    value = facts.get(key)
    fact = vocabulary.get(FactKey(key))
    if value is None:
        return ""
    values = [value] if isinstance(value, str) else list(value)
    if fact is None:
        return join(values, lang)
    return join([fact.label_of(v, lang) for v in values], lang)


def cited(c: Citation | str, sources: Mapping[SourceId, Source], lang: str) -> str:
    """'Wpg art. 20(2)' for a known source, the canonical ref otherwise; unverified marked."""
    ref = c if isinstance(c, str) else c.ref
    parts = citation.split(ref)
    src = sources.get(SourceId(parts[0])) if parts else None
    text = ref if parts is None or src is None else citation.label(src.short, parts[1])
    if isinstance(c, Citation) and not c.verified:
        text += " (te controleren)" if lang == "nl" else " (to be checked)"
    return text


def _row(flow: Flow, number: int, vocabulary: Mapping[FactKey, Fact], lang: str,
         sources: Mapping[SourceId, Source]) -> FlowRow:
    return FlowRow(number=number, id=flow.id,
                   verstrekker=label(flow.facts, "verstrekker", vocabulary, lang),
                   ontvanger=label(flow.facts, "ontvanger", vocabulary, lang),
                   gegevens=label(flow.facts, "gegevens", vocabulary, lang),
                   doel=label(flow.facts, "doel", vocabulary, lang),
                   grondslag=tuple(cited(g, sources, lang) for g in flow.grounds),
                   verdict=flow.verdict, regime=flow.regime)


def _participants(flows: Iterable[Flow], vocabulary: Mapping[FactKey, Fact],
                  lang: str) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for flow in flows:
        for key in ("verstrekker", "ontvanger"):
            name = label(flow.facts, key, vocabulary, lang)
            if name:
                names.setdefault(name)
    return tuple(names)
