"""`deelwijzer convenant`: the command line on the regional flow set."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from engine import load
from engine.cases import read_case
from engine.decide.evaluate import walk
from engine.decide.versions import resolve
from engine.record import make_record
from engine.seal import content, sealed
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "convenant"
FLOWS = DATA / "flows"


@pytest.fixture
def lib_args(tmp_path: Path) -> list[str]:
    trees = tmp_path / "trees"
    trees.mkdir()
    shutil.copy(ROOT / "trees" / "facts.yaml", trees)
    shutil.copy(ROOT / "trees" / "sources.yaml", trees)
    shutil.copytree(DATA / "trees" / "regio", trees / "regio")
    shutil.copytree(ROOT / "conventions", tmp_path / "conventions")
    return ["--trees", str(trees), "--date", "2026-12-01"]


def test_markdown_on_stdout_and_left_out_flows_on_stderr(
        lib_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convenant", "--flows", str(FLOWS), *lib_args])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("# Convenant ketensamenwerking mensenhandel\n")
    assert "## Artikel 1. Begrippen" in out
    assert "| 2 | Politie → Burgemeester (openbare orde, vergunningen, Bibob) |" in out
    assert out.count("## Artikel 3. Doel zorg en opvang") == 1
    assert ("Weggelaten: huisarts-politie-zonder-toestemming "
            "(" + (FLOWS / "06-huisarts-politie-niet-delen.yaml").as_posix() + ")") in err
    assert "werkgever-nationaal-rapporteur" in err and "eerst advies nodig" in err
    assert "huisarts" not in out.lower()


def test_docx_is_written_to_the_out_file(lib_args: list[str], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "convenant.docx"
    code = main(["convenant", "--flows", *map(str, sorted(FLOWS.glob("*.yaml"))),
                 "--format", "docx", "--out", str(target), *lib_args])
    out, err = capsys.readouterr()
    assert code == 0 and out == ""
    assert f"Convenant met 5 stroom/stromen geschreven naar {target}" in err
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs
                if p.style is not None and p.style.name == "Heading 1"]
    assert "Artikel 1. Begrippen" in headings
    assert len(document.tables[0].rows) == 6  # header + five shared flows


def test_docx_without_out_is_a_usage_error(lib_args: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convenant", "--flows", str(FLOWS), "--format", "docx", *lib_args])
    assert code == 2
    assert "--out" in capsys.readouterr().err


def test_only_flows_that_may_not_be_shared_give_no_covenant(
        lib_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convenant", "--flows", str(FLOWS / "06-huisarts-politie-niet-delen.yaml"),
                 *lib_args])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "Geen enkele stroom mag in een convenant" in err


def test_a_broken_case_file_is_reported_with_its_place(lib_args: list[str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text('id: kapot\ntitle: Kapot\ndate: "2026-12-01"\nstart: regio\n'
                   "facts:\n  verstrekker: politi\n", encoding="utf-8")
    code = main(["convenant", "--flows", str(bad), str(FLOWS / "02-politie-burgemeester.yaml"),
                 *lib_args])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "kapot.yaml:6:" in err and "politi" in err and "bedoelde je 'politie'?" in err


def test_decision_records_are_flows_too(lib_args: list[str], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    lib = load(Path(lib_args[1]), Path(lib_args[1]).parent / "conventions").library
    case, _ = read_case(FLOWS / "04-om-burgemeester.yaml", lib)
    assert case is not None
    record = make_record(walk(resolve(lib, case.date), case.start, case.facts), "test")
    path = tmp_path / "om-besluit.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    code = main(["convenant", "--flows", str(path), "--lang", "en", *lib_args])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "| 1 | Public Prosecution Service → Mayor (public order, licensing, Bibob) |" in out
    assert "| Wjsg art. 39f(1)(b), Wjsg art. 39f(2) |" in out  # grounds of the outcome only
    assert "## Article 1. Definitions" in out


def _refusal_record(lib_args: list[str]) -> dict[str, object]:
    lib = load(Path(lib_args[1]), Path(lib_args[1]).parent / "conventions").library
    case, _ = read_case(FLOWS / "06-huisarts-politie-niet-delen.yaml", lib)
    assert case is not None
    record = make_record(walk(resolve(lib, case.date), case.start, case.facts), "test")
    assert record["outcome"]["verdict"] == "niet_delen"
    return record


def test_a_record_edited_to_delen_never_enters_a_covenant(
        lib_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = _refusal_record(lib_args)
    record["outcome"]["verdict"] = "delen"  # type: ignore[index]
    path = tmp_path / "besluit.json"
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    code = main(["convenant", "--flows", str(path), *lib_args])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "'outcome' (uitkomst) past niet bij het zegel" in err
    resealed = sealed(record)  # a forger who recomputes the seal is caught by the replay
    path.write_text(json.dumps(resealed, indent=2), encoding="utf-8")
    code = main(["convenant", "--flows", str(path), *lib_args])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "klopt niet met zijn boom: verdict: was 'delen', nu 'niet_delen'" in err


def test_an_unsealed_record_is_flagged_and_used_as_its_replay_decides(
        lib_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = load(Path(lib_args[1]), Path(lib_args[1]).parent / "conventions").library
    case, _ = read_case(FLOWS / "04-om-burgemeester.yaml", lib)
    assert case is not None
    old = content(make_record(walk(resolve(lib, case.date), case.start, case.facts), "test"))
    old["schema"] = "https://deelwijzer.nl/schemas/record/1.0.0"
    del old["grounds"]
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    code = main(["convenant", "--flows", str(path), *lib_args])
    out, err = capsys.readouterr()
    assert code == 0
    assert "waarschuwing: dit beslisrecord heeft geen zegel" in err
    assert "| Wjsg art. 39f(1)(b), Wjsg art. 39f(2) |" in out


def test_english_messages_on_stderr(lib_args: list[str],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convenant", "--flows", str(FLOWS), "--lang", "en", *lib_args]) == 0
    err = capsys.readouterr().err
    assert "Left out: werkgever-nationaal-rapporteur" in err and "advice needed first" in err


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["convenant", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "--flows" in out and "--format" in out and "niet_delen" in out


def test_a_complete_covenant_for_a_regional_set_on_the_shipped_trees(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The regional set of issue 4, decided by the real trees: zorgcoördinator -> opvang,
    politie -> burgemeester, politie -> CoMensha, OM -> burgemeester, a Zorg- en
    Veiligheidshuis case meeting, and a flow that may not be shared."""
    target = tmp_path / "regio.docx"
    code = main(["convenant", "--flows", str(DATA / "regio"), "--date", "2026-12-01",
                 "--format", "docx", "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("Weggelaten: ") == 1 and "regio-opvang-politie-zonder-toestemming" in err
    assert "niet ingevuld" not in err and "niet in het modelconvenant" not in err
    document = docx.Document(str(target))
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert [r[1].split(" → ")[0] for r in rows[1:]] == [
        "Zorgcoördinator mensenhandel", "Politie", "Politie", "Openbaar Ministerie",
        "Gemeente (bijvoorbeeld Wmo-consulent, sociaal domein)"]
    assert rows[2][4].startswith("Wpg art. 16(1)(b)(2°)")
    assert rows[4][4].startswith("Wjsg art. 39f(1)(b)")
    headings = [p.text for p in document.paragraphs
                if p.style is not None and p.style.name == "Heading 1"]
    for title in ("Begrippen", "Verwerkingsverantwoordelijkheid en contactpunt", "Geheimhouding",
                  "Datalekken", "Casusoverleg", "Beroepsgeheim",
                  "Samenwerkingsverband onder de WGS (Zorg- en Veiligheidshuis, RIEC)"):
        assert sum(h.endswith(f". {title}") for h in headings) == 1, title


def test_an_existing_out_file_is_kept_without_force(lib_args: list[str], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "convenant.md"
    target.write_text("eigen tekst\n")
    argv = ["convenant", "--flows", str(FLOWS), "--out", str(target), *lib_args]
    assert main(argv) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert target.read_text() == "eigen tekst\n"
    assert main([*argv, "--force"]) == 0
    assert target.read_text().startswith("# Convenant")
