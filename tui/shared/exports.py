"""What the result screen can save: the record, the Markdown justification, the decision
document and the covenant (Word).

Each export imports its engine code when it is used: the app's start-up needs none of it."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from datetime import datetime

from engine import __version__
from engine.decide.evaluate import Walk
from engine.errors import UsageError
from engine.explain.filing import Filing
from engine.explain.justification import justify
from engine.model import Value


def record_json(walk: Walk) -> str:
    from engine.record import make_record  # noqa: PLC0415 - see the module's docstring

    return json.dumps(make_record(walk, __version__), ensure_ascii=False, indent=2) + "\n"


def markdown(walk: Walk, lang: str, given: Mapping[str, Value],
             checked: frozenset[int] = frozenset()) -> str:
    from engine.explain.render import to_markdown  # noqa: PLC0415

    return to_markdown(justify(walk, lang, given), checked)


def plain_text(walk: Walk, lang: str, given: Mapping[str, Value], width: int = 80,
               checked: frozenset[int] = frozenset()) -> str:
    """The justification as fixed-width text (for the clipboard and the plain walk)."""
    from engine.explain.render import to_text  # noqa: PLC0415

    return to_text(justify(walk, lang, given), width, checked)


def decision_available(walk: Walk | None) -> bool:
    """The decision document needs an outcome and python-docx."""
    return walk is not None and walk.outcome is not None and \
        importlib.util.find_spec("docx") is not None


def decision_docx(walk: Walk, lang: str, given: Mapping[str, Value], created: datetime,
                  filing: Filing | None = None) -> bytes:
    """The decision document for the case file (Word): with the ticks and fields entered in
    the app (`filing`), the fields left empty to be filled in by hand."""
    from engine.explain.docx import to_docx  # noqa: PLC0415

    return to_docx(justify(walk, lang, given), created=created, version=__version__,
                   filing=filing)


def docx_available(walk: Walk | None) -> bool:
    """A covenant is offered only for a flow that may be shared, with python-docx, the
    covenant renderer and a covenant in force; never for 'niet delen' or 'advies'."""
    if walk is None or walk.outcome is None or not walk.outcome.verdict.allows_sharing:
        return False
    if importlib.util.find_spec("docx") is None:
        return False
    if importlib.util.find_spec("engine.covenant.docx") is None:
        return False
    return walk.resolution.covenant is not None


def covenant_docx(walk: Walk, lang: str, given: Mapping[str, Value], created: datetime,
                  ) -> bytes:
    """A model covenant for this one flow, as a Word document."""
    from engine.covenant.assemble import assemble, flow_from_walk  # noqa: PLC0415
    from engine.covenant.docx import to_docx  # noqa: PLC0415

    library = walk.resolution.library
    covenant = walk.resolution.covenant
    if covenant is None:
        raise UsageError("geen modelconvenant van kracht op de beslisdatum",
                         "kies een andere beslisdatum")
    flow = flow_from_walk("1", walk, given)
    return to_docx(assemble(covenant, [flow], library.facts, lang, library.sources),
                   created=created)
