"""The `deelwijzer` command: one entry point, subcommands in tui/commands/."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from engine import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from engine.errors import DeelwijzerError

# `deelwijzer --help` (and a usage error) imports nothing but argparse: the engine, the word
# catalogue and the shared shell code are imported once a command is known to run.

DESCRIPTION = """\
Deelwijzer helpt je bepalen of je een signaal van mensenhandel mag delen met een andere
organisatie, op welke grond, en met welke convenantsclausule. Richting, geen juridisch advies.

Deelwijzer helps you decide whether you may share a signal of human trafficking with another
organisation, on which legal ground, and with which covenant clause. Guidance, not legal advice.
"""

#: Each subcommand, with its one-line help. Its module (tui/commands/<name>.py) is imported
#: only when that command runs or shows its own help, so a command loads no code of the others.
COMMANDS = {
    "vraag": "beantwoord een deelvraag stap voor stap / walk a question interactively",
    "decide": "beslis een casusbestand zonder vragen / decide a case file",
    "check": "controleer bomen, feiten, bronnen en convenant / validate the trees",
    "cases": "draai alle casussen en toon de dekking / run all cases, show coverage",
    "replay": "speel een beslisrecord opnieuw af / replay a decision record",
    "convenant": "stel een convenant samen uit gegevensstromen / assemble a covenant",
    "diff": "wat een wijziging doet aan elke beslissing / what a change does to decisions",
    "serve": "bied de app aan in de browser, voor een zaal / serve the app to browsers",
    "graph": "teken een boom (Mermaid, DOT, SVG) / draw a tree",
    "review": "beoordelingsdocument van een boomversie / review document of a tree version",
    "vaststellen": "stel een boomversie vast (sign-off) / sign a tree version off",
    "oefen": "oefen met scenario's; overzicht en handouts voor trainers / practise scenarios",
}
#: Commands whose module may be absent in a partial install.
OPTIONAL = ("convenant",)


class Parser(argparse.ArgumentParser):
    """argparse with a Dutch-and-English error line and the usage hint."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from engine.errors import EXIT_USAGE  # noqa: PLC0415 - see the imports above

        with contextlib.suppress(OSError):  # standard error full: the exit code still says it
            self.print_usage(sys.stderr)
            print(f"{self.prog}: fout / error: {message}\n"
                  f"Hulp / help: {self.prog} --help", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse ignores a failed write (`--help > /dev/full` would end 0 having written
        # nothing); let it reach main(), which names the full disk or the closed pipe.
        if message:
            (file or sys.stderr).write(message)


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; only `command`'s own options are loaded (every command's name and
    help are always there, for `deelwijzer --help` and for "invalid choice" errors)."""
    top = Parser(prog="deelwijzer", description=DESCRIPTION,
                 formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"deelwijzer {__version__}")
    subs = top.add_subparsers(dest="command", metavar="COMMANDO", parser_class=Parser)
    for name, help_text in COMMANDS.items():
        if name != command:
            subs.add_parser(name, help=help_text)
            continue
        try:
            module = importlib.import_module(f"tui.cli.commands.{name}")
        except ModuleNotFoundError:
            if name not in OPTIONAL:
                raise
            continue
        module.configure(subs.add_parser(name, help=help_text))
    return top


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand named in `argv`: the first word that is not an option (the top level has
    no options that take a value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def show_error(error: DeelwijzerError, lang: str = "nl") -> int:
    """The one place the command line shows an error; returns the exit code it ends with."""
    from engine.words import say  # noqa: PLC0415 - see the imports above

    with contextlib.suppress(OSError):  # standard error itself full: nobody left to tell
        print(f"deelwijzer: {say('cli.error', lang)}: {error.text(lang)}", file=sys.stderr)
    return error.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its output that cannot be written never ends in a traceback: a reader
    that stopped reading (`| head`) ends it quietly, a full disk with a message."""
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            code = _main(words)
        finally:  # also after argparse's SystemExit (--help, a usage error)
            sys.stdout.flush()
    except BrokenPipeError:
        from engine.errors import EXIT_PIPE  # noqa: PLC0415 - see the imports above

        _drop_output()
        return EXIT_PIPE
    except OSError as exc:
        from engine.errors import output_error  # noqa: PLC0415

        _drop_output()
        return show_error(output_error(exc), _lang_in(words))
    return code


def _lang_in(words: Sequence[str]) -> str:
    """The language named with --lang among `words` (for output that failed before or after
    the command ran); Dutch otherwise."""
    for i, word in enumerate(words):
        if word.startswith("--lang="):
            return "en" if word == "--lang=en" else "nl"
        if word == "--lang" and words[i + 1:i + 2] == ["en"]:
            return "en"
    return "nl"


def _main(words: list[str]) -> int:
    if not words:
        words = ["vraag"]  # `deelwijzer` alone opens the app
    command = command_of(words)
    args = parser(command).parse_args(words)
    from engine.errors import (  # noqa: PLC0415 - a command runs: see the imports above
        EXIT_INTERRUPTED,
        DeelwijzerError,
        file_error,
    )
    from engine.words import say  # noqa: PLC0415
    from tui.shared.common import lang_of  # noqa: PLC0415

    if hasattr(args, "lang"):  # --lang, else the language saved by the app or the plain walk
        args.lang = lang_of(args)
    try:
        code: int = args.run(args)
    except DeelwijzerError as exc:
        return show_error(exc, args.lang if hasattr(args, "lang") else "nl")
    except OSError as exc:  # a file a command touched, outside the engine's own reading
        if exc.filename is None:
            raise  # no file named: the output itself (handled in `main`)
        return show_error(file_error(exc.filename, exc), getattr(args, "lang", "nl"))
    except KeyboardInterrupt:
        print("\n" + say("cli.stopped", getattr(args, "lang", "nl")), file=sys.stderr)
        return EXIT_INTERRUPTED
    return code


def _drop_output() -> None:
    """Send what is left of the output to /dev/null, so that the final flush at exit cannot
    fail again (Python would print that as an ignored exception)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # stdout already closed, or not a real file (tests)
        pass


if __name__ == "__main__":
    raise SystemExit(main())
