"""Render an assembled covenant as Markdown; the words both renderers share live here."""

from __future__ import annotations

from engine.covenant.assemble import Article, Assembly, FlowRow
from engine.model import Status

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "article": "Artikel", "flow": "Stroom", "applies": "Geldt voor", "cites": "Wetsartikelen",
        "version": "Versie van het model: {id} {version}",
        "concept": "CONCEPT. Dit is een conceptmodel dat nog niet door een jurist is beoordeeld.",
        "settled": "Vastgesteld model.",
        "guidance": "Dit document is een hulpmiddel om een convenant op te stellen, geen juridisch "
                    "advies. Laat het toetsen door uw eigen jurist en functionaris "
                    "gegevensbescherming voordat partijen tekenen.",
        "annex": "Bijlage", "annex_a": "Partijen en deelnemers", "annex_b": "Gegevensstromen",
        "annex_c": "Besluit op grond van artikel 20 Wpg",
        "annex_d": "Regeling gezamenlijke verwerkingsverantwoordelijkheid",
        "annex_e": "Samenvatting van de DPIA", "annex_f": "Geheimhoudingsverklaring",
        "fill_in": "[In te vullen door de regio.]",
        "a_intro": "Partijen die in de gegevensstromen voorkomen. Vul per partij de hoedanigheid, "
                   "de wettelijke taak en een contactpersoon in, en wijs het contactpunt aan.",
        "c_intro": "Het besluit van de verwerkingsverantwoordelijke van de politie vermeldt:",
        "c_items": "het zwaarwegend algemeen belang|het samenwerkingsverband en het doel "
                   "waarvoor het is opgericht|welke gegevens worden verstrekt|onder welke "
                   "voorwaarden|aan welke personen of instanties",
        "no": "Nr.", "from_to": "Verstrekker → ontvanger", "data": "Gegevens", "purpose": "Doel",
        "ground": "Grondslag", "signing": "Ondertekening",
        "signing_text": "Aldus overeengekomen en ondertekend door de partijen uit Bijlage A.",
    },
    "en": {
        "article": "Article", "flow": "Flow", "applies": "Applies to", "cites": "Legal provisions",
        "version": "Model version: {id} {version}",
        "concept": "DRAFT. This is a draft model that has not yet been reviewed by a lawyer.",
        "settled": "Adopted model.",
        "guidance": "This document is an aid for drafting a covenant, not legal advice. Have it "
                    "reviewed by your own lawyer and data protection officer before the parties "
                    "sign.",
        "annex": "Annex", "annex_a": "Parties and participants", "annex_b": "Data flows",
        "annex_c": "Decision under Article 20 of the Police Data Act",
        "annex_d": "Joint controllership arrangement",
        "annex_e": "Summary of the DPIA", "annex_f": "Confidentiality statement",
        "fill_in": "[To be completed by the region.]",
        "a_intro": "Parties that appear in the data flows. For each party, fill in its capacity, "
                   "statutory task and a contact person, and designate the contact point.",
        "c_intro": "The decision of the controller of the police states:",
        "c_items": "the compelling public interest|the partnership and the purpose for which it "
                   "was set up|which data are provided|under which conditions|to which persons "
                   "or bodies",
        "no": "No.", "from_to": "Provider → recipient", "data": "Data", "purpose": "Purpose",
        "ground": "Legal basis", "signing": "Signatures",
        "signing_text": "Agreed and signed by the parties listed in Annex A.",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["nl"])


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


def row_cells(row: FlowRow) -> tuple[str, str, str, str, str]:
    return (str(row.number), f"{row.verstrekker} → {row.ontvanger}", row.gegevens, row.doel,
            ", ".join(row.grondslag))


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
        lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in row_cells(r)) + " |"
                     for r in a.flows)
        return [*lines, ""]
    if letter == "C":
        return [w["c_intro"], "", *(f"- {item}" for item in w["c_items"].split("|")), "",
                w["fill_in"], ""]
    return [w["fill_in"], ""]
