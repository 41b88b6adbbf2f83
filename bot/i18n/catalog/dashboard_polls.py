"""Texts of the dashboard's date-poll pages (Terminfindungen): the list, the form, one poll
with its tally, ending and closing it. The form's labels and refusals are the chat's
(:mod:`bot.i18n.catalog.polls`); these are the web's own words around them."""

MESSAGES = {
    "dashboard.nav.polls": {"de": "Terminfindungen", "en": "Date polls"},
    "dashboard.polls.none": {"de": "Noch keine Terminfindungen.", "en": "No date polls yet."},
    "dashboard.polls.new": {"de": "Neue Terminfindung", "en": "New date poll"},
    "dashboard.polls.title": {"de": "Titel", "en": "Title"},
    "dashboard.polls.state": {"de": "Stand", "en": "State"},
    "dashboard.polls.state.open": {"de": "offen", "en": "open"},
    "dashboard.polls.state.ended": {"de": "beendet", "en": "ended"},
    "dashboard.polls.state.closed": {"de": "abgeschlossen", "en": "closed"},
    "dashboard.polls.audience": {"de": "Gefragt", "en": "Asked"},
    "dashboard.polls.chosen_members": {
        "de": "{count, plural, one {# ausgewähltes Mitglied} other {# ausgewählte Mitglieder}}",
        "en": "{count, plural, one {# chosen member} other {# chosen members}}",
    },
    "dashboard.polls.deadline": {"de": "Abstimmen bis", "en": "Vote until"},
    "dashboard.polls.remind": {"de": "Erinnerung", "en": "Reminder"},
    "dashboard.polls.rate": {"de": "Antworten", "en": "Answers"},
    "dashboard.polls.rate_value": {
        "de": "{answered} von {asked} ({rate} %)",
        "en": "{answered} of {asked} ({rate}%)",
    },
    "dashboard.polls.organiser": {"de": "Organisiert von", "en": "Organised by"},
    "dashboard.polls.visibility.all": {
        "de": "Alle Gefragten",
        "en": "Everyone asked",
    },
    "dashboard.polls.visibility.organiser": {
        "de": "Nur die Organisatorin oder der Organisator",
        "en": "Only the organiser",
    },
    # the form ---------------------------------------------------------------------------
    "dashboard.polls.group_input": {
        "de": "Arbeitsgruppe (wenn eine Arbeitsgruppe gefragt wird)",
        "en": "Working group (when a working group is asked)",
    },
    "dashboard.polls.topic_input": {
        "de": "Thema (wenn die Abonnenten eines Themas gefragt werden)",
        "en": "Topic (when a topic's subscribers are asked)",
    },
    "dashboard.polls.members_input": {
        "de": "Mitgliedsnummern, z. B. „#12, #15“ (wenn ausgewählte Mitglieder gefragt werden)",
        "en": "Member numbers, e.g. “#12, #15” (when chosen members are asked)",
    },
    "dashboard.polls.options_input": {
        "de": "Terminvorschläge ({zone})",
        "en": "Candidate dates ({zone})",
    },
    "dashboard.polls.options_hint": {
        "de": "2 bis {max} Termine, durch Kommas, Semikolons oder Zeilen getrennt, wie im "
        "Chat, z. B. „{example}“. Ein Ende ist möglich: „… 10–12 Uhr“.",
        "en": "2 to {max} dates, separated by commas, semicolons or lines, as in the chat, "
        "e.g. “{example}”. An end is possible: “… 10–12 Uhr”.",
    },
    "dashboard.polls.deadline_input": {
        "de": "Abstimmen bis (vor dem ersten Vorschlag, z. B. „{example}“)",
        "en": "Vote until (before the first date, e.g. “{example}”)",
    },
    "dashboard.polls.remind_input": {
        "de": "Erinnerung an alle ohne Antwort (leer = keine)",
        "en": "Reminder to everyone without an answer (empty = none)",
    },
    "dashboard.polls.send": {"de": "Abstimmung senden", "en": "Send the poll"},
    "dashboard.polls.send_hint": {
        "de": "Jedes gefragte Mitglied bekommt eine Nachricht im Chat, in der es abstimmt; "
        "Sie werden als Organisator eingetragen.",
        "de_du": "Jedes gefragte Mitglied bekommt eine Nachricht im Chat, in der es abstimmt; "
        "du wirst als Organisator eingetragen.",
        "en": "Each member asked gets a message in their chat to vote in; you are the organiser.",
    },
    "dashboard.polls.no_member": {
        "de": "Eine Terminfindung braucht ein Mitglied als Organisator. Bitte melden Sie "
        "sich mit dem Chat-Konto Ihres Mitgliedsprofils am Dashboard an.",
        "de_du": "Eine Terminfindung braucht ein Mitglied als Organisator. Bitte melde "
        "dich mit dem Chat-Konto deines Mitgliedsprofils am Dashboard an.",
        "en": "A date poll needs a member as its organiser. Please sign in to the dashboard "
        "with the chat account of your member profile.",
    },
    # one poll ---------------------------------------------------------------------------
    "dashboard.polls.tally": {"de": "Zwischenstand", "en": "Tally"},
    "dashboard.polls.date": {"de": "Termin", "en": "Date"},
    "dashboard.polls.score": {"de": "Punkte", "en": "Score"},
    "dashboard.polls.score_short": {"de": "Punkte: {score}", "en": "score {score}"},
    "dashboard.polls.answer.y": {"de": "Ja", "en": "Yes"},
    "dashboard.polls.answer.m": {"de": "Wenn nötig", "en": "If need be"},
    "dashboard.polls.answer.n": {"de": "Nein", "en": "No"},
    "dashboard.polls.score_hint": {
        "de": "Der beste Termin steht oben: ein Ja zählt 1 Punkt, ein „Wenn nötig“ ½.",
        "en": "The best date comes first: a yes counts 1, an “if need be” ½.",
    },
    "dashboard.polls.waiting": {"de": "Noch keine Antwort von", "en": "No answer yet from"},
    "dashboard.polls.all_answered": {
        "de": "Alle Gefragten haben geantwortet.",
        "en": "Everyone asked has answered.",
    },
    "dashboard.polls.refresh": {"de": "Aktualisieren", "en": "Refresh"},
    "dashboard.polls.end": {"de": "Abstimmung beenden", "en": "End the poll"},
    "dashboard.polls.close": {
        "de": "Termin festlegen",
        "en": "Set the date",
    },
    "dashboard.polls.pick": {"de": "Welcher Termin?", "en": "Which date?"},
    "dashboard.polls.pick_date": {
        "de": "Bitte wählen Sie einen der Termine.",
        "de_du": "Bitte wähle einen der Termine.",
        "en": "Please choose one of the dates.",
    },
    "dashboard.polls.close_hint": {
        "de": "Daraus wird ein Termin: jedes Ja eine Zusage, jedes „Wenn nötig“ ein "
        "Vielleicht; alle Gefragten erfahren das Ergebnis einmal.",
        "en": "It becomes an event: every yes a yes, every “if need be” a maybe; everyone "
        "asked is told the result once.",
    },
    "dashboard.polls.create_event": {"de": "Termin anlegen", "en": "Create the event"},
    "dashboard.polls.chosen": {"de": "Gewählter Termin", "en": "Chosen date"},
    "dashboard.polls.to_event": {"de": "Termin Nr. {id}", "en": "Event no. {id}"},
    "dashboard.polls.notice.created": {
        "de": "Die Abstimmung ist unterwegs; die Stimmen erscheinen hier, sobald sie eintreffen.",
        "en": "The poll is on its way; the votes show here as they come in.",
    },
    "dashboard.polls.notice.ended": {
        "de": "Die Abstimmung ist beendet. Legen Sie jetzt den Termin fest.",
        "de_du": "Die Abstimmung ist beendet. Lege jetzt den Termin fest.",
        "en": "The poll has ended. Now set the date.",
    },
    "dashboard.polls.notice.closed": {
        "de": "Der Termin ist angelegt; alle Gefragten erfahren das Ergebnis.",
        "en": "The event is created; everyone asked is told the result.",
    },
    "dashboard.polls.notice.resubmitted": {
        "de": "Dieses Formular wurde bereits gesendet; hier ist das Ergebnis.",
        "en": "This form was already sent; here is its outcome.",
    },
}
