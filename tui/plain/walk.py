"""`deelwijzer vraag --plain`: numbered options, linear text, no cursor tricks (screen readers)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
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
from engine.errors import EXIT_OK, EXIT_PROBLEMS, UsageError, file_error
from engine.model import FactKey, FactType
from engine.words import say as word
from tui.shared import exports, store
from tui.shared.atomic import user_path, write_atomic
from tui.shared.common import lang_of, load_library, report, today, warn_broken

Ask = Callable[[str], str]
#: What counts as "yes" at a j/n (y/n) question, in either language.
YES = ("j", "ja", "y", "yes")



class PlainWalk:
    """One question at a time on a text stream; the engine keeps the answers."""

    def __init__(self, resolution: Resolution, session: Session, ask: Ask, out: TextIO,
                 keep: Callable[[Session | None], None] | None = None,
                 lang: str = "nl") -> None:
        """`keep` is called with the session after every answer (to save the walk in
        progress) and with None once a decision record has been saved."""
        self.resolution = resolution
        self.session = session
        self.ask = ask
        self.out = out
        self.keep = keep or (lambda _session: None)
        self.lang = lang

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def run(self) -> Walk | None:
        """Ask until an outcome; None when the person stops. Ends with the justification."""
        self.say(word("plain.help", self.lang))
        walk = current(self.resolution, self.session)
        while walk.pending is not None:
            step = self._one(walk)
            if step is None:
                self.say(word("plain.stopped_kept" if self.session.answers else "plain.stopped",
                              self.lang))
                return None
            walk = step
            self.keep(self.session)
        self.say()
        self.say(exports.plain_text(walk, self.lang, self.session.given))
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
        self.say(word("plain.question", self.lang, number=len(walk.asked) + 1,
                      asked=len(walk.asked), known=known))
        self.say(q.text.get(self.lang))
        if many:
            self.say(word("plain.many", self.lang))
        before = self.session.remembered.get(q.fact)
        for i, (value, label) in enumerate(options, 1):
            mark = f" ({word('plain.earlier', self.lang)})" if before == value or (
                isinstance(before, tuple) and value in before) else ""
            self.say(f"  {i}. {label.get(self.lang)}{mark}")
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
                    self.say(word("plain.first", self.lang))
                self.session = revision.session
                return revision.walk
            picked = _parse(raw, len(options), many)
            if picked is None:
                self.say(word("plain.pick_many" if many else "plain.pick_one", self.lang,
                              count=len(options)))
                continue
            values = [options[i - 1][0] for i in picked]
            revision = answer(self.resolution, self.session, q.fact, values if many else values[0])
            self.session = revision.session
            for fact_key, _ in revision.dropped:
                self.say(word("plain.dropped", self.lang, fact=fact_key))
            return revision.walk

    def _explain(self, walk: Walk) -> None:
        pending = walk.pending
        if pending is None:
            return
        q = pending.question
        if q.help:
            self.say(word("plain.explain", self.lang, text=q.help.get(self.lang)))
        if q.why:
            refs = ", ".join(c.ref for c in q.why.citations)
            self.say(word("plain.why", self.lang, text=q.why.text.get(self.lang))
                     + (f" [{refs}]" if refs else ""))
        if not q.help and not q.why:
            self.say(word("plain.no_explain", self.lang))

    def _offer_save(self, walk: Walk) -> None:
        if self._save(word("plain.save_record", self.lang), exports.record_json(walk)):
            self.keep(None)
        self._save(word("plain.save_markdown", self.lang),
                   exports.markdown(walk, self.lang, self.session.given))

    def _save(self, prompt: str, content: str) -> bool:
        """Ask for a file name and write `content` there; True when it was written."""
        while True:
            try:
                name = self.ask(prompt).strip()
                if not name:
                    return False
                path = user_path(name)
                if path.exists() and self.ask(word("plain.exists", self.lang, path=path)) \
                        .strip().lower() not in YES:
                    self.say(word("plain.not_overwritten", self.lang))
                    continue
            except EOFError:
                return False
            try:
                write_atomic(path, content)
            except OSError as exc:
                reason = file_error(path, exc, "schrijven").message
                self.say(word("plain.save_failed", self.lang, reason=reason))
                continue
            self.say(word("plain.saved", self.lang, path=path))
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
    lang = lang_of(args)
    result = load_library(args)
    warn_broken(result, lang)
    lib = result.library
    given: dict[str, Any] = {}
    start = args.start or lib.entry
    on = args.date or today()
    if args.case is not None:
        case, problems = read_case(args.case, lib)
        if case is None:
            report(problems, lang=lang)
            return EXIT_PROBLEMS
        given, start, on = dict(case.facts), args.start or case.start, args.date or case.date
    if not start:
        raise UsageError(word("plain.no_entry", lang))
    session = Session(start=start, on=on, given=given)
    if not store.claim():  # another window has this folder's walk: never write over it
        print(word("busy_plain", lang, folder=store.data_dir(), path=store.claim_separate()))
    try:
        return _walk_plain(lib, session, args.case is None, lang)
    finally:
        store.release()


def _walk_plain(lib: Library, session: Session, offer_resume: bool, lang: str) -> int:
    moved = store.quarantine_damaged()
    if moved is not None:
        print(word("progress_quarantined", lang, path=moved))
    if offer_resume and store.has_progress():
        session = _resume(lib, session, lang)
    resolution = resolve(lib, session.on)
    tree = resolution.tree(session.start)
    print(word("plain.header", lang, version=__version__, title=tree.title.get(lang),
               tree_version=tree.version, status=tree.status.value,
               date=session.on.isoformat()))
    print(word("plain.guidance", lang))
    PlainWalk(resolution, session, input, sys.stdout, keep=partial(_keep, lang=lang),
              lang=lang).run()
    return EXIT_OK


def _resume(lib: Library, fresh: Session, lang: str) -> Session:
    """Offer the walk in progress (also one begun in the app); a damaged one is reported."""
    data = store.read_progress()
    try:
        saved = store.restore(data or {}, None)
        saved = store.restore(data or {}, resolve(lib, saved.on))
    except DeelwijzerError as exc:
        print(word("plain.damaged", lang, reason=exc))
        return fresh
    count = len(saved.answers)
    try:
        print(word("plain.unfinished", lang, count=count, date=saved.on.isoformat()))
        reply = input(word("plain.resume_q", lang)).strip().lower()
    except EOFError:
        reply = "n"
    if reply in (*YES, ""):
        return saved
    print(word("plain.fresh", lang))
    return fresh


def _keep(session: Session | None, lang: str = "nl") -> None:
    try:
        if session is None:
            store.clear_progress()
        else:
            store.save_progress(session)
    except OSError as exc:
        print(word("plain.not_kept", lang, reason=file_error(store.data_dir(), exc).message))
