"""`deelwijzer vraag --plain`: numbered options, linear text, no cursor tricks (screen readers)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from engine import (
    DeelwijzerError,
    Library,
    Resolution,
    Session,
    __version__,
    answer,
    back,
    resolve,
)
from engine.cases import read_case
from engine.decide.evaluate import Walk, choices
from engine.decide.session import current
from engine.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from engine.model import FactKey, FactType
from tui.shared import exports, store
from tui.shared.atomic import write_atomic
from tui.shared.common import load_library, report, today, warn_broken

Ask = Callable[[str], str]

HELP = ("Typ het nummer van je antwoord (bij meerkeuze: nummers met komma's, bijv. 1,3). "
        "'?' = uitleg en waarom deze vraag, 't' = terug, 'q' = stoppen.")


class PlainWalk:
    """One question at a time on a text stream; the engine keeps the answers."""

    def __init__(self, resolution: Resolution, session: Session, ask: Ask, out: TextIO,
                 keep: Callable[[Session | None], None] | None = None) -> None:
        """`keep` is called with the session after every answer (to save the walk in
        progress) and with None once a decision record has been saved."""
        self.resolution = resolution
        self.session = session
        self.ask = ask
        self.out = out
        self.keep = keep or (lambda _session: None)

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def run(self) -> Walk | None:
        """Ask until an outcome; None when the person stops. Ends with the justification."""
        self.say(HELP)
        walk = current(self.resolution, self.session)
        while walk.pending is not None:
            step = self._one(walk)
            if step is None:
                self.say("Gestopt. Je antwoorden zijn bewaard: start 'deelwijzer vraag' opnieuw "
                         "om verder te gaan." if self.session.answers else "Gestopt.")
                return None
            walk = step
            self.keep(self.session)
        self.say()
        self.say(exports.plain_text(walk, "nl", self.session.given))
        self._offer_save(walk)
        return walk

    def _one(self, walk: Walk) -> Walk | None:
        pending = walk.pending
        assert pending is not None  # run() only calls this for a pending walk
        q = pending.question
        fact = self.resolution.library.facts[FactKey(q.fact)]
        options = choices(q, fact)
        many = fact.type is FactType.MANY_OF
        known = len(walk.questions) - len(walk.asked)
        self.say()
        self.say(f"Vraag {len(walk.asked) + 1} ({len(walk.asked)} beantwoord, {known} al bekend)")
        self.say(q.text.nl)
        if many:
            self.say("(meerdere antwoorden mogelijk)")
        before = self.session.remembered.get(q.fact)
        for i, (value, label) in enumerate(options, 1):
            mark = " (eerder gekozen)" if before == value or (
                isinstance(before, tuple) and value in before) else ""
            self.say(f"  {i}. {label.nl}{mark}")
        while True:
            try:
                raw = self.ask("> ").strip().lower()
            except EOFError:
                return None
            if raw in ("q", "stop"):
                return None
            if raw == "?":
                self._explain(walk)
                continue
            if raw == "t":
                revision = back(self.resolution, self.session)
                if not walk.asked:
                    self.say("Je bent bij de eerste vraag.")
                self.session = revision.session
                return revision.walk
            picked = _parse(raw, len(options), many)
            if picked is None:
                self.say(f"Kies een nummer van 1 tot {len(options)}" +
                         (", of meerdere met komma's." if many else ".") + " '?' = uitleg.")
                continue
            values = [options[i - 1][0] for i in picked]
            revision = answer(self.resolution, self.session, q.fact, values if many else values[0])
            self.session = revision.session
            for fact_key, _ in revision.dropped:
                self.say(f"(Antwoord op '{fact_key}' vervalt: die vraag ligt niet meer op je pad.)")
            return revision.walk

    def _explain(self, walk: Walk) -> None:
        pending = walk.pending
        if pending is None:
            return
        q = pending.question
        if q.help:
            self.say(f"Uitleg: {q.help.nl}")
        if q.why:
            refs = ", ".join(c.ref for c in q.why.citations)
            self.say(f"Waarom deze vraag: {q.why.text.nl}" + (f" [{refs}]" if refs else ""))
        if not q.help and not q.why:
            self.say("Bij deze vraag is geen extra uitleg.")

    def _offer_save(self, walk: Walk) -> None:
        if self._save("Beslisrecord (JSON) opslaan? Typ een bestandsnaam, of Enter om over te "
                      "slaan: ", exports.record_json(walk)):
            self.keep(None)
        self._save("Verantwoording als Markdown opslaan? Bestandsnaam, of Enter: ",
                   exports.markdown(walk, "nl", self.session.given))

    def _save(self, prompt: str, content: str) -> bool:
        """Ask for a file name and write `content` there; True when it was written."""
        while True:
            try:
                name = self.ask(prompt).strip()
                if not name:
                    return False
                path = Path(name).expanduser()
                if path.exists() and self.ask(f"{path} bestaat al. Overschrijven? (j/n) ") \
                        .strip().lower() not in ("j", "ja", "y"):
                    self.say("Niet overschreven. Kies een andere naam, of Enter om over te slaan.")
                    continue
            except EOFError:
                return False
            try:
                write_atomic(path, content)
            except OSError as exc:
                self.say(f"Opslaan mislukt: {exc.strerror} ({path}). Probeer een andere plek.")
                continue
            self.say(f"Opgeslagen: {path}")
            return True


def _parse(raw: str, count: int, many: bool) -> list[int] | None:
    parts = [p for p in raw.replace(" ", ",").split(",") if p]
    if not parts or (len(parts) > 1 and not many):
        return None
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if any(n < 1 or n > count for n in numbers):
        return None
    return sorted(set(numbers))


def run_plain(args: argparse.Namespace) -> int:
    """`deelwijzer vraag --plain`: load the trees, offer a walk in progress, walk, save."""
    result = load_library(args)
    warn_broken(result)
    lib = result.library
    given: dict[str, Any] = {}
    start = args.start or lib.entry
    on = args.date or today()
    if args.case is not None:
        case, problems = read_case(args.case, lib)
        if case is None:
            report(problems)
            return EXIT_PROBLEMS
        given, start, on = dict(case.facts), args.start or case.start, args.date or case.date
    if not start:
        raise UsageError("geen startboom gevonden; geef --start BOOM / no entry tree")
    session = Session(start=start, on=on, given=given)
    if args.case is None and store.has_progress():
        session = _resume(lib, session)
    resolution = resolve(lib, session.on)
    tree = resolution.tree(session.start)
    print(f"Deelwijzer {__version__}: {tree.title.nl} (versie {tree.version}, {tree.status.value})"
          f", beslisdatum {session.on.isoformat()}")
    print("Richting, geen juridisch advies. Je hoeft geen namen of persoonsgegevens in te vullen.")
    PlainWalk(resolution, session, input, sys.stdout, keep=_keep).run()
    return EXIT_OK


def _resume(lib: Library, fresh: Session) -> Session:
    """Offer the walk in progress (also one begun in the app); a damaged one is reported."""
    data = store.read_progress()
    try:
        saved = store.restore(data or {}, None)
        saved = store.restore(data or {}, resolve(lib, saved.on))
    except DeelwijzerError as exc:
        print(f"Het bewaarde gesprek is niet te gebruiken ({exc}); je begint opnieuw.")
        return fresh
    count = len(saved.answers)
    try:
        print(f"Er is een onafgemaakte vraag ({count} antwoord(en), beslisdatum "
              f"{saved.on.isoformat()}).")
        reply = input("Verdergaan? (j/n) ").strip().lower()
    except EOFError:
        reply = "n"
    if reply in ("j", "ja", "y", ""):
        return saved
    print("Je begint opnieuw; de bewaarde antwoorden worden overschreven bij je eerste antwoord.")
    return fresh


def _keep(session: Session | None) -> None:
    try:
        if session is None:
            store.clear_progress()
        else:
            store.save_progress(session)
    except OSError as exc:
        print(f"Let op: je antwoorden konden niet worden bewaard ({exc.strerror}).")
