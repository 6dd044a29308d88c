"""Sign-off that means something: refused for each unmet condition, recorded without editing
the tree, and an edit after sign-off caught by check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from engine import load, resolve, walk
from engine.explain.justification import justify
from engine.model import Status
from tests.helpers import DATA
from tui.cli.main import main

SIGN = ["vaststellen", "start", "1.0.0", "--door", "A. Jansen", "--rol", "juridisch adviseur",
        "--datum", "2026-12-01"]
ACCEPT = ["--accepteer", "avg:10", "Art. 10 AVG nagelopen in de bron; nummering klopt."]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "settle", tmp_path / "set")
    return tmp_path / "set"


def run(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--trees", str(root / "trees")])
    out, err = capsys.readouterr()
    return code, out, err


def test_refused_while_a_ground_is_unverified_then_settled_with_a_reason(
        capsys: pytest.CaptureFixture[str], root: Path) -> None:
    tree_file = root / "trees/start/1.0.0.yaml"
    before = tree_file.read_bytes()
    code, out, _ = run(capsys, root, *SIGN)
    assert code == 1 and "grond avg:10 is niet geverifieerd (uitkomst advies)" in out
    assert not (root / "trees/start/vaststelling").exists()
    code, out, _ = run(capsys, root, *SIGN, *ACCEPT)
    assert code == 0 and "Vastgesteld: start 1.0.0 door A. Jansen (juridisch adviseur)" in out
    assert tree_file.read_bytes() == before  # the released file is never edited
    saved = yaml.safe_load((root / "trees/start/vaststelling/1.0.0.yaml").read_text("utf-8"))
    library = load(root / "trees", root / "conventions").library
    tree = library.versions("start")[0]
    assert saved["sha256"] == tree.sha256 and saved["geaccepteerd"][0]["citation"] == "avg:10"
    assert tree.status is Status.VASTGESTELD and tree.reviewed_on == date(2026, 12, 1)
    assert tree.reviewed_by == "A. Jansen (juridisch adviseur)"
    # The concept notice goes for the settled tree, and stays for the ones not settled.
    settled = justify(walk(resolve(library, date(2026, 3, 1)), "start", {"gevaar": "ja"}))
    assert not any("Concept" in n for n in settled.notices)
    other = walk(resolve(library, date(2026, 3, 1)), "start",
                 {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"})
    assert any("Concept" in n for n in justify(other).notices)


def test_refused_when_a_case_fails(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    case = root / "trees/start/cases/gevaar.yaml"
    case.write_text(case.read_text("utf-8").replace("verdict: delen,", "verdict: advies,"),
                    encoding="utf-8")
    code, out, _ = run(capsys, root, *SIGN, *ACCEPT)
    assert code == 1 and "1 casus(sen) kloppen niet: gevaar" in out


def test_refused_when_an_outcome_has_no_case(capsys: pytest.CaptureFixture[str],
                                             root: Path) -> None:
    (root / "trees/start/cases/strafrechtelijk.yaml").unlink()
    code, out, _ = run(capsys, root, *SIGN, *ACCEPT)
    assert code == 1 and "uitkomsten zonder casus: advies" in out


def test_refused_when_check_strict_fails(capsys: pytest.CaptureFixture[str],
                                         root: Path) -> None:
    covenant = root / "conventions/voorbeeld/1.0.0.yaml"  # an unused clause: a warning
    covenant.write_text(covenant.read_text("utf-8") + """  - id: convenant.grondslag.ongebruikt
    scope: stroom
    section: grondslag
    title: {nl: Ongebruikt, en: Unused}
    text: {nl: "Niets.", en: "Nothing."}
    citations: [wpg:16]
    serves: {regimes: [wpg], verdicts: [delen]}
""", encoding="utf-8")
    code, out, err = run(capsys, root, *SIGN, *ACCEPT)
    assert code == 1 and "check --strict slaagt niet: 0 fout(en), 1 waarschuwing(en)" in out
    assert "ongebruikt" in err


def test_an_accepted_ground_needs_a_reason_and_must_exist(capsys: pytest.CaptureFixture[str],
                                                          root: Path) -> None:
    code, out, _ = run(capsys, root, *SIGN, "--accepteer", "avg:10", "  ")
    assert code == 1 and "grond avg:10 is niet geverifieerd" in out
    code, out, _ = run(capsys, root, *SIGN, *ACCEPT, "--accepteer", "avg:99", "x")
    assert code == 1 and "geen onbevestigde grond van deze versie: avg:99" in out


def test_settled_once_and_an_edit_afterwards_is_caught_by_check(
        capsys: pytest.CaptureFixture[str], root: Path) -> None:
    assert run(capsys, root, *SIGN, *ACCEPT)[0] == 0
    code, _, err = run(capsys, root, *SIGN, *ACCEPT)
    assert code == 2 and "al vastgesteld" in err
    assert run(capsys, root, "check", "--strict")[0] == 0
    tree_file = root / "trees/start/1.0.0.yaml"
    tree_file.write_text(tree_file.read_text("utf-8").replace(
        "Vraag je FG om advies.", "Vraag je FG."), encoding="utf-8")
    code, _, err = run(capsys, root, "check")
    assert code == 1 and "start 1.0.0 is gewijzigd na vaststelling op 2026-12-01" in err
    assert "trees/start/1.0.0.yaml:3:" in err  # located at the version line of the tree
    library = load(root / "trees", root / "conventions").library
    assert "start" in library.broken  # never used for a decision


def test_status_vastgesteld_by_hand_is_an_error(capsys: pytest.CaptureFixture[str],
                                                root: Path) -> None:
    tree_file = root / "trees/start/1.0.0.yaml"
    tree_file.write_text(tree_file.read_text("utf-8").replace(
        "status: concept", "status: vastgesteld"), encoding="utf-8")
    code, _, err = run(capsys, root, "check")
    assert code == 1 and "status 'vastgesteld' zonder vaststelling" in err


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ("--door en --rol mogen niet leeg zijn", "heeft geen versie 9.9.9 (wel: 1.0.0)",
            "is al vastgesteld", "heeft fouten en kan niet worden vastgesteld")),
    ("en", ("--door and --rol must not be empty", "has no version 9.9.9 (it has: 1.0.0)",
            "has already been signed off", "has errors and cannot be signed off")),
])
def test_usage_errors_speak_the_chosen_language(capsys: pytest.CaptureFixture[str], root: Path,
                                                lang: str, words: tuple[str, ...]) -> None:
    empty = ["vaststellen", "start", "1.0.0", "--door", " ", "--rol", "jurist"]
    missing = ["vaststellen", "start", "9.9.9", "--door", "A", "--rol", "jurist"]
    errors = []
    for argv in (empty, missing):
        code, _, err = run(capsys, root, *argv, "--lang", lang)
        errors.append((code, err))
    assert run(capsys, root, *SIGN, *ACCEPT)[0] == 0
    code, _, err = run(capsys, root, *SIGN, *ACCEPT, "--lang", lang)
    errors.append((code, err))
    (root / "trees/start/1.0.0.yaml").write_text("id: start\n", encoding="utf-8")
    code, _, err = run(capsys, root, *SIGN, "--lang", lang)
    errors.append((code, err))
    for (code, err), wanted in zip(errors, words, strict=True):
        assert code == 2 and wanted in err, err
    other = "mogen niet" if lang == "en" else "must not"
    assert all(other not in err for _, err in errors)
