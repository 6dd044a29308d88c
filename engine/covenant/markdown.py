"""Render an assembled covenant as Markdown."""

from __future__ import annotations

from engine.covenant.assemble import Article, Assembly, FlowRow
from engine.model import Status
from engine.words import section


def words(lang: str) -> dict[str, str]:
    """The covenant's words in `lang`, from the one catalogue."""
    return section("covenant", lang)


def notice(a: Assembly) -> tuple[str, ...]:
    """The first-page notice: status, guidance-not-advice, and the model version."""
    w = words(a.lang)
    status = w["concept"] if a.status is Status.CONCEPT else w["settled"]
    return status, w["guidance"], w["version"].format(id=a.covenant, version=a.version)


def heading(article: Article, lang: str) -> str:
    if article.number is None:
        return article.title
    return f"{words(lang)['article']} {article.number}. {article.title}"


def flows_line(article: Article, lang: str) -> str:
    w = words(lang)
    return f"{w['applies']}: " + ", ".join(f"{w['flow'].lower()} {n}" for n in article.flows)


def paragraph_text(text: str, flow: int | None, lang: str) -> str:
    return f"{words(lang)['flow']} {flow}: {text}" if flow is not None else text


def annexes(a: Assembly) -> tuple[tuple[str, str], ...]:
    """(letter, title) of every annex in this covenant; C only when a flow needs it."""
    w = words(a.lang)
    letters = ["A", "B", *(["C"] if a.needs_wpg20_decision else []), "D", "E", "F"]
    return tuple((x, w[f"annex_{x.lower()}"]) for x in letters)


def row_cells(row: FlowRow, lang: str) -> tuple[str, str, str, str, str]:
    """A row of the flow table; what the flow does not say is named as a gap to fill in."""
    w = words(lang)
    return (str(row.number),
            f"{row.verstrekker or w['gap_party']} → {row.ontvanger or w['gap_party']}",
            row.gegevens or w["gap_data"], row.doel or w["gap_purpose"],
            ", ".join(row.grondslag) or w["gap_ground"])


def to_markdown(a: Assembly) -> str:
    """The whole covenant as Markdown: notice, preamble, numbered articles, annexes."""
    w = words(a.lang)
    out = [f"# {a.title}", ""]
    out.extend(f"> {line}" for line in notice(a))
    out.append("")
    for article in (*a.preamble, *a.articles):
        out.extend(_article(article, a.lang))
    for letter, title in annexes(a):
        out.extend([f"## {w['annex']} {letter}. {title}", ""])
        out.extend(_annex(a, letter))
    out.extend([f"## {w['signing']}", "", w["signing_text"], ""])
    return "\n".join(out).rstrip() + "\n"


def _article(article: Article, lang: str) -> list[str]:
    out = [f"## {heading(article, lang)}", ""]
    if article.flows:
        out.extend([f"*{flows_line(article, lang)}*", ""])
    if len(article.paragraphs) == 1:
        p = article.paragraphs[0]
        out.extend([paragraph_text(p.text, p.flow, lang), ""])
    else:
        out.extend(f"{i}. {paragraph_text(p.text, p.flow, lang)}"
                   for i, p in enumerate(article.paragraphs, 1))
        out.append("")
    if article.citations:
        out.extend([f"*{words(lang)['cites']}: {', '.join(article.citations)}*", ""])
    return out


def _annex(a: Assembly, letter: str) -> list[str]:
    w = words(a.lang)
    if letter == "A":
        return [w["a_intro"], "", *(f"- {name}" for name in a.participants), ""]
    if letter == "B":
        head = (w["no"], w["from_to"], w["data"], w["purpose"], w["ground"])
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in row_cells(r, a.lang)) + " |"
                     for r in a.flows)
        return [*lines, ""]
    if letter == "C":
        return [w["c_intro"], "", *(f"- {item}" for item in w["c_items"].split("|")), "",
                w["fill_in"], ""]
    return [w["fill_in"], ""]
