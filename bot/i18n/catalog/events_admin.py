"""Events for the network team: the wizard, cancelling, attendees, recurrence in words."""

MESSAGES = {
    # wizard -------------------------------------------------------------------------
    "events.ask_title": {
        "de": "Neuer Termin. Wie heißt er? (/abbrechen beendet die Eingabe)",
        "en": "New event. What is its title? (/cancel stops)",
    },
    "events.ask_start": {
        "de": "Wann beginnt er? Datum und Uhrzeit, z. B. {ex_datetime} oder "
        "{ex_datetime_iso} (Zeitzone {zone}).",
        "en": "When does it start? Date and time, e.g. {ex_datetime_iso} or {ex_datetime} "
        "(time zone {zone}).",
    },
    "events.ask_end": {
        "de": "Wie lange dauert er, oder wann endet er? Zum Beispiel 2h, 90m oder 20:00.",
        "en": "How long does it last, or when does it end? For example 2h, 90m or 20:00.",
    },
    "events.ask_where": {
        "de": "Wo findet er statt? Ort oder Online-Link, oder „-“ für keine Angabe.",
        "en": "Where does it take place? A place or an online link, or “-” for none.",
    },
    "events.ask_topics": {
        "de": "Zu welchen Themen gehört er? Tippen Sie die Themen an und dann auf „Weiter“ "
        "(oder schreiben Sie die Namen mit Komma, „-“ für keine).",
        "de_du": "Zu welchen Themen gehört er? Tippe die Themen an und dann auf „Weiter“ "
        "(oder schreibe die Namen mit Komma, „-“ für keine).",
        "en": "Which topics does it belong to? Tap them, then “Next” "
        "(or type names separated by commas, “-” for none).",
    },
    "events.ask_format": {"de": "Welches Format?", "en": "Which format?"},
    "events.ask_capacity": {
        "de": "Wie viele Plätze gibt es? Eine Zahl wie 30, oder „unbegrenzt“.",
        "en": "How many seats are there? A number like 30, or “unlimited”.",
    },
    "events.ask_repeat": {
        "de": "Wiederholt sich der Termin?",
        "en": "Does the event repeat?",
    },
    "events.ask_description": {
        "de": "Möchten Sie eine Beschreibung hinzufügen, etwa Programm, Anmeldung oder "
        "Anfahrt? Schreiben Sie sie (gern mehrere Zeilen), oder „-“ für keine.",
        "de_du": "Möchtest du eine Beschreibung hinzufügen, etwa Programm, Anmeldung oder "
        "Anfahrt? Schreib sie (gern mehrere Zeilen), oder „-“ für keine.",
        "en": "Would you like to add a description, such as the programme, how to register "
        "or how to get there? Write it (several lines are fine), or “-” for none.",
    },
    "events.ask_group": {
        "de": "Gehört der Termin zu einer Arbeitsgruppe? Ihre Mitglieder werden dann "
        "benachrichtigt.",
        "en": "Does the event belong to a working group? Its members are then notified.",
    },
    "events.form_title": {"de": "Neuer Termin", "en": "New event"},
    "events.label_title": {"de": "Titel", "en": "Title"},
    "events.label_start": {"de": "Beginn", "en": "Start"},
    "events.label_end": {"de": "Ende", "en": "End"},
    "events.label_where": {"de": "Ort", "en": "Where"},
    "events.label_topics": {"de": "Themen", "en": "Topics"},
    "events.label_group": {"de": "Arbeitsgruppe", "en": "Working group"},
    "events.label_format": {"de": "Format", "en": "Format"},
    "events.label_capacity": {"de": "Plätze", "en": "Seats"},
    "events.label_repeat": {"de": "Wiederholung", "en": "Repeats"},
    "events.label_description": {"de": "Beschreibung", "en": "Description"},
    "events.repeat.none": {"de": "Einmalig", "en": "Once"},
    "events.repeat.monthly": {
        "de": "Monatlich (am selben Wochentag)",
        "en": "Monthly (on the same weekday)",
    },
    "events.repeat.biweekly": {"de": "Alle zwei Wochen", "en": "Every two weeks"},
    "events.repeat.weekly": {"de": "Wöchentlich", "en": "Weekly"},
    "events.btn_create": {"de": "Anlegen", "en": "Create"},
    "events.btn_discard": {"de": "Verwerfen", "en": "Discard"},
    "events.unlimited": {"de": "unbegrenzt", "en": "unlimited"},
    "events.preview": {
        "de": "Bitte prüfen:\n\n{listing}\n\nAnlegen?",
        "en": "Please check:\n\n{listing}\n\nCreate?",
    },
    "events.created": {
        "de": "Der Termin „{title}“ ist angelegt (Nr. {id}).",
        "en": "The event “{title}” has been created (no. {id}).",
    },
    "events.created_notify": {
        "de": "Wer die Themen abonniert hat, wird benachrichtigt.",
        "en": "Topic subscribers are being notified.",
    },
    # checks (shared by the wizard and the CLI) ---------------------------------------
    "events.start_past": {
        "de": "Dieser Zeitpunkt liegt in der Vergangenheit.",
        "en": "That moment is in the past.",
    },
    "events.too_far": {
        "de": "Das liegt zu weit in der Zukunft: Termine lassen sich höchstens {days} Tage im "
        "Voraus anlegen, damit sie in allen Listen erscheinen.",
        "en": "That is too far ahead: events can be created at most {days} days in advance, "
        "so that every list shows them.",
    },
    "events.end_before_start": {
        "de": "Das Ende muss nach dem Beginn liegen.",
        "en": "The end must be after the start.",
    },
    "events.too_long": {
        "de": "Ein Termin dauert höchstens {days} Tage.",
        "en": "An event lasts {days} days at most.",
    },
    "events.bad_title": {
        "de": "Der Titel braucht 2 bis {max} Zeichen.",
        "en": "The title needs 2 to {max} characters.",
    },
    "events.bad_location": {
        "de": "Der Ort darf höchstens {max} Zeichen in einer Zeile haben.",
        "en": "The place may have at most {max} characters on one line.",
    },
    "events.bad_url": {
        "de": "Ein Link muss mit https:// oder http:// beginnen.",
        "en": "A link must start with https:// or http://.",
    },
    "events.bad_format": {
        "de": "Unbekanntes Format. Möglich: {formats}.",
        "en": "Unknown format. Possible: {formats}.",
    },
    "events.bad_capacity": {
        "de": "Bitte eine ganze Zahl von 1 bis {max} oder „unbegrenzt“.",
        "en": "Please enter a whole number from 1 to {max}, or “unlimited”.",
    },
    "events.bad_repeat": {
        "de": "„{value}“ verstehe ich nicht als Wiederholung. Möglich: einmalig, monatlich, "
        "alle zwei Wochen oder wöchentlich.",
        "en": "I cannot read “{value}” as a repetition. Possible: once, monthly, every two "
        "weeks or weekly.",
    },
    "events.end_needs_start": {
        "de": "Bitte zuerst den Beginn angeben.",
        "en": "Please give the start first.",
    },
    "events.bad_timezone": {"de": "Unbekannte Zeitzone {zone}.", "en": "Unknown time zone {zone}."},
    "events.bad_rrule": {
        "de": "„{rule}“ ist keine Wiederholungsregel, die ich kenne. Beispiel: "
        "FREQ=MONTHLY;BYDAY=2TU oder FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. „-“ für einmalig.",
        "en": "“{rule}” is not a recurrence rule I know. Example: FREQ=MONTHLY;BYDAY=2TU "
        "or FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. “-” for once.",
    },
    # recurrence in words --------------------------------------------------------------
    "events.weekdays": {
        "de": "Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag,Sonntag",
        "en": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    },
    "events.rec_none": {"de": "Einmalig", "en": "Once"},
    "events.rec_weekly": {"de": "Jeden {day}", "en": "Every {day}"},
    "events.rec_biweekly": {"de": "Jeden zweiten {day}", "en": "Every other {day}"},
    "events.rule.daily": {
        "de": "{n, plural, one {Täglich} other {Alle # Tage}}",
        "en": "{n, plural, one {Every day} other {Every # days}}",
    },
    "events.rule.weekly": {
        "de": "{n, plural, one {Wöchentlich} other {Alle # Wochen}}",
        "en": "{n, plural, one {Weekly} other {Every # weeks}}",
    },
    "events.rule.monthly": {
        "de": "{n, plural, one {Monatlich} other {Alle # Monate}}",
        "en": "{n, plural, one {Monthly} other {Every # months}}",
    },
    "events.rule.yearly": {
        "de": "{n, plural, one {Jährlich} other {Alle # Jahre}}",
        "en": "{n, plural, one {Every year} other {Every # years}}",
    },
    "events.rule.on": {"de": "{every} am {what}", "en": "{every} on {what}"},
    "events.rule.nth_day": {"de": "{nth} {day}", "en": "the {nth} {day}"},
    "events.rule.last": {"de": "letzten", "en": "last"},
    "events.rule.second_last": {"de": "vorletzten", "en": "second to last"},
    "events.rule.month_day": {"de": "{day}.", "en": "day {day}"},
    "events.rule.count": {
        "de": "{n, plural, one {# Termin} other {# Termine}}",
        "en": "{n, plural, one {# date} other {# dates}}",
    },
    "events.rule.until": {"de": "bis {day}", "en": "until {day}"},
    "events.rule.custom": {"de": "Nach der Regel {rule}", "en": "By the rule {rule}"},
    # cancel, attendees ---------------------------------------------------------------
    "events.cancel_usage": {
        "de": "So geht's: /terminabsagen NR (ganzer Termin) oder /terminabsagen NR DATUM "
        "(ein Termin einer Serie, z. B. {ex_date}). Die Nr. steht unter /termine.",
        "en": "Usage: /cancelevent NO (whole event) or /cancelevent NO DATE (one date of a "
        "series, e.g. {ex_date_iso}). The number is shown in /events.",
    },
    "events.cancel_confirm_all": {
        "de": "„{title}“ ganz absagen, mit allen kommenden Terminen (der nächste: {when})?",
        "en": "Cancel “{title}” entirely, with all coming dates (the next: {when})?",
    },
    "events.cancel_confirm_date": {
        "de": "„{title}“ am {when} absagen?",
        "en": "Cancel “{title}” on {when}?",
    },
    "events.cancel_confirm_yes": {
        "de": "{n, plural, one {# Person hat} other {# Personen haben}} zugesagt. Alle mit "
        "Zusage oder Vielleicht werden benachrichtigt.",
        "en": "{n, plural, one {# person} other {# people}} said yes. Everyone who said yes or "
        "maybe will be told.",
    },
    "events.btn_cancel_yes": {"de": "Ja, absagen", "en": "Yes, cancel"},
    "events.btn_cancel_no": {"de": "Nein, behalten", "en": "No, keep it"},
    "events.cancel_kept": {
        "de": "Nichts abgesagt; der Termin bleibt bestehen.",
        "en": "Nothing cancelled; the event stays.",
    },
    "events.attendees_usage": {
        "de": "So geht's: /teilnehmer NR [DATUM], z. B. /teilnehmer 3 {ex_date}. Die Nr. "
        "steht unter /termine.",
        "en": "Usage: /attendees NO [DATE], e.g. /attendees 3 {ex_date_iso}. The number is "
        "shown in /events.",
    },
    "events.unknown_id": {
        "de": "Einen Termin Nr. {id} gibt es nicht.",
        "en": "There is no event no. {id}.",
    },
    "events.bad_day": {
        "de": "„{value}“ ist kein Datum wie {ex_date}.",
        "en": "“{value}” is not a date like {ex_date_iso}.",
    },
    "events.no_date": {
        "de": "„{title}“ findet am {day} nicht statt.",
        "en": "“{title}” does not take place on {day}.",
    },
    "events.no_upcoming": {
        "de": "„{title}“ hat keine kommenden Termine.",
        "en": "“{title}” has no upcoming dates.",
    },
    "events.already_cancelled": {
        "de": "„{title}“ ist schon abgesagt.",
        "en": "“{title}” is already cancelled.",
    },
    "events.cancelled_done": {
        "de": "„{title}“ ist abgesagt. Alle mit Zusage oder Vielleicht werden benachrichtigt.",
        "en": "“{title}” is cancelled. Everyone who said yes or maybe is being notified.",
    },
    "events.cancelled_date": {
        "de": "„{title}“ am {when} ist abgesagt. Alle mit Zusage oder Vielleicht werden "
        "benachrichtigt.",
        "en": "“{title}” on {when} is cancelled. Everyone who said yes or maybe is being notified.",
    },
    "events.att_title": {"de": "Teilnehmende: {title}", "en": "Attendees: {title}"},
    "events.att_yes": {"de": "Zusagen ({count}):", "en": "Going ({count}):"},
    "events.att_waitlist": {"de": "Warteliste ({count}):", "en": "Waiting list ({count}):"},
    "events.att_maybe": {"de": "Vielleicht ({count}):", "en": "Maybe ({count}):"},
    "events.att_no": {"de": "Absagen ({count}):", "en": "Not going ({count}):"},
    "events.att_nobody": {"de": "– niemand –", "en": "– nobody –"},
    # help ---------------------------------------------------------------------------
    "help.newevent": {"de": "Termin anlegen", "en": "Create an event"},
    "help.cancelevent": {
        "de": "Termin oder einen Termin einer Serie absagen",
        "en": "Cancel an event or one date of a series",
    },
    "help.attendees": {"de": "Teilnehmende eines Termins", "en": "Attendees of an event"},
}
