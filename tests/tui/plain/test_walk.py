"""The plain walk as a screen-reader user meets it: typed or piped answers, Dutch or English."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE
from tui.cli.main import main

EX = ["--trees", str(EXAMPLE / "trees"), "--conventions", str(EXAMPLE / "conventions")]
CASE = EXAMPLE / "trees/start/cases"
PLAIN = ["vraag", "--plain", "--date", "2026-03-01", *EX]


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Own data and documents folders; answers typed by a person unless a test pipes them."""
    monkeypatch.setenv("DEELWIJZER_DOCUMENTS_DIR", str(tmp_path / "Documenten"))
    monkeypatch.setattr("tui.plain.start.interactive", lambda: True)
    monkeypatch.setattr("tui.plain.start.width", lambda: 80)
    return tmp_path


def answers(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> Iterator[str]:
    feed = iter(lines)

    def fake_input(prompt: str = "") -> str:
        sys.stdout.write(prompt + "\n")  # as input() shows it, so tests can read it
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    return feed


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def progress() -> Path:
    return Path(os.environ["DEELWIJZER_DATA_DIR"]) / "gesprek.json"


def test_a_walk_to_a_verdict_confirms_each_choice_and_saves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    record, md = tmp_path / "besluit.json", tmp_path / "besluit.md"
    # gevaar: 2 = nee; ?; rol: 2 = arts; back; arts; gegevens: 2 = gezondheid; toestemming: 1
    answers(monkeypatch, ["2", "?", "2", "t", "2", "2", "1",
                          "n", "j", str(record), "ja", str(md)])
    code, out = run(capsys, *PLAIN)
    assert code == 0
    assert "Gevaar voor leven of gezondheid dat niet kan wachten." in out  # the hint, unasked
    assert "Gekozen: Nee" in out and "Gekozen: Arts" in out
    assert "Bij deze vraag is geen extra uitleg." in out
    assert "1. Agent" in out and "2. Arts (eerder gekozen)" in out
    verdict = out.index("[!] Uitkomst: Je mag delen, mits je de voorwaarden volgt")
    assert verdict < out.index("Stappen", verdict)
    saved = json.loads(record.read_text())
    assert saved["facts"] == {"gevaar": "nee", "rol": "arts", "gegevens": ["gezondheid"],
                              "toestemming": "ja"}
    assert md.read_text().startswith("# Deelwijzer: verantwoording")
    assert f"Opgeslagen: {record}" in out
    assert not progress().exists(), "a saved record ends the walk in progress"


def test_why_names_its_sources_as_people_write_them(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["?", "q"])
    _, out = run(capsys, *PLAIN)
    assert "Waarom deze vraag: Bij acuut gevaar geldt het vitale belang." in out
    assert "Bronnen: AVG art. 6(1)(d)" in out and "avg:6(1)(d)" not in out


def test_the_save_prompt_never_takes_yes_as_a_file_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["1", "j", "j", "n", "n"])  # danger: yes; save the document: j, j
    code, out = run(capsys, *PLAIN)
    document = tmp_path / "Documenten" / "beslisdocument-2026-03-01.docx"
    assert code == 0 and document.read_bytes()[:2] == b"PK"
    assert not Path("j").exists() and not (tmp_path / "j").exists()
    assert f"Opgeslagen: {document}" in out


def test_never_overwrites_without_asking_and_enter_means_no(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "besluit.json"
    record.write_text("eerder werk")
    answers(monkeypatch, ["1", "n", "j", str(record), "", "n", "n"])
    code, out = run(capsys, *PLAIN)
    assert code == 0 and "Niet overschreven. Kies een andere naam" in out
    assert record.read_text() == "eerder werk"


def test_bad_input_is_explained_and_stopping_is_clean(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["9", "ja", "1,2", "q"])
    code, out = run(capsys, *PLAIN)
    assert code == 0 and out.count("Kies een nummer van 1 tot 2.") == 3
    assert "Gestopt." in out and "bewaard" not in out


def test_review_changes_an_earlier_answer(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    # gevaar: nee, rol: arts; review; change answer 2 (rol) to agent; then ontvanger: stop
    answers(monkeypatch, ["2", "2", "a", "2", "1", "q"])
    _, out = run(capsys, *PLAIN)
    assert "Je antwoorden:" in out and "2. Wat is je rol? Arts" in out
    assert "Gekozen: Agent" in out
    assert out.rindex("Met wie wil je delen?") > out.index("Gekozen: Agent")


def test_a_case_file_starts_with_its_facts(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "n", "n", "n"])
    code, out = run(capsys, "vraag", "--plain", "--case", str(CASE / "open.yaml"), *EX)
    assert code == 0 and "Vraag 1 (0 beantwoord, 3 al bekend)" in out
    assert "[✗] Uitkomst: Je mag niet delen" in out


def test_resume_is_offered_to_a_person_and_kept_answers_return(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "2", "q"])
    code, out = run(capsys, *PLAIN)
    assert code == 0 and "Je antwoorden zijn bewaard" in out
    record = tmp_path / "besluit.json"
    answers(monkeypatch, ["j", "2", "1", "n", "j", str(record), "n"])
    _, out = run(capsys, "vraag", "--plain", *EX)
    assert "Er is een onafgemaakte vraag (2 antwoord(en), beslisdatum 2026-03-01)" in out
    assert "Vraag 3 (2 beantwoord, 0 al bekend)" in out
    assert json.loads(record.read_text())["facts"]["rol"] == "arts"


