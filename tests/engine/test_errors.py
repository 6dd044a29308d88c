"""engine.errors: one error model — every error carries its exit code, place and Dutch words."""

from __future__ import annotations

import errno
import json
from datetime import date
from pathlib import Path

import pytest

from engine import resolve, walk
from engine.errors import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    DeelwijzerError,
    FileError,
    LoadError,
    Location,
    Problem,
    UsageError,
    WalkError,
    file_error,
)
from engine.record import make_record
from engine.seal import sealed
from tests.helpers import EXAMPLE, load_example
from tui.cli.main import main

EX = ["--trees", str(EXAMPLE / "trees"), "--conventions", str(EXAMPLE / "conventions")]


@pytest.mark.parametrize(("error", "code"), [
    (UsageError("x"), EXIT_USAGE), (WalkError("x"), EXIT_PROBLEMS),
    (FileError("x"), EXIT_PROBLEMS), (LoadError(()), EXIT_PROBLEMS),
])
def test_every_error_carries_its_exit_code(error: DeelwijzerError, code: int) -> None:
    assert isinstance(error, DeelwijzerError) and error.exit_code == code


def test_an_error_with_a_place_names_it_first() -> None:
    error = WalkError("onbekend feit 'rol'", "bedoelde je 'role'?",
                      location=Location(file="a.yaml", line=3, column=5))
    assert str(error) == "a.yaml:3:5: onbekend feit 'rol'; bedoelde je 'role'?"


def test_a_load_error_is_located_at_its_first_problem() -> None:
    where = Location(file="b.yaml", line=7, column=1)
    error = LoadError((Problem(location=where, code="c", found="f", expected="e"),))
    assert error.location == where and str(error) == "b.yaml:7:1: f; e"


@pytest.mark.parametrize(("number", "nl", "en"), [
    (errno.ENOENT, "bestaat niet", "does not exist"),
    (errno.EACCES, "je hebt geen toestemming", "you have no permission"),
    (errno.EISDIR, "is een map", "is a folder"), (errno.ENOTDIR, "een deel", "part of"),
    (errno.ENOSPC, "de schijf is vol", "the disk is full"),
    (errno.EROFS, "staat op een schijf", "is on a disk"),
])
def test_os_errors_become_sentences_naming_the_file_in_either_language(
        number: int, nl: str, en: str) -> None:
    error = file_error("uit/besluit.json", OSError(number, "English system text"), "write")
    assert str(error).startswith(f"kan 'uit/besluit.json' niet schrijven: {nl}")
    assert error.text("en").startswith(f"cannot write 'uit/besluit.json': {en}")
    assert "English" not in str(error) and "English" not in error.text("en")


def test_every_system_reason_named_has_words() -> None:
    from engine.errors import _REASONS  # noqa: PLC0415
    from engine.words import WORDS  # noqa: PLC0415

    assert {f"os.{name}" for name in _REASONS.values()} <= set(WORDS)


def test_an_unknown_system_error_is_named_with_its_own_text_marked_as_technical() -> None:
    error = file_error("a.json", OSError(errno.EHOSTDOWN, "Host is down"), "save")
    assert str(error) == ("kan 'a.json' niet opslaan: een systeemfout (EHOSTDOWN; technische "
                          "melding van het systeem: Host is down); kies een ander bestand of "
                          "een andere map")
    assert error.text("en").startswith("cannot save 'a.json': a system error (EHOSTDOWN;")


def test_replay_of_a_record_with_an_impossible_date_is_a_located_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = load_example().library
    facts = {"gevaar": "nee", "rol": "agent", "ontvanger": "gemeente"}
    record = make_record(walk(resolve(lib, date(2026, 3, 1)), "start", facts), "t")
    record = sealed({**record, "decision_date": "2026-02-30"})  # sealed: the date is what fails
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record, indent=2))
    code = main(["replay", str(path), *EX])
    _, err = capsys.readouterr()
    line = 1 + next(i for i, text in enumerate(path.read_text().splitlines())
                    if '"decision_date"' in text)
    assert code == EXIT_PROBLEMS
    assert f"r.json:{line}:" in err and "'2026-02-30' is geen bestaande datum" in err
    assert "Traceback" not in err


def test_an_os_error_at_the_edge_is_a_dutch_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "een-map.json"
    folder.mkdir()
    code = main(["replay", str(folder), *EX])
    _, err = capsys.readouterr()
    assert code == EXIT_PROBLEMS and "Traceback" not in err and "een-map.json" in err


def test_a_schema_problem_speaks_both_languages(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import copy_example  # noqa: PLC0415

    root = copy_example(tmp_path)
    target = root / "trees/start/1.0.0.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        'valid_from: "2026-01-01"', 'valid_from: "1-1-2026"', 1), encoding="utf-8")
    assert "1-1-2026" in target.read_text(encoding="utf-8")
    trees = ["--trees", str(root / "trees"), "--conventions", str(root / "conventions")]
    assert main(["check", *trees, "--lang", "en"]) == EXIT_PROBLEMS
    english = capsys.readouterr().err
    assert "text matching the pattern" in english and 'write a date as "YYYY-MM-DD"' in english
    assert "tekst volgens" not in english and "schrijf" not in english
    assert main(["check", *trees]) == EXIT_PROBLEMS
    dutch = capsys.readouterr().err
    assert "tekst volgens het patroon" in dutch and "JJJJ-MM-DD" in dutch


def test_did_you_mean_is_said_in_the_reader_s_language() -> None:
    from engine.errors import suggest  # noqa: PLC0415

    hint = suggest("verstreker", ["verstrekker", "ontvanger"])
    assert str(hint) == "bedoelde je 'verstrekker'?"
    assert hint.said("en") == "did you mean 'verstrekker'?"  # type: ignore[attr-defined]
