"""`deelwijzer diff` as a legal adviser runs it: folders, git revisions, exit codes, files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import DATA
from tui.cli.main import main

PAIR = DATA / "diff"
SETS = ["--before", str(PAIR / "before"), "--after", str(PAIR / "after")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_when_nothing_changed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "--before", str(PAIR / "before"),
                       "--after", str(PAIR / "before"))
    assert code == 0 and "Geen wijzigingen." in out and "7 → 7 paden" in out


def test_exit_1_when_decisions_changed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", *SETS, "--records", str(PAIR / "records"))
    assert code == 1 and "Beslisrecords: 2 gedraaid, 1 gewijzigd" in out


@pytest.mark.parametrize(("expect", "code"), [("exact", 0), ("undeclared", 1), ("phantom", 1)])
def test_expected_changes_decide_the_exit_code(capsys: pytest.CaptureFixture[str], expect: str,
                                               code: int) -> None:
    got, _, _ = run(capsys, "diff", *SETS, "--records", str(PAIR / "records"),
                    "--expect", str(PAIR / "expect" / f"{expect}.yaml"))
    assert got == code


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "diff", "--before", "geen-revisie-xyz", "--after",
                       str(PAIR / "after"), "--trees", str(PAIR / "after/trees"))
    assert code == 2 and "geen map en geen git-revisie" in err
    code, _, err = run(capsys, "diff", "avg@1.0.0", "wpg@1.1.0")
    assert code == 2 and "dezelfde boom" in err
    bad = tmp_path / "expect.yaml"
    bad.write_text("changes:\n  - outcome: start/delen\n    facts: {kleur: rood}\n"
                   "    reason: x\n", encoding="utf-8")
    code, _, err = run(capsys, "diff", *SETS, "--expect", str(bad))
    assert code == 2 and "expect.yaml:3:" in err and "onbekend feit 'kleur'" in err


def test_json_to_a_file_never_overwrites_without_force(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    out = tmp_path / "diff.json"
    code, _, _ = run(capsys, "diff", *SETS, "--format", "json", "--out", str(out))
    assert code == 1 and json.loads(out.read_text(encoding="utf-8"))["passed"] is False
    out.write_text("mijn eigen bestand", encoding="utf-8")
    code, _, err = run(capsys, "diff", *SETS, "--format", "json", "--out", str(out))
    assert code == 2 and "--force" in err and out.read_text(encoding="utf-8") == \
        "mijn eigen bestand"
    code, _, _ = run(capsys, "diff", *SETS, "--format", "markdown", "--out", str(out), "--force")
    assert code == 1 and out.read_text(encoding="utf-8").startswith("# Wat verandert")


def test_versions_of_one_tree(capsys: pytest.CaptureFixture[str]) -> None:
    trees = ["--trees", str(PAIR / "before/trees")]
    code, out, _ = run(capsys, "diff", "regel@1.0.0", "regel@1.1.0", *trees, "--lang", "en")
    assert code == 1 and "Before: regel 1.0.0  →  After: regel 1.1.0" in out
    assert "verdict: was 'You may share, provided you meet the conditions', now 'Ask for " \
           "advice'" in out
    code, _, err = run(capsys, "diff", "regel@1.0.0", "regel@9.0.0", *trees)
    assert code == 2 and "geen versie 9.0.0" in err


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t",
                    *args], check=True, capture_output=True)


def test_a_git_revision_is_read_without_touching_the_checkout(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(PAIR / "before", repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "before")
    shutil.copytree(PAIR / "after/trees", repo / "trees", dirs_exist_ok=True)
    status = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], check=True,
                            capture_output=True, text=True).stdout
    trees = ["--trees", str(repo / "trees")]
    code, out, _ = run(capsys, "diff", "--before", "HEAD", *trees)
    assert code == 1 and "Voor: HEAD (git)" in out and "7 → 8 paden" in out
    code, out, _ = run(capsys, "diff", *trees)  # the default: HEAD against the working tree
    assert code == 1 and "gronden en artikelen: − bw:7:457" in out
    after = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], check=True,
                           capture_output=True, text=True).stdout
    worktrees = subprocess.run(["git", "-C", str(repo), "worktree", "list"], check=True,
                               capture_output=True, text=True).stdout
    assert after == status and len(worktrees.splitlines()) == 1
