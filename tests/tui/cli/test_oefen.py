"""`deelwijzer oefen` for trainers: the class overview (text, Markdown, DOCX) and handouts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.engine.practice.fixtures import GROUP
from tests.helpers import copy_example, with_scenarios
from tui.cli.main import main

ON = "2026-06-01"


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    return with_scenarios(copy_example(tmp_path / "set")) / "trees"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_overview_in_the_terminal_from_a_group_folder(
        trees: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "oefen", "--overzicht", str(GROUP), "--trees", str(trees),
                         "--date", ON)
    assert code == 0
    assert "3 deelnemer(s)" in out and "AVG-angst: 67%" in out and "Te ruim: 33%" in out
    assert out.index("[gewoon]") < out.index("[zonder-toestemming]")  # most missed first
    assert "kapot.json: niet te lezen" in err


def test_overview_as_markdown_with_pictures(trees: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "uit" / "overzicht.md"
    code, _, _ = run(capsys, "oefen", "--overzicht", str(GROUP), "--trees", str(trees),
                     "--date", ON, "--out", str(out))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "](overzicht-grafieken/gewoon.png)" in text
    pictures = sorted(p.name for p in (tmp_path / "uit" / "overzicht-grafieken").iterdir())
    assert pictures == ["gewoon.png", "zonder-toestemming.png"]
    assert (tmp_path / "uit/overzicht-grafieken/gewoon.png").read_bytes()[:4] == b"\x89PNG"


def test_overview_as_docx_has_a_chart_per_scenario(trees: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "overzicht.docx"
    assert run(capsys, "oefen", "--overzicht", str(GROUP), "--trees", str(trees), "--date", ON,
               "--out", str(out), "--lang", "en")[0] == 0
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 2
    assert "GDPR anxiety: 67%" in _text(out)


def test_handout_cards_have_no_answers_and_the_key_has_them(
        trees: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cards = tmp_path / "kaarten.docx"
    code, out, _ = run(capsys, "oefen", "--handout", "--out", str(cards), "--trees", str(trees),
                       "--date", ON)
    assert code == 0
    key = tmp_path / "kaarten-antwoorden.docx"
    assert key.is_file() and str(key) in out
    document = docx.Document(str(cards))
    for section in document.sections:
        width, height = section.page_width, section.page_height
        assert width is not None and height is not None
        assert (round(width.cm, 1), round(height.cm, 1)) == (21.0, 29.7)
    card_text, key_text = _text(cards), _text(key)
    assert "Een man komt bij de balie van het gemeentehuis." in card_text
    assert "☐ delen onder voorwaarden" in card_text
    for answer in ("Je mag delen", "Je mag niet delen", "Leerpunt", "Grondslag"):
        assert answer not in card_text
    # the key: computed by the engine on the example trees
    assert "Je mag gewone gegevens delen." in key_text
    assert "Zonder toestemming mag je niet delen." in key_text
    assert "Leerpunt" in key_text and "BW art. 7:457" in key_text


@pytest.mark.parametrize(("argv", "message"), [
    (["--handout"], "--handout schrijft een DOCX"),
    (["--out", "x.md"], "--out hoort bij --overzicht of --handout"),
    (["--trainer"], "--trainer heeft een groepsmap nodig"),
    (["--plaats", "3"], "--plaats hoort bij --groep"),
    (["--groep", "g", "--plaats", "Jan Jansen"], "plaatsnummer of bijnaam"),
    (["onbekend", "--handout", "--out", "x.docx"], "onbekende scenarioset 'onbekend'"),
])
def test_usage_mistakes_exit_2_with_a_message(trees: Path, argv: list[str], message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "oefen", *argv, "--trees", str(trees))
    assert code == 2 and message in err
