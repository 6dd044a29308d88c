"""The adviser's exercise: add an organisation value to the vocabulary, see where it goes, route
it in a new version; check, cases and diff say what happens at each step (fixture trees)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE
from tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_add_a_value_see_where_it_goes_and_route_it_in_a_new_version(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    trees = ["--trees", str(repo / "trees")]

    # 1. A new value in the vocabulary: check passes, and says where the value goes.
    edit(repo / "trees/facts.yaml", "      ambtenaar: {nl: Ambtenaar, en: Civil servant}\n",
         "      ambtenaar: {nl: Ambtenaar, en: Civil servant}\n"
         "      boa: {nl: Handhaver (boa), en: Enforcement officer}\n")
    code, _, err = run(capsys, "check", "--strict", *trees)
    assert code == 1 and "zonder afgeleide waarde voor 'sector': 'boa'" in err  # derived fact
    edit(repo / "trees/facts.yaml", "ambtenaar: publiek}", "ambtenaar: publiek, boa: publiek}")
    code, out, _ = run(capsys, "check", "--strict", *trees)
    assert code == 0
    assert "rol = boa (Handhaver (boa)): start 1.0.0 rol (" in out and "1.0.0.yaml:40:7)" in out
    # Nothing was decided about it, so no decision changed: the diff is empty.
    code, out, _ = run(capsys, "diff", *trees)
    assert code == 0 and "Geen wijzigingen." in out

    # 2. Route it in a new version that replaces 1.0.0 (the released file stays as it is).
    old = repo / "trees/start/1.0.0.yaml"
    new = repo / "trees/start/1.1.0.yaml"
    released = old.read_bytes()
    shutil.copy(old, new)
    edit(new, "version: 1.0.0\n", "version: 1.1.0\nreplaces: ['1.0.0']\n")
    edit(new, "changelog:\n", "changelog:\n  - version: 1.1.0\n    date: \"2026-12-01\"\n"
              "    changes: {nl: Handhavers vragen advies., en: Enforcement asks advice.}\n")
    edit(new, "      - value: agent\n", "      - value: boa\n        next: advies\n"
              "      - value: agent\n")
    case = repo / "trees/start/cases/boa.yaml"
    case.write_text("id: boa\ntitle: Handhaver\ndate: \"2026-03-01\"\n"
                    "facts: {gevaar: nee, rol: boa}\nexpect: {verdict: advies, regime: avg}\n",
                    encoding="utf-8")
    assert run(capsys, "check", "--strict", *trees)[0] == 0
    code, out, err = run(capsys, "cases", *trees)
    assert code == 0 and "0 failed" in out, out + err

    # 3. The diff shows exactly the paths of the new value, and the case that follows them.
    code, out, _ = run(capsys, "diff", *trees)
    assert code == 1
    assert "Uitkomst gewijzigd: start/delen → start/advies" in out
    assert "Rol: Handhaver (boa)" in out and "Rol: Arts" not in out
    changes = repo / "trees/start/changes/1.1.0.yaml"
    changes.parent.mkdir()
    changes.write_text("changes:\n  - facts: {rol: boa}\n    kind: uitkomst\n"
                       "    reason: Handhavers vragen voortaan advies.\n", encoding="utf-8")
    code, out, _ = run(capsys, "diff", "--expect", str(changes), *trees)
    # Undeclared: on the path that already ended in advice, questions are no longer asked
    # (found in each period of the regel tree, listed and counted once).
    assert code == 1 and "1 niet aangekondigd, 0 niet opgetreden" in out
    changes.write_text("changes:\n  - facts: {rol: boa}\n"
                       "    reason: Handhavers vragen voortaan meteen advies.\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "diff", "--expect", str(changes), *trees)
    assert code == 0 and "precies de verwachte wijzigingen" in out, out
    assert old.read_bytes() == released
