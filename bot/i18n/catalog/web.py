"""Refusals as a web page says them. A shared parser's message speaks of chat things (a
command to send, "-" for none, typed words for a choice); where it does, ``<key>.web``
says the same in the words of a form, and the dashboard shows it instead (see
handlers/dashboard/tools.py). Empty required fields are asked for by name, never as „?“."""

MESSAGES = {
    "topics.unknown.web": {
        "de": "Das Thema „{topic}“ gibt es nicht (mehr). Bitte wählen Sie ein anderes.",
        "de_du": "Das Thema „{topic}“ gibt es nicht (mehr). Bitte wähle ein anderes.",
        "en": "There is no topic “{topic}” (any more). Please choose another one.",
    },
    "groups.unknown.web": {
        "de": "Die Arbeitsgruppe „{group}“ gibt es nicht (mehr). Bitte wählen Sie eine andere.",
        "de_du": "Die Arbeitsgruppe „{group}“ gibt es nicht (mehr). Bitte wähle eine andere.",
        "en": "There is no working group “{group}” (any more). Please choose another one.",
    },
    "groups.post_members_only.web": {
        "de": "Nur Mitglieder von „{group}“ können dort Neuigkeiten senden.",
        "en": "Only members of “{group}” can post updates there.",
    },
    "events.bad_capacity.web": {
        "de": "Bitte eine ganze Zahl von 1 bis {max}; ein leeres Feld heißt unbegrenzt.",
        "en": "Please enter a whole number from 1 to {max}; an empty field means unlimited.",
    },
    "events.bad_rrule.web": {
        "de": "„{rule}“ ist keine Wiederholungsregel, die ich kenne. Beispiel: "
        "FREQ=MONTHLY;BYDAY=2TU oder FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. Für einen einzelnen "
        "Termin wählen Sie „Einmalig“.",
        "de_du": "„{rule}“ ist keine Wiederholungsregel, die ich kenne. Beispiel: "
        "FREQ=MONTHLY;BYDAY=2TU oder FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. Für einen einzelnen "
        "Termin wähle „Einmalig“.",
        "en": "“{rule}” is not a recurrence rule I know. Example: FREQ=MONTHLY;BYDAY=2TU "
        "or FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. For a single date choose “Once”.",
    },
    "groups.bad_policy.web": {
        "de": "Bitte wählen Sie, wie man der Arbeitsgruppe beitritt.",
        "de_du": "Bitte wähle, wie man der Arbeitsgruppe beitritt.",
        "en": "Please choose how people join the working group.",
    },
    "error.empty.web": {
        "de": "Bitte füllen Sie das Feld aus.",
        "de_du": "Bitte fülle das Feld aus.",
        "en": "Please fill in the field.",
    },
    "error.stale_button.web": {
        "de": "Diese Auswahl ist nicht mehr aktuell. Bitte laden Sie die Seite neu.",
        "de_du": "Diese Auswahl ist nicht mehr aktuell. Bitte lade die Seite neu.",
        "en": "This choice is no longer valid. Please reload the page.",
    },
    # empty required fields ------------------------------------------------------------
    "dashboard.required.topic": {
        "de": "Bitte wählen Sie ein Thema.",
        "de_du": "Bitte wähle ein Thema.",
        "en": "Please choose a topic.",
    },
    "dashboard.required.region": {
        "de": "Bitte wählen Sie eine Region.",
        "de_du": "Bitte wähle eine Region.",
        "en": "Please choose a region.",
    },
    "dashboard.required.start": {
        "de": "Bitte füllen Sie den Beginn aus.",
        "de_du": "Bitte fülle den Beginn aus.",
        "en": "Please fill in the start.",
    },
    "dashboard.required.member": {
        "de": "Bitte füllen Sie aus, wer die Moderation übernimmt.",
        "de_du": "Bitte fülle aus, wer die Moderation übernimmt.",
        "en": "Please fill in who becomes a moderator.",
    },
}
