"""The schemas: published with $refs, used inlined; both must judge every document alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from engine.read.schema import KINDS, SCHEMA_DIR, check, inlined, published_validator, schema
from engine.read.source import read
from tests.helpers import EXAMPLE, GALLERY, ROOT

DOCS = [p for p in sorted([*GALLERY.glob("*.yaml"), *(ROOT / "trees").glob("*/*.yaml"),
                           *EXAMPLE.glob("trees/*/*.yaml")]) if read(p)[0] is not None]


@pytest.mark.parametrize("kind", [*KINDS, "decision", "common"])
def test_every_schema_is_valid_draft_2020_12_with_an_id_and_a_version(kind: str) -> None:
    raw = schema(kind)
    Draft202012Validator.check_schema(raw)
    assert raw["$id"].startswith("https://deelwijzer.nl/schemas/")
    assert raw["$id"].endswith(f"/{kind}/{raw['version']}")  # a new version is a new $id
    assert raw["version"] == ("1.1.0" if kind == "record" else "1.0.0")  # record: sealed
    assert "$ref" not in json.dumps(inlined(kind))


def test_the_schema_files_are_the_ones_listed() -> None:
    assert {p.name.split(".")[0] for p in SCHEMA_DIR.glob("*.schema.json")} == {
        *KINDS, "decision", "common"}


def _definitions(node: object) -> list[str]:
    """The names of every `$defs` entry anywhere in a schema."""
    if isinstance(node, dict):
        own = list(node.get("$defs", {}))
        return own + [name for value in node.values() for name in _definitions(value)]
    if isinstance(node, list):
        return [name for item in node for name in _definitions(item)]
    return []


def test_every_shared_definition_exists_once() -> None:
    """text, date, semver, id and citation are defined in common.schema.json and nowhere else."""
    names = [name for kind in (*KINDS, "decision", "common") for name in _definitions(schema(kind))]
    shared = set(schema("common")["$defs"])
    assert shared >= {"text", "date", "semver", "id", "citation", "citations"}
    for name in shared:
        assert names.count(name) == 1, f"'{name}' is defined {names.count(name)} times"


def test_a_date_pattern_is_written_once() -> None:
    texts = [(SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
             for kind in (*KINDS, "decision", "common")]
    assert sum(text.count('"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"') for text in texts) == 1


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.name}/{p.name}" for p in DOCS])
def test_inlined_and_published_tree_schema_agree(path: Path) -> None:
    doc, _ = read(path)
    assert doc is not None
    published = published_validator("tree")
    used = Draft202012Validator(inlined("tree"))
    got = sorted((list(e.absolute_path), e.validator) for e in used.iter_errors(doc.data))
    want = sorted((list(e.absolute_path), e.validator) for e in published.iter_errors(doc.data))
    assert got == want


def test_a_bad_date_in_a_covenant_file_gets_the_date_hint(tmp_path: Path) -> None:
    """The clause schema once had its own date pattern and no hint; now all share one."""
    original = ROOT / "conventions/modelconvenant/1.0.0.yaml"
    broken = tmp_path / "1.0.0.yaml"
    broken.write_text(original.read_text(encoding="utf-8").replace(
        'valid_from: "2026-01-01"', 'valid_from: "1-1-2026"', 1), encoding="utf-8")
    doc, problems = read(broken)
    assert doc is not None and not problems
    found = check(doc, "clause")
    assert any("JJJJ-MM-DD" in p.hint and "1-1-2026" in p.found for p in found), found
