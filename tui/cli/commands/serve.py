"""`deelwijzer serve`: the app in the browser for a room of participants (textual-serve)."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import socket
import sys
from pathlib import Path

from engine.errors import EXIT_USAGE, UsageError
from tui.shared.common import add_date_option, add_lang_option, add_library_options

#: Read instead of asking, for scripts: the room password.
PASSWORD_ENV = "DEELWIJZER_WACHTWOORD"
LOCAL_NAMES = ("localhost",)


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Biedt Deelwijzer aan in de browser: elke browsersessie krijgt een eigen app. Alleen "
        "op deze computer bereikbaar, tenzij je --host opgeeft. / Serves Deelwijzer to browsers, "
        "one app per browser session; reachable from this computer only unless --host is given.")
    p.add_argument("--host", default="127.0.0.1",
                   help="adres om op te luisteren (standaard 127.0.0.1) / address to bind")
    p.add_argument("--port", type=_number(1, 65535), default=8000,
                   help="poort (standaard 8000) / port")
    p.add_argument("--max-sessions", type=_number(1, 500), default=20, metavar="N",
                   help="hoogstens zoveel sessies tegelijk (standaard 20) / session cap")
    p.add_argument("--idle-timeout", type=_number(1, 24 * 60), default=30, metavar="MINUTEN",
                   help="stop een sessie na zoveel minuten zonder gebruik (standaard 30) / "
                        "end a session unused for this many minutes")
    p.add_argument("--password", action="store_true",
                   help=f"vraag een wachtwoord voor de zaal (of zet ${PASSWORD_ENV}) / "
                        "ask for a room password")
    p.add_argument("--data", type=Path, default=None, metavar="MAP",
                   help="map voor de sessies (standaard: de gegevensmap/serve) / sessions folder")
    add_date_option(p)
    add_lang_option(p)
    add_library_options(p)
    p.add_argument("app", nargs="*", metavar="-- COMMANDO",
                   help="wat elke sessie draait (standaard: vraag --verder) / what each "
                        "session runs")
    p.set_defaults(run=run)


def _number(low: int, high: int) -> type[int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"'{text}': kies een geheel getal van {low} tot {high} / "
                f"choose a whole number from {low} to {high}")
        return value

    return parse  # type: ignore[return-value]


def is_local(host: str) -> bool:
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def shown_address(host: str, port: int) -> str:
    """The address participants open: for a wildcard host, this computer's own address on the
    network (found without sending anything: a UDP socket only picks its route)."""
    if host in ("0.0.0.0", "::", ""):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
                host = str(probe.getsockname()[0])
            except OSError:
                host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def app_words(args: argparse.Namespace) -> list[str]:
    """The command each session runs: the app, resuming its saved walk without asking."""
    if args.app:
        from tui.cli.main import COMMANDS  # noqa: PLC0415 - the registry imports this module

        if args.app[0] not in COMMANDS or args.app[0] == "serve":
            choices = ", ".join(name for name in COMMANDS if name != "serve")
            raise UsageError(f"'{args.app[0]}' is geen commando om aan te bieden; kies uit "
                             f"{choices} / not a command to serve")
        return list(args.app)
    words = ["vraag", "--verder"]
    if args.date is not None:
        words += ["--date", args.date.isoformat()]
    if args.lang is not None:  # else each session keeps its own saved choice
        words += ["--lang", args.lang]
    for option in ("trees", "conventions"):
        folder = getattr(args, option)
        if folder is not None:
            words += [f"--{option}", str(folder.resolve())]
    return words


def room_password(args: argparse.Namespace) -> str | None:
    if not args.password:
        return None
    given = os.environ.get(PASSWORD_ENV)
    if given is None:
        try:
            given = getpass.getpass("Wachtwoord voor de zaal / room password: ")
        except EOFError:  # no terminal to ask on
            given = ""
    if not given:
        raise UsageError(f"geen wachtwoord: een leeg wachtwoord beschermt niets (typ er een, of "
                         f"zet ${PASSWORD_ENV}) / no password: an empty one protects nothing")
    return given


def run(args: argparse.Namespace) -> int:
    from tui.shared.common import cache_dir  # noqa: PLC0415
    from tui.shared.store import data_dir  # noqa: PLC0415

    try:
        from tui.serve.server import RoomServer  # noqa: PLC0415
    except ImportError:
        raise UsageError("textual-serve ontbreekt; installeer het / textual-serve is missing: "
                         "pip install textual-serve") from None
    if not is_local(args.host):
        print(f"Let op: Deelwijzer is nu bereikbaar voor andere computers ({args.host}). "
              "Gebruik een vertrouwd netwerk en een wachtwoord (--password).\n"
              f"Warning: Deelwijzer is now reachable from other computers ({args.host}). Use "
              "a trusted network and a password (--password).", file=sys.stderr)
    cache = cache_dir()
    env = {"DEELWIJZER_CACHE_DIR": str(cache)} if cache else {"DEELWIJZER_NO_CACHE": "1"}
    server = RoomServer(
        [sys.executable, "-I", "-m", "tui.cli.main", *app_words(args)],
        data_root=(args.data or data_dir() / "serve").resolve(), host=args.host,
        port=args.port, max_sessions=args.max_sessions, idle_seconds=args.idle_timeout * 60,
        password=room_password(args), app_env=env,
        public_url=shown_address(args.host, args.port))
    try:
        server.serve()
    except OSError as exc:
        print(f"deelwijzer serve: {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_USAGE
    return 0
