"""Tree pictures: golden files per format from the fixture trees, and the shapes they use."""

from __future__ import annotations

from typing import Any

import pytest

from engine.explain.diagram import to_dot, to_mermaid, to_page
from tests.helpers import load_example

LIB = load_example().library
START = LIB.versions("start")[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_mermaid_and_dot(lang: str, snapshot: Any) -> None:
    snapshot.snapshot_dir = "tests/engine/snapshots/diagram"
    snapshot.assert_match(to_mermaid(START, LIB.facts, lang), f"start.{lang}.mmd")
    snapshot.assert_match(to_dot(START, LIB.facts, lang), f"start.{lang}.dot")
    snapshot.assert_match(to_page(LIB.versions("regel"), LIB.facts, lang), f"regel.{lang}.md")


def test_shapes_edges_and_links_are_distinct() -> None:
    mermaid = to_mermaid(START, LIB.facts, "nl")
    assert 'n_gevaar{{"Is er acuut gevaar?"}}' in mermaid  # question: hexagon
    assert 'n_niet_delen(["[✗] Je mag niet delen<br/>AVG en UAVG<br/>(niet_delen)"])' in mermaid
    assert 'n_naar_regel[["→ verder in boom regel"]]' in mermaid  # goto: subroutine
    assert 'click n_naar_regel "regel.md"' in mermaid  # a link to the other tree
    assert 'n_gegevens -->|"anders"| n_delen' in mermaid
    assert 'n_rol -->|"Agent"| n_naar_regel' in mermaid
    dot = to_dot(START, LIB.facts, "en")
    assert '"rol" -> "naar_regel" [label="Police officer"];' in dot
    assert 'shape=cds, URL="regel.svg"' in dot


def test_quotes_and_angle_brackets_are_escaped() -> None:
    from dataclasses import replace  # noqa: PLC0415

    from engine.model import NodeId, Question, Text  # noqa: PLC0415

    question = START.nodes[NodeId("gevaar")]
    assert isinstance(question, Question)
    odd = replace(question, text=Text(nl='Is er "acuut" <gevaar> & meer?'))
    tree = replace(START, nodes={**START.nodes, NodeId("gevaar"): odd})
    assert '"Is er #quot;acuut#quot; #lt;gevaar#gt; #amp; meer?"' in to_mermaid(tree, LIB.facts)
    assert 'label="Is er \\"acuut\\" <gevaar> & meer?"' in to_dot(tree, LIB.facts)
