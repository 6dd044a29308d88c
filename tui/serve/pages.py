"""The server's HTML pages, Dutch first with English. Nothing on them comes from outside."""

from __future__ import annotations

from html import escape

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

_ENDED = (
    ("idle", "Deze sessie is gestopt omdat hij {minutes} minuten niet is gebruikt.",
     "This session stopped after {minutes} minutes without use."),
    ("replaced", "Deze sessie is in een ander venster geopend.",
     "This session was opened in another window."),
    ("full", "De zaal is vol: er lopen al {max} sessies. Probeer het straks opnieuw.",
     "The room is full: {max} sessions are running. Try again later."),
    ("shutdown", "De trainer heeft Deelwijzer gestopt.", "The trainer stopped Deelwijzer."),
    ("other", "De verbinding is verbroken of de app is gesloten.",
     "The connection was lost or the app was closed."),
)


def _card(title: str, lines: list[tuple[str, str]], extra: str = "") -> str:
    body = "".join(f'<p>{escape(nl)}</p>\n<p class="en">{escape(en)}</p>\n' for nl, en in lines)
    return f'<div class="card"><h1>{escape(title)}</h1>\n{body}{extra}</div>'


def app_page(max_sessions: int, idle_minutes: float) -> str:
    """The terminal page: textual-serve's script and stylesheet, served from here."""
    head = _HEAD.format(extra=(
        '<link rel="preload" href="/static/fonts/RobotoMono-VariableFont_wght.ttf" as="font" '
        'type="font/ttf" crossorigin>\n'
        '<link rel="stylesheet" href="/static/css/xterm.css">\n'
        '<script src="/pagina/deelwijzer.js"></script>\n'
        '<script src="/static/js/textual.js"></script>\n'))
    minutes = f"{idle_minutes:g}"
    ended = "".join(
        f'<p class="why {kind}">{escape(nl.format(minutes=minutes, max=max_sessions))}<br>'
        f'<span class="en">{escape(en.format(minutes=minutes, max=max_sessions))}</span></p>\n'
        for kind, nl, en in _ENDED)
    again = ("<p>Uw antwoorden zijn bewaard. / Your answers are saved.</p>\n"
             '<button type="button" class="again">Verder / Continue</button>')
    return (head + "<body>\n"
            '<div class="dialog starting"><div class="card">Deelwijzer start… / starting…'
            "</div></div>\n"
            f'<div class="dialog ended"><div class="card">{ended}{again}</div></div>\n'
            '<button type="button" id="start" class="again">Start</button>\n'
            '<div id="terminal" class="textual-terminal" data-font-size="16"></div>\n'
            "</body>\n</html>\n")


def full_page(max_sessions: int) -> str:
    return (_HEAD.format(extra="") + '<body><div class="dialog">' + _card(
        "De zaal is vol / The room is full",
        [(f"Er lopen al {max_sessions} sessies, het maximum. Vraag de trainer, of probeer het "
          "over een paar minuten opnieuw.",
          f"{max_sessions} sessions are running, the maximum. Ask the trainer, or try again "
          "in a few minutes.")],
        '<p><a href="/">Opnieuw proberen / Try again</a></p>') + "</div></body></html>\n")


def login_page(back: str | None, wrong: bool) -> str:
    hidden = f'<input type="hidden" name="terug" value="{escape(back)}">' if back else ""
    error = ('<p class="error">Dat wachtwoord klopt niet. / That password is wrong.</p>'
             if wrong else "")
    form = (f'{error}<form method="post" action="/toegang">{hidden}'
            '<p><label for="wachtwoord">Wachtwoord / Password</label><br>'
            '<input id="wachtwoord" name="wachtwoord" type="password" autofocus '
            'autocomplete="current-password"></p>'
            '<p><button type="submit">Verder / Continue</button></p></form>')
    return (_HEAD.format(extra="") + '<body><div class="dialog">' + _card(
        "Deelwijzer", [("De trainer geeft u het wachtwoord van deze zaal.",
                        "The trainer gives you this room's password.")], form)
            + "</div></body></html>\n")
