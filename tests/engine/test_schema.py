"""The schemas: published with $refs, used inlined; both must judge every document alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from engine.read.schema import KINDS, SCHEMA_DIR, inlined, schema
from engine.read.source import read
from tests.helpers import EXAMPLE, GALLERY, ROOT

DOCS = [p for p in sorted([*GALLERY.glob("*.yaml"), *(ROOT / "trees").glob("*/*.yaml"),
                           *EXAMPLE.glob("trees/*/*.yaml")]) if read(p)[0] is not None]


@pytest.mark.parametrize("kind", [*KINDS, "decision"])
def test_every_schema_is_valid_draft_2020_12_with_an_id_and_a_version(kind: str) -> None:
    raw = schema(kind)
    Draft202012Validator.check_schema(raw)
    assert raw["$id"].startswith("https://deelwijzer.nl/schemas/")
    assert raw["version"] == "1.0.0"
    assert "$ref" not in json.dumps(inlined(kind))


def test_the_schema_files_are_the_ones_listed() -> None:
    assert {p.name.split(".")[0] for p in SCHEMA_DIR.glob("*.schema.json")} == {*KINDS, "decision"}


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.name}" for p in DOCS])
def test_inlined_and_published_tree_schema_agree(path: Path) -> None:
    doc, _ = read(path)
    assert doc is not None
    published = Draft202012Validator(schema("tree"))
    used = Draft202012Validator(inlined("tree"))
    got = sorted((list(e.absolute_path), e.validator) for e in used.iter_errors(doc.data))
    want = sorted((list(e.absolute_path), e.validator) for e in published.iter_errors(doc.data))
    assert got == want
