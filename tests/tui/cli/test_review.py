"""`deelwijzer review`: the review document, read back as a lawyer's Word would show it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.helpers import DATA
from tui.cli.main import main


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "settle", tmp_path / "set")
    changes = tmp_path / "set/trees/start/changes"
    changes.mkdir()
    (changes / "1.0.0.yaml").write_text(
        "changes:\n  - outcome: start/advies\n    reason: Strafrechtelijke gegevens naar de FG.\n",
        encoding="utf-8")
    return tmp_path / "set"


def run(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--trees", str(root / "trees"), "--date", "2026-12-01"])
    out, err = capsys.readouterr()
    return code, out, err


def test_docx_has_a4_headings_tables_unverified_and_signoff(capsys: pytest.CaptureFixture[str],
                                                            root: Path, tmp_path: Path) -> None:
    out = tmp_path / "beoordeling.docx"
    code, _, _ = run(capsys, root, "review", "start@1.0.0", "--format", "docx", "--out", str(out))
    assert code == 0
    document: Any = docx.Document(str(out))
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert round(section.left_margin.mm) == 25
        assert "PAGE" in section.footer.paragraphs[0]._p.xml
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Beoordeling: Voorbeeld start (start 1.0.0)")
    names = [text for _, text in headings]
    for wanted in ("Vragen", "Uitkomsten", "Alle verwijzingen", "Niet geverifieerde verwijzingen",
                   "Vaststelling", "Is er acuut gevaar? (gevaar)", "Vraag advies (advies)",
                   "Verwachte wijzigingen (deelwijzer diff --expect)"):
        assert wanted in names, wanted
    tables = {t.rows[0].cells[0].text: t for t in document.tables}
    unverified = [t for t in document.tables if t.rows[0].cells[-1].text ==
                  "Aanvaard bij vaststelling"]
    assert len(unverified) == 1
    row = [c.text for c in unverified[0].rows[1].cells]
    assert row[:3] == ["avg:10", "advies", "Nog te controleren."]
    signoff = document.tables[-1]
    assert [r.cells[0].text for r in signoff.rows] == [
        "Onderdeel", "Naam en rol", "Datum", "Handtekening", "Vingerafdruk (sha256)"]
    assert len(signoff.rows[4].cells[1].text) == 64
    assert "Antwoord" in tables  # every question's options as a real table
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Casussen: strafrechtelijk" in text and "7 volledige paden" in "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert document.core_properties.language == "nl"


def test_markdown_to_stdout_and_the_signoff_filled_in(capsys: pytest.CaptureFixture[str],
                                                      root: Path) -> None:
    code, out, _ = run(capsys, root, "review", "start", "--lang", "en")
    assert code == 0 and out.startswith("# Review: Example start (start 1.0.0)")
    assert "| avg:10 | advies | To be checked. |  |" in out
    assert main(["vaststellen", "start", "1.0.0", "--door", "A. Jansen", "--rol", "jurist",
                 "--accepteer", "avg:10", "Nagelopen.", "--trees", str(root / "trees")]) == 0
    code, out, _ = run(capsys, root, "review", "start")
    assert "| Naam en rol | A. Jansen (jurist) |" in out and "| avg:10 | advies |" in out
    assert "Nagelopen." in out and "Concept:" not in out


def test_usage_errors(capsys: pytest.CaptureFixture[str], root: Path, tmp_path: Path) -> None:
    assert run(capsys, root, "review", "start", "--format", "docx")[0] == 2
    assert run(capsys, root, "review", "start@9.9.9")[0] == 2
    mine = tmp_path / "mijn.md"
    mine.write_text("eigen", encoding="utf-8")
    assert run(capsys, root, "review", "start", "--out", str(mine))[0] == 2
    assert mine.read_text(encoding="utf-8") == "eigen"


def test_guarded_items_say_when_they_apply(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["review", "wacht@1.0.0", "--format", "markdown", "--trees",
                 str(DATA / "guards" / "trees"), "--date", "2026-03-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert "AVG art. 6(1)(e) (alleen als Sector: Publieke organisatie), AVG art. 6(1)(f) " \
        "(alleen als Sector: Private organisatie)" in out
    assert "- Clausule: convenant.grondslag.publieke_taak (alleen als Rol: Agent of Ambtenaar)" \
        in out
    assert "- Relevante artikelen: BW art. 7:457" in out
    assert "- Alternatief: Zoek eerst uit of er toestemming is. (alleen als Toestemming: Weet " \
        "ik niet)" in out
