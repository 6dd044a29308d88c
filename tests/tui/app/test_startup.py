"""The app's first question pays only for what it shows: no workshop, export or checking code."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

#: Loaded later, where first used: practice (engine.practice, its screens, the group folder),
#: the outcome, review and help screens, Word and covenant output, the YAML and schema stack.
LATER = ("engine.practice", "engine.cases", "engine.read.loader", "engine.read.schema",
         "engine.covenant.docx", "engine.explain.docx", "engine.diff", "engine.review",
         "yaml", "jsonschema", "docx", "tui.shared.group", "tui.app.screens.help",
         "tui.app.screens.result", "tui.app.screens.reveal", "tui.app.screens.review",
         "tui.app.screens.scenarios", "tui.app.screens.trainer")


def test_starting_the_app_loads_none_of_the_code_for_later() -> None:
    code = ("import sys\n"
            "import tui.cli.main, tui.cli.commands.vraag, tui.app.app\n"
            f"print(sorted(m for m in sys.modules if m.startswith({LATER!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=60)
    assert done.stdout.strip() == "[]"
