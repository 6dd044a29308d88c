"""Notes for the reviewer (`review_note`): in the review document, in no professional's output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from engine import load
from engine.review.notes import review_notes
from tests.helpers import DATA
from tui.cli.main import main

NOTES = DATA / "notes"
TREES = ["--trees", str(NOTES / "trees")]
CASES = sorted((NOTES / "trees/start/cases").glob("*.yaml"))
#: One marker per kind of item a note can sit on (see tests/data/notes/trees/start/1.0.0.yaml).
MARKERS = ("RN-VRAAG", "RN-WAAROM", "RN-OPTIE", "RN-ANDERS", "RN-UITKOMST", "RN-GROND",
           "RN-VOORWAARDE", "RN-ALTERNATIEF", "RN-CITAAT")
ENGLISH = ("RN-QUESTION", "RN-WHY", "RN-OPTION", "RN-OTHERWISE", "RN-OUTCOME", "RN-GROUND",
           "RN-CONDITION", "RN-ALTERNATIVE", "RN-CITATION")


def docx_text(path: Path) -> str:
    document: Any = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_every_note_is_built_where_it_was_written() -> None:
    loaded = load(NOTES / "trees", NOTES / "conventions")
    assert not loaded.errors
    tree = loaded.library.versions("start")[0]
    notes = review_notes(loaded.library, tree, "nl")
    assert [n.text.nl.split()[0] for n in notes] == list(MARKERS)
    assert [(n.node, n.place) for n in notes][:4] == [
        ("gevaar", "vraag"), ("gevaar", "verwijzing avg:6(1)(d)"), ("gevaar", "antwoord Ja"),
        ("rol", "antwoord anders")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_review_document_shows_every_note(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path, lang: str) -> None:
    assert main(["review", "start", "--lang", lang, *TREES]) == 0
    markdown = capsys.readouterr().out
    out = tmp_path / "review.docx"
    assert main(["review", "start", "--format", "docx", "--out", str(out), "--lang", lang,
                 *TREES]) == 0
    word = docx_text(out)
    heading = "Notities voor de beoordelaar" if lang == "nl" else "Notes for the reviewer"
    for text in (markdown, word):
        assert heading in text
        for marker in MARKERS if lang == "nl" else ENGLISH:
            assert marker in text, marker
    # the unverified citation's reason: the note for the reviewer, then the citation's note
    reason = "RN-CITAAT nalopen. Nog te controleren." if lang == "nl" \
        else "RN-CITATION to check. To be checked."
    assert f"| avg:10 | advies | {reason} |" in markdown


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_decision_output_shows_a_note(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         case: Path, lang: str) -> None:
    shown = []
    for fmt in ("text", "markdown", "json"):
        assert main(["decide", "--case", str(case), "--format", fmt, "--lang", lang,
                     *TREES]) in (0, 1)
        shown.append(capsys.readouterr().out)
    json.loads(shown[-1])
    out = tmp_path / "besluit.docx"
    assert main(["decide", "--case", str(case), "--format", "docx", "--out", str(out),
                 "--lang", lang, *TREES]) in (0, 1)
    shown.append(docx_text(out))
    assert all(text.strip() for text in shown)
    for text in shown:
        assert "RN-" not in text


def test_the_plain_walk_never_shows_a_note(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.setenv("DEELWIJZER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DEELWIJZER_DOCUMENTS_DIR", str(tmp_path / "Documenten"))
    # '?' shows the question's explanation; then acute danger: yes (the noted question, option
    # and outcome); save nothing
    feed = iter(["?", "1", "n", "n"])

    def typed(prompt: str = "") -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", typed)
    monkeypatch.setattr("tui.plain.start.interactive", lambda: True)
    main(["vraag", "--plain", "--date", "2026-03-01", *TREES])
    out = capsys.readouterr().out
    assert "Bij acuut gevaar geldt het vitale belang." in out and "Bel 112" in out
    assert "RN-" not in out
