"""Every sender/recipient pair reaches a reasoned outcome, before and after 2026-09-01."""

from __future__ import annotations

from datetime import date

import pytest

from engine import load
from engine.decide.explore import paths
from engine.decide.versions import resolve
from engine.model import FactKey, Library, Outcome
from engine.read.paths import conventions_dir, trees_dir

DATES = (date(2026, 6, 1), date(2026, 10, 1))


@pytest.fixture(scope="module")
def library() -> Library:
    return load(trees_dir(), conventions_dir()).library


@pytest.mark.parametrize("on", DATES, ids=str)
def test_every_sender_and_recipient_pair_reaches_an_outcome(on: date, library: Library) -> None:
    """A pair counts when a complete path asks the recipient and admits both values; a sender whose
    outcomes never depend on the recipient (e.g. a foreign authority) counts for every recipient."""
    senders = library.facts[FactKey("verstrekker")].values
    recipients = library.facts[FactKey("ontvanger")].values
    reached: set[tuple[str, str]] = set()
    asks_recipient: set[str] = set()
    for path in paths(resolve(library, on), "mensenhandel"):
        assert isinstance(path.end, Outcome), f"dead end on {on}: {path.end}"
        sender, recipient = path.facts.get("verstrekker"), path.facts.get("ontvanger")
        here = [s for s in senders if sender is None or sender.admits(s)]
        if recipient is None:
            continue
        asks_recipient.update(here)
        reached.update((s, r) for s in here for r in recipients if recipient.admits(r))
    missing = {(s, r) for s in asks_recipient for r in recipients} - reached
    assert not missing, f"pairs without an outcome on {on}: {sorted(missing)[:10]}"
    independent = set(senders) - asks_recipient
    # advice whatever the recipient: a foreign authority and the Tax Administration
    # (mensenhandel), the NLA investigation service (wpg, its own decree)
    allowed = {"buitenlandse_autoriteit", "belastingdienst", "nla_opsporing"}
    assert independent <= allowed, independent


@pytest.mark.parametrize("on", DATES, ids=str)
def test_a_public_body_never_gets_a_legitimate_interest_ground(on: date,
                                                               library: Library) -> None:
    """AVG 6(1), last sentence: no 6(1)(f) for a public authority, on any path of the trees."""
    sector = library.facts[FactKey("verstrekker_sector")]
    public = [v for v in library.facts[FactKey("verstrekker")].values
              if sector.derive(v) == "publiek"]
    checked = 0
    for path in paths(resolve(library, on), "mensenhandel"):
        assert isinstance(path.end, Outcome)
        single = {k: next(iter(f.allowed)) for k, f in path.facts.items()
                  if f.allowed is not None and len(f.allowed) == 1}
        sender = path.facts.get("verstrekker")
        for org in public:
            if sender is not None and not sender.admits(org):
                continue
            known = {**single, "verstrekker": org, "verstrekker_sector": "publiek"}
            refs = [c.ref for c in path.end.on_path(known).grounds]
            assert "avg:6(1)(f)" not in refs, f"{org} gets 6(1)(f) at {path.end.id} on {on}"
            checked += 1
    assert checked > 1000  # the test looked at many public-sender paths, not none
