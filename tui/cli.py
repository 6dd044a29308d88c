"""The `deelwijzer` command: one entry point, subcommands in tui/commands/."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from engine import DeelwijzerError, __version__
from tui.commands import cases, check, decide, replay, vraag
from tui.common import EXIT_PROBLEMS, EXIT_USAGE, UsageError

DESCRIPTION = """\
Deelwijzer helpt je bepalen of je een signaal van mensenhandel mag delen met een andere
organisatie, op welke grond, en met welke convenantsclausule. Richting, geen juridisch advies.

Deelwijzer helps you decide whether you may share a signal of human trafficking with another
organisation, on which legal ground, and with which covenant clause. Guidance, not legal advice.
"""

MODULES = [vraag, decide, check, cases, replay]
#: Commands whose module may be absent in a partial install.
OPTIONAL = ("convenant",)


class Parser(argparse.ArgumentParser):
    """argparse with a Dutch-and-English error line and the usage hint."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: fout / error: {message}\n"
              f"Hulp / help: {self.prog} --help", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def parser() -> argparse.ArgumentParser:
    top = Parser(prog="deelwijzer", description=DESCRIPTION,
                 formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"deelwijzer {__version__}")
    subs = top.add_subparsers(dest="command", metavar="COMMANDO", parser_class=Parser)
    for module in MODULES:
        module.register(subs)
    for name in OPTIONAL:
        try:
            module = importlib.import_module(f"tui.commands.{name}")
        except ModuleNotFoundError:
            continue
        module.register(subs)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        args = parser().parse_args(["vraag", *([] if argv is None else argv)])
    try:
        code: int = args.run(args)
    except UsageError as exc:
        print(f"deelwijzer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DeelwijzerError as exc:
        print(f"deelwijzer: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("\ngestopt / stopped", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
