"""Practice: the reveal. The trees' verdict beside the prediction, where the participant's
answers differ from the story, the teaching point with its citations, and the score."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from engine.explain.justification import VERDICT_ICONS, cite
from engine.model import FactKey, Library
from engine.practice.report import value_label
from engine.practice.score import Difference, Reveal, taught
from engine.practice.words import regime_word, verdict_word
from engine.words import say
from tui.app.messages import RevealLeft
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.text import cited_text


class RevealScreen(Screen[None]):
    """Built from `engine.practice.score.reveal`; it decides nothing itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "next", "Volgende"),
        Binding("escape", "leave", "Terug"),
        Binding("t", "leave", "Terug", show=False),
        Binding("l", "app.lang", "Taal", show=False),
        Binding("f1", "app.help", "Hulp"),
    ]

    def __init__(self, result: Reveal, library: Library, lang: str,
                 following: str | None) -> None:
        super().__init__(classes="practice")
        self.result = result
        self.library = library  # for the labels of facts and citations
        self.lang = lang
        self.following = following  # the next scenario in the set, if any

    def compose(self) -> ComposeResult:
        r, lang = self.result, self.lang
        out = r.expected.outcome
        assert out is not None  # reveal() raises for a scenario without an outcome
        banner = Text(f"{say('practice.trees_answer', lang)}: ", style="bold")
        verdict = say(f"verdict.{out.verdict.value}", lang)
        banner.append(f"{VERDICT_ICONS[out.verdict]} {verdict}")
        banner.append("\n" + say(f"regime.{out.regime.value}", lang), style="")
        yield Static(banner, id="banner", classes=f"verdict-{out.verdict.value}")
        with VerticalScroll(id="reveal-body"):
            yield Static(self._prediction(), id="reveal-prediction")
            yield Static(Text(out.summary.get(lang)), classes="summary")
            yield Static(Text(say("practice.differences", lang), style="bold underline"),
                         classes="section-title")
            yield Static(self._differences(), id="reveal-differences")
            yield Static(Text(say("practice.teaching", lang), style="bold underline"),
                         classes="section-title")
            body = Text(r.scenario.teaching.get(lang) + "\n")
            lib = self.library
            body.append_text(cited_text(tuple(cite(lib, c, lang) for c in taught(r)), lang))
            yield Static(body, id="reveal-teaching")
            yield Static(Text(say("practice.misconception", lang), style="bold underline"),
                         classes="section-title")
            yield Static(Text(r.scenario.misconception.get(lang)), id="reveal-misconception")
        yield Static(self._score(), id="reveal-score")
        yield KeyBar()

    def _prediction(self) -> Text:
        r, lang = self.result, self.lang
        out = Text()
        p = r.prediction
        if p is None:
            out.append(say("practice.no_prediction", lang))
        else:
            right = ("✓ " + say("practice.right", lang) if r.score.verdict_right
                     else "✗ " + say("practice.wrong", lang))
            said = verdict_word(p.verdict, lang)
            out.append(say("practice.you_predicted", lang, verdict=said) + "  ")
            out.append(right, style="bold")
            if p.regime is not None:
                mark = "✓" if r.score.regime_right else "✗"
                out.append(f"\n{say('practice.law', lang)}: {regime_word(p.regime, lang)} {mark}")
        if r.lean is not None:
            out.append("\n" + say(f"practice.lean_{r.lean}", lang), style="bold")
        reached = r.walked.outcome if r.walked is not None else None
        if reached is not None:
            ended = verdict_word(reached.verdict, lang)
            out.append("\n" + say("practice.your_walk", lang, verdict=ended))
        return out

    def _differences(self) -> Text:
        r, lang = self.result, self.lang
        misread = r.misreadings
        silent = [d for d in r.differences if d.story is None]
        if not misread and not silent:
            return Text(say("practice.no_differences", lang) if r.walked is not None else
                        say("practice.not_walked", lang))
        out = Text()
        for d in misread:
            out.append("• " + self._line(d, "differs") + "\n")
        for d in silent:
            out.append("• " + self._line(d, "silent") + "\n", style="dim")
        return out

    def _line(self, d: Difference, kind: str) -> str:
        lib, lang = self.library, self.lang
        fact = lib.facts.get(FactKey(d.fact))
        label = fact.label.get(lang) if fact else d.fact
        return say(f"practice.{kind}", lang, fact=label,
                   answered=value_label(lib, d.fact, d.answered, lang),
                   story=value_label(lib, d.fact, d.story, lang) if d.story else "")

    def _score(self) -> Text:
        s, lang = self.result.score, self.lang
        return Text(say("practice.score", lang, points=s.points, max=s.maximum), style="bold")

    def action_leave(self) -> None:
        self.post_message(RevealLeft(None))

    def action_next(self) -> None:
        self.post_message(RevealLeft(self.following))
