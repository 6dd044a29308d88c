"""Deelwijzer's pure rules engine: load and check trees, walk them, and explain the result.

Names are imported on first use (PEP 562): a shell that only walks a cached tree set never loads
the YAML reader, the schema checker or the linter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_MODULES = {
    "errors": ("DeelwijzerError", "LoadError", "Location", "Problem", "Severity", "WalkError"),
    "decide.evaluate": ("Pending", "Step", "Transfer", "Walk", "walk"),
    "explain.justification": ("Justification", "justify"),
    "read.loader": ("load",),
    "model": ("Library", "LoadResult", "Regime", "Tree", "Verdict"),
    "explain.render": ("to_data", "to_json", "to_markdown", "to_text"),
    "decide.versions": ("Resolution", "pinned", "resolve"),
    "decide.session": ("Revision", "Session", "answer", "back"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "DeelwijzerError", "Justification", "Library", "LoadError", "LoadResult", "Location",
    "Pending", "Problem", "Regime", "Resolution", "Revision", "Session", "Severity", "Step",
    "Transfer", "Tree", "Verdict", "Walk", "WalkError", "__version__", "answer", "back",
    "justify", "load", "pinned", "resolve", "to_data", "to_json", "to_markdown", "to_text",
    "walk",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"engine.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from engine.decide.evaluate import Pending, Step, Transfer, Walk, walk
    from engine.decide.session import Revision, Session, answer, back
    from engine.decide.versions import Resolution, pinned, resolve
    from engine.errors import DeelwijzerError, LoadError, Location, Problem, Severity, WalkError
    from engine.explain.justification import Justification, justify
    from engine.explain.render import to_data, to_json, to_markdown, to_text
    from engine.model import Library, LoadResult, Regime, Tree, Verdict
    from engine.read.loader import load
