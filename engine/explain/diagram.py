"""A tree as a picture: Mermaid (Markdown viewers) or DOT (Graphviz), in Dutch or English.

Questions, outcomes and gotos have distinct shapes; every edge is labelled with its option;
an outcome says its verdict in words and with a symbol (never colour alone); a goto to
another tree is a link to that tree's picture."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping

from engine.explain.justification import VERDICT_ICONS
from engine.model import Fact, FactKey, Goto, Option, Outcome, Question, Tree
from engine.words import say

WIDTH = 36  # characters per line inside a shape


def option_label(option: Option, fact: Fact | None, lang: str) -> str:
    """How an edge reads: the option's own label, else its values' labels, else 'anders'."""
    if option.label is not None:
        return option.label.get(lang)
    if not option.values:
        return say("diagram.otherwise", lang)
    return ", ".join(fact.label_of(v, lang) if fact else v for v in option.values)


def _lines(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, break_long_words=False) or [""]


def _node_text(tree: Tree, node_id: str, lang: str) -> list[str]:
    node = tree.nodes[node_id]  # type: ignore[index]
    match node:
        case Question():
            return _lines(node.text.get(lang))
        case Outcome():
            verdict = f"{VERDICT_ICONS[node.verdict]} {say(f'verdict.{node.verdict.value}', lang)}"
            return [*_lines(verdict), say(f"regime.{node.regime.value}", lang), f"({node.id})"]
        case Goto():
            where = node.tree + (f" / {node.node}" if node.node else "")
            return ["→ " + say("diagram.goto", lang) + f" {where}"]
    return [node_id]


def _edges(tree: Tree, facts: Mapping[FactKey, Fact], lang: str,
           ) -> Iterator[tuple[str, str, str]]:
    for node_id, node in tree.nodes.items():
        if isinstance(node, Question):
            for option in node.branches:
                yield node_id, option.next, option_label(option, facts.get(node.fact), lang)


def _mermaid_text(lines: list[str]) -> str:
    escaped = [line.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
               .replace(">", "#gt;") for line in lines]
    return '"' + "<br/>".join(escaped) + '"'


def to_mermaid(tree: Tree, facts: Mapping[FactKey, Fact], lang: str = "nl",
               link: str = "{tree}.md") -> str:
    """A Mermaid flowchart; `link` is where a goto's target tree is drawn ('{tree}' filled)."""
    out = ["flowchart TD", f"  %% {tree.id} {tree.version}: {tree.title.get(lang)}"]
    shapes = {Question: ("{{", "}}"), Outcome: ("([", "])"), Goto: ("[[", "]]")}
    for node_id, node in tree.nodes.items():
        left, right = shapes[type(node)]
        out.append(f"  n_{node_id}{left}{_mermaid_text(_node_text(tree, node_id, lang))}{right}")
    for source, target, label in _edges(tree, facts, lang):
        out.append(f"  n_{source} -->|{_mermaid_text(_lines(label))}| n_{target}")
    for node_id, node in tree.nodes.items():
        if isinstance(node, Goto):
            tip = say("diagram.goto", lang)
            out.append(f'  click n_{node_id} "{link.format(tree=node.tree)}" "{tip} {node.tree}"')
    outcomes = [n for n, node in tree.nodes.items() if isinstance(node, Outcome)]
    if outcomes:  # a thick border, so that outcomes stand out without colour
        out.append("  classDef outcome stroke-width:3px")
        out.append(f"  class {','.join(f'n_{n}' for n in outcomes)} outcome")
    return "\n".join(out) + "\n"


def _dot_text(lines: list[str]) -> str:
    return '"' + "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"')
                            for line in lines) + '"'


def to_dot(tree: Tree, facts: Mapping[FactKey, Fact], lang: str = "nl",
           link: str = "{tree}.svg") -> str:
    """A Graphviz digraph: questions as hexagons, outcomes as double rounded boxes, gotos as
    arrows-shaped links to the target tree's picture."""
    out = [f'digraph "{tree.id}" {{',
           f"  label={_dot_text([f'{tree.title.get(lang)} ({tree.id} {tree.version})'])};",
           '  labelloc=t; rankdir=TB; fontname="Helvetica";',
           '  node [fontname="Helvetica", fontsize=10];',
           '  edge [fontname="Helvetica", fontsize=9];']
    for node_id, node in tree.nodes.items():
        label = _dot_text(_node_text(tree, node_id, lang))
        if isinstance(node, Question):
            attrs = "shape=hexagon"
        elif isinstance(node, Outcome):
            attrs = 'shape=box, style="rounded,bold", peripheries=2'
        else:
            target = link.format(tree=node.tree)
            tip = say("diagram.goto", lang)
            attrs = f'shape=cds, URL="{target}", tooltip="{tip} {node.tree}"'
        out.append(f'  "{node_id}" [{attrs}, label={label}];')
    for source, target, label in _edges(tree, facts, lang):
        out.append(f'  "{source}" -> "{target}" [label={_dot_text(_lines(label))}];')
    out.append("}")
    return "\n".join(out) + "\n"


def to_page(versions: tuple[Tree, ...], facts: Mapping[FactKey, Fact], lang: str = "nl") -> str:
    """A Markdown page with the Mermaid picture of every given version of one tree."""
    newest = versions[-1]
    out = [f"# {newest.title.get(lang)} (`{newest.id}`)", "", say("diagram.intro", lang), "",
           say("diagram.legend", lang)]
    for tree in reversed(versions):
        until = f", {say('diagram.until', lang)} {tree.valid_until}" if tree.valid_until else ""
        out += ["", f"## {say('diagram.version', lang)} {tree.version}", "",
                f"{say('diagram.valid', lang)} {tree.valid_from}{until}; "
                f"{say('diagram.status', lang)}: {tree.status.value}", "", "```mermaid",
                to_mermaid(tree, facts, lang).rstrip("\n"), "```"]
    return "\n".join(out) + "\n"
