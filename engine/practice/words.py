"""The workshop's own words, Dutch and English (the law's words stay in the trees)."""

from __future__ import annotations

from engine.model import Regime, Verdict

_VERDICTS = {
    Verdict.DELEN: ("delen", "share"),
    Verdict.DELEN_MITS: ("delen onder voorwaarden", "share on conditions"),
    Verdict.NIET_DELEN: ("niet delen", "do not share"),
    Verdict.ADVIES: ("advies vragen", "ask for advice"),
}
_REGIMES = {Regime.AVG: ("AVG/UAVG", "GDPR/UAVG"), Regime.WPG: ("Wpg", "Wpg"),
            Regime.WJSG: ("Wjsg", "Wjsg")}

_WORDS: dict[str, tuple[str, str]] = {
    "overview_title": ("Klassenoverzicht oefenen ({date})", "Class overview ({date})"),
    "participants": ("{n} deelnemer(s), set: {set}", "{n} participant(s), set: {set}"),
    "share_correct": ("Goed voorspeld: {pct} ({n} van {of})",
                      "Predicted right: {pct} ({n} of {of})"),
    "angst_figure": ("AVG-angst: {pct} van de voorspellingen zei 'niet delen' of 'advies' waar "
                     "de bomen delen toestaan ({n} van {of})",
                     "GDPR anxiety: {pct} of predictions said 'do not share' or 'advice' where "
                     "the trees allow sharing ({n} of {of})"),
    "ruim_figure": ("Te ruim: {pct} van de voorspellingen zei 'delen' waar de bomen dat niet "
                    "toestaan ({n} van {of})",
                    "Too permissive: {pct} of predictions said 'share' where the trees do not "
                    "allow it ({n} of {of})"),
    "scenario_line": ("Bomen: {verdict} ({regime}) · goed: {pct} van {n} · AVG-angst: {angst} "
                      "· te ruim: {ruim}",
                      "Trees: {verdict} ({regime}) · right: {pct} of {n} · anxiety: {angst} "
                      "· too permissive: {ruim}"),
    "cards": ("scenariokaarten", "scenario cards"),
    "card_instructions": ("Lees het verhaal. Kruis aan wat je denkt: mag je delen? Loop daarna "
                          "de beslisboom door in Deelwijzer (deelwijzer oefen).",
                          "Read the story. Tick what you think: may you share? Then walk the "
                          "decision tree in Deelwijzer (deelwijzer oefen)."),
    "your_prediction": ("Jouw voorspelling", "Your prediction"),
    "regime_q": ("Welke wet?", "Which law?"),
    "dont_know": ("weet ik niet", "don't know"),
    "key": ("antwoorden voor de trainer", "answer key for the trainer"),
    "key_intro": ("Berekend door Deelwijzer met de beslisbomen die gelden op {date}. Geef dit "
                  "blad pas na de bespreking.",
                  "Computed by Deelwijzer from the decision trees in force on {date}. Hand this "
                  "out only after the discussion."),
    "grounds": ("Grondslag", "Legal ground"),
    "teaching": ("Leerpunt", "Teaching point"),
    "citations": ("Artikelen", "Articles"),
    "misconception": ("Veelvoorkomend misverstand", "Common misconception"),
    "question": ("Vraag", "Question"),
    "story_says": ("Volgens het verhaal", "According to the story"),
    "not_practised": ("nog geen voorspellingen", "no predictions yet"),
    "trees_say": ("bomen", "trees"),
    "spread": ("Voorspellingen", "Predictions"),
    "misread": ("{n}× {fact}: geantwoord '{answered}', het verhaal zegt '{story}'",
                "{n}× {fact}: answered '{answered}', the story says '{story}'"),
    "questions_title": ("Vragen die het vaakst anders werden gelezen dan het verhaal",
                        "Questions most often read differently from the story"),
    "commonest": ("vaakst '{answered}' waar het verhaal '{story}' zegt ({scenario})",
                  "most often '{answered}' where the story says '{story}' ({scenario})"),
    "no_misreadings": ("Niemand las een vraag anders dan het verhaal.",
                       "Nobody read a question differently from the story."),
}


def w(key: str, lang: str, **values: object) -> str:
    nl, en = _WORDS[key]
    return (en if lang == "en" else nl).format(**values)


def verdict_word(verdict: Verdict, lang: str) -> str:
    nl, en = _VERDICTS[verdict]
    return en if lang == "en" else nl


def regime_word(regime: Regime, lang: str) -> str:
    nl, en = _REGIMES[regime]
    return en if lang == "en" else nl
