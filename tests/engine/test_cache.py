"""The load cache: a hit gives the same result; any change to an input is a miss."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from engine.model import Text
from engine.read.cache import KEEP, cached_load, fingerprint
from tests.helpers import copy_example, load_example


def test_a_second_load_comes_from_the_cache_and_equals_the_first(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "cache"
    first = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert len(list(cache.glob("bomen-*.pickle"))) == 1
    second = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert second == first and second is not first


def test_changing_a_tree_changes_the_key_and_the_result(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "cache"
    before = fingerprint(root / "trees", root / "conventions", root)
    cached_load(root / "trees", root / "conventions", cache, base=root)
    tree = root / "trees/start/1.0.0.yaml"
    tree.write_text(tree.read_text().replace("next: delen_mits", "next: delen_mitz"))
    assert fingerprint(root / "trees", root / "conventions", root) != before
    result = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert "start" in result.library.broken


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "cache"
    cached_load(root / "trees", root / "conventions", cache, base=root)
    for path in cache.glob("bomen-*.pickle"):
        path.write_bytes(b"geen pickle")
    result = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert set(result.library.trees) == {"start", "regel"}


def test_an_unwritable_cache_folder_still_loads(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = cached_load(root / "trees", root / "conventions", blocker / "cache", base=root)
    assert set(result.library.trees) == {"start", "regel"}


def test_old_cache_files_are_pruned(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "cache"
    cache.mkdir()
    for i in range(12):
        (cache / f"bomen-oud{i:02}.pickle").write_bytes(b"x")
    cached_load(root / "trees", root / "conventions", cache, base=root)
    left = sorted(p.name for p in cache.glob("bomen-*.pickle"))
    assert len(left) == KEEP
    assert "bomen-oud00.pickle" not in left


def test_the_key_covers_what_load_reads_and_nothing_else(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    trees, conventions = root / "trees", root / "conventions"
    key = fingerprint(trees, conventions, root)
    cases = trees / "start" / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    (cases / "nieuw.yaml").write_text("id: nieuw\n")  # a case file is not part of the set
    (trees / "LEESMIJ.yaml").write_text("x: 1\n")  # nor is a stray file that load skips
    assert fingerprint(trees, conventions, root) == key
    covenant = next(conventions.glob("*/*.yaml"))
    covenant.write_text(covenant.read_text() + "\n# gewijzigd\n")
    assert fingerprint(trees, conventions, root) != key
    changed = fingerprint(trees, conventions, root)
    (trees / "sources.yaml").unlink()  # a missing input is part of the key too
    assert fingerprint(trees, conventions, root) != changed


def test_model_objects_come_back_from_a_pickle_equal_and_still_frozen() -> None:
    library = load_example().library
    again = pickle.loads(pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == library and again is not library
    tree = next(iter(again.trees.values()))[0]
    assert type(tree) is type(next(iter(library.trees.values()))[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.id = "ander"  # type: ignore[misc,assignment]
    assert hash(Text(nl="a", en="b")) == hash(pickle.loads(pickle.dumps(Text(nl="a", en="b"))))


class _Planted:
    """What an attacker would plant: unpickling it calls os.system."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os  # noqa: PLC0415

        return os.system, (f"touch {self.marker}",)


def _plant(cache: Path, root: Path, marker: Path) -> Path:
    key = fingerprint(root / "trees", root / "conventions", root)
    path = cache / f"bomen-{key[:32]}.pickle"
    path.write_bytes(pickle.dumps(_Planted(marker)))
    return path


def test_a_planted_file_that_would_run_code_is_refused_unrun(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    marker = tmp_path / "ran"
    _plant(cache, root, marker)
    result = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert not marker.exists(), "the cache ran code"
    assert result == load_example(root)


@pytest.mark.parametrize("unsafe", ["others_write", "link"])
def test_a_cache_folder_others_can_write_to_is_never_read_or_written(
        unsafe: str, tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    cache = shared if unsafe == "others_write" else tmp_path / "link"
    if unsafe == "link":
        cache.symlink_to(shared)
    planted = load_example(copy_example(tmp_path / "other")).library
    key = fingerprint(root / "trees", root / "conventions", root)
    (shared / f"bomen-{key[:32]}.pickle").write_bytes(pickle.dumps(planted))
    result = cached_load(root / "trees", root / "conventions", cache, base=root)
    assert result == load_example(root)
    assert len(list(shared.glob("bomen-*"))) == 1, "nothing written there either"


def test_the_cache_folder_is_made_private(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "set")
    cache = tmp_path / "new" / "cache"
    cached_load(root / "trees", root / "conventions", cache, base=root)
    assert cache.stat().st_mode & 0o077 == 0


def test_trees_checked_at_install_time_make_a_cold_start_warm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine import load  # noqa: PLC0415
    from engine.read import cache as module  # noqa: PLC0415

    root = copy_example(tmp_path / "set")
    monkeypatch.setattr(module, "SHIPPED", tmp_path / "checked")
    module.ship(root / "trees", root / "conventions")
    empty = tmp_path / "user-cache"
    result = cached_load(root / "trees", root / "conventions", empty)
    assert result == load(root / "trees", root / "conventions")
    assert not empty.exists(), "read from the checked set: the user's cache is not touched"
    tree = root / "trees/start/1.0.0.yaml"  # an edited tree is a miss: checked afresh
    tree.write_text(tree.read_text().replace("next: delen_mits", "next: delen_mitz"))
    assert "start" in cached_load(root / "trees", root / "conventions", empty).library.broken
