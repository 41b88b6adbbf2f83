"""Errors, help, menu and other texts every capability shares."""

MESSAGES = {
    "error.internal": {
        "de": "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuchen Sie es "
        "gleich noch einmal. Es wurde nichts halb gespeichert.",
        "de_du": "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuche es gleich "
        "noch einmal. Es wurde nichts halb gespeichert.",
        "en": "Sorry, something went wrong on my side. Please try again in a moment. "
        "Nothing was half-saved.",
    },
    # the store is full or busy: the update is kept (inbox or the platform's queue) and
    # answered by itself later, so the member must not send it again
    "error.store_unavailable": {
        "de": "Entschuldigung, ich kann gerade nichts speichern. Ihre Nachricht geht nicht "
        "verloren: Ich beantworte sie, sobald es wieder geht, meist in wenigen Minuten. Bitte "
        "senden Sie sie nicht noch einmal.",
        "de_du": "Entschuldigung, ich kann gerade nichts speichern. Deine Nachricht geht nicht "
        "verloren: Ich beantworte sie, sobald es wieder geht, meist in wenigen Minuten. Bitte "
        "sende sie nicht noch einmal.",
        "en": "Sorry, I can't save anything right now. Your message is not lost: I'll answer "
        "it as soon as I can, usually within a few minutes. Please don't send it again.",
    },
    # the same where nothing keeps the request for a later try (console, a Slack command)
    "error.store_unavailable_retry": {
        "de": "Entschuldigung, ich kann gerade nichts speichern. Bitte versuchen Sie es in ein "
        "paar Minuten noch einmal. Es wurde nichts halb gespeichert.",
        "de_du": "Entschuldigung, ich kann gerade nichts speichern. Bitte versuche es in ein "
        "paar Minuten noch einmal. Es wurde nichts halb gespeichert.",
        "en": "Sorry, I can't save anything right now. Please try again in a few minutes. "
        "Nothing was half-saved.",
    },
    "error.unknown_command": {
        "de": "Den Befehl /{command} kenne ich nicht. Mit /hilfe sehen Sie alle Befehle.",
        "de_du": "Den Befehl /{command} kenne ich nicht. Mit /hilfe siehst du alle Befehle.",
        "en": "I don't know the command /{command}. Send /help to see all commands.",
    },
    "error.unknown_command_suggest": {
        "de": "Den Befehl /{command} kenne ich nicht. Meinten Sie {suggestion}?",
        "de_du": "Den Befehl /{command} kenne ich nicht. Meintest du {suggestion}?",
        "en": "I don't know the command /{command}. Did you mean {suggestion}?",
    },
    "error.not_registered": {
        "de": "Sie sind noch nicht registriert. Senden Sie /start, um sich anzumelden.",
        "de_du": "Du bist noch nicht registriert. Sende /start, um dich anzumelden.",
        "en": "You are not registered yet. Send /start to sign up.",
    },
    "error.pending_approval": {
        "de": "Ihre Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. "
        "Sie bekommen eine Nachricht, sobald es so weit ist.",
        "de_du": "Deine Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. "
        "Du bekommst eine Nachricht, sobald es so weit ist.",
        "en": "Your registration is still waiting for approval by the network team. "
        "You will get a message as soon as it is approved.",
    },
    "error.not_active": {
        "de": "Ihr Zugang ist nicht aktiv: Ihre Anmeldung wurde nicht freigegeben. Bei Fragen "
        "wenden Sie sich bitte an {contact}. Was über Sie gespeichert ist, zeigt /meinedaten; "
        "mit /loeschen löschen Sie alles.",
        "de_du": "Dein Zugang ist nicht aktiv: Deine Anmeldung wurde nicht freigegeben. Bei "
        "Fragen wende dich bitte an {contact}. Was über dich gespeichert ist, zeigt "
        "/meinedaten; mit /loeschen löschst du alles.",
        "en": "Your access is not active: your registration was not approved. If you have "
        "questions, please contact {contact}. /mydata shows what is stored about you; /delete "
        "erases all of it.",
    },
    "core.network_team": {"de": "das Team von {network}", "en": "the {network} team"},
    "error.admin_only": {
        "de": "Dieser Befehl ist dem Netzwerk-Team vorbehalten.",
        "en": "This command is reserved for the network team.",
    },
    "error.private_only": {
        "de": "Das geht nur im privaten Chat mit mir.",
        "en": "That only works in a private chat with me.",
    },
    "error.group_only": {
        "de": "Das geht nur in einer Gruppe oder einem Kanal.",
        "en": "That only works in a group or channel.",
    },
    "error.stale_button": {
        "de": "Dieser Knopf ist nicht mehr aktuell. Senden Sie /start für das Hauptmenü.",
        "de_du": "Dieser Knopf ist nicht mehr aktuell. Sende /start für das Hauptmenü.",
        "en": "This button is no longer valid. Send /start for the main menu.",
        "cli": "that choice is not valid (any more); nothing was changed",
    },
    "error.free_text": {
        "de": "Ich habe gerade keine Frage an Sie offen. Mit /hilfe sehen Sie, was ich kann.",
        "de_du": "Ich habe gerade keine Frage an dich offen. Mit /hilfe siehst du, was ich kann.",
        "en": "I have no open question for you right now. Send /help to see what I can do.",
    },
    "error.too_long": {
        "de": "Das ist zu lang: höchstens {max} Zeichen, bitte.",
        "en": "That is too long: {max} characters at most, please.",
    },
    "error.empty": {
        "de": "Da kam nichts an. Bitte schreiben Sie eine Antwort.",
        "de_du": "Da kam nichts an. Bitte schreib eine Antwort.",
        "en": "That was empty. Please type an answer.",
    },
    "error.one_line": {
        "de": "Bitte nur eine Zeile ohne Zeilenumbruch.",
        "en": "Please use a single line without line breaks.",
    },
    "error.no_letters": {
        "de": "Ein Name braucht Buchstaben, nicht nur Zahlen, Zeichen oder Emojis.",
        "en": "A name needs letters, not only digits, symbols or emoji.",
    },
    "cancel.done": {
        "de": "Abgebrochen. Es wurde nichts gespeichert.",
        "en": "Cancelled. Nothing was saved.",
    },
    "cancel.nothing": {
        "de": "Es läuft gerade nichts, das ich abbrechen könnte.",
        "en": "There is nothing to cancel right now.",
    },
    "menu.greeting": {
        "de": "Hallo {name}! Was möchten Sie tun?",
        "de_du": "Hallo {name}! Was möchtest du tun?",
        "en": "Hello {name}! What would you like to do?",
    },
    "menu.events": {"de": "Termine", "en": "Events"},
    "menu.topics": {"de": "Themen", "en": "Topics"},
    "menu.groups": {"de": "Arbeitsgruppen", "en": "Working groups"},
    "menu.requests": {"de": "Gesuche", "en": "Requests"},
    "menu.profile": {"de": "Profil", "en": "Profile"},
    "menu.help": {"de": "Hilfe", "en": "Help"},
    "help.title": {
        "de": "Das kann ich für Sie tun:",
        "de_du": "Das kann ich für dich tun:",
        "en": "Here is what I can do for you:",
    },
    "help.back": {"de": "◂ Alle Befehle", "en": "◂ All commands"},
    "help.section_settings": {
        "de": "⚙️ Profil und Einstellungen",
        "en": "⚙️ Profile and settings",
    },
    "help.section_privacy": {
        "de": "🔒 Datenschutz und Ihre Daten",
        "de_du": "🔒 Datenschutz und deine Daten",
        "en": "🔒 Privacy and your data",
    },
    "help.section_team": {
        "de": "🛠 Netzwerk-Team: Themen, Termine, Gruppen",
        "en": "🛠 Network team: topics, events, groups",
    },
    "help.section_people": {
        "de": "🛠 Netzwerk-Team: Mitglieder, Rundschreiben",
        "en": "🛠 Network team: members, broadcasts",
    },
    "help.in_a_group": {
        "de": " (in einer Gruppe oder einem Kanal)",
        "en": " (in a group or channel)",
    },
    "help.in_group": {
        "de": "Alles Weitere finden Sie im privaten Chat mit mir.",
        "de_du": "Alles Weitere findest du im privaten Chat mit mir.",
        "en": "Everything else is in a private chat with me.",
    },
    "help.pending": {
        "de": "Ihre Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. Bis dahin "
        "steht Ihnen das hier offen:",
        "de_du": "Deine Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. Bis "
        "dahin steht dir das hier offen:",
        "en": "Your registration is still waiting for the network team's approval. Until "
        "then, this is open to you:",
    },
    "help.start": {"de": "Anmelden oder Hauptmenü", "en": "Sign up or main menu"},
    "help.help": {"de": "Diese Übersicht", "en": "This overview"},
    "help.cancel": {"de": "Laufende Eingabe abbrechen", "en": "Cancel the current input"},
    "yes": {"de": "Ja", "en": "Yes"},
    "no": {"de": "Nein", "en": "No"},
    "lang.de": {"de": "Deutsch", "en": "Deutsch"},
    "lang.en": {"de": "English", "en": "English"},
}
