"""The server's HTML pages, Dutch first with English. Nothing on them comes from outside."""

from __future__ import annotations

from html import escape

from engine.words import say

#: Served with every response: the page may load and connect to this server only.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; "
        "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_HEAD = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deelwijzer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/pagina/deelwijzer.css">
{extra}</head>
"""
#: Why a session ended (the page shows the one matching the websocket's close code).
_ENDED = ("idle", "replaced", "full", "shutdown", "other")


def both(key: str, **values: object) -> str:
    """Dutch, then English in a quieter line, as HTML."""
    return (f'{escape(say(key, "nl", **values))}<br>'
            f'<span class="en">{escape(say(key, "en", **values))}</span>')


def label(key: str) -> str:
    return escape(f'{say(key, "nl")} / {say(key, "en")}')


def _card(title: str, body: str) -> str:
    return (_HEAD.format(extra="") + '<body><div class="dialog"><div class="card">'
            f"<h1>{title}</h1>\n{body}</div></div></body></html>\n")


def app_page(max_sessions: int, idle_minutes: float) -> str:
    """The terminal page: textual-serve's script and stylesheet, served from here."""
    head = _HEAD.format(extra=(
        '<link rel="preload" href="/static/fonts/RobotoMono-VariableFont_wght.ttf" as="font" '
        'type="font/ttf" crossorigin>\n'
        '<link rel="stylesheet" href="/static/css/xterm.css">\n'
        '<script src="/pagina/deelwijzer.js"></script>\n'
        '<script src="/static/js/textual.js"></script>\n'))
    values = {"minutes": f"{idle_minutes:g}", "max": max_sessions}
    ended = "".join(f'<p class="why {kind}">{both("serve.ended_" + kind, **values)}</p>\n'
                    for kind in _ENDED)
    again = (f'<p>{both("serve.saved")}</p>\n'
             f'<button type="button" class="again">{label("serve.continue")}</button>')
    return (head + "<body>\n"
            f'<div class="dialog starting"><div class="card">{both("serve.starting")}'
            "</div></div>\n"
            f'<div class="dialog ended"><div class="card">{ended}{again}</div></div>\n'
            '<button type="button" id="start" class="again">Start</button>\n'
            '<div id="terminal" class="textual-terminal" data-font-size="16"></div>\n'
            "</body>\n</html>\n")


def full_page(max_sessions: int) -> str:
    return _card(label("serve.full_title"),
                 f'<p>{both("serve.full", max=max_sessions)}</p>\n'
                 f'<p><a href="/">{label("serve.try_again")}</a></p>')


def login_page(back: str | None, wrong: bool) -> str:
    hidden = f'<input type="hidden" name="terug" value="{escape(back)}">' if back else ""
    error = f'<p class="error">{both("serve.wrong")}</p>' if wrong else ""
    return _card("Deelwijzer", (
        f'<p>{both("serve.login")}</p>\n{error}'
        f'<form method="post" action="/toegang">{hidden}'
        f'<p><label for="wachtwoord">{label("serve.password")}</label><br>'
        '<input id="wachtwoord" name="wachtwoord" type="password" autofocus '
        'autocomplete="current-password"></p>'
        f'<p><button type="submit">{label("serve.continue")}</button></p></form>'))
