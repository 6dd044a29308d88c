"""`deelwijzer vraag`: walk a sharing question interactively (Textual app, or --plain)."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.shared.common import add_date_option, add_lang_option, add_library_options


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Stelt de vragen één voor één. Met --plain: genummerde opties in gewone "
        "tekst, geschikt voor schermlezers en brailleleesregels. / Asks the questions one by "
        "one; --plain uses numbered options in plain text (screen readers, Braille displays).")
    p.add_argument("--plain", action="store_true",
                   help="eenvoudige tekstmodus / plain text mode")
    p.add_argument("--case", type=Path, default=None, metavar="BESTAND",
                   help="begin met de feiten uit een casusbestand / start from a case file")
    p.add_argument("--start", default=None, metavar="BOOM",
                   help="begin in deze boom (standaard: de startboom) / start tree")
    p.add_argument("--verder", action="store_true",
                   help="ga zonder te vragen verder met het bewaarde gesprek / resume the "
                        "saved walk without asking")
    add_date_option(p)
    add_library_options(p)
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """The app; with --plain (or where textual is missing) the linear text walk. Each loads
    only its own code: textual is never imported for --plain, the plain walk never for the app."""
    if not args.plain:
        try:
            from tui.app.app import run_app  # noqa: PLC0415
        except ImportError:
            pass
        else:
            code: int = run_app(args)
            return code
    from tui.plain.start import run_plain  # noqa: PLC0415

    return run_plain(args)
