"""Help: the keys, what the outcomes mean, and where the law comes from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from engine.explain.justification import VERDICT_ICONS
from engine.model import Source, SourceId, Verdict
from engine.words import say
from tui.app.texts import t
from tui.app.widgets.keybar import KeyBar


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1", "app.pop_screen", "Sluiten")]

    def __init__(self, lang: str, sources: Mapping[SourceId, Source]) -> None:
        super().__init__()
        self.lang = lang
        self.sources = sources

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="help-body"):
            yield Static(Text(t("help", lang), style="bold"), classes="screen-title")
            yield Static(Text(t("help_keys", lang), style="bold underline"),
                         classes="section-title")
            yield Static(Text(t("keys", lang)), classes="section")
            yield Static(Text(t("help_verdicts", lang), style="bold underline"),
                         classes="section-title")
            verdicts = Text()
            for verdict in Verdict:
                label = say(f"verdict.{verdict.value}", lang)
                verdicts.append(f"{VERDICT_ICONS[verdict]} {label}\n", style="bold")
                verdicts.append(f"    {t('verdict_' + verdict.value, lang)}\n")
            verdicts.rstrip()
            yield Static(verdicts, classes="section")
            yield Static(Text(t("help_law", lang), style="bold underline"),
                         classes="section-title")
            law = Text(t("help_law_text", lang) + "\n")
            for source in self.sources.values():
                law.append(f"\n• {source.short}", style=Style(bold=True, link=source.url or None))
                law.append(f"  {source.name.get(lang)} ({source.identifier}, "
                           f"{source.consolidation.isoformat()})")
            yield Static(law, classes="section")
        yield KeyBar()
