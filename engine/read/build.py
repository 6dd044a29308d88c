"""Give schema-valid documents their meaning: resolve facts, sources and node references."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from engine import citation as cit
from engine.errors import Problem, Severity, phrase, suggest
from engine.model import (
    Change,
    Choice,
    Citation,
    Fact,
    FactKey,
    FactType,
    Goto,
    Node,
    NodeId,
    Option,
    Question,
    Source,
    SourceId,
    Status,
    Text,
    Tree,
    TreeId,
    Why,
)
from engine.read import derived, groups
from engine.read.outcome import build_outcome
from engine.read.source import Document, Path_

YES_NO = (Choice(value="ja", label=Text(nl="Ja", en="Yes")),
          Choice(value="nee", label=Text(nl="Nee", en="No")),
          Choice(value="onbekend", label=Text(nl="Weet ik niet", en="I don't know")))


class Context:
    """Collects located problems while one document is being built."""

    def __init__(self, doc: Document, sources: Mapping[SourceId, Source] | None = None) -> None:
        self.doc = doc
        self.sources = sources or {}
        self.problems: list[Problem] = []

    def problem(self, path: Path_, code: str, found: str, expected: str, hint: str = "",
                severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(location=self.doc.locate(path), code=code, found=found,
                                     expected=expected, hint=hint, severity=severity))

    def citations(self, items: list[Any] | None, path: Path_) -> tuple[Citation, ...]:
        found = (self.citation(item, (*path, i)) for i, item in enumerate(items or ()))
        return tuple(c for c in found if c is not None)

    def citation(self, item: Any, path: Path_) -> Citation | None:
        """One citation (`avg:6(1)(e)` or `{ref: ..., verified: ..., note: ...}`) at `path`."""
        long = isinstance(item, dict)
        ref = item["ref"] if long else item
        where = (*path, "ref") if long else path
        parts = cit.split(ref)
        if parts is None:
            self.problem(where, "citation.syntax", phrase("build.citation_syntax.found", ref=ref),
                         phrase("build.citation_syntax.expected", examples=cit.EXAMPLES))
            return None
        source, locator = parts
        if source not in self.sources:
            self.problem(where, "citation.source",
                         phrase("build.citation_source.found", source=source, ref=ref),
                         phrase("build.citation_source.expected"), suggest(source, self.sources))
            return None
        note = text(item.get("note")) if long else None
        verified = bool(item.get("verified", True)) if long else True
        return Citation(source=SourceId(source), locator=locator, verified=verified, note=note,
                        review_note=text(item.get("review_note")) if long else None)


def text(data: Mapping[str, str] | None) -> Text | None:
    return Text(nl=data["nl"], en=data.get("en")) if data else None


def req_text(data: Mapping[str, str]) -> Text:
    return Text(nl=data["nl"], en=data.get("en"))


def day(value: str | None, ctx: Context, path: Path_) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        ctx.problem(path, "date", phrase("build.date.found", value=value),
                    phrase("build.date.expected"))
        return None


def content_hash(data: Any) -> str:
    """sha256 of a document's canonical content: formatting and comments do not count."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def build_facts(doc: Document) -> tuple[dict[FactKey, Fact], tuple[Problem, ...]]:
    facts = {}
    for key, spec in doc.data["facts"].items():
        kind = FactType(spec["type"])
        labels = spec.get("values", {})
        if kind is FactType.YES_NO:  # ja, nee, and "weet ik niet" where the file declares it
            choices = tuple(Choice(value=c.value, label=text(labels.get(c.value)) or c.label)
                            for c in YES_NO if c.value in ("ja", "nee") or c.value in labels)
        else:
            choices = groups.grouped(tuple(Choice(value=v, label=req_text(t))
                                           for v, t in labels.items()), spec, req_text)
        source = spec.get("derived_from")
        facts[FactKey(key)] = Fact(key=FactKey(key), type=kind, label=req_text(spec["label"]),
                                   help=text(spec.get("help")), choices=choices,
                                   derived_from=FactKey(source) if source else None,
                                   mapping=tuple(spec.get("mapping", {}).items()))
    return facts, (*derived.check(doc, facts), *groups.check(doc, facts))


def build_sources(doc: Document) -> tuple[dict[SourceId, Source], tuple[Problem, ...]]:
    ctx = Context(doc)
    sources = {}
    for key, spec in doc.data["sources"].items():
        when = day(spec["consolidation"], ctx, ("sources", key, "consolidation"))
        if when is None:
            continue
        sources[SourceId(key)] = Source(id=SourceId(key), name=req_text(spec["name"]),
                                        short=spec["short"], identifier=spec["identifier"],
                                        url=spec["url"], consolidation=when,
                                        article_url=spec.get("article_url"))
    return sources, tuple(ctx.problems)


