"""The fact vocabulary is a public contract: these keys and values may never disappear."""

from __future__ import annotations

from engine import load
from engine.model import FactKey, FactType
from engine.read.paths import conventions_dir, trees_dir

ORGANISATIONS = (
    "gemeente", "zorgcoordinator", "burgemeester", "handhaving", "zorgverlener", "jeugdhulp",
    "hulpverlener", "veilig_thuis", "onderwijs", "politie", "kmar", "nla_inspectie",
    "nla_opsporing", "om", "justid", "ind", "comensha", "riec", "zorg_veiligheidshuis",
    "slachtofferhulp", "nationaal_rapporteur", "bibob_bureau", "particulier",
)
YES_NO = ("ja", "nee")

#: The facts issue 3 fixed, with exactly these values (labels, help and new facts may be added).
CONTRACT: dict[str, tuple[FactType, tuple[str, ...]]] = {
    "verstrekker": (FactType.ONE_OF, ORGANISATIONS),
    "ontvanger": (FactType.ONE_OF, ORGANISATIONS),
    "doel": (FactType.ONE_OF, ("zorg_opvang", "opsporing", "openbare_orde", "toezicht",
                               "registratie", "verblijfsrecht", "casusoverleg")),
    "gegevens": (FactType.MANY_OF, ("gewoon", "gezondheid", "seksueel_leven",
                                    "overig_bijzonder", "strafrechtelijk", "bsn")),
    "identificeerbaar": (FactType.YES_NO, YES_NO),
    "betrokkene": (FactType.ONE_OF, ("slachtoffer", "verdachte", "derde")),
    "minderjarig": (FactType.YES_NO, YES_NO),
    "huiselijke_kring": (FactType.YES_NO, YES_NO),
    "toestemming": (FactType.ONE_OF, ("gegeven", "geweigerd", "niet_gevraagd", "niet_mogelijk")),
    "gevaar": (FactType.ONE_OF, ("acuut", "ernstig", "geen")),
    "alternatief": (FactType.YES_NO, YES_NO),
    "samenwerkingsverband": (FactType.ONE_OF, ("geen", "convenant", "wgs")),
    "beroepsgeheim": (FactType.YES_NO, YES_NO),
    "meldcode_gevolgd": (FactType.YES_NO, YES_NO),
    "politiegegevens_doel": (FactType.ONE_OF, ("art8", "art9", "art10", "art13")),
    "frequentie": (FactType.ONE_OF, ("incidenteel", "structureel")),
    "besluit_art20": (FactType.YES_NO, YES_NO),
}


def test_every_contract_fact_keeps_its_type_and_values() -> None:
    facts = load(trees_dir(), conventions_dir()).library.facts
    for key, (kind, values) in CONTRACT.items():
        fact = facts.get(FactKey(key))
        assert fact is not None, f"fact '{key}' was removed or renamed"
        assert fact.type is kind, f"fact '{key}' changed type"
        assert set(values) <= set(fact.values), f"'{key}' lost {set(values) - set(fact.values)}"


def test_every_fact_and_value_has_dutch_and_english_labels() -> None:
    for fact in load(trees_dir(), conventions_dir()).library.facts.values():
        assert fact.label.nl and fact.label.en, fact.key
        for choice in fact.choices:
            assert choice.label.nl and choice.label.en, f"{fact.key}.{choice.value}"
