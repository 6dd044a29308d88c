"""The keys that work on this screen, on one line; each key is also clickable.

Textual's Footer builds a widget per key and rebuilds them on every focus change, which cost
more than half of the start-up time; one Static line does the same job for our screens."""

from __future__ import annotations

from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from tui.app.texts import key_label


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

    def refresh_keys(self) -> None:
        lang = str(getattr(self.app, "lang", "nl"))
        parts: list[str] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and binding.description and active.enabled) or \
                    binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.action.split("(")[0]
            action = binding.action if "." in name else f"screen.{binding.action}"
            key = escape(self.app.get_key_display(binding))
            label = escape(key_label(binding.description, lang))
            parts.append(f"[@click={action}][b $accent]{key}[/] {label}[/]")
        every, stop = key_label("Alle acties", lang), key_label("Stoppen", lang)
        parts.append(f"[@click=app.command_palette][b $accent]^p[/] {every}[/]")
        parts.append(f"[@click=app.quit][b $accent]^q[/] {stop}[/]")
        markup = "  ".join(parts)
        if markup != self._markup:  # bindings change with every focus change; the keys rarely
            self._markup = markup
            self.update(markup)
