"""The command line as a person uses it: output, exit codes, files written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from engine import resolve, walk
from engine.read.schema import is_valid
from engine.record import make_record
from tests.helpers import EXAMPLE, GALLERY, ROOT, copy_example, load_example
from tui.cli.main import main
from tui.shared.lock import FileLock

EX = ["--trees", str(EXAMPLE / "trees"), "--conventions", str(EXAMPLE / "conventions")]
CASE = EXAMPLE / "trees/start/cases"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_is_clean_on_the_shipped_trees(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 0 and "0 fouten, 0 waarschuwing(en)" in out


def test_check_lists_every_problem_with_its_place(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_example(tmp_path)
    shutil.copy(GALLERY / "unknown_next.yaml", root / "trees/start/1.0.0.yaml")
    shutil.copy(GALLERY / "case_unknown_value.yaml", root / "trees/start/cases/gewoon.yaml")
    code, _, err = run(capsys, "check", "--trees", str(root / "trees"))
    assert code == 1
    assert "start/1.0.0.yaml:22:28: vervolg 'nee_delne' bestaat niet" in err
    assert "gewoon.yaml:14:14: waarde 'polite' hoort niet bij feit 'ontvanger'" in err


def test_strict_turns_warnings_into_failure(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_example(tmp_path)
    shutil.copy(GALLERY / "unreachable_node.yaml", root / "trees/start/1.0.0.yaml")
    assert run(capsys, "check", "--trees", str(root / "trees"))[0] == 0
    code, _, err = run(capsys, "check", "--strict", "--trees", str(root / "trees"))
    assert code == 1 and "waarschuwing: knoop 'los'" in err


def test_usage_errors_exit_2_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["beslis"])
    assert exc.value.code == 2
    assert "fout / error" in capsys.readouterr().err
    code, _, err = run(capsys, "check", "--trees", "/nergens")
    assert code == 2 and "niet gevonden" in err


def test_help_is_dutch_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "mag delen" in out and "may share" in out
    for command in ("vraag", "decide", "check", "cases", "replay", "convenant"):
        assert command in out


def test_each_command_has_its_own_help_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    for command, option in (("vraag", "--plain"), ("decide", "--case"), ("check", "--strict"),
                            ("cases", "--min-options"), ("replay", "--current"),
                            ("convenant", "--flows")):
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0
        assert option in capsys.readouterr().out, command


def test_a_command_loads_no_code_of_the_other_commands() -> None:
    """`deelwijzer decide` (and the app) start faster when the rest is not imported."""
    code = ("import sys; from tui.cli.main import parser; parser('decide').parse_args("
            "['decide', '--case', 'x']); "
            "print(sorted(m for m in sys.modules if m.startswith('tui.cli.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out.strip() == "['tui.cli.commands.decide']"


def test_decide_json_is_the_documented_interface(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decide", "--case", str(CASE / "agent_oud.yaml"),
                       "--format", "json", *EX)
    data = json.loads(out)
    assert code == 0 and is_valid(data, "decision")
    assert (data["status"], data["verdict"], data["regime"]) == ("outcome", "delen_mits", "wpg")
    assert data["trees"] == {"start": "1.0.0", "regel": "1.0.0"}
    assert data["clauses"] == ["convenant.grondslag.wpg16"]
    assert [s["kind"] for s in data["steps"]] == ["question", "question", "goto", "question"]
    assert data["pending"] is None and "wpg:16(1)(b)" in data["citations"]


def test_decide_reports_a_pending_case_as_pending(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decide", "--case", str(CASE / "open.yaml"), "--format", "json",
                       *EX)
    data = json.loads(out)
    assert code == 0 and data["status"] == "pending" and data["verdict"] is None
    assert data["pending"]["fact"] == "toestemming"


@pytest.mark.parametrize(("fmt", "lang", "needle"), [
    ("text", "nl", "[!] Uitkomst: Je mag delen, mits je de voorwaarden volgt"),
    ("text", "en", "[!] Outcome: You may share, provided you meet the conditions"),
    ("markdown", "nl", "## Uitkomst: [!] Je mag delen, mits"),
])
def test_decide_text_and_markdown(fmt: str, lang: str, needle: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decide", "--case", str(CASE / "agent_oud.yaml"), "--format",
                       fmt, "--lang", lang, *EX)
    assert code == 0 and needle in out


def test_decide_on_a_broken_case_file_is_a_located_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("id: x\ntitle: x\ndate: 2026-13-01\nfacts: {rol: dokter}\n")
    code, out, err = run(capsys, "decide", "--case", str(bad), *EX)
    assert code == 1 and out == ""
    assert "kapot.yaml:3:7: date: '2026-13-01'" in err or "kapot.yaml:4" in err


def test_cases_pass_and_report_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cases", *EX)
    assert code == 0 and "4 passed, 0 failed" in out
    assert "start 1.0.0: knopen" in out and "niet bereikte uitkomsten" in out


def test_a_wrong_expectation_prints_file_case_and_diff(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_example(tmp_path)
    case = root / "trees/start/cases/gewoon.yaml"
    case.write_text(case.read_text().replace("verdict: delen", "verdict: niet_delen"))
    code, out, _ = run(capsys, "cases", "--trees", str(root / "trees"))
    assert code == 1
    assert "gewoon.yaml / gewoon / verdict: verwacht niet_delen, gekregen delen" in out
    code, out, _ = run(capsys, "cases", "--lang", "en", "--trees", str(root / "trees"))
    assert code == 1 and "gewoon / verdict: expected niet_delen, got delen (outcome" in out
    assert "verwacht" not in out and "gekregen" not in out


def test_coverage_thresholds_can_fail_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "cases", "--all-outcomes", *EX)
    assert code == 1


def _answers(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> Iterator[str]:
    feed = iter(lines)

    def fake_input(prompt: str = "") -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    return feed










def test_replay_on_current_trees_reports_the_difference(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = load_example().library
    facts = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(make_record(walk(resolve(lib, date(2026, 3, 1)), "start", facts),
                                           "t")))
    code, out, _ = run(capsys, "replay", str(path), "--current", "--date", "2026-08-01", *EX)
    assert code == 1 and "Verschil: verdict: was 'delen_mits', nu 'advies'" in out
    code, out, _ = run(capsys, "replay", str(path), *EX)
    assert code == 0 and "Zelfde uitkomst op de vastgelegde boomversies: delen_mits" in out


def test_replay_refuses_an_edited_record_and_marks_an_unsealed_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = load_example().library
    facts = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}
    record = make_record(walk(resolve(lib, date(2026, 3, 1)), "start", facts), "t")
    record["citations"] = []
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record, indent=2))
    code, out, err = run(capsys, "replay", str(path), *EX)
    assert code == 1 and out == ""
    assert "r.json:" in err and "'citations' (bronverwijzingen) past niet bij het zegel" in err
    del record["seal"], record["grounds"]
    record["schema"] = "https://deelwijzer.nl/schemas/record/1.0.0"
    path.write_text(json.dumps(record, indent=2))
    code, out, err = run(capsys, "replay", str(path), *EX)
    assert code == 1 and "waarschuwing: dit beslisrecord heeft geen zegel" in err
    assert "Verschil: bronverwijzingen: was [], nu ['avg:6(1)(d)', 'wpg:1', 'wpg:16(1)(b)']" in out
    assert "(niet verzegeld record)" in out


def test_replay_speaks_english_when_asked(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    lib = load_example().library
    facts = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}
    record = make_record(walk(resolve(lib, date(2026, 3, 1)), "start", facts), "t")
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record, indent=2))
    code, out, _ = run(capsys, "replay", "--lang", "en", str(path), "--current", "--date",
                       "2026-08-01", *EX)
    assert code == 1 and "verdict: was 'delen_mits', now 'advies'" in out
    assert "tree 'regel': was version 1.0.0, now" in out and ", nu " not in out
    record["citations"] = []
    path.write_text(json.dumps(record, indent=2))
    code, _, err = run(capsys, "replay", "--lang", "en", str(path), *EX)
    assert code == 1 and "'citations' (citations) does not match the seal: changed after " \
        "saving; a decision record as Deelwijzer wrote it; this record is no longer reliable" in err
    del record["seal"], record["grounds"]
    record["schema"] = "https://deelwijzer.nl/schemas/record/1.0.0"
    path.write_text(json.dumps(record, indent=2))
    _, out, err = run(capsys, "replay", "--lang", "en", str(path), *EX)
    assert "this decision record has no seal (made before record format 1.1.0)" in err
    assert "citations: was [], now ['avg:6(1)(d)'" in out and "zegel" not in err






@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, "{kapot", '{"on": 1}',
                                     '"' + "x" * 1_100_000 + '"'])
def test_an_unreadable_walk_in_progress_is_moved_aside_once(
        content: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["DEELWIJZER_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gesprek.json").write_text(content)
    _answers(monkeypatch, ["q"])
    code, out, _ = run(capsys, "vraag", "--plain", "--date", "2026-03-01", *EX)
    aside = folder / "gesprek.beschadigd-1.json"
    assert code == 0 and f"staat nu apart als {aside}; je begint opnieuw" in out
    assert aside.read_text() == content
    _answers(monkeypatch, ["q"])
    code, out, _ = run(capsys, "vraag", "--plain", "--date", "2026-03-01", *EX)
    assert code == 0 and "apart" not in out


def test_a_second_plain_walk_saves_apart_from_the_first(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["DEELWIJZER_DATA_DIR"])
    other = FileLock(folder / ".gesprek.json.lock")  # the app open in another window
    assert other.acquire()
    monkeypatch.setattr("tui.plain.start.interactive", lambda: True)
    try:
        _answers(monkeypatch, ["2", "q"])
        code, out, _ = run(capsys, "vraag", "--plain", "--date", "2026-03-01", *EX)
    finally:
        other.release()
    assert code == 0
    assert f"deze vraag wordt apart bewaard in {folder / 'gesprek-2.json'}" in out
    assert json.loads((folder / "gesprek-2.json").read_text())["answers"] == {"gevaar": "nee"}
    assert not (folder / "gesprek.json").exists()


def test_ctrl_c_in_the_plain_walk_exits_130_and_keeps_the_walk(tmp_path: Path) -> None:
    env = {**os.environ, "DEELWIJZER_DATA_DIR": str(tmp_path / "data"),
           "DEELWIJZER_CACHE_DIR": str(tmp_path / "cache")}
    walk = subprocess.Popen([sys.executable, "-m", "tui.cli.main", "vraag", "--plain", "--date",
                             "2026-03-01", *EX], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert walk.stdin is not None
    walk.stdin.write("2\n")
    walk.stdin.flush()
    saved = tmp_path / "data" / "gesprek.json"
    deadline = time.monotonic() + 30  # a wait limit, not a timing assertion
    while not saved.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    walk.send_signal(signal.SIGINT)
    _, err = walk.communicate(timeout=30)
    assert walk.returncode == 130 and err == "\ngestopt\n"
    assert json.loads(saved.read_text())["answers"] == {"gevaar": "nee"}


def test_a_damaged_walk_in_progress_is_reported_not_fatal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["DEELWIJZER_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gesprek.json").write_text('{"start": "start", "on": "2026-03-01", '
                                         '"answers": {"gevaar": "misschien"}}')
    monkeypatch.setattr("tui.plain.start.interactive", lambda: True)  # only a person is asked
    _answers(monkeypatch, ["q"])
    code, out, _ = run(capsys, "vraag", "--plain", "--date", "2026-03-01", *EX)
    assert code == 0 and "Het bewaarde gesprek is niet te gebruiken" in out


def test_check_speaks_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--strict", "--lang", "en")
    assert code == 0 and "0 errors, 0 warning(s)" in out and "fouten" not in out


def test_the_plain_walk_speaks_english_throughout(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _answers(monkeypatch, ["?", "9", "q"])
    code, out, _ = run(capsys, "vraag", "--plain", "--lang", "en", "--date", "2026-03-01", *EX)
    assert code == 0
    for english in ("Guidance, not legal advice", "Type the number of your answer",
                    "Question 1 (0 answered, 0 already known)", "Choose a number from 1 to",
                    "Stopped."):
        assert english in out
    for dutch in ("Typ het nummer", "Vraag 1", "Kies een nummer", "Gestopt", "beslisdatum"):
        assert dutch not in out


def test_the_plain_walk_follows_the_language_saved_by_the_app(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.shared.store import save_pref  # noqa: PLC0415

    save_pref("lang", "en")
    _answers(monkeypatch, ["q"])
    _, out, _ = run(capsys, "vraag", "--plain", "--date", "2026-03-01", *EX)
    assert "Question 1" in out and "Vraag 1" not in out
    _answers(monkeypatch, ["q"])
    _, out, _ = run(capsys, "vraag", "--plain", "--lang", "nl", "--date", "2026-03-01", *EX)
    assert "Vraag 1" in out  # --lang wins over the saved choice


def test_every_command_takes_lang(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli.main import COMMANDS, parser  # noqa: PLC0415

    for name in COMMANDS:
        try:
            args = parser(name).parse_args([name, "--lang", "en", *_required(name)])
        except SystemExit:
            pytest.fail(f"'{name}' does not take --lang")
        assert args.lang == "en"


def _required(name: str) -> list[str]:
    return {"replay": ["r.json"], "convenant": ["--flows", "f.yaml"],
            "decide": ["--case", "c.yaml"],
            "vaststellen": ["avg", "1.0.0", "--door", "A", "--rol", "B"],
            "review": ["avg"]}.get(name, [])


def test_decide_writes_the_decision_document(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import docx  # noqa: PLC0415 - only this test reads Word files

    target = tmp_path / "besluit.docx"
    code, out, err = run(capsys, "decide", "--case", str(CASE / "agent_oud.yaml"), "--format",
                         "docx", "--out", str(target), "--case-ref", "Z-1", "--decided-by",
                         "wijkagent", *EX)
    assert code == 0 and out == "" and f"geschreven naar {target}" in err
    document = docx.Document(str(target))
    lines = [p.text for p in document.paragraphs]
    assert "[!] Je mag delen, mits je de voorwaarden volgt" in lines[:5]
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[-1].rows}
    assert rows["Zaaknummer of kenmerk"] == "Z-1"
    assert rows["Besloten door (functie)"] == "wijkagent"
    assert document.core_properties.author == "Deelwijzer"


@pytest.mark.parametrize("fmt", ["docx", "markdown"])
def test_decide_never_overwrites_without_force(fmt: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "besluit.out"
    target.write_text("van iemand anders\n")
    argv = ["decide", "--case", str(CASE / "agent_oud.yaml"), "--format", fmt, "--out",
            str(target), *EX]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert f"{target} bestaat al; niets geschreven" in err and "--force" in err
    assert target.read_text() == "van iemand anders\n"
    code, _, _ = run(capsys, *argv, "--force")
    assert code == 0 and target.read_bytes() != b"van iemand anders\n"


def test_decide_docx_needs_an_out_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "decide", "--case", str(CASE / "agent_oud.yaml"), "--format",
                         "docx", *EX)
    assert code == 2 and out == "" and "--out" in err
