"""Where output meets the world: closed pipes, full disks, unwritable files. Never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.errors import EXIT_PIPE, EXIT_PROBLEMS, EXIT_USAGE
from tests.helpers import EXAMPLE, ROOT
from tui.cli.main import main

EX = ["--trees", str(EXAMPLE / "trees"), "--conventions", str(EXAMPLE / "conventions")]
CASE = str(EXAMPLE / "trees/start/cases/agent_oud.yaml")
COMMANDS = [["cases", *EX, str(EXAMPLE / "trees")], ["check", *EX],
            ["decide", "--case", CASE, "--format", "json", *EX], ["--help"]]


def _run(argv: list[str], stdout: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEELWIJZER_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "tui.cli.main", *argv], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env, check=False,
                          timeout=60)


@pytest.mark.parametrize("argv", COMMANDS[:3], ids=lambda a: a[0])
def test_a_reader_that_stops_reading_ends_the_command_quietly(argv: list[str],
                                                              tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` does once it has its line
    try:
        done = _run(argv, write_end, tmp_path)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (EXIT_PIPE, "")


FULL_NL = ("deelwijzer: fout: kan de uitvoer (standaarduitvoer) niet schrijven: de schijf is "
           "vol; stuur de uitvoer naar een ander bestand of een andere map\n")
FULL_EN = ("deelwijzer: error: cannot write the output (standard output): the disk is full; "
           "send the output to another file or folder\n")


@pytest.mark.parametrize("argv", [*COMMANDS, ["--version"], ["check", "--help"],
                                  ["vraag", "--help"], ["graph", "--trees", str(EXAMPLE / "trees"),
                                                        "start"]],
                         ids=lambda a: " ".join(a[:2]))
def test_a_full_disk_under_the_output_is_a_message(argv: list[str], tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = _run(argv, full.fileno(), tmp_path)
    assert (done.returncode, done.stderr) == (EXIT_PROBLEMS, FULL_NL)


@pytest.mark.parametrize("lang", [["--lang", "en"], ["--lang=en"]], ids=" ".join)
def test_a_full_disk_is_said_in_the_language_asked_for(lang: list[str], tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = _run(["check", *lang, *EX], full.fileno(), tmp_path)
    assert (done.returncode, done.stderr) == (EXIT_PROBLEMS, FULL_EN)


def test_a_usage_error_with_a_full_standard_error_still_ends_as_a_usage_error(
        tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run([sys.executable, "-m", "tui.cli.main", "nonsense"],
                              stdout=subprocess.PIPE, stderr=full.fileno(), text=True, cwd=ROOT,
                              check=False, timeout=60)
    assert (done.returncode, done.stdout) == (EXIT_USAGE, "")


@pytest.mark.parametrize("fmt", ["markdown", "docx"])
@pytest.mark.parametrize(("target", "reason"), [
    ("missing/folder/c.out", "bestaat niet (of de map erboven bestaat niet)"),
    (".", "is een map, geen bestand"),
    ("/proc/c.out", "bestaat niet (of de map erboven bestaat niet)"),
    ("/dev/full", "niet schrijven: de schijf is vol"),
])
def test_convenant_out_where_it_cannot_be_written_names_the_file(
        fmt: str, target: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    flows = EXAMPLE / "trees/start/cases"
    code = main(["convenant", "--flows", str(flows / "agent_oud.yaml"), "--format", fmt,
                 "--out", target, "--date", "2026-03-01", *EX])
    out, err = capsys.readouterr()
    assert code == EXIT_PROBLEMS and out == ""
    assert f"deelwijzer: fout: kan '{target}' niet" in err and reason in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["besluit\x00.json", "besluit\ud800.json", "/dev/null", "."])
def test_a_save_name_no_file_can_have_is_refused_not_a_traceback(name: str) -> None:
    from tui.shared.atomic import write_atomic  # noqa: PLC0415

    with pytest.raises(OSError, match="geen gewoon bestand"):
        write_atomic(Path(name), "{}")
    assert Path("/dev/null").is_char_device(), "the device is still a device"


def test_help_pays_for_no_engine_import() -> None:
    code = ("import sys, contextlib, io\n"
            "from tui.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    main(['--help'])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('engine.', 'tui.shared', "
            "'yaml', 'jsonschema', 'textual', 'dataclasses'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_a_home_folder_of_nobody_is_a_name_not_a_crash() -> None:
    from tui.shared.atomic import user_path  # noqa: PLC0415 - found by make fuzz: "~0"

    assert user_path("~0") == Path("~0")
    assert user_path("~/besluit.json") == Path.home() / "besluit.json"
