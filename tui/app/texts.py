"""The app's own words (not the law's): Dutch and English, looked up by key."""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "Deelwijzer helpt je bepalen of je een signaal van mensenhandel mag delen met een andere "
        "organisatie, op welke wettelijke grond, en met welke convenantsclausule. Je beantwoordt "
        "een paar vragen over wie deelt, met wie en waarvoor. Vul geen namen of andere "
        "persoonsgegevens in: daar wordt ook nergens om gevraagd.",
        "Deelwijzer helps you decide whether you may share a signal of human trafficking with "
        "another organisation, on which legal ground, and with which covenant clause. You answer "
        "a few questions about who shares, with whom and why. Do not enter names or other "
        "personal data: you are never asked for them."),
    "plain": ("Schermlezer of brailleleesregel? Gebruik `deelwijzer vraag --plain`: dezelfde "
              "vragen als gewone tekst.",
              "Screen reader or Braille display? Use `deelwijzer vraag --plain`: the same "
              "questions as plain text."),
    "trees": ("Beslisbomen", "Decision trees"),
    "date": ("Beslisdatum", "Decision date"),
    "case": ("Casus", "Case"),
    "facts_known": ("feiten al bekend", "facts already known"),
    "what_now": ("Wat wil je doen?", "What do you want to do?"),
    "cmd_new": ("Nieuwe vraag", "New question"),
    "cmd_resume": ("Verder waar je was", "Resume where you were"),
    "cmd_case": ("Casusbestand openen", "Open a case file"),
    "cmd_record": ("Beslisrecord openen", "Open a decision record"),
    "cmd_date": ("Beslisdatum wijzigen", "Change the decision date"),
    "ask_case": ("Pad naar een casusbestand (YAML)", "Path to a case file (YAML)"),
    "ask_record": ("Pad naar een beslisrecord (JSON)", "Path to a decision record (JSON)"),
    "problems": ("Problemen in de bomen", "Problems in the trees"),
    "problems_intro": ("Deze bestanden hebben fouten; ongeldige bomen worden niet gebruikt. "
                       "De rest werkt gewoon.",
                       "These files have errors; invalid trees are not used. "
                       "Everything else keeps working."),
    "no_trees": ("Er is geen bruikbare startboom. Los de fouten op (deelwijzer check).",
                 "There is no usable entry tree. Fix the errors (deelwijzer check)."),
    "progress": ("Stap {step} · {asked} beantwoord · {known} al bekend",
                 "Step {step} · {asked} answered · {known} already known"),
    "path": ("Je pad", "Your path"),
    "path_empty": ("(nog geen antwoorden)", "(no answers yet)"),
    "known": ("bekend", "known"),
    "why": ("Waarom deze vraag?", "Why this question?"),
    "many": ("Meerdere antwoorden mogelijk: spatie kiest, Enter bevestigt.",
             "Several answers possible: space selects, Enter confirms."),
    "one": ("Kies met pijltjes en Enter, een cijfer of de muis.",
            "Choose with the arrow keys and Enter, a number, or the mouse."),
    "earlier": ("eerder gekozen", "chosen before"),
    "first": ("Dit is de eerste vraag.", "This is the first question."),
    "review": ("Je antwoorden", "Your answers"),
    "review_hint": ("Kies een antwoord om het te wijzigen. Antwoorden die nog op je pad liggen "
                    "blijven staan.",
                    "Pick an answer to change it. Answers still on your path are kept."),
    "dropped": ("Vervallen (ligt niet meer op je pad): {items}",
                "Dropped (no longer on your path): {items}"),
    "next_open": ("Volgende open vraag: {text}", "Next open question: {text}"),
    "next_done": ("Alle vragen zijn beantwoord: bekijk de uitkomst.",
                  "All questions are answered: see the outcome."),
    "change": ("Antwoord wijzigen", "Change answer"),
    "conditions": ("Wat je nog moet doen", "What you still need to do"),
    "grounds": ("Grondslag", "Legal ground"),
    "advice": ("Advies", "Advice"),
    "steps": ("Zo kwam Deelwijzer hierbij", "How Deelwijzer got here"),
    "clauses": ("Convenantsclausules", "Covenant clauses"),
    "missing": ("nog in te vullen", "to be filled in"),
    "used": ("Gebruikte bomen", "Trees used"),
    "asked": ("gevraagd", "asked"),
    "unverified": ("nog niet geverifieerd", "not yet verified"),
    "save_record": ("Beslisrecord opslaan", "Save decision record"),
    "export_md": ("Markdown exporteren", "Export Markdown"),
    "export_docx": ("Convenant als DOCX", "Covenant as DOCX"),
    "copy": ("Verantwoording kopiëren", "Copy justification"),
    "copied": ("Verantwoording gekopieerd naar het klembord.",
               "Justification copied to the clipboard."),
    "again": ("Opnieuw beginnen", "Start over"),
    "btn_record": ("Record opslaan", "Save record"),
    "btn_md": ("Markdown", "Markdown"),
    "btn_docx": ("Convenant (DOCX)", "Covenant (DOCX)"),
    "btn_copy": ("Kopiëren", "Copy"),
    "btn_again": ("Opnieuw", "Start over"),
    "filename": ("Bestandsnaam", "File name"),
    "saved": ("Opgeslagen: {path}", "Saved: {path}"),
    "not_saved": ("Niet opgeslagen.", "Not saved."),
    "exists": ("{path} bestaat al. Overschrijven?", "{path} already exists. Overwrite?"),
    "save_failed": ("Opslaan mislukt: {error} ({path}). Kies een andere plek.",
                    "Saving failed: {error} ({path}). Choose another place."),
    "open_failed": ("Kan {path} niet gebruiken", "Cannot use {path}"),
    "yes": ("Ja", "Yes"),
    "no": ("Nee", "No"),
    "ok": ("OK", "OK"),
    "cancel": ("Annuleren", "Cancel"),
    "resume_q": ("Er is een onafgemaakt gesprek van {date} ({count} antwoorden). Verder gaan?",
                 "There is an unfinished walk from {date} ({count} answers). Resume?"),
    "discard_q": ("Je onafgemaakte gesprek vervalt als je een nieuwe vraag begint. Doorgaan?",
                  "Your unfinished walk is discarded if you start a new question. Continue?"),
    "again_q": ("Opnieuw beginnen? Je antwoorden vervallen; bewaar eerst het beslisrecord als "
                "je het nodig hebt.",
                "Start over? Your answers are discarded; save the decision record first if "
                "you need it."),
    "resume_bad": ("Het opgeslagen gesprek past niet meer bij de bomen en is niet gebruikt",
                   "The saved walk no longer fits the trees and was not used"),
    "date_prompt": ("Beslisdatum (JJJJ-MM-DD)", "Decision date (YYYY-MM-DD)"),
    "date_bad": ("'{text}' is geen datum; schrijf JJJJ-MM-DD.",
                 "'{text}' is not a date; write YYYY-MM-DD."),
    "record_replay": ("Beslisrecord opnieuw doorlopen op de bomen van toen.",
                      "Decision record replayed on the trees it was made with."),
    "record_changed": ("Let op: {items}", "Note: {items}"),
    "help": ("Hulp", "Help"),
    "help_keys": ("Toetsen", "Keys"),
    "help_verdicts": ("Wat de uitkomsten betekenen", "What the outcomes mean"),
    "help_law": ("Waar de wet vandaan komt", "Where the law comes from"),
    "help_law_text": (
        "Elke vraag en uitkomst komt uit een beslisboom die juristen beheren (map trees/). "
        "Citaten verwijzen naar deze bronnen, gecontroleerd tegen de genoemde geconsolideerde "
        "versie:",
        "Every question and outcome comes from a decision tree maintained by lawyers (folder "
        "trees/). Citations point to these sources, checked against the consolidation named:"),
    "keys": (
        "Enter of cijfer  antwoord kiezen\nEscape of t      terug (vorige vraag)\n"
        "w                waarom deze vraag?\nr                al je antwoorden bekijken en "
        "wijzigen\nl                taal: Nederlands / English\nF1 of ?          deze hulp\n"
        "Ctrl+P           alle acties zoeken\nCtrl+Q           stoppen (je gesprek blijft "
        "bewaard)\nOp de uitkomst: s beslisrecord, m Markdown, d DOCX, c kopiëren, "
        "n opnieuw",
        "Enter or number  choose an answer\nEscape or t      back (previous question)\n"
        "w                why this question?\nr                review and change your answers\n"
        "l                language: Nederlands / English\nF1 or ?          this help\n"
        "Ctrl+P           search all actions\nCtrl+Q           quit (your walk is kept)\n"
        "On the outcome: s decision record, m Markdown, d DOCX, c copy, n start over"),
    "verdict_delen": ("Delen mag op de genoemde grond.", "Sharing is allowed on the ground named."),
    "verdict_delen_mits": ("Delen mag, maar alleen als je de voorwaarden op de checklist volgt.",
                           "Sharing is allowed only if you follow the conditions listed."),
    "verdict_niet_delen": ("Er is geen grond om te delen: deel niet.",
                           "There is no ground to share: do not share."),
    "verdict_advies": ("De bomen geven geen eenduidig antwoord: vraag je privacyfunctionaris "
                       "(FG) of juridisch adviseur.",
                       "The trees give no clear answer: ask your data protection officer or "
                       "legal adviser."),
    "error": ("Fout", "Error"),
    "lang_now": ("Taal: Nederlands", "Language: English"),
}


#: Key descriptions are written in Dutch in the BINDINGS; these are shown in English.
KEYS_EN = {"Annuleren": "Cancel", "Antwoorden": "Answers", "Bevestig": "Confirm",
           "Casus": "Case", "Datum": "Date", "Hulp": "Help", "Ja": "Yes", "Kopieer": "Copy",
           "Nee": "No", "Nieuw": "New", "Opnieuw": "Start over", "Sluiten": "Close",
           "Stoppen": "Quit", "Taal": "Language", "Terug": "Back", "Verder": "Continue",
           "Waarom?": "Why?", "Alle acties": "All actions"}


def key_label(description: str, lang: str) -> str:
    """A key's description in `lang`."""
    return KEYS_EN.get(description, description) if lang == "en" else description


def t(key: str, lang: str, **values: object) -> str:
    """The app's text for `key` in `lang` (Dutch when not nl/en), with {placeholders} filled."""
    nl, en = _WORDS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text
