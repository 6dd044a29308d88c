"""The class overview, computed from the fixture group folder (tests/data/groep) by hand."""

from __future__ import annotations

import json

from engine.model import Verdict
from engine.practice.overview import Overview, overview
from engine.practice.report import to_markdown, to_text
from engine.practice.results import Results, from_data
from tests.engine.practice.fixtures import GROUP, ON, example


def _group() -> list[tuple[str, Results]]:
    names = ("1.json", "2.json", "vos.json", "andere-set.json")
    return [(n, from_data(json.loads((GROUP / n).read_text(encoding="utf-8")), n))
            for n in names]


def _overview() -> Overview:
    library, scenarios = example()
    return overview(library, ON, scenarios, _group())


def test_overview_counts_predictions_angst_and_the_opposite() -> None:
    ov = _overview()
    assert ov.participants == 3
    assert ov.skipped == ("andere-set.json: andere set 'basis'",)
    assert (ov.predictions, ov.correct) == (6, 3)
    assert (ov.angst, ov.allowed) == (2, 3)  # 'niet delen' and 'advies' where the trees share
    assert (ov.ruim, ov.restricted) == (1, 3)  # 'delen onder voorwaarden' where they do not


def test_the_most_missed_scenario_comes_first_with_its_spread() -> None:
    first, second = _overview().scenarios
    assert first.scenario.id == "gewoon" and first.verdict is Verdict.DELEN
    assert dict(first.spread) == {Verdict.DELEN: 1, Verdict.DELEN_MITS: 0,
                                  Verdict.NIET_DELEN: 1, Verdict.ADVIES: 1}
    assert (first.correct, first.angst, first.walked) == (1, 2, 2)
    assert second.scenario.id == "zonder-toestemming"
    assert (second.correct, second.ruim, second.walked) == (2, 1, 1)


def test_questions_misread_most_often_are_listed_per_question() -> None:
    ov = _overview()
    assert [(q.fact, q.count) for q in ov.questions] == [("gevaar", 1), ("toestemming", 1)]
    gevaar = ov.questions[0].commonest
    assert (gevaar.scenario, gevaar.answered, gevaar.story) == ("gewoon", "ja", "nee")


def test_the_overview_reads_as_text_and_markdown() -> None:
    library, _ = example()
    ov = _overview()
    text = to_text(ov, library, "nl")
    assert "AVG-angst: 67%" in text and "Te ruim: 33%" in text
    assert "niet delen              ██████████████████████████████ 1" in text
    assert "1× Acuut gevaar: geantwoord 'Ja', het verhaal zegt 'Nee'" in text
    markdown = to_markdown(ov, library, "en", pictures={"gewoon": "grafieken/gewoon.png"})
    assert "![Predictions: An address for the police](grafieken/gewoon.png)" in markdown
    assert "GDPR anxiety: 67%" in markdown
