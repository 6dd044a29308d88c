"""The wheel: built offline with the project's own build hook, it carries the shipped trees
checked ahead (engine/_checked/), found again under their content key once installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

#: Run in the installed copy: where the engine comes from, the key of its own shipped trees,
#: what engine/_checked holds, and whether a first load with an empty cache needed YAML.
PROBE = """
import sys
from pathlib import Path
import engine
from engine.read.cache import SHIPPED, cached_load, content_key
from engine.read.paths import conventions_dir, trees_dir
result = cached_load(trees_dir(), conventions_dir(), Path(sys.argv[1]))
print(engine.__file__)
print(content_key(trees_dir(), conventions_dir())[:32])
print(sorted(p.name for p in SHIPPED.iterdir()))
print(sorted(result.library.trees), len(result.errors))
print("yaml" in sys.modules, "jsonschema" in sys.modules, Path(sys.argv[1]).exists())
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "-q", "-w", str(out), str(ROOT)], check=True, timeout=300,
                   capture_output=True)
    (found,) = out.glob("deelwijzer-*.whl")
    return found


def test_the_wheel_carries_one_checked_tree_set(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        checked = [n for n in archive.namelist() if n.startswith("engine/_checked/")]
        assert len(checked) == 1 and checked[0].endswith(".pickle")
        mode = archive.getinfo(checked[0]).external_attr >> 16
    assert mode & 0o444 == 0o444, "readable by every user of a system-wide install"


def test_an_installed_wheel_starts_from_its_checked_trees(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    "--target", str(target), str(wheel)], check=True, timeout=300,
                   capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "empty-cache")],
                          capture_output=True, text=True, cwd=tmp_path, env=env, check=True,
                          timeout=120)
    where, key, checked, trees, imported = done.stdout.splitlines()
    assert where.startswith(str(target)), "the installed copy, not the checkout"
    assert checked == str([f"bomen-{key}.pickle"]), "its key is the installed trees' own"
    assert trees == "['avg', 'mensenhandel', 'wjsg', 'wpg'] 0"
    assert imported == "False False False", "no YAML, no schema, the user's cache untouched"
