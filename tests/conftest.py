"""Test-wide settings: no test writes to the user's own cache or data folders."""

from __future__ import annotations

import os
import tempfile

# Set before any test module imports textual or the CLI.
os.environ["DEELWIJZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="deelwijzer-test-cache-")
for name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(name, None)
