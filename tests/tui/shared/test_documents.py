"""Exports are offered where people keep documents, never over an existing file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.shared.documents import documents_dir, free_path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("DEELWIJZER_DOCUMENTS_DIR", "XDG_DOCUMENTS_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_the_desktops_documents_folder_comes_first(home: Path) -> None:
    (home / "Mijn documenten").mkdir()
    (home / "Documenten").mkdir()
    (home / ".config").mkdir()
    (home / ".config/user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Bureaublad"\n'
        'XDG_DOCUMENTS_DIR="$HOME/Mijn documenten"\n', encoding="utf-8")
    assert documents_dir() == home / "Mijn documenten"


@pytest.mark.parametrize(("folders", "expected"), [
    (["Documenten", "Documents"], "Documenten"),
    (["Documents"], "Documents"),
    ([], ""),
])
def test_without_xdg_a_documents_folder_or_home(home: Path, folders: list[str],
                                                expected: str) -> None:
    for name in folders:
        (home / name).mkdir()
    assert documents_dir() == home / expected if expected else documents_dir() == home


def test_an_xdg_folder_that_does_not_exist_is_not_offered(home: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "weg"))
    assert documents_dir() == home


def test_the_environment_variable_wins(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEELWIJZER_DOCUMENTS_DIR", str(home / "dossiers"))
    assert documents_dir() == home / "dossiers"


def test_a_free_name_never_points_at_an_existing_file(tmp_path: Path) -> None:
    assert free_path(tmp_path, "besluit.docx") == tmp_path / "besluit.docx"
    (tmp_path / "besluit.docx").write_bytes(b"")
    (tmp_path / "besluit (2).docx").write_bytes(b"")
    assert free_path(tmp_path, "besluit.docx") == tmp_path / "besluit (3).docx"
