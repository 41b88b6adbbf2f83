"""The words every form uses: its buttons, the preview, stale answers and input errors."""

MESSAGES = {
    "form.yes": {"de": "Ja", "en": "Yes"},
    "form.no": {"de": "Nein", "en": "No"},
    "form.next": {"de": "Weiter ▶", "en": "Next ▶"},
    "form.skip": {"de": "Überspringen", "en": "Skip"},
    "form.keep": {"de": "Beibehalten", "en": "Keep"},
    "form.confirm": {"de": "✅ Bestätigen", "en": "✅ Confirm"},
    "form.change": {"de": "✏️ Ändern", "en": "✏️ Change"},
    "form.discard": {"de": "🗑 Verwerfen", "en": "🗑 Discard"},
    "form.to_preview": {"de": "Vorschau", "en": "Preview"},
    "form.open": {"de": "Formular öffnen", "en": "Open the form"},
    "form.current": {
        "de": "Bisher: {value}\n(„-“ oder „Beibehalten“ lässt es so.)",
        "en": "So far: {value}\n(“-” or “Keep” leaves it.)",
    },
    "form.preview": {
        "de": "Bitte prüfen Sie Ihre Angaben:\n\n{listing}",
        "de_du": "Bitte prüfe deine Angaben:\n\n{listing}",
        "en": "Please check what you entered:\n\n{listing}",
    },
    "form.which_field": {
        "de": "Was möchten Sie ändern?",
        "de_du": "Was möchtest du ändern?",
        "en": "What would you like to change?",
    },
    "form.stale": {
        "de": "Diese Frage ist schon beantwortet oder nicht mehr gültig. Senden Sie /start "
        "für das Hauptmenü.",
        "de_du": "Diese Frage ist schon beantwortet oder nicht mehr gültig. Sende /start für "
        "das Hauptmenü.",
        "en": "This question has been answered already or is no longer valid. Send /start "
        "for the main menu.",
    },
    "form.no_such_choice": {
        "de": "„{answer}“ ist keine der Möglichkeiten. Bitte wählen Sie: {choices}",
        "de_du": "„{answer}“ ist keine der Möglichkeiten. Bitte wähle: {choices}",
        "en": "“{answer}” is not one of the choices. Please pick one of: {choices}",
    },
    "form.ambiguous": {
        "de": "„{answer}“ passt zu mehreren: {names}. Welche Antwort meinen Sie?",
        "de_du": "„{answer}“ passt zu mehreren: {names}. Welche Antwort meinst du?",
        "en": "“{answer}” fits several: {names}. Which one do you mean?",
    },
    "form.required": {
        "de": "Bitte füllen Sie dieses Feld aus.",
        "de_du": "Bitte füll dieses Feld aus.",
        "en": "Please fill in this field.",
    },
    "form.nothing_to_choose": {
        "de": "Dafür gibt es zurzeit nichts zur Auswahl. Bitte antworten Sie hier anders.",
        "de_du": "Dafür gibt es zurzeit nichts zur Auswahl. Bitte antworte hier anders.",
        "en": "There is nothing to choose from for that at the moment. Please answer this "
        "differently.",
    },
    "form.choice_gone": {
        "de": "Diese Auswahl gibt es nicht mehr. Bitte wählen Sie neu.",
        "de_du": "Diese Auswahl gibt es nicht mehr. Bitte wähle neu.",
        "en": "This choice no longer exists. Please choose again.",
    },
}
