"""Citations are canonical strings; prefix matching follows the law's structure."""

from __future__ import annotations

import pytest

from engine.citation import article_link, matches, split


@pytest.mark.parametrize(("ref", "parts"), [
    ("avg:6(1)(e)", ("avg", "6(1)(e)")),
    ("bpg:4:2(1)(b)(3°)", ("bpg", "4:2(1)(b)(3°)")),
    ("bw:7:457", ("bw", "7:457")),
    ("jeugdwet:7.3.11(4)", ("jeugdwet", "7.3.11(4)")),
    ("wjsg:39f(1)(f)", ("wjsg", "39f(1)(f)")),
    ("handreiking", ("handreiking", "")),
])
def test_well_formed_citations_split(ref: str, parts: tuple[str, str]) -> None:
    assert split(ref) == parts


@pytest.mark.parametrize("ref", ["avg 6", "AVG:6", "avg:", "avg:(1)", "avg:6(1", ":6", "avg:6.(1)"])
def test_malformed_citations_do_not_split(ref: str) -> None:
    assert split(ref) is None


@pytest.mark.parametrize(("expected", "actual", "hit"), [
    ("avg:9(2)", "avg:9(2)(a)", True),
    ("avg:9", "avg:9(2)(a)", True),
    ("avg:9", "avg:99", False),
    ("avg:9(2)", "avg:9(20)", False),
    ("bw:7", "bw:7:457", True),
    ("bw:7:45", "bw:7:457", False),
    ("wpg", "wpg:16(1)", True),
    ("wpg:16", "wpg:16a", False),
])
def test_prefix_matching(expected: str, actual: str, hit: bool) -> None:
    assert matches(expected, actual) is hit


LAW = "https://wetten.overheid.nl/BWBR0000001"
ONE = "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel={article}"
BOOK = "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&boek={book}&artikel={number}"


@pytest.mark.parametrize(("template", "locator", "url"), [
    (ONE, "16(1)(b)(2°)", "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=16"),
    (ONE, "4:2(1)(b)", "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=4:2"),
    (ONE, "7.3.11(4)", "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=7.3.11"),
    (ONE, "273f", "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=273f"),
    (BOOK, "7:457", "https://wetten.overheid.nl/jci1.3:c:BWBR0000001&boek=7&artikel=457"),
    (BOOK, "457", LAW),  # a book-based rule cannot place an article without its book
    (ONE, "", LAW),  # the whole law cited
    (None, "6(1)(e)", LAW),  # a source without a rule
])
def test_article_links_follow_the_sources_rule(template: str | None, locator: str,
                                               url: str) -> None:
    assert article_link(LAW, template, locator) == url
