"""engine.covenant.assemble: assembling one covenant from a regional set of flows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from engine import LoadResult, load
from engine.cases import read_case
from engine.covenant.assemble import (
    PREAMBLE,
    SECTION_ORDER,
    Assembly,
    Flow,
    assemble,
    cited,
    flow_from_walk,
)
from engine.decide.evaluate import walk
from engine.decide.versions import resolve
from engine.model import Citation, ClauseId, Library, Outcome, Regime, Scope, SourceId, Verdict
from engine.read.clause_lint import lint as lint_covenant
from engine.record import make_record, verified

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "convenant"
FLOWS = sorted((DATA / "flows").glob("*.yaml"))


def library_dir(tmp: Path, tree: str | None = None) -> tuple[Path, Path]:
    """Real vocabulary, sources and model covenant, plus the fixture tree `regio`."""
    trees = tmp / "trees"
    trees.mkdir()
    shutil.copy(ROOT / "trees" / "facts.yaml", trees)
    shutil.copy(ROOT / "trees" / "sources.yaml", trees)
    shutil.copytree(DATA / "trees" / "regio", trees / "regio")
    if tree is not None:
        (trees / "regio" / "1.0.0.yaml").write_text(tree, encoding="utf-8")
    shutil.copytree(ROOT / "conventions", tmp / "conventions")
    return trees, tmp / "conventions"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> LoadResult:
    trees, conventions = library_dir(tmp_path_factory.mktemp("lib"))
    return load(trees, conventions)


@pytest.fixture(scope="module")
def lib(loaded: LoadResult) -> Library:
    assert not loaded.errors, [str(p) for p in loaded.errors]
    return loaded.library


def regional_flows(lib: Library) -> list[Flow]:
    flows = []
    for path in FLOWS:
        case, problems = read_case(path, lib)
        assert case is not None, problems
        done = walk(resolve(lib, case.date), case.start, case.facts)
        flows.append(flow_from_walk(case.id, done, case.facts))
    return flows


@pytest.fixture(scope="module")
def nl(lib: Library) -> Assembly:
    return assemble(lib.covenants[0], regional_flows(lib), lib.facts, "nl", lib.sources)


def test_the_regional_set_has_five_shareable_flows_and_two_that_are_not(lib: Library) -> None:
    verdicts = {f.id: f.verdict for f in regional_flows(lib)}
    assert verdicts["huisarts-politie-zonder-toestemming"] is Verdict.NIET_DELEN
    assert verdicts["werkgever-nationaal-rapporteur"] is Verdict.ADVIES
    assert sum(v in (Verdict.DELEN, Verdict.DELEN_MITS) for v in verdicts.values()) == 5


def test_every_standard_article_appears_once_in_section_order(lib: Library, nl: Assembly) -> None:
    standard = [c.id for c in lib.covenants[0].clauses if c.scope is Scope.STANDAARD]
    placed = [a.clause for a in (*nl.preamble, *nl.articles)]
    assert len(standard) == 19
    for clause_id in standard:
        assert placed.count(clause_id) == 1, clause_id
    ranks = [SECTION_ORDER.index(a.section) for a in (*nl.preamble, *nl.articles)]
    assert ranks == sorted(ranks)


def test_preamble_is_unnumbered_and_articles_are_numbered_from_one(nl: Assembly) -> None:
    assert [a.section for a in nl.preamble] == list(PREAMBLE)
    assert all(a.number is None for a in nl.preamble)
    assert [a.number for a in nl.articles] == list(range(1, len(nl.articles) + 1))
    assert nl.articles[0].clause == "convenant.begrippen"


def test_a_flow_article_appears_once_and_lists_the_flows_it_serves(nl: Assembly) -> None:
    zorg = nl.article("convenant.doel.zorg")
    assert zorg is not None
    assert zorg.flows == (1, 3, 5)
    assert [p.flow for p in zorg.paragraphs] == [1, 3, 5]
    assert [a.clause for a in nl.articles].count(ClauseId("convenant.doel.zorg")) == 1
    first = zorg.paragraphs[0].text
    assert first.startswith("Zorgcoördinator mensenhandel deelt gegevens met Hulpverlener")
    assert "Zorg en opvang voor het slachtoffer" in first


def test_flow_articles_are_filled_without_leftover_placeholders(nl: Assembly) -> None:
    assert nl.unfilled == ()
    assert nl.unknown == ()
    for article in nl.articles:
        for paragraph in article.paragraphs:
            assert not re.search(r"\{[a-z_]+\}", paragraph.text), article.clause


def test_a_list_fact_is_joined_as_dutch_prose(nl: Assembly) -> None:
    gegevens = nl.article("convenant.gegevens.gewoon")
    assert gegevens is not None
    text = gegevens.paragraphs[1].text  # flow 2: police -> mayor, two kinds of data
    assert ("Gewone gegevens (naam, adres, werk, situatie) en Strafrechtelijke gegevens "
            "(verdenking van een strafbaar feit)") in text
    assert "Het regime is Wet politiegegevens." in text


def test_niet_delen_and_advies_flows_are_left_out_with_their_reason(nl: Assembly) -> None:
    reasons = {e.flow.id: e.reason.nl for e in nl.excluded}
    assert set(reasons) == {"huisarts-politie-zonder-toestemming",
                            "werkgever-nationaal-rapporteur"}
    assert "niet delen" in reasons["huisarts-politie-zonder-toestemming"]
    assert reasons["werkgever-nationaal-rapporteur"] == "eerst advies nodig"
    assert [r.id for r in nl.flows] == ["zorgcoordinator-opvang", "politie-burgemeester",
                                        "politie-comensha", "om-burgemeester",
                                        "zvh-casusoverleg"]
    # the excluded flows leave no trace: no participant, no article they alone would need
    assert not any(p.startswith("Zorgverlener") for p in nl.participants)
    assert nl.article("convenant.beroepsgeheim") is None


def test_the_flow_table_names_who_whom_what_why_and_ground(nl: Assembly) -> None:
    row = nl.flows[1]
    assert (row.number, row.verstrekker) == (2, "Politie")
    assert row.ontvanger.startswith("Burgemeester")
    assert row.doel.startswith("Openbare orde")
    assert row.grondslag == ("Wpg art. 16(1)(b)(2°)", "Wpg art. 7(2)")
    assert row.verdict is Verdict.DELEN_MITS and row.regime is Regime.WPG


def test_flow_articles_nobody_links_are_not_in_the_covenant(nl: Assembly) -> None:
    assert nl.article("convenant.grondslag.wpg20") is None
    assert nl.article("convenant.gegevens.bsn") is None
    assert not nl.needs_wpg20_decision


def test_a_wpg20_flow_asks_for_annex_c(lib: Library) -> None:
    flow = Flow(id="politie-zvh", facts={"verstrekker": "politie", "ontvanger": "gemeente",
                                         "doel": "zorg_opvang", "gegevens": ("gewoon",)},
                verdict=Verdict.DELEN_MITS, regime=Regime.WPG, grounds=("wpg:20(1)",),
                clauses=(ClauseId("convenant.grondslag.wpg20"),
                         ClauseId("convenant.bijlage.besluit_wpg20")))
    out = assemble(lib.covenants[0], [flow], lib.facts, "nl")
    assert out.needs_wpg20_decision
    annex = out.article("convenant.bijlage.besluit_wpg20")
    assert annex is not None and annex.number == len(out.articles)


def test_a_pending_flow_is_left_out_naming_the_missing_fact(lib: Library) -> None:
    flow = Flow(id="open", facts={}, verdict=None, regime=None, grounds=(), clauses=(),
                pending="toestemming")
    out = assemble(lib.covenants[0], [flow], lib.facts, "en")
    assert out.flows == ()
    assert out.excluded[0].reason.get("en") == "no outcome: the fact 'toestemming' is missing"


def test_unknown_clauses_and_unfilled_placeholders_are_reported(lib: Library) -> None:
    flow = Flow(id="half", facts={"verstrekker": "politie"}, verdict=Verdict.DELEN,
                regime=Regime.WPG, grounds=(),
                clauses=(ClauseId("convenant.doel.zorg"), ClauseId("convenant.bestaat.niet")))
    out = assemble(lib.covenants[0], [flow], lib.facts, "nl")
    assert out.unknown == (("half", "convenant.bestaat.niet"),)
    assert {u.placeholder for u in out.unfilled} == {"ontvanger", "doel"}
    zorg = out.article("convenant.doel.zorg")
    assert zorg is not None and "[ontvanger]" in zorg.paragraphs[0].text


def test_english_assembly_uses_english_texts_and_labels(lib: Library) -> None:
    out = assemble(lib.covenants[0], regional_flows(lib), lib.facts, "en", lib.sources)
    assert out.title == "Covenant on chain cooperation against human trafficking"
    assert out.articles[0].title == "Definitions"
    gegevens = out.article("convenant.gegevens.gewoon")
    assert gegevens is not None
    assert " and Criminal-offence data" in gegevens.paragraphs[1].text
    assert out.excluded[1].reason.get("en") == "advice needed first"


def test_a_decision_record_gives_the_same_flow_as_its_walk(lib: Library) -> None:
    case, _ = read_case(FLOWS[2], lib)
    assert case is not None
    done = walk(resolve(lib, case.date), case.start, case.facts)
    from_walk = flow_from_walk(case.id, done, case.facts)
    again, problems = verified(lib, make_record(done, "test"), "besluit.json")
    assert again is not None and problems == ()
    from_record = flow_from_walk(case.id, again.walk, case.facts)
    assert from_record.verdict is from_walk.verdict is Verdict.DELEN
    assert from_record.clauses == from_walk.clauses
    assert from_record.facts["ontvanger"] == "comensha"


def test_citations_read_as_lawyers_write_them_and_unverified_ones_are_marked(
        lib: Library) -> None:
    assert cited("bpg:4:2(1)(b)(3°)", lib.sources, "nl") == "Bpg art. 4:2(1)(b)(3°)"
    unchecked = Citation(source=SourceId("wgs"), locator="2.29(2)", verified=False)
    assert cited(unchecked, lib.sources, "nl") == "WGS art. 2.29(2) (te controleren)"
    assert cited("onbekend:1", lib.sources, "nl") == "onbekend:1"


def test_model_covenant_defines_every_catalogue_id_and_nothing_else(lib: Library) -> None:
    catalogue = set(re.findall(r"^(convenant\.[a-z0-9_.]+)",
                               (ROOT / "conventions" / "CLAUSE-IDS.md").read_text(), re.M))
    first = [c.id for c in lib.covenants[0].clauses]
    assert len(first) == len(set(first)) == 40
    assert set(first) <= catalogue
    newest = max(lib.covenants, key=lambda cov: tuple(int(x) for x in cov.version.split(".")))
    defined = [c.id for c in newest.clauses]
    assert len(defined) == len(set(defined))
    assert set(defined) == catalogue, "the newest model covenant defines every catalogue id"


def test_model_covenant_loads_without_problems_of_its_own(loaded: LoadResult) -> None:
    own = [p for p in loaded.problems
           if p.location.file.startswith("conventions") and p.code != "clause.orphan"]
    assert own == []
    assert loaded.library.covenants[0].status.value == "concept"


def test_lint_warns_when_an_outcome_links_a_clause_for_another_regime(tmp_path: Path) -> None:
    tree = (DATA / "trees" / "regio" / "1.0.0.yaml").read_text(encoding="utf-8").replace(
        "convenant.grondslag.wpg18]", "convenant.grondslag.wpg18, convenant.grondslag.toestemming]")
    trees, conventions = library_dir(tmp_path, tree)
    loaded = load(trees, conventions)
    found = [p for p in lint_covenant(loaded.library) if p.code == "clause.regime"]
    assert [(p.code, p.severity.value) for p in found] == [("clause.regime", "warning")]
    assert found[0] in loaded.problems  # `deelwijzer check` reports it too
    assert "pol_comensha" in found[0].found and "convenant.grondslag.toestemming" in found[0].found
    assert found[0].location.line > 0


def test_shipped_trees_and_model_covenant_fit_together() -> None:
    """Done-when of issue 4: every sharing outcome links a clause that exists, every flow clause
    is used by some outcome, and no outcome links a clause meant for another regime."""
    result = load(ROOT / "trees", ROOT / "conventions")
    codes = {p.code for p in result.problems}
    assert not codes & {"clause.missing", "clause.unknown", "clause.orphan", "clause.placeholder",
                        "citation.source"}, [str(p) for p in result.problems]
    assert lint_covenant(result.library) == []
    sharing = [n for v in result.library.trees.values() for t in v for n in t.nodes.values()
               if isinstance(n, Outcome) and n.verdict in (Verdict.DELEN, Verdict.DELEN_MITS)]
    assert sharing and all(n.clauses for n in sharing)


def test_three_kinds_of_data_read_as_a_b_en_c(lib: Library) -> None:
    flow = Flow(id="drie", facts={"verstrekker": "politie", "ontvanger": "comensha",
                                  "doel": "zorg_opvang",
                                  "gegevens": ("gewoon", "gezondheid", "strafrechtelijk")},
                verdict=Verdict.DELEN, regime=Regime.WPG, grounds=(),
                clauses=(ClauseId("convenant.gegevens.gewoon"),))
    out = assemble(lib.covenants[0], [flow], lib.facts, "nl")
    assert out.flows[0].gegevens == (
        "Gewone gegevens (naam, adres, werk, situatie), Gezondheid (lichamelijk of psychisch, "
        "letsel, zwangerschap) en Strafrechtelijke gegevens (verdenking van een strafbaar feit)")
    article = out.article("convenant.gegevens.gewoon")
    assert article is not None and out.flows[0].gegevens in article.paragraphs[0].text
    assert article.paragraphs[0].flow == 1
