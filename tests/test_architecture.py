"""docs/architecture.md draws the layout the code has: every package is in the picture, in the
order the import contracts enforce; every module says in its first line what it is for."""

from __future__ import annotations

import ast
import re
import tomllib

from tests.helpers import ROOT

DOC = (ROOT / "docs/architecture.md").read_text(encoding="utf-8")
PICTURE = DOC[DOC.index("## Layout"):DOC.index("### Errors")]


def _packages() -> list[str]:
    return sorted(str(p.parent.relative_to(ROOT)) for p in [*ROOT.glob("engine/**/__init__.py"),
                                                              *ROOT.glob("tui/**/__init__.py")])


def test_every_package_is_in_the_picture() -> None:
    for package in _packages():
        if package in ("engine", "tui"):
            continue
        name = package.split("/")[-1]
        assert f"{name}/" in PICTURE, f"{package} is missing from docs/architecture.md"


def test_the_picture_lists_the_engine_stages_in_the_contract_s_order() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c.get("containers") == ["engine"])
    stages = [s.strip() for layer in contract["layers"] for s in re.split(r"[|:]", layer)]
    engine = PICTURE[PICTURE.index("\n engine/"):]
    positions = []
    for stage in stages:
        match = re.search(rf"\b{stage}(/|\.py)", engine)
        assert match, f"engine.{stage} is missing from the picture"
        positions.append(match.start())
    assert positions == sorted(positions), "the picture's order differs from the contract's"


def test_every_module_says_what_it_is_for_in_its_first_line() -> None:
    for path in [*ROOT.glob("engine/**/*.py"), *ROOT.glob("tui/**/*.py")]:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and doc.splitlines()[0].strip(), f"{path.relative_to(ROOT)} has no first line"
