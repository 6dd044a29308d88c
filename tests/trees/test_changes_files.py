"""Each shipped expected-changes file (`trees/<tree>/changes/<version>.yaml`) fits the version it
describes: the version exists and replaces an older one, the file reads without problems, and every
outcome it names exists in the old or the new version. A file that declares no change (a
correction that must not change any decision) says why in its title.

The diff itself (`deelwijzer diff tree@old tree@new --expect ...`) walks every path of the shipped
trees and takes minutes; it is run when a version is made (docs/authoring.md), not here.
"""

from __future__ import annotations

import yaml

from engine import load
from engine.diff.expect import read_expected
from engine.read.paths import conventions_dir, trees_dir


def test_every_changes_file_fits_its_version() -> None:
    library = load(trees_dir(), conventions_dir()).library
    files = sorted(trees_dir().glob("*/changes/*.yaml"))
    assert files, "no expected-changes files found"
    for path in files:
        tree_id, version = path.parent.parent.name, path.stem
        versions = {t.version: t for t in library.versions(tree_id)}
        assert version in versions, f"{path}: no version {version} of '{tree_id}'"
        new = versions[version]
        assert new.replaces, f"{path}: {tree_id} {version} replaces nothing"
        nodes = set(new.nodes) | {n for old in new.replaces for n in versions[old].nodes}
        expected, problems = read_expected(path, library)
        assert not problems, f"{path}: {[p.found for p in problems]}"
        if not expected:  # a correction without effect on decisions says so, in words
            title = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("title") or {}
            assert title.get("nl") and title.get("en"), \
                f"{path}: declares no change and does not say why (title nl and en)"
        for change in expected:
            where = f"{path}:{change.line}"
            assert change.reason.nl and change.reason.en, f"{where}: reason needs nl and en"
            if change.outcome:
                tree, _, node = change.outcome.rpartition("/")
                assert tree in ("", tree_id) and node in nodes, f"{where}: {change.outcome}"