def test_declining_to_resume_starts_afresh(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "q"])
    run(capsys, *PLAIN)
    answers(monkeypatch, ["", "q"])  # Enter is "nee"
    _, out = run(capsys, *PLAIN)
    assert "Je begint opnieuw" in out and "Vraag 1 (0 beantwoord, 0 al bekend)" in out


def test_piped_answers_are_never_eaten_by_a_stale_walk(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "2", "q"])
    run(capsys, *PLAIN)
    stale = progress().read_text()
    monkeypatch.setattr("tui.plain.start.interactive", lambda: False)
    answers(monkeypatch, ["1", "n", "n", "n"])  # danger: yes -> an outcome at once
    code, out = run(capsys, *PLAIN)
    assert code == 0 and "onafgemaakte vraag" not in out
    assert "Gekozen: Ja" in out and "[✓] Uitkomst: Je mag delen" in out
    assert stale != progress().read_text()
    assert json.loads(progress().read_text())["answers"] == {"gevaar": "ja"}  # this walk, kept


def test_an_empty_saved_walk_is_not_offered(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    progress().parent.mkdir(parents=True, exist_ok=True)
    progress().write_text('{"start": "start", "on": "2026-03-01", "answers": {}}')
    answers(monkeypatch, ["q"])
    _, out = run(capsys, *PLAIN)
    assert "onafgemaakte vraag" not in out


def test_english_from_the_option_or_the_saved_language(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "2", "2", "1", "n", "n", "n"])
    _, out = run(capsys, *PLAIN, "--lang", "en")
    assert "Question 1 (0 answered, 0 already known)" in out
    assert "Is there acute danger?" in out and "Chosen: No" in out
    assert "[!] Outcome: You may share, provided you meet the conditions" in out
    assert "Vraag" not in out and "Gekozen" not in out
    folder = Path(os.environ["DEELWIJZER_DATA_DIR"])
    (folder / "voorkeuren.json").write_text('{"lang": "en"}')
    answers(monkeypatch, ["q"])
    _, out = run(capsys, *PLAIN)
    assert "Question 1" in out


def test_words_are_wrapped_to_the_terminal(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("tui.plain.start.width", lambda: 40)
    answers(monkeypatch, ["2", "2", "2", "1", "n", "n", "n"])
    _, out = run(capsys, *PLAIN)
    assert max(len(line) for line in out.splitlines()) <= 40


def test_verder_resumes_without_asking_even_when_piped(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers(monkeypatch, ["2", "2", "q"])
    run(capsys, *PLAIN)
    monkeypatch.setattr("tui.plain.start.interactive", lambda: False)
    answers(monkeypatch, ["q"])
    _, out = run(capsys, "vraag", "--plain", "--verder", *EX)
    assert "onafgemaakte vraag" not in out and "Vraag 3 (2 beantwoord, 0 al bekend)" in out


def test_grouped_options_are_read_under_their_heading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import copy_example  # noqa: PLC0415

    root = copy_example(tmp_path / "set")
    facts = root / "trees" / "facts.yaml"
    anchor = "      ambtenaar: {nl: Ambtenaar, en: Civil servant}\n"
    facts.write_text(facts.read_text(encoding="utf-8").replace(anchor, anchor + (
        "    groups:\n"
        "      - label: {nl: Zorg, en: Care}\n        values: [arts]\n"
        "      - label: {nl: Overheid, en: Government}\n        values: [agent, ambtenaar]\n"),
        1), encoding="utf-8")
    answers(monkeypatch, ["2", "q"])
    _, out = run(capsys, "vraag", "--plain", "--date", "2026-03-01", "--trees",
                 str(root / "trees"), "--conventions", str(root / "conventions"))
    lines = [line.strip() for line in out.splitlines()]
    at = lines.index("Zorg:")
    assert lines[at:at + 5] == ["Zorg:", "1. Arts", "Overheid:", "2. Agent", "3. Ambtenaar"]


def test_the_decision_document_fields_can_be_filled_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import docx  # noqa: PLC0415 - only these tests read Word files

    answers(monkeypatch, ["1", "j", "", "j", "Z-12", "wijkteam", "gedeeld", "n", "n"])
    code, out = run(capsys, *PLAIN)
    document = tmp_path / "Documenten" / "beslisdocument-2026-03-01.docx"
    assert code == 0 and "Vul geen namen" in out
    rows = {r.cells[0].text: r.cells[1].text for r in docx.Document(str(document)).tables[-1].rows}
    assert rows["Zaaknummer of kenmerk"] == "Z-12" and rows["Wat is er uiteindelijk gedaan"] == \
        "gedeeld"
