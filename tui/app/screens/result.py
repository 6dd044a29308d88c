"""The outcome: a verdict banner (icon and words, never colour alone) and its justification."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from engine.explain.justification import Crossing, Justification, UsedTree
from tui.app.messages import WentBack
from tui.app.texts import t
from tui.app.widgets.checklist import CheckRow
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.text import cited_text

#: The button row's grid: columns this far apart, a button at least this wide (app.tcss).
GUTTER, MIN_BUTTON = 2, 6
ACTIONS = (("btn_decision", "decision"), ("btn_record", "save"), ("btn_md", "markdown"),
           ("btn_docx", "docx"), ("btn_copy", "copy"), ("btn_again", "again"))


class ResultScreen(Screen[None]):
    """Shows what `engine.justify` returned; the actions save, export, copy or start over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "app.decision", "Beslisdocument"),
        Binding("s", "app.save", "Record"),
        Binding("m", "app.markdown", "Markdown"),
        Binding("d", "app.docx", "Convenant", show=False),
        Binding("c", "app.copy", "Kopieer"),
        Binding("n", "app.again", "Opnieuw"),
        Binding("r", "app.review", "Antwoorden", show=False),
        Binding("escape", "back", "Terug"),
        Binding("t", "back", "Terug", show=False),
        Binding("l", "app.lang", "Taal", show=False),
        Binding("f1", "app.help", "Hulp"),
    ]

    def __init__(self, justification: Justification, *, can_docx: bool,
                 can_decision: bool = True, checked: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.checked = checked  # the conditions ticked off so far
        self.justification = justification
        self.can_docx = can_docx
        self.can_decision = can_decision

    def compose(self) -> ComposeResult:
        j = self.justification
        lang = j.lang
        banner = Text(f"{j.icon} {j.verdict_label}", style="bold")
        banner.append(f"\n{j.regime_label}", style="")
        yield Static(banner, id="banner", classes=f"verdict-{j.verdict.value if j.verdict else ''}")
        with VerticalScroll(id="result-body"):
            for notice in j.notices:
                yield Static(Text(f"! {notice}"), classes="notice")
            if j.summary:
                yield Static(Text(j.summary), classes="summary")
            grounds = "relevant" if j.grounds_are_relevant_articles else "grounds"
            yield from self._section(t(grounds, lang), cited_text(j.grounds, lang)
                                     if j.grounds else None)
            if j.conditions:  # a checklist: each condition its own row, wrapped under itself
                yield Static(Text(t("conditions", lang), style="bold underline"),
                             classes="section-title")
                yield Static(Text(t("checklist_hint", lang)), classes="check-hint")
                for index, point in enumerate(j.conditions):
                    body = Text(point.text)
                    if point.citations:
                        body.append("\n")
                        body.append_text(cited_text(point.citations, lang, ""))
                    yield CheckRow(index, body, checked=index in self.checked)
            yield from self._section(t("alternatives", lang), self._alternatives()
                                     if j.alternatives else None)
            yield from self._section(t("advice", lang), Text(j.advice) if j.advice else None)
            yield from self._section(t("clauses", lang), self._clauses() if j.clauses else None)
            yield from self._section(t("steps", lang), self._steps())
            trees = Text("\n".join(f"{u.id} {u.version} ({self._state(u)}) {u.title}"
                                    for u in j.trees))
            if j.covenant:
                trees.append(f"\n{j.covenant}")
            yield from self._section(t("used", lang), trees)
            yield Static(Text(j.disclaimer, style="italic"), classes="disclaimer")
        with Horizontal(id="result-actions"):
            for key, action in ACTIONS:
                if (action != "docx" or self.can_docx) and \
                        (action != "decision" or self.can_decision):
                    yield Button(t(key, lang), id=f"do-{action}", compact=True)
        yield KeyBar()

    def _state(self, used: UsedTree) -> str:
        """'concept', or 'concept, vervangen door 1.1.0' for a replaced version (replay)."""
        if used.superseded_by is None:
            return used.status
        return f"{used.status}, {t('replaced', self.justification.lang)} {used.superseded_by}"

    @staticmethod
    def _section(title: str, body: Text | None) -> ComposeResult:
        if body is None:
            return
        yield Static(Text(title, style="bold underline"), classes="section-title")
        yield Static(body, classes="section")

    def _alternatives(self) -> Text:
        """What the professional can lawfully do instead: one bullet each, with citations."""
        lang = self.justification.lang
        out = Text()
        for point in self.justification.alternatives:
            out.append(f"• {point.text}\n")
            if point.citations:
                out.append_text(cited_text(point.citations, lang, "  "))
                out.append("\n")
        out.rstrip()
        return out

    def _clauses(self) -> Text:
        lang = self.justification.lang
        out = Text()
        for clause in self.justification.clauses:
            out.append(f"{clause.id}  {clause.title}\n", style="bold")
            out.append(f"{clause.text}\n")
            if clause.missing:
                out.append(f"({t('missing', lang)}: {', '.join(clause.missing)})\n",
                           style="italic")
            out.append_text(cited_text(clause.citations, lang))
            out.append("\n\n")
        out.rstrip()
        return out

    def _steps(self) -> Text:
        lang = self.justification.lang
        out = Text()
        number = 0
        for step in self.justification.steps:
            if isinstance(step, Crossing):
                out.append(f"→ {step.target_title} ({step.target})\n", style="dim")
                continue
            number += 1
            out.append(f"{number}. {step.question}\n")
            how = t("asked" if step.asked else "known", lang)
            out.append(f"   {step.answer}", style="bold")
            out.append(f" ({how})\n", style="dim")
            if step.note:
                out.append(f"   {step.note}\n", style="italic")
            out.append_text(cited_text(step.citations, lang, "   "))
            out.append("\n")
        out.rstrip()
        return out

    def on_resize(self) -> None:
        self.wrap_actions()

    def wrap_actions(self) -> None:
        """The buttons in as many rows as the width needs: never one out of sight. The most
        buttons per row whose columns (each as wide as its widest button) fit."""
        buttons = list(self.query("#result-actions Button").results(Button))
        if not buttons:
            return
        widths = [max(MIN_BUTTON, cell_len(str(b.label)) + 2) for b in buttons]
        room = self.size.width - 2  # the row's padding
        for per_row in range(len(widths), 0, -1):
            columns = [max(widths[i::per_row]) for i in range(per_row)]
            if sum(columns) + GUTTER * (per_row - 1) <= room:
                break
        self.query_one("#result-actions").styles.grid_size_columns = per_row

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix("do-")
        await self.run_action(f"app.{action}")

    def action_back(self) -> None:
        self.post_message(WentBack())
