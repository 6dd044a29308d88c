"""Wheel build hook: the shipped trees checked once, while the wheel is built, into
engine/_checked/ (see engine/read/cache.py), so an installed Deelwijzer starts without YAML
parsing or schema checks. Editable installs are skipped: `make run` checks them there."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CheckedTrees(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from engine.read.cache import ship  # noqa: PLC0415 - the engine of this source tree
        finally:
            sys.path.remove(str(root))
        self._folder = Path(tempfile.mkdtemp(prefix="deelwijzer-checked-"))
        path = ship(root / "trees", root / "conventions", base=root, into=self._folder)
        if not path.is_file():
            raise RuntimeError(f"the shipped trees could not be checked into {path}")
        path.chmod(0o644)  # readable by every user of a system-wide install
        build_data["force_include"][str(path)] = f"engine/_checked/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
