"""Reading YAML: plain data, locations, and located problems instead of exceptions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.errors import Location
from engine.read.source import MAX_ALIAS_VALUES, MAX_BYTES, parse, read


def test_values_keep_their_line_and_column() -> None:
    doc, problems = parse("a:\n  b: [x, y]\n  c: tekst\n", "f.yaml")
    assert problems == () and doc is not None
    assert doc.data == {"a": {"b": ["x", "y"], "c": "tekst"}}
    assert str(doc.locate(("a", "b", 1))) == "f.yaml:2:10"
    assert str(doc.locate(("a", "c"))) == "f.yaml:3:6"
    assert str(doc.locate(("a", "missing", 4))) == "f.yaml:2:3"  # nearest located parent: a


def test_dates_stay_text_and_yaml11_booleans_are_visible() -> None:
    doc, _ = parse("d: 2026-01-01\nj: ja\ny: Yes\nn: ~\ni: 3\n", "f.yaml")
    assert doc is not None
    assert doc.data == {"d": "2026-01-01", "j": "ja", "y": True, "n": None, "i": 3}


def test_duplicate_key_names_both_lines() -> None:
    doc, problems = parse("x: 1\ny: 2\nx: 3\n", "f.yaml")
    assert doc is not None and doc.data == {"x": 1, "y": 2}
    assert [str(p) for p in problems] == [
        "f.yaml:3:1: sleutel 'x' staat twee keer in dezelfde lijst; elke sleutel één keer; "
        "de eerste staat op regel 1; verwijder of hernoem één van beide"]


@pytest.mark.parametrize(("text", "where"), [
    ("a: [1, 2\n", "f.yaml:2:1"),
    ("a: 'open\n", "f.yaml:2:1"),
    ("a:\n\tb: 1\n", "f.yaml:2:1"),
])
def test_syntax_errors_are_located(text: str, where: str) -> None:
    doc, problems = parse(text, "f.yaml")
    assert doc is None
    assert len(problems) == 1 and str(problems[0]).startswith(where)
    assert problems[0].code == "yaml" and problems[0].hint  # said in words, with the fix


@pytest.mark.parametrize(("text", "found", "fix"), [
    # The adviser's case: the long form broke on a colon, with an English parser message.
    ("title:\n  nl: Let op: dit breekt\n", "dubbele punt met een spatie", "'nl: >-'"),
    ("title: {nl: Deel: nu, en: Share now}\n", "tekst tussen accolades", "aanhalingstekens"),
    ("a:\n\tb: 1\n", "meestal een tab", "spaties"),
    ("a: 'open\n", "niet wordt gesloten", "sluit het aanhalingsteken"),
    ("a:\n  b: 1\n c: 2\n", "inspringing die niet klopt", "even ver in"),
])
def test_syntax_errors_are_said_in_dutch_with_the_fix(text: str, found: str, fix: str) -> None:
    (problem,) = parse(text, "f.yaml")[1]
    assert found in problem.found and fix in problem.hint
    assert not any(word in problem.text("nl") for word in ("mapping", "expected", "found"))
    assert "valid YAML" in problem.text("en")


def test_the_recommended_block_form_keeps_a_colon() -> None:
    doc, problems = parse("title:\n  nl: >-\n    Let op: dit breekt niet.\n", "f.yaml")
    assert not problems and doc is not None
    assert doc.data == {"title": {"nl": "Let op: dit breekt niet."}}


def test_self_referencing_alias_is_refused() -> None:
    doc, problems = parse("&a [*a]\n", "f.yaml")
    assert doc is None and "naar zichzelf verwijst" in problems[0].found


def test_exponential_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    doc, problems = parse("\n".join(lines) + "\n", "f.yaml")
    assert doc is None and problems[0].code == "yaml.aliases"
    assert f"meer dan {MAX_ALIAS_VALUES} waarden" in problems[0].found
    assert f"more than {MAX_ALIAS_VALUES} values" in problems[0].text("en")
    assert problems[0].location.line == 1, "at the anchor whose repeats ran over"


def test_a_few_aliases_are_still_fine() -> None:
    doc, problems = parse("a: &c [avg:6, wpg:16]\nb: *c\nc: *c\n", "f.yaml")
    assert problems == () and doc is not None and doc.data["c"] == ["avg:6", "wpg:16"]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used
    problem = read(big)[1][0]
    assert problem.code == "size" and f"{MAX_BYTES // 1_000_000} MB" in problem.expected
    endless = read(Path("/dev/zero"))[1][0]  # a device never ends: read is capped
    assert endless.code == "size"


def test_empty_file_and_unreadable_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.yaml"
    empty.write_text("")
    assert read(empty)[1][0].found == "een leeg bestand"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"a: 1\nb: caf\xe9\n")
    problem = read(latin)[1][0]
    assert (problem.code, problem.location.line, problem.location.column) == ("encoding", 2, 7)
    missing = read(tmp_path / "nergens.yaml")[1][0]
    assert missing.code == "io" and "niet te lezen: bestaat niet" in missing.found
    assert "cannot be read: does not exist" in missing.text("en")
    assert "No such file" not in missing.text("nl") + missing.text("en")


#: Words of the parser's own English that must never stand in a Dutch sentence.
ENGLISH = re.compile(r"\b(found|while|expected|did not|could not|exceeded|maximum|depth|"
                     r"alias|anchor|token|scanning|parsing|unacceptable|position|stream)\b")


@pytest.mark.parametrize(("text", "where", "nl", "en"), [
    ("[" * 1100 + "]" * 1100, "f.yaml:1:1001", "te diep genest", "nested too deeply"),
    ("a: *nergens\n", "f.yaml:1:4", "anker (&naam) dat er niet", "anchor (&name) that does"),
    ("a: &x 1\nb: &x 2\n", "f.yaml:2:4", "hetzelfde anker", "the same anchor"),
    ("%FOO\n---\na: 1\n", "f.yaml:1:5", "een regel die met % begint", "a line starting with %"),
    ("%YAML 2.0\n---\na: 1\n", "f.yaml:1:1", "een regel die met % begint", "a YAML directive"),
    ("a: 1\n---\nb: 2\n", "f.yaml:2:1", "meer dan één document", "more than one document"),
    ("a: 'dit' niet\n", "f.yaml:1:10", "na het einde van een waarde", "after the end of a value"),
    ('a: "c:\\map"\n', "f.yaml:1:7", "onbekende code met \\", "unknown code with \\"),
    ("a: & b\n", "f.yaml:1:5", "zonder geldige naam", "without a valid name"),
    ("a: |x\n  b\n", "f.yaml:1:5", "achter | of >", "after | or >"),
    ("a: ok\nb: bel\x07\n", "f.yaml:2:7", "stuurteken (U+0007)", "control character (U+0007)"),
    ("]\n", "f.yaml:1:1", "geen waarde kan beginnen", "cannot start a value"),
    ("a:\n\tb: 1\n", "f.yaml:2:1", "meestal een tab", "usually a tab"),
])
def test_every_common_parser_problem_is_said_in_words_in_both_languages(
        text: str, where: str, nl: str, en: str) -> None:
    doc, problems = parse(text, "f.yaml")
    assert doc is None and len(problems) == 1
    (problem,) = problems
    assert str(problem.location) == where
    assert nl in problem.text("nl") and en in problem.text("en")
    assert not ENGLISH.search(problem.text("nl")), problem.text("nl")
    assert problem.hint and "geldige YAML" in problem.text("nl")


def test_a_parser_problem_without_words_names_its_kind_and_marks_the_parser_text() -> None:
    from engine.read.source import yaml_problem  # noqa: PLC0415

    loc = Location(file="f.yaml", line=3, column=2)
    problem = yaml_problem(loc, "while parsing something new", "found a novelty")
    assert problem.text("nl").startswith(
        "f.yaml:3:2: een YAML-fout die Deelwijzer niet nader kan omschrijven (technische "
        "melding van de YAML-lezer: while parsing something new: found a novelty)")
    assert problem.text("en").startswith("f.yaml:3:2: a YAML error Deelwijzer cannot describe")


def test_a_duplicate_key_is_said_in_english_too() -> None:
    (problem,) = parse("x: 1\nx: 2\n", "f.yaml")[1]
    assert problem.text("en") == ("f.yaml:2:1: key 'x' appears twice in the same mapping; each "
                                  "key once; the first is on line 1; remove or rename one of them")
