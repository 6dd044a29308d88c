"""The engine is pure: importing and using it loads no UI code and reads no clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

ENGINE = ROOT / "engine"


def test_engine_loads_no_ui_module() -> None:
    code = (
        "import sys, datetime\n"
        "import engine\n"
        "from engine.read.paths import trees_dir, conventions_dir\n"
        "r = engine.load(trees_dir(), conventions_dir())\n"
        "w = engine.walk(engine.resolve(r.library, datetime.date(2026, 12, 1)), "
        "r.library.entry, {})\n"
        "engine.to_text(engine.justify(w))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def _calls(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                inner = func.value
                base = inner.id if isinstance(inner, ast.Name) else (
                    inner.attr if isinstance(inner, ast.Attribute) else "")
                names.add(f"{base}.{func.attr}")
    return names


def test_engine_never_prints_reads_the_clock_or_opens_the_network() -> None:
    forbidden = {"print", "input", "date.today", "datetime.now", "datetime.today", "time.time",
                 "socket.socket", "urlopen", "breakpoint"}
    for path in sorted(ENGINE.rglob("*.py")):
        used = _calls(path) & forbidden
        assert not used, f"{path.relative_to(ROOT)} calls {sorted(used)}"


def test_engine_imports_nothing_from_the_shells_or_the_network() -> None:
    for path in sorted(ENGINE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                    node.module or ""]
                for name in names:
                    top = name.split(".")[0]
                    assert top not in {"textual", "rich", "tui", "socket", "urllib", "http",
                                       "requests"}, f"{path.name} imports {name}"


def test_every_public_name_is_listed_once() -> None:
    import engine  # noqa: PLC0415

    assert set(engine.__all__) - {"__version__"} == set(engine._WHERE)
    for name in engine.__all__:
        assert getattr(engine, name) is not None


def test_walking_a_cached_tree_set_loads_no_yaml_schema_or_lint_code(tmp_path: Path) -> None:
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "import engine.read.cache\n"
        "from engine.read.cache import cached_load\n"
        "from engine.read.paths import trees_dir, conventions_dir\n"
        # the user's cache only: a set checked at install (make run, make bench, a wheel)
        # would make the first run a hit too
        f"engine.read.cache.SHIPPED = Path({str(tmp_path / 'no-install-set')!r})\n"
        f"r = cached_load(trees_dir(), conventions_dir(), Path({str(tmp_path)!r}))\n"
        "import engine\n"
        "w = engine.walk(engine.resolve(r.library, datetime.date(2026, 12, 1)), "
        "r.library.entry, {})\n"
        "engine.to_text(engine.justify(w))\n"
        "heavy = ('yaml', 'jsonschema', 'engine.read.lint', 'engine.read.build',"
        " 'engine.read.source')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, check=True)
    assert "yaml" in first.stdout  # a miss loads and checks everything
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert second.stdout.strip() == ""
