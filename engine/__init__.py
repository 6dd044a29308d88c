"""Deelwijzer's pure rules engine: load and check trees, walk them, and explain the result."""

from engine.errors import DeelwijzerError, LoadError, Location, Problem, Severity, WalkError
from engine.evaluate import Pending, Step, Transfer, Walk, walk
from engine.justification import Justification, justify
from engine.load import LoadResult, load
from engine.model import Library, Regime, Tree, Verdict
from engine.render import to_data, to_json, to_markdown, to_text
from engine.resolve import Resolution, pinned, resolve
from engine.session import Revision, Session, answer, back

__version__ = "0.1.0"

__all__ = [
    "DeelwijzerError", "Justification", "Library", "LoadError", "LoadResult", "Location",
    "Pending", "Problem", "Regime", "Resolution", "Revision", "Session", "Severity", "Step",
    "Transfer", "Tree", "Verdict", "Walk", "WalkError", "__version__", "answer", "back",
    "justify", "load", "pinned", "resolve", "to_data", "to_json", "to_markdown", "to_text",
    "walk",
]
