"""Messages to an event's people (those who said yes, maybe, wait for a seat, or answered):
what they get, the form on the event card, the refusals, and the dashboard's page."""

MESSAGES = {
    # what the people get --------------------------------------------------------------
    "event_message.title": {"de": "📅 Zu {event}", "en": "📅 About {event}"},
    "event_message.footer": {
        "de": "Sie erhalten diese Nachricht, weil Sie auf die Einladung zu diesem Termin "
        "geantwortet haben.",
        "de_du": "Du erhältst diese Nachricht, weil du auf die Einladung zu diesem Termin "
        "geantwortet hast.",
        "en": "You receive this message because you answered the invitation to this date.",
    },
    # the audience in words and as a choice --------------------------------------------
    "event_message.audience.yes": {"de": "Zusagen zu {event}", "en": "yes answers to {event}"},
    "event_message.audience.maybe": {
        "de": "„Vielleicht“-Antworten zu {event}",
        "en": "“maybe” answers to {event}",
    },
    "event_message.audience.waitlist": {
        "de": "Warteliste von {event}",
        "en": "waiting list of {event}",
    },
    "event_message.audience.answered": {
        "de": "alle, die zu {event} geantwortet haben",
        "en": "everyone who answered {event}",
    },
    "event_message.people.yes": {"de": "Zusagen", "en": "Yes answers"},
    "event_message.people.maybe": {"de": "Vielleicht", "en": "Maybe"},
    "event_message.people.waitlist": {"de": "Warteliste", "en": "Waiting list"},
    "event_message.people.answered": {
        "de": "Alle, die geantwortet haben (auch Absagen)",
        "en": "Everyone who answered (no included)",
    },
    "event_message.people_count": {"de": "{people} ({count})", "en": "{people} ({count})"},
    # the form on the event card ---------------------------------------------------------
    "event_message.btn_write": {"de": "✉️ An Teilnehmende", "en": "✉️ Write to attendees"},
    "event_message.form_title": {"de": "Nachricht an Teilnehmende", "en": "Message attendees"},
    "event_message.ask_people": {
        "de": "An wen soll die Nachricht zu {event} gehen?",
        "en": "Who should get the message about {event}?",
    },
    "event_message.label.people": {"de": "Empfänger", "en": "Recipients"},
    "event_message.ask_text": {
        "de": "Ihr Text an {audience} (höchstens {max} Zeichen):",
        "de_du": "Dein Text an {audience} (höchstens {max} Zeichen):",
        "en": "Your text to {audience} (at most {max} characters):",
    },
    "event_message.stale": {
        "de": "Dieser Knopf gehört zu keiner offenen Nachricht an Teilnehmende mehr. Neu "
        "beginnen: /termine, dann auf der Karte des Termins „✉️ An Teilnehmende“.",
        "en": "This button no longer belongs to an open message to attendees. Start again: "
        "/events, then “✉️ Write to attendees” on the event's card.",
    },
    "event_message.preview_count": {
        "de": "☝️ So kommt die Nachricht an.\n\nEmpfänger: {count} ({audience}) – {platforms}.",
        "en": "☝️ This is how the message will arrive.\n\nRecipients: {count} ({audience}) – "
        "{platforms}.",
    },
    "event_message.preview_nobody": {
        "de": "☝️ So sähe die Nachricht aus – aber zurzeit würde sie niemand erhalten "
        "({audience}). Es wird nichts verschickt, solange niemand so geantwortet hat.",
        "en": "☝️ This is how the message would look – but nobody would receive it now "
        "({audience}). Nothing is sent while nobody answered that way.",
    },
    # refusals ------------------------------------------------------------------------------
    "event_message.gone": {
        "de": "Den Termin Nr. {id} gibt es nicht (mehr).",
        "en": "Event no. {id} does not exist (any more).",
    },
    "event_message.cancelled": {
        "de": "„{title}“ ist an diesem Termin abgesagt; dazu wird keine Nachricht verschickt.",
        "en": "“{title}” is cancelled on this date; no message is sent about it.",
    },
    "event_message.no_such_date": {
        "de": "„{title}“ hat an diesem Tag keinen Termin.",
        "en": "“{title}” has no date on that day.",
    },
    "event_message.bad_people": {
        "de": "Unbekannte Empfänger „{people}“: yes, maybe, waitlist oder answered.",
        "en": "Unknown recipients “{people}”: yes, maybe, waitlist or answered.",
    },
    "event_message.not_allowed": {
        "de": "An die Teilnehmenden eines Termins schreiben das Netzwerk-Team und die "
        "Moderatoren seines Arbeitskreises.",
        "en": "The network team and the moderators of its working group write to an "
        "event's attendees.",
    },
    "event_message.nobody": {
        "de": "Zu diesem Termin hat niemand so geantwortet; es wurde nichts verschickt.",
        "en": "Nobody answered this date that way; nothing was sent.",
    },
    # the dashboard --------------------------------------------------------------------------
    "dashboard.events.write": {"de": "An Teilnehmende schreiben", "en": "Write to attendees"},
    "dashboard.event_message.title": {
        "de": "Nachricht an Teilnehmende: {title}",
        "en": "Message to attendees: {title}",
    },
    "dashboard.event_message.date": {"de": "Termin", "en": "Date"},
    "dashboard.event_message.people": {"de": "Empfänger", "en": "Recipients"},
    "dashboard.event_message.no_dates": {
        "de": "Dieser Termin hat keine kommenden Daten, an deren Teilnehmende geschrieben "
        "werden kann.",
        "en": "This event has no coming dates whose attendees could be written to.",
    },
}
