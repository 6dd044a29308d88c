"""Check the shape of parsed documents against the JSON Schemas in engine/schemas/."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import Problem, phrase, suggest
from engine.read.source import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
KINDS = ("tree", "facts", "sources", "case", "record", "clause", "expect", "signoff",
         "scenario", "scenario-set")
#: The definitions every schema shares (text, date, semver, id, citation) live once, in
#: common.schema.json; the others refer to them by this prefix.
COMMON_ID = "https://deelwijzer.nl/schemas/common/1.0.0"
COMMON_REF = "/schemas/common/1.0.0#/$defs/"


@cache
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for one kind of document."""
    with (SCHEMA_DIR / f"{kind}.schema.json").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


@cache
def inlined(kind: str) -> dict[str, Any]:
    """The schema with every local `$ref` replaced by its definition: the same rules, but
    validation needs no reference lookups (about twice as fast on large trees)."""
    full = schema(kind)
    defs: dict[str, Any] = full.get("$defs", {})
    shared: dict[str, Any] = schema("common")["$defs"]

    def expand(node: Any, seen: tuple[str, ...], local: dict[str, Any]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if len(node) == 1 and ref.startswith(COMMON_REF):
                name = ref.removeprefix(COMMON_REF)
                return expand(shared[name], (*seen, f"common:{name}"), shared)
            name = ref.removeprefix("#/$defs/")
            if len(node) == 1 and ref.startswith("#/$defs/") and name not in seen:
                return expand(local[name], (*seen, name), local)
            return {k: expand(v, seen, local) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [expand(item, seen, local) for item in node]
        return node

    out: dict[str, Any] = expand(full, (), defs)
    if "$ref" in json.dumps(out):  # a recursive definition stays a reference
        out["$defs"] = defs
    return out


def published_validator(kind: str) -> Draft202012Validator:
    """A validator of the schema as published, its references to common.schema.json resolved
    (for checking that the inlined form used at run time means the same)."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415
    from referencing import Registry, Resource  # noqa: PLC0415

    common = Resource.from_contents(schema("common"))
    return Draft202012Validator(schema(kind), registry=Registry().with_resource(COMMON_ID, common))


@cache
def _validator(kind: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - costly import, only when used

    return Draft202012Validator(inlined(kind))


def check(doc: Document, kind: str) -> tuple[Problem, ...]:
    """Every schema violation in `doc`, each located at the offending value."""
    errors = sorted(_validator(kind).iter_errors(doc.data), key=lambda e: list(map(str, e.path)))
    problems = [_problem(doc, _deepest(error)) for error in errors]
    return tuple(dict.fromkeys(problems))


def is_valid(data: object, kind: str) -> bool:
    """Whether plain data (not from a file) fits the schema, e.g. generated JSON output."""
    return _validator(kind).is_valid(data)


def _deepest(error: ValidationError) -> ValidationError:
    """For if/then/else and oneOf, the most specific underlying error."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        candidates = [e for e in error.context if e.validator not in ("type", "const")]
        pool = candidates or list(error.context)
        return _deepest(max(pool, key=lambda e: len(e.absolute_path)))
    return error


def _problem(doc: Document, error: ValidationError) -> Problem:
    path = tuple(error.absolute_path)
    found, expected, hint = _describe(error)
    where = ".".join(str(p) for p in path) or phrase("schema.document")
    return Problem(
        location=doc.locate(path),
        code=f"schema.{error.validator}",
        found=phrase("schema.at", where=where, what=found),
        expected=expected,
        hint=hint,
    )


def _one_of(items: Iterable[object]) -> str:
    return phrase("schema.one_of", items=", ".join(map(str, items)))


def _describe(error: ValidationError) -> tuple[str, str, str]:
    """One jsonschema error in the catalogue's words: (found, expected, hint)."""
    v, inst = error.validator, error.instance
    arg: Any = error.validator_value
    sub: Any = error.schema
    if v == "required":
        missing = [k for k in arg if isinstance(inst, dict) and k not in inst]
        name = missing[0] if missing else "?"
        hint = phrase("schema.required.hint_nl") if name == "nl" else ""
        return (phrase("schema.required.found", name=name),
                phrase("schema.required.expected", name=name), hint)
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = set(sub.get("properties", {}))
        extra = [k for k in inst if k not in allowed] or ["?"]
        hint = suggest(extra[0], allowed)
        if any(" " in k for k in extra):
            hint = phrase("schema.extra.hint_quotes")
        names = ", ".join(f"'{k}'" for k in extra)
        found = phrase("schema.extra.found_one" if len(extra) == 1 else "schema.extra.found_many",
                       names=names)
        return found, _one_of(sorted(allowed)), hint
    if v == "enum":
        return phrase("schema.value", value=inst), _one_of(arg), suggest(str(inst), map(str, arg))
    if v == "const":
        return phrase("schema.value", value=inst), phrase("schema.value", value=arg), ""
    if v == "type":
        kinds = arg if isinstance(arg, list) else [arg]
        expected = (phrase("schema.type.expected_one", a=kinds[0]) if len(kinds) == 1 else
                    phrase("schema.type.expected_two", a=", ".join(kinds[:-1]), b=kinds[-1]))
        return (phrase("schema.type.found", kind=_kind(inst), value=_short(inst)), expected,
                _type_hint(inst, kinds))
    if v == "pattern":
        return (phrase("schema.value", value=inst),
                phrase("schema.pattern.expected", pattern=arg), _pattern_hint(str(arg)))
    if v in ("minItems", "minProperties", "minLength"):
        return phrase("schema.empty.found"), phrase("schema.empty.expected", count=arg), ""
    if v == "oneOf":
        return (phrase("schema.one_form.found"), phrase("schema.one_form.expected"),
                phrase("schema.one_form.hint"))
    if v == "uniqueItems":
        return phrase("schema.unique.found"), phrase("schema.unique.expected"), ""
    return error.message, phrase("schema.other.expected", rule=v), ""


def _kind(value: object) -> str:
    names = {bool: "bool", int: "number", float: "number", str: "text", list: "list",
             dict: "mapping", type(None): "empty"}
    name = names.get(type(value))
    return phrase(f"schema.kind.{name}") if name else type(value).__name__


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_hint(value: object, kinds: list[str]) -> str:
    if isinstance(value, bool) and "string" in kinds:
        return phrase("schema.type.hint_bool")
    if isinstance(value, int | float) and "string" in kinds:
        return phrase("schema.type.hint_quote")
    if isinstance(value, str) and "object" in kinds:
        return phrase("schema.type.hint_text")
    return ""


def _pattern_hint(pattern: str) -> str:
    if "[0-9]{4}" in pattern:
        return phrase("schema.pattern.hint_date")
    if "a-z" in pattern:
        return phrase("schema.pattern.hint_id")
    return ""
