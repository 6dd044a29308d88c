"""`deelwijzer vraag --plain`: numbered options, linear text, no cursor tricks (screen readers)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TextIO

from engine import Resolution, Session, answer, back
from engine.decide.evaluate import Walk, choices
from engine.decide.session import Revision, current
from engine.errors import file_error
from engine.explain.filing import MAX_FIELD, Filing
from engine.explain.justification import cite
from engine.model import FactKey, FactType, Question, Text, Value
from engine.words import say
from tui.shared import exports
from tui.shared.atomic import user_path, write_atomic
from tui.shared.documents import documents_dir, free_path

Ask = Callable[[str], str]
YES, NO = ("j", "ja", "y", "yes"), ("n", "nee", "no", "")


class PlainWalk:
    """One question at a time on a text stream; the engine keeps the answers."""

    def __init__(self, resolution: Resolution, session: Session, ask: Ask, out: TextIO, *,
                 keep: Callable[[Session | None], None] | None = None, lang: str = "nl",
                 width: int = 80) -> None:
        """`keep` is called with the session after every answer (to save the walk in
        progress) and with None once a decision record or document has been saved."""
        self.resolution = resolution
        self.session = session
        self.ask = ask
        self.out = out
        self.keep = keep or (lambda _session: None)
        self.lang = lang
        self.width = width
        self._filled: Filing | None = None  # the decision document's fields, once asked

    def w(self, key: str, **values: object) -> str:
        return say(f"plain.{key}", self.lang, **values)

    def say(self, text: str = "", indent: str = "", *, wrap: bool = True) -> None:
        """Words wrapped to the terminal; a continuation keeps the indent of its line. A file
        path is never split (`wrap=False`): a screen reader would read two half names."""
        if not wrap:
            self.out.write(indent + text + "\n")
            return
        lines = textwrap.wrap(text, self.width, initial_indent=indent,
                              subsequent_indent=" " * len(indent), break_long_words=False,
                              break_on_hyphens=False)
        self.out.write("\n".join(lines or [""]) + "\n")

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    def run(self) -> Walk | None:
        """Ask until an outcome; None when the person stops. Ends with the justification and
        the offer to save the decision document, the record and the Markdown."""
        self.say(self.w("help"))
        walk = current(self.resolution, self.session)
        while walk.pending is not None:
            step = self._one(walk)
            if step is None:
                self.say(self.w("stopped_kept" if self.session.answers else "stopped"))
                return None
            walk = step
            self.keep(self.session)
        self.say()
        for line in exports.plain_text(walk, self.lang, self.session.given,
                                       width=self.width).splitlines():
            self.out.write(line + "\n")
        self._offer_save(walk)
        return walk

    def _one(self, walk: Walk) -> Walk | None:
        pending = walk.pending
        assert pending is not None  # run() only calls this for a pending walk
        q = pending.question
        known = len(walk.settled) - len(walk.asked)  # each fact counted once
        self.say()
        self.say(self.w("question", number=len(walk.asked) + 1, asked=len(walk.asked),
                        known=known))
        revision = self._choose(q, walk)
        if revision is None:
            return None
        self.session = revision.session
        return revision.walk

    def _choose(self, q: Question, walk: Walk) -> Revision | None:
        """Show `q` (with its hint) and its numbered options; read until an answer, a command
        or the end of the input. None means: stop."""
        fact = self.resolution.library.facts[FactKey(q.fact)]
        options = choices(q, fact)
        many = fact.type is FactType.MANY_OF
        self.say(self.text(q.text))
        if q.help:
            self.say(self.text(q.help))
        if many:
            self.say(self.w("many"))
        before = self.session.remembered.get(q.fact) or self.session.answers.get(q.fact)
        groups = {c.value: c.group for c in fact.choices if c.group}
        heading = None
        for i, (value, label) in enumerate(options, 1):
            if groups.get(value) not in (None, heading):  # the sector of the options below
                heading = groups[value]
                self.say(f"{self.text(heading)}:")
            mark = f" ({self.w('earlier')})" if _was(before, value) else ""
            self.say(f"{self.text(label)}{mark}", f"  {i}. ")
        while True:
            try:
                raw = self.ask("> ").strip().lower()
            except EOFError:
                return None
            if raw in ("q", "stop"):
                return None
            if raw == "?":
                self._explain(q)
            elif raw == "t":
                if not walk.asked:
                    self.say(self.w("first"))
                return back(self.resolution, self.session)
            elif raw == "a":
                return self._review(walk) or Revision(session=self.session, walk=walk)
            else:
                picked = _parse(raw, len(options), many)
                if picked is not None:
                    return self._answer(q.fact, [options[i - 1] for i in picked], many)
                self.say(self.w("pick_many" if many else "pick", count=len(options)) + " " +
                         self.w("pick_hint"))

    def _answer(self, fact: str, picked: Sequence[tuple[str, Text]], many: bool) -> Revision:
        self.say(self.w("chosen", labels=", ".join(self.text(label) for _, label in picked)))
        values = [value for value, _ in picked]
        value: Value = tuple(values) if many else values[0]
        revision = answer(self.resolution, self.session, fact, value)
        for dropped, _ in revision.dropped:
            label = self.resolution.library.facts[FactKey(dropped)].label
            self.say(self.w("dropped", question=self.text(label)))
        return revision

    def _review(self, walk: Walk) -> Revision | None:
        """List the answers given; the one picked is asked again (later answers that stay on
        the path are kept by the engine)."""
        asked = walk.asked
        if not asked:
            self.say(self.w("no_answers"))
            return None
        self.say(self.w("answers"))
        lib = self.resolution.library
        for i, step in enumerate(asked, 1):
            fact = lib.facts[FactKey(step.question.fact)]
            values = [step.value] if isinstance(step.value, str) else list(step.value)
            shown = ", ".join(fact.label_of(v, self.lang) for v in values)
            self.say(f"{self.text(step.question.text)} {shown}", f"  {i}. ")
        self.say(self.w("which").strip())
        try:
            raw = self.ask("> ").strip()
        except EOFError:
            return None
        number = _parse(raw, len(asked), many=False)
        if number is None:
            return None
        return self._choose(asked[number[0] - 1].question, walk)

    def _explain(self, q: Question) -> None:
        if q.help:
            self.say(self.w("explain", text=self.text(q.help)))
        if q.why:
            self.say(self.w("why", text=self.text(q.why.text)))
            lib = self.resolution.library
            labels = [cite(lib, c, self.lang).label for c in q.why.citations]
            if labels:
                self.say(self.w("sources", refs="; ".join(labels)))
        if not q.help and not q.why:
            self.say(self.w("no_explain"))

    def _offer_save(self, walk: Walk) -> None:
        on = walk.resolution.on.isoformat()
        given = self.session.given
        if exports.decision_available(walk) and self._save(
                self.w("what_decision"), f"beslisdocument-{on}.docx",
                lambda: exports.decision_docx(walk, self.lang, given, datetime.now(UTC),
                                              self._filing())):
            self.keep(None)
        if self._save(self.w("what_record"), f"beslisrecord-{on}.json",
                      lambda: exports.record_json(walk)):
            self.keep(None)
        self._save(self.w("what_markdown"), f"verantwoording-{on}.md",
                   lambda: exports.markdown(walk, self.lang, given))

    def _filing(self) -> Filing:
        """The decision document's fields, when the person wants to fill them in (Enter: no;
        each field may stay empty). Asked once, however often the file is tried."""
        if self._filled is None:
            self._filled = Filing()
            if self._yes(self.w("fields_q")):
                self.say(say("docx.no_names", self.lang))
                entered = []
                for name in ("case_ref", "decided_by", "done"):
                    self.say(f"{say(f'docx.{name}', self.lang)}:")
                    try:
                        entered.append(self.ask("> ").strip()[:MAX_FIELD])
                    except EOFError:
                        entered.append("")
                self._filled = Filing(case_ref=entered[0], decided_by=entered[1],
                                      done=entered[2])
        return self._filled

    def _yes(self, question: str) -> bool | None:
        """A yes/no answer (Enter = no); None at the end of the input. The question is said
        (wrapped like all text), the prompt itself stays short."""
        self.say(question.strip())
        while True:
            try:
                raw = self.ask("> ").strip().lower()
            except EOFError:
                return None
            if raw in YES or raw in NO:
                return raw in YES
            self.say(self.w("yes_no"))

    def _save(self, what: str, name: str, content: Callable[[], str | bytes]) -> bool:
        """Ask whether to save, then where (Enter = a free name in the documents folder); never
        overwrite without asking. True when the file was written."""
        if not self._yes(self.w("save_q", what=what)):
            return False
        default = free_path(documents_dir(), name)
        while True:
            self.say(self.w("file_q", path=default).strip(), wrap=False)
            try:
                raw = self.ask("> ").strip()
            except EOFError:
                return False
            if raw.lower() in NO[:-1]:
                return False
            path = default if raw == "" or raw.lower() in YES else user_path(raw)
            if path.exists() and not self._yes(self.w("exists_q", path=path)):
                self.say(self.w("not_overwritten"))
                continue
            try:
                write_atomic(path, content())
            except OSError as exc:
                self.say(self.w("save_failed", error=file_error(path, exc, "save").said(self.lang)))
                continue
            self.say(self.w("saved", path=path.absolute()), wrap=False)
            return True


def _was(before: Value | None, value: str) -> bool:
    return before == value or (isinstance(before, tuple) and value in before)


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
