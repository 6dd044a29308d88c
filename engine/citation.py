"""Parse canonical citations (`avg:6(1)(e)`, `bpg:4:2(1)(b)(3°)`, `bw:7:457`) and match them."""

from __future__ import annotations

import re

_LOCATOR = r"[0-9]+[a-z]*(?:[.:][0-9]+[a-z]*)*(?:\([0-9a-z]+°?\))*"
_CITATION = re.compile(rf"^(?P<source>[a-z][a-z0-9_]*)(?::(?P<locator>{_LOCATOR}))?$")

EXAMPLES = "avg:6(1)(e), wpg:19(1)(c), bpg:4:2(1)(b), bw:7:457, jeugdwet:7.3.11(4)"


def split(ref: str) -> tuple[str, str] | None:
    """(source, locator) of a well-formed citation, or None."""
    match = _CITATION.match(ref)
    if match is None:
        return None
    return match["source"], match["locator"] or ""


def matches(expected: str, actual: str) -> bool:
    """Whether `actual` is `expected` or a more precise part of it: avg:9(2) ~ avg:9(2)(a),
    bw:7 ~ bw:7:457, wpg ~ wpg:16; but avg:9 is not avg:99."""
    want, got = split(expected), split(actual)
    if want is None or got is None or want[0] != got[0]:
        return expected == actual
    if not want[1] or want[1] == got[1]:
        return True
    rest = got[1][len(want[1]):] if got[1].startswith(want[1]) else ""
    return rest[:1] in ("(", ":", ".")


def label(short: str, locator: str) -> str:
    """How a citation reads for people: 'Wpg art. 20(2)', or just 'Handreiking'."""
    return f"{short} art. {locator}" if locator else short


def article_link(law_url: str, template: str | None, locator: str) -> str:
    """The address of the cited article where its source has a rule for one, else of the law.

    `template` (sources.yaml `article_url`) may name {article}: the locator up to its first
    '(' ('6', '4:2', '7.3.11', '7:457'), and {book} and {number}: the article's parts around
    its last ':' ('7' and '457'); a template that needs a book gets the law for an article
    without one."""
    article = locator.split("(", 1)[0]
    if template is None or not article:
        return law_url
    book, _, number = article.rpartition(":")
    if not book and ("{book}" in template or "{number}" in template):
        return law_url
    return template.format(article=article, book=book, number=number)
