"""The keys that work on this screen, on one line; each key is also clickable.

Textual's Footer builds a widget per key and rebuilds them on every focus change, which cost
more than half of the start-up time; one Static line does the same job for our screens."""

from __future__ import annotations

from rich.cells import cell_len
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from tui.app.texts import key_label

#: Keys with no button of their own: going back and help stay on a narrow line.
STAYS = frozenset({"escape", "f1"})


class KeyBar(Static):
    """Shows the screen's active bindings that have `show=True`, then Ctrl+P and Ctrl+Q."""

    _markup = ""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)
        self.refresh_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh_keys()

    def on_resize(self) -> None:
        self.refresh_keys()

    def refresh_keys(self) -> None:
        lang = str(getattr(self.app, "lang", "nl"))
        parts: list[tuple[str, str, bool]] = []  # (markup, the text it shows, may give way)
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and binding.description and active.enabled) or \
                    binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.action.split("(")[0]
            action = binding.action if "." in name else f"screen.{binding.action}"
            key = self.app.get_key_display(binding)
            label = key_label(binding.description, lang)
            parts.append((f"[@click={action}][b $accent]{escape(key)}[/] {escape(label)}[/]",
                          f"{key} {label}", binding.key not in STAYS))
        every, stop = key_label("Alle acties", lang), key_label("Stoppen", lang)
        parts += [(f"[@click=app.command_palette][b $accent]^p[/] {escape(every)}[/]",
                   f"^p {every}", False),
                  (f"[@click=app.quit][b $accent]^q[/] {escape(stop)}[/]", f"^q {stop}", False)]
        markup = "  ".join(m for m, _, _ in fit(parts, self.content_size.width))
        if markup != self._markup:  # bindings change with every focus change; the keys rarely
            self._markup = markup
            self.update(markup)


def fit(parts: list[tuple[str, str, bool]], width: int) -> list[tuple[str, str, bool]]:
    """The keys that fit on the line: in a narrow window the last keys that may give way
    (each is also a button or in ^p) are left out first; Esc, F1, ^p and ^q always stay.
    Width 0 (not laid out yet) keeps everything."""
    def length(items: list[tuple[str, str, bool]]) -> int:
        return sum(cell_len(text) for _, text, _ in items) + 2 * max(len(items) - 1, 0)

    kept = list(parts)
    while width and length(kept) > width:
        droppable = [i for i, (_, _, gives_way) in enumerate(kept) if gives_way]
        if not droppable:
            break
        del kept[droppable[-1]]
    return kept
