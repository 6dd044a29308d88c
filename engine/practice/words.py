"""The workshop's verdict and regime words; every other practice word is `practice.*` in
engine/words.py."""

from __future__ import annotations

from engine.model import Regime, Verdict
from engine.words import say


def verdict_word(verdict: Verdict, lang: str) -> str:
    """A verdict as a participant predicts it: 'delen onder voorwaarden'."""
    return say(f"practice.verdict.{verdict.value}", lang)


def regime_word(regime: Regime, lang: str) -> str:
    return say(f"practice.regime.{regime.value}", lang)
