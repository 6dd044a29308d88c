"""Seals on decision records: a sha256 over the canonical content, as a whole and per field.

The per-field hashes let a reader name what was changed; the hash over the whole content
catches a change to the seal itself. A seal has no secret: it shows that a record is still what
Deelwijzer wrote, not who wrote it. Replaying the record on its trees checks the content itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

ALGORITHM = "sha256"
KEY = "seal"


def canonical(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def content(record: dict[str, Any]) -> dict[str, Any]:
    """Everything in the record except its seal."""
    return {key: value for key, value in record.items() if key != KEY}


def sealed(record: dict[str, Any]) -> dict[str, Any]:
    """The record with a fresh seal over its content (an old seal is replaced)."""
    body = content(record)
    fields = {key: digest(value) for key, value in body.items()}
    return {**body, KEY: {"algorithm": ALGORITHM, "fields": fields, "sha256": digest(body)}}


@dataclass(frozen=True, slots=True, kw_only=True)
class SealCheck:
    """What a seal says about its record: `differs` names the changed fields (or `seal` when
    only the seal itself was altered); `is_sealed` is False for a record made before seals."""

    is_sealed: bool
    differs: tuple[str, ...] = ()

    @property
    def is_intact(self) -> bool:
        return self.is_sealed and not self.differs


def check(record: dict[str, Any]) -> SealCheck:
    """Compare a record with its seal, field by field."""
    seal = record.get(KEY)
    if seal is None:
        return SealCheck(is_sealed=False)
    body = content(record)
    fields = seal.get("fields", {}) if isinstance(seal, dict) else {}
    if not isinstance(fields, dict):
        fields = {}
    names = sorted(set(body) | set(fields))
    differs = [name for name in names
               if name not in body or fields.get(name) != digest(body[name])]
    whole = seal.get("sha256") if isinstance(seal, dict) else None
    if not differs and (whole != digest(body) or seal.get("algorithm") != ALGORITHM):
        differs = [KEY]
    return SealCheck(is_sealed=True, differs=tuple(differs))
