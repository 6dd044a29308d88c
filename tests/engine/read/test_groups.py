"""facts.yaml `groups`: headings for a long list, which also give the order of its values."""

from __future__ import annotations

from pathlib import Path

from engine import load
from engine.read.paths import conventions_dir, trees_dir
from tests.helpers import copy_example, load_example

GROUPS = '''    groups:
      - label: {nl: Zorg, en: Care}
        values: [arts]
      - label: {nl: Overheid, en: Government}
        values: [ambtenaar, agent]
'''


def test_groups_order_the_values_and_name_their_heading(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    facts = root / "trees" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    anchor = "      ambtenaar: {nl: Ambtenaar, en: Civil servant}\n"
    facts.write_text(text.replace(anchor, anchor + GROUPS, 1), encoding="utf-8")
    result = load_example(root)
    assert not result.problems
    rol = result.library.facts["rol"]  # type: ignore[index]
    assert rol.values == ("arts", "ambtenaar", "agent")
    assert [c.group.get("en") if c.group else None for c in rol.choices] == [
        "Care", "Government", "Government"]
    assert all(c.group is None for c in result.library.facts["ontvanger"].choices)  # type: ignore[index]


def test_both_organisation_lists_are_grouped_in_one_order() -> None:
    facts = load(trees_dir(), conventions_dir()).library.facts
    giver, taker = facts["verstrekker"], facts["ontvanger"]  # type: ignore[index]
    assert giver.values == taker.values
    assert all(c.group is not None for c in giver.choices)
    headings = [c.group.get("nl") for c in giver.choices if c.group]
    assert headings == sorted(headings, key=headings.index)  # each group in one run
