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
#: Organisations the law treats differently, added in issue 10 (each marked public or private).
NEW_ORGANISATIONS = (
    "coa", "nidos", "ggd", "reclassering", "raad_kinderbescherming", "gecertificeerde_instelling",
    "dtv", "belastingdienst", "uwv", "woningcorporatie", "werkgever", "bank", "opvang",
    "buitenlandse_autoriteit",
)
PUBLIC = (
    "gemeente", "zorgcoordinator", "burgemeester", "handhaving", "veilig_thuis", "onderwijs",
    "politie", "kmar", "nla_inspectie", "nla_opsporing", "om", "justid", "ind", "riec",
    "zorg_veiligheidshuis", "nationaal_rapporteur", "bibob_bureau", "coa", "nidos", "ggd",
    "reclassering", "raad_kinderbescherming", "gecertificeerde_instelling", "dtv",
    "belastingdienst", "uwv", "buitenlandse_autoriteit",
)

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
    # the rest of the 1.0.0 vocabulary
    "politie_hoedanigheid": (FactType.ONE_OF, ("politietaak", "burgemeester")),
    "wettelijke_plicht": (FactType.YES_NO, YES_NO),
    "conflict_van_plichten": (FactType.YES_NO, YES_NO),
    "doel_verenigbaar": (FactType.ONE_OF, ("zelfde_doel", "verenigbaar", "wettelijk",
                                           "niet_verenigbaar")),
    "art10_onderdeel": (FactType.ONE_OF, ("a", "b", "c")),
    "strikt_noodzakelijk": (FactType.YES_NO, YES_NO),
    "instemming_gezag": (FactType.YES_NO, YES_NO),
    "bibob_toets": (FactType.YES_NO, YES_NO),
    "wjsg_gegevens": (FactType.ONE_OF, ("strafvorderlijk", "justitieel")),
}

#: What issue 10 added (values added to old facts, and new facts); from now on also a contract.
ADDED: dict[str, tuple[FactType, tuple[str, ...]]] = {
    "verstrekker": (FactType.ONE_OF, NEW_ORGANISATIONS),
    "ontvanger": (FactType.ONE_OF, NEW_ORGANISATIONS),
    "identificeerbaar": (FactType.YES_NO, ("onbekend",)),
    "alternatief": (FactType.YES_NO, ("onbekend",)),
    "beroepsgeheim": (FactType.YES_NO, ("onbekend",)),
    "huiselijke_kring": (FactType.YES_NO, ("onbekend",)),
    "conflict_van_plichten": (FactType.YES_NO, ("onbekend",)),
    "verstrekker_sector": (FactType.ONE_OF, ("publiek", "privaat")),
    "ontvanger_sector": (FactType.ONE_OF, ("publiek", "privaat")),
    "situatie": (FactType.ONE_OF, ("zelf_delen", "gevraagd")),
    "verzoek_soort": (FactType.ONE_OF, ("verzoek", "vordering", "kinderbeschermingsmaatregel",
                                        "onbekend")),
    "herkomst": (FactType.ONE_OF, ("eigen", "andere_organisatie", "politie", "om", "onbekend")),
    "ots_voogdij": (FactType.ONE_OF, ("ja", "nee", "onbekend")),
    "leeftijd": (FactType.ONE_OF, ("onder_12", "van_12_tot_16", "van_16_tot_18", "onbekend")),
    "toestemming_van": (FactType.ONE_OF, ("kind", "vertegenwoordiger", "beiden")),
    "hulpdienst_kosteloos": (FactType.YES_NO, (*YES_NO, "onbekend")),
    "zvh_deelname": (FactType.ONE_OF, ("ggz", "opdracht_gemeente", "geen", "onbekend")),
    "gemeente_hoedanigheid": (FactType.ONE_OF, ("zorg", "handhaving", "onbekend")),
    "verkregen_voor": (FactType.ONE_OF, ("zorg", "handhaving", "anders", "onbekend")),
    # police/justice trees (legal-police)
    "politiegegevens_doel": (FactType.ONE_OF, ("onbekend",)),
    "art10_onderdeel": (FactType.ONE_OF, ("onbekend",)),
    "gemeente_taak": (FactType.ONE_OF, ("jeugdhulp", "brp", "anders", "onbekend")),
    "buitenland_ontvanger": (FactType.ONE_OF, ("eu_lidstaat", "eu_orgaan", "derde_land",
                                               "onbekend")),
    "bestuursrechtelijk_besluit": (FactType.ONE_OF, ("ja", "nee", "onbekend")),
    "vergunning_soort": (FactType.ONE_OF, ("drank_kansspelen", "seksbedrijf", "ander_besluit",
                                           "onbekend")),
    # issue 10 follow-up (legal2): "weet ik niet" on three facts the trees ask
    "minderjarig": (FactType.YES_NO, ("onbekend",)),
    "betrokkene": (FactType.ONE_OF, ("onbekend",)),
    "samenwerkingsverband": (FactType.ONE_OF, ("onbekend",)),
}


def test_every_contract_fact_keeps_its_type_and_values() -> None:
    facts = load(trees_dir(), conventions_dir()).library.facts
    for key, (kind, values) in CONTRACT.items():
        fact = facts.get(FactKey(key))
        assert fact is not None, f"fact '{key}' was removed or renamed"
        assert fact.type is kind, f"fact '{key}' changed type"
        assert set(values) <= set(fact.values), f"'{key}' lost {set(values) - set(fact.values)}"


def test_the_values_issue_10_added_stay() -> None:
    facts = load(trees_dir(), conventions_dir()).library.facts
    for key, (kind, values) in ADDED.items():
        fact = facts.get(FactKey(key))
        assert fact is not None, f"fact '{key}' was removed or renamed"
        assert fact.type is kind, f"fact '{key}' changed type"
        assert set(values) <= set(fact.values), f"'{key}' lost {set(values) - set(fact.values)}"


def test_every_organisation_is_marked_public_or_private() -> None:
    """No legitimate interest (AVG 6(1)(f)) for a public body: the trees need this table."""
    facts = load(trees_dir(), conventions_dir()).library.facts
    for side in ("verstrekker", "ontvanger"):
        sector = facts[FactKey(f"{side}_sector")]
        assert sector.derived_from == side
        organisations = facts[FactKey(side)].values
        assert all(sector.derive(org) for org in organisations), f"{side}_sector misses a value"
        public = {org for org in organisations if sector.derive(org) == "publiek"}
        assert public == set(PUBLIC), f"{side}: public/private changed: {public ^ set(PUBLIC)}"


def test_every_fact_and_value_has_dutch_and_english_labels() -> None:
    for fact in load(trees_dir(), conventions_dir()).library.facts.values():
        assert fact.label.nl and fact.label.en, fact.key
        for choice in fact.choices:
            assert choice.label.nl and choice.label.en, f"{fact.key}.{choice.value}"
