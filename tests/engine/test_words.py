"""engine.words: one catalogue; every word in Dutch and English; every key the code uses exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from engine.model import Regime, Verdict
from engine.words import WORDS, say, section
from tests.helpers import ROOT


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_word_has_dutch_and_english_with_the_same_placeholders(key: str) -> None:
    nl, en = WORDS[key]
    assert nl.strip() and en.strip()
    assert _fields(nl) == _fields(en)


def _used_keys() -> list[tuple[str, str]]:
    """Every literal key passed to say(), t() or words under a known prefix, with its file."""
    found = []
    for path in [*(ROOT / "engine").rglob("*.py"), *(ROOT / "tui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("say", "t") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append((str(path.relative_to(ROOT)), node.args[0].value))
    return found


def test_every_key_the_code_asks_for_exists() -> None:
    used = _used_keys()
    assert len(used) > 50  # the scan sees the shells and the engine
    missing = [(file, key) for file, key in used if key not in WORDS]
    assert not missing


def test_keys_built_from_enums_exist_for_every_member() -> None:
    for verdict in Verdict:
        assert f"verdict.{verdict.value}" in WORDS
    for regime in Regime:
        assert f"regime.{regime.value}" in WORDS


def test_say_fills_placeholders_and_falls_back_to_dutch() -> None:
    filled = say("progress", "en", step=2, asked=1, known=0)
    assert filled == "Step 2 · 1 answered · 0 already known"
    assert say("disclaimer", "fr") == WORDS["disclaimer"][0]


def test_a_section_holds_a_renderer_s_words_by_their_short_names() -> None:
    words = section("render", "en")
    assert words["grounds"] == "Legal ground" and "render.grounds" not in words


def test_no_other_word_tables_are_left_in_the_code() -> None:
    """The seven tables the catalogue replaced stay gone."""
    for path in [*(ROOT / "engine").rglob("*.py"), *(ROOT / "tui").rglob("*.py")]:
        if path.name == "words.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in ("_WORDS", "VERDICT_LABELS", "REGIME_LABELS", "_REGIME_NAMES", "MESSAGES"):
            assert f"{name} =" not in text and f"{name}: " not in text, (path, name)


def test_the_catalogue_is_data_only(tmp_path: Path) -> None:
    tree = ast.parse((ROOT / "engine/words.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    assert all(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in imports)


def test_no_key_is_written_twice() -> None:
    """A dict literal keeps the last of two equal keys without a word: the first is lost."""
    tree = ast.parse((ROOT / "engine/words.py").read_text(encoding="utf-8"))
    table = next(n.value for n in tree.body if isinstance(n, ast.AnnAssign)
                 and isinstance(n.target, ast.Name) and n.target.id == "WORDS")
    assert isinstance(table, ast.Dict)
    keys = [k.value for k in table.keys if isinstance(k, ast.Constant)]
    assert len(keys) == len(set(keys)) == len(WORDS)