def build_tree(doc: Document, facts: Mapping[FactKey, Fact], sources: Mapping[SourceId, Source],
               ) -> tuple[Tree | None, tuple[Problem, ...]]:
    """The Tree in `doc`, or None with the reasons why it cannot be used."""
    ctx = Context(doc, sources)
    data = doc.data
    nodes: dict[NodeId, Node] = {}
    for node_id, spec in data["nodes"].items():
        node = _node(ctx, facts, NodeId(node_id), spec, ("nodes", node_id))
        if node is not None:
            nodes[NodeId(node_id)] = node
    _check_references(ctx, data, nodes)
    valid_from = day(data["valid_from"], ctx, ("valid_from",))
    valid_until = day(data.get("valid_until"), ctx, ("valid_until",))
    if valid_from and valid_until and valid_until < valid_from:
        ctx.problem(("valid_until",), "validity",
                    phrase("build.validity.found", until=valid_until, start=valid_from),
                    phrase("build.validity.expected"))
    changelog = tuple(Change(version=c["version"], date=day(c["date"], ctx, ("changelog", i))
                             or date.min, changes=req_text(c["changes"]))
                      for i, c in enumerate(data["changelog"]))
    if any(p.is_error for p in ctx.problems) or valid_from is None:
        return None, tuple(ctx.problems)
    tree = Tree(id=TreeId(data["id"]), title=req_text(data["title"]), version=data["version"],
                valid_from=valid_from, valid_until=valid_until, status=Status(data["status"]),
                reviewed_by=data.get("reviewed_by"),
                reviewed_on=day(data.get("reviewed_on"), ctx, ("reviewed_on",)),
                entry=bool(data.get("entry", False)), changelog=changelog,
                start=NodeId(data["start"]), nodes=nodes, file=doc.file,
                sha256=content_hash(data),
                header={key: doc.locate((key,)) for key in data if key != "nodes"},
                replaces=tuple(data.get("replaces", ())), until=valid_until)
    return tree, tuple(ctx.problems)


def _node(ctx: Context, facts: Mapping[FactKey, Fact], node_id: NodeId, spec: dict[str, Any],
          path: Path_) -> Node | None:
    loc = ctx.doc.locate(path)
    match spec["kind"]:
        case "question":
            return _question(ctx, facts, node_id, spec, path)
        case "outcome":
            return build_outcome(ctx, facts, node_id, spec, path)
        case _:
            return Goto(id=node_id, tree=TreeId(spec["tree"]), node=spec.get("node"),
                        location=loc)


def _question(ctx: Context, facts: Mapping[FactKey, Fact], node_id: NodeId,
              spec: dict[str, Any], path: Path_) -> Question | None:
    fact = facts.get(FactKey(spec["fact"]))
    if fact is None:
        ctx.problem((*path, "fact"), "fact.unknown", phrase("build.fact.found", fact=spec["fact"]),
                    phrase("build.fact.expected"), suggest(spec["fact"], facts))
        return None
    options = tuple(_option(ctx, fact, o, (*path, "options", i))
                    for i, o in enumerate(spec["options"]))
    other = spec.get("otherwise")
    otherwise = None
    if other is not None:
        otherwise = Option(values=(), next=NodeId(other["next"]), note=text(other.get("note")),
                           citations=ctx.citations(other.get("citations"),
                                                   (*path, "otherwise", "citations")),
                           location=ctx.doc.locate((*path, "otherwise")),
                           review_note=text(other.get("review_note")))
    why = spec.get("why")
    question = Question(
        id=node_id, fact=fact.key, text=req_text(spec["text"]), help=text(spec.get("help")),
        why=Why(text=req_text(why["text"]), citations=ctx.citations(
            why.get("citations"), (*path, "why", "citations"))) if why else None,
        options=options, otherwise=otherwise, location=ctx.doc.locate(path),
        review_note=text(spec.get("review_note")))
    _check_options(ctx, fact, question, path)
    return question


def _option(ctx: Context, fact: Fact, spec: dict[str, Any], path: Path_) -> Option:
    values = (spec["value"],) if "value" in spec else tuple(spec["any"])
    for i, value in enumerate(values):
        if value not in fact.values:
            where = (*path, "value") if "value" in spec else (*path, "any", i)
            ctx.problem(where, "option.value",
                        phrase("build.value.found", value=value, fact=fact.key),
                        phrase("schema.one_of", items=", ".join(fact.values)),
                        suggest(value, fact.values))
    if "any" in spec and fact.type is not FactType.MANY_OF and len(values) == 1:
        pass  # allowed: `any` with one value reads the same as `value`
    return Option(values=values, next=NodeId(spec["next"]), label=text(spec.get("label")),
                  note=text(spec.get("note")),
                  citations=ctx.citations(spec.get("citations"), (*path, "citations")),
                  location=ctx.doc.locate(path), review_note=text(spec.get("review_note")))


def _check_options(ctx: Context, fact: Fact, question: Question, path: Path_) -> None:
    seen: dict[str, int] = {}
    for i, option in enumerate(question.options):
        for value in option.values:
            if value in seen and fact.type is not FactType.MANY_OF:
                ctx.problem((*path, "options", i), "option.duplicate",
                            phrase("build.duplicate.found", value=value, first=seen[value] + 1,
                                   second=i + 1),
                            phrase("build.duplicate.expected"), phrase("build.duplicate.hint"))
            seen.setdefault(value, i)
    if question.otherwise is not None:
        return
    if fact.type is FactType.MANY_OF:
        ctx.problem(path, "question.dead_end",
                    phrase("build.otherwise.found", question=question.id, fact=fact.key),
                    phrase("build.otherwise.expected"), phrase("build.otherwise.hint"))
        return
    # A value with no option is checked in lint: a replaced version is exempt there, because
    # the vocabulary may have grown after it was released (it only replays recorded answers).


def _check_references(ctx: Context, data: dict[str, Any], nodes: Mapping[NodeId, Node]) -> None:
    names = list(data["nodes"])
    if data["start"] not in data["nodes"]:
        ctx.problem(("start",), "node.unknown", phrase("build.start.found", node=data["start"]),
                    phrase("build.node.expected"), suggest(data["start"], names))
    for node in nodes.values():
        if not isinstance(node, Question):
            continue
        for i, option in enumerate(node.branches):
            if option.next not in data["nodes"]:
                where = ("nodes", node.id, "otherwise" if not option.values else "options")
                path = (*where, i, "next") if option.values else (*where, "next")
                ctx.problem(path, "node.unknown", phrase("build.next.found", node=option.next),
                            phrase("build.node.expected"), suggest(option.next, names))
