"""Check the shape of parsed documents against the JSON Schemas in engine/schemas/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import Problem, suggest
from engine.read.source import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
KINDS = ("tree", "facts", "sources", "case", "record", "clause", "expect")
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
    where = ".".join(str(p) for p in path) or "het document"
    return Problem(
        location=doc.locate(path),
        code=f"schema.{error.validator}",
        found=f"{where}: {found}",
        expected=expected,
        hint=hint,
    )


def _describe(error: ValidationError) -> tuple[str, str, str]:
    """Dutch wording of one jsonschema error: (found, expected, hint)."""
    v, inst = error.validator, error.instance
    arg: Any = error.validator_value
    sub: Any = error.schema
    if v == "required":
        missing = [k for k in arg if isinstance(inst, dict) and k not in inst]
        name = missing[0] if missing else "?"
        hint = "elke tekst heeft minstens Nederlands (nl)" if name == "nl" else ""
        return f"'{name}' ontbreekt", f"een waarde voor '{name}'", hint
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = set(sub.get("properties", {}))
        extra = [k for k in inst if k not in allowed] or ["?"]
        hint = suggest(extra[0], allowed)
        if any(" " in k for k in extra):
            hint = ("staat er een komma of dubbele punt in een tekst tussen { }? Zet die tekst "
                    "tussen aanhalingstekens")
        names = ", ".join(f"'{k}'" for k in extra)
        word = "sleutel" if len(extra) == 1 else "sleutels"
        return f"onbekende {word} {names}", "een van: " + ", ".join(sorted(allowed)), hint
    if v == "enum":
        return (f"'{inst}'", "een van: " + ", ".join(map(str, arg)),
                suggest(str(inst), map(str, arg)))
    if v == "const":
        return f"'{inst}'", f"'{arg}'", ""
    if v == "type":
        kinds = arg if isinstance(arg, list) else [arg]
        hint = _type_hint(inst, kinds)
        return f"{_kind(inst)} {_short(inst)}", "type " + " of ".join(kinds), hint
    if v == "pattern":
        return f"'{inst}'", f"tekst volgens het patroon {arg}", _pattern_hint(str(arg))
    if v in ("minItems", "minProperties", "minLength"):
        return "een lege waarde", f"minstens {arg} element(en)", ""
    if v == "oneOf":
        return "een waarde die aan meer dan één vorm voldoet", "precies één vorm", \
            "gebruik 'value' of 'any', niet allebei"
    if v == "uniqueItems":
        return "een lijst met dubbele waarden", "elke waarde één keer", ""
    return error.message, f"een waarde volgens het schema ({v})", ""


def _kind(value: object) -> str:
    names = {bool: "ja/nee-waarde", int: "getal", float: "getal", str: "tekst", list: "lijst",
             dict: "mapping", type(None): "lege waarde"}
    return names.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_hint(value: object, kinds: list[str]) -> str:
    if isinstance(value, bool) and "string" in kinds:
        return "YAML leest Yes/No/on/off als ja/nee-waarde: zet de tekst tussen aanhalingstekens"
    if isinstance(value, int | float) and "string" in kinds:
        return "zet de waarde tussen aanhalingstekens"
    if isinstance(value, str) and "object" in kinds:
        return "schrijf een tekst als {nl: ..., en: ...}"
    return ""


def _pattern_hint(pattern: str) -> str:
    if "[0-9]{4}" in pattern:
        return "schrijf een datum als \"JJJJ-MM-DD\", tussen aanhalingstekens"
    if "a-z" in pattern:
        return "gebruik kleine letters, cijfers en '_' (begin met een letter)"
    return ""
