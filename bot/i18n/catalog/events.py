"""Events, answers, reminders, calendar feed and the event wizard."""

MESSAGES = {
    # listing ------------------------------------------------------------------------
    "events.list_title": {
        "de": "Die nächsten {count} Termine:",
        "en": "The next {count} events:",
    },
    "events.none": {
        "de": "Zurzeit sind keine Termine geplant.",
        "en": "There are no upcoming events right now.",
    },
    "events.none_topic": {
        "de": "Zu diesem Thema sind zurzeit keine Termine geplant.",
        "en": "There are no upcoming events for this topic right now.",
    },
    "events.topics_line": {"de": "Themen: {topics}", "en": "Topics: {topics}"},
    "events.recurring": {"de": "Wiederkehrender Termin", "en": "Recurring event"},
    "events.moved_note": {
        "de": "⚠️ Dieser Termin wurde verschoben.",
        "en": "⚠️ This date has been moved.",
    },
    "events.title_cancelled": {"de": "ABGESAGT: {title}", "en": "CANCELLED: {title}"},
    "events.title_changed": {"de": "{title} (geändert)", "en": "{title} (changed)"},
    "events.seats": {
        "de": "Plätze: {free} von {capacity} frei.",
        "en": "Seats: {free} of {capacity} free.",
    },
    "events.seats_waiting": {
        "de": "Auf der Warteliste: {count}.",
        "en": "On the waiting list: {count}.",
    },
    "events.admin_id": {"de": "Termin-Nr. {id}", "en": "Event no. {id}"},
    "events.format.meetup": {"de": "Treffen", "en": "Meet-up"},
    "events.format.webinar": {"de": "Webinar", "en": "Webinar"},
    "events.format.workshop": {"de": "Workshop", "en": "Workshop"},
    "events.format.demoday": {"de": "Demo Day", "en": "Demo day"},
    "events.format.conference": {"de": "Konferenz", "en": "Conference"},
    "events.format.other": {"de": "Sonstiges", "en": "Other"},
    # buttons ------------------------------------------------------------------------
    "events.btn_yes": {"de": "✅ Zusage", "en": "✅ Going"},
    "events.btn_maybe": {"de": "❔ Vielleicht", "en": "❔ Maybe"},
    "events.btn_no": {"de": "❌ Absage", "en": "❌ Not going"},
    "events.btn_ics": {"de": "📅 .ics", "en": "📅 .ics"},
    "events.btn_attendees": {"de": "👥 Teilnehmende", "en": "👥 Attendees"},
    "events.btn_list": {"de": "Termine anzeigen", "en": "Show events"},
    # answers ------------------------------------------------------------------------
    "events.answer_yes": {"de": "Danke für deine Zusage!", "en": "Thanks, you are going!"},
    "events.answer_maybe": {
        "de": "Notiert: vielleicht.",
        "en": "Noted: maybe.",
    },
    "events.answer_no": {"de": "Schade! Deine Absage ist notiert.", "en": "Noted: not going."},
    "events.answer_waitlist": {
        "de": "Der Termin ist ausgebucht. Du stehst auf Platz {position} der Warteliste; "
        "wird ein Platz frei, rückst du automatisch nach und bekommst Bescheid.",
        "en": "The event is fully booked. You are number {position} on the waiting list; "
        "if a seat frees up you move up automatically and will be told.",
    },
    "events.my_yes": {"de": "Deine Antwort: Zusage ✅", "en": "Your answer: going ✅"},
    "events.my_maybe": {"de": "Deine Antwort: vielleicht ❔", "en": "Your answer: maybe ❔"},
    "events.my_no": {"de": "Deine Antwort: Absage ❌", "en": "Your answer: not going ❌"},
    "events.my_waitlist": {
        "de": "Du stehst auf Platz {position} der Warteliste.",
        "en": "You are number {position} on the waiting list.",
    },
    "events.answer_hint": {
        "de": "Antworte mit den Knöpfen oder sieh dir mit /termine alle Termine an.",
        "en": "Answer with the buttons, or send /events to see all events.",
    },
    "events.gone": {
        "de": "Diesen Termin gibt es nicht mehr.",
        "en": "This event no longer exists.",
    },
    "events.cancelled_answer": {
        "de": "„{title}“ wurde abgesagt; Antworten sind nicht mehr möglich.",
        "en": "“{title}” has been cancelled; answers are no longer possible.",
    },
    "events.past": {
        "de": "„{title}“ hat schon begonnen; Antworten sind nicht mehr möglich.",
        "en": "“{title}” has already started; answers are no longer possible.",
    },
    "events.ics_caption": {
        "de": "„{title}“ für deinen Kalender.",
        "en": "“{title}” for your calendar.",
    },
    # notifications ------------------------------------------------------------------
    "events.notice_new": {"de": "Neuer Termin: {title}", "en": "New event: {title}"},
    "events.notice_changed": {
        "de": "Geänderter Termin: {title}",
        "en": "Event changed: {title}",
    },
    "events.notice_cancelled": {
        "de": "Abgesagt: {title}",
        "en": "Cancelled: {title}",
    },
    "events.promoted": {
        "de": "Ein Platz ist frei geworden – du bist jetzt dabei: {title}",
        "en": "A seat has become free – you are now going: {title}",
    },
    "events.reminder_title": {"de": "Erinnerung: {title}", "en": "Reminder: {title}"},
    "events.reminder_text": {"de": "Es geht {left} los.", "en": "It starts {left}."},
    # reminder settings ---------------------------------------------------------------
    "events.reminders_status": {
        "de": "Erinnerungen an deine Termine: {state}\nAuch für Termine deiner Themen: "
        "{topics}\nZeitpunkte: {offsets} vorher.\n\nÄndern: /erinnerungen an|aus, "
        "/erinnerungen themen an|aus",
        "en": "Reminders for your events: {state}\nAlso for events of your topics: "
        "{topics}\nWhen: {offsets} before.\n\nChange: /reminders on|off, "
        "/reminders topics on|off",
    },
    "events.state_on": {"de": "an", "en": "on"},
    "events.state_off": {"de": "aus", "en": "off"},
    "events.unit_d": {"de": "{n} Tag(e)", "en": "{n} day(s)"},
    "events.unit_h": {"de": "{n} Std.", "en": "{n} h"},
    "events.unit_m": {"de": "{n} Min.", "en": "{n} min"},
    "events.unit_s": {"de": "{n} Sek.", "en": "{n} s"},
    "events.reminders_on": {
        "de": "Erinnerungen sind jetzt an.",
        "en": "Reminders are now on.",
    },
    "events.reminders_off": {
        "de": "Erinnerungen sind jetzt aus.",
        "en": "Reminders are now off.",
    },
    "events.remtopics_on": {
        "de": "Du wirst jetzt auch an Termine deiner Themen erinnert.",
        "en": "You will now also be reminded of your topics' events.",
    },
    "events.remtopics_off": {
        "de": "Du wirst nur noch an Termine erinnert, denen du zugesagt hast.",
        "en": "You will only be reminded of events you answered yes or maybe to.",
    },
    "events.btn_rem_on": {"de": "Erinnerungen einschalten", "en": "Turn reminders on"},
    "events.btn_rem_off": {"de": "Erinnerungen ausschalten", "en": "Turn reminders off"},
    "events.btn_remtopics_on": {
        "de": "Auch für meine Themen erinnern",
        "en": "Also remind me of my topics",
    },
    "events.btn_remtopics_off": {
        "de": "Nicht mehr für meine Themen erinnern",
        "en": "Stop reminding me of my topics",
    },
    "events.reminders_usage": {
        "de": "So geht's: /erinnerungen, /erinnerungen an|aus oder /erinnerungen themen an|aus",
        "en": "Usage: /reminders, /reminders on|off or /reminders topics on|off",
    },
    # calendar feed ------------------------------------------------------------------
    "events.calendar_title": {"de": "Dein persönlicher Kalender", "en": "Your personal calendar"},
    "events.calendar_text": {
        "de": "Abonniere diese Adresse in Outlook, Google oder Apple Kalender – sie enthält "
        "die Termine, denen du zugesagt hast:\n{url}\n\nAlle Termine deiner Themen:\n"
        "{topics_url}\n\nDie Adresse ist geheim; gib sie nicht weiter.",
        "en": "Subscribe to this address in Outlook, Google or Apple Calendar – it contains "
        "the events you are going to:\n{url}\n\nAll events of your topics:\n{topics_url}\n\n"
        "The address is secret; do not share it.",
    },
    # admin: wizard ------------------------------------------------------------------
    "events.ask_title": {
        "de": "Neuer Termin. Wie heißt er? (/abbrechen beendet die Eingabe)",
        "en": "New event. What is its title? (/cancel stops)",
    },
    "events.ask_start": {
        "de": "Wann beginnt er? Zum Beispiel 03.12.2026 18:00 (Zeitzone {zone}).",
        "en": "When does it start? For example 2026-12-03 18:00 or 03.12.2026 18:00 "
        "(time zone {zone}).",
    },
    "events.ask_end": {
        "de": "Wie lange dauert er, oder wann endet er? Zum Beispiel 2h, 90m oder 20:00.",
        "en": "How long does it last, or when does it end? For example 2h, 90m or 20:00.",
    },
    "events.ask_location": {
        "de": "Wo findet er statt? Ort oder Online-Link, oder „-“ für keine Angabe.",
        "en": "Where does it take place? A place or an online link, or “-” for none.",
    },
    "events.ask_topics": {
        "de": "Zu welchen Themen gehört er? Tippe an und dann auf „Weiter“ "
        "(oder schreibe die Namen mit Komma, „-“ für keine).",
        "en": "Which topics does it belong to? Tap them, then “Next” "
        "(or type names separated by commas, “-” for none).",
    },
    "events.ask_format": {"de": "Welches Format?", "en": "Which format?"},
    "events.ask_capacity": {
        "de": "Wie viele Plätze gibt es? Eine Zahl, oder „-“ für unbegrenzt.",
        "en": "How many seats are there? A number, or “-” for unlimited.",
    },
    "events.ask_rrule": {
        "de": "Wiederholt sich der Termin? Wähle eine Vorlage oder schreibe eine RRULE "
        "(z. B. FREQ=MONTHLY;BYDAY=2TU).",
        "en": "Does the event repeat? Pick a preset or type an RRULE "
        "(e.g. FREQ=MONTHLY;BYDAY=2TU).",
    },
    "events.weekdays": {
        "de": "Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag,Sonntag",
        "en": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    },
    "events.rec_none": {"de": "Einmalig", "en": "Once"},
    "events.rec_monthly": {
        "de": "Monatlich am {nth} {day}",
        "en": "Monthly on the {nth} {day}",
    },
    "events.rec_monthly_last": {
        "de": "Monatlich am letzten {day}",
        "en": "Monthly on the last {day}",
    },
    "events.rec_biweekly": {"de": "Jeden zweiten {day}", "en": "Every other {day}"},
    "events.rec_weekly": {"de": "Jeden {day}", "en": "Every {day}"},
    "events.btn_next": {"de": "Weiter ➡️", "en": "Next ➡️"},
    "events.btn_create": {"de": "Anlegen", "en": "Create"},
    "events.btn_discard": {"de": "Verwerfen", "en": "Discard"},
    "events.summary": {
        "de": "Bitte prüfen:\n\nTitel: {title}\nBeginn: {start}\nEnde: {end}\nOrt: {where}\n"
        "Themen: {topics}\nFormat: {format}\nPlätze: {capacity}\nWiederholung: {rule}\n\n"
        "Anlegen?",
        "en": "Please check:\n\nTitle: {title}\nStart: {start}\nEnd: {end}\nWhere: {where}\n"
        "Topics: {topics}\nFormat: {format}\nSeats: {capacity}\nRepeats: {rule}\n\nCreate?",
    },
    "events.created": {
        "de": "Der Termin „{title}“ ist angelegt (Nr. {id}). Abonnenten der Themen werden "
        "benachrichtigt.",
        "en": "The event “{title}” has been created (no. {id}). Topic subscribers are "
        "being notified.",
    },
    "events.wizard_stale": {
        "de": "Diese Auswahl gehört zu keiner laufenden Termin-Eingabe. Starte mit /neuertermin.",
        "en": "This choice belongs to no event input in progress. Start with /newevent.",
    },
    "events.bad_start": {
        "de": "„{value}“ verstehe ich nicht als Datum mit Uhrzeit. Bitte so: 03.12.2026 18:00 "
        "oder 2026-12-03 18:00.",
        "en": "I cannot read “{value}” as a date and time. Please write it like "
        "2026-12-03 18:00 or 03.12.2026 18:00.",
    },
    "events.start_past": {
        "de": "Dieser Zeitpunkt liegt in der Vergangenheit.",
        "en": "That moment is in the past.",
    },
    "events.bad_end_input": {
        "de": "„{value}“ passt nicht: bitte eine Dauer wie 2h oder 90m, eine Uhrzeit nach dem "
        "Beginn wie 20:00 oder ein Datum mit Uhrzeit.",
        "en": "“{value}” does not fit: please enter a duration like 2h or 90m, a time after the "
        "start like 20:00, or a date and time.",
    },
    "events.bad_end": {
        "de": "Das Ende muss nach dem Beginn liegen, und ein Termin dauert höchstens 14 Tage.",
        "en": "The end must be after the start, and an event lasts 14 days at most.",
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
        "de": "Bitte eine ganze Zahl ab 1 oder „-“ für unbegrenzt.",
        "en": "Please enter a whole number from 1, or “-” for unlimited.",
    },
    "events.bad_timezone": {"de": "Unbekannte Zeitzone {zone}.", "en": "Unknown time zone {zone}."},
    "events.bad_rrule": {
        "de": "„{rule}“ ist keine Wiederholungsregel, die ich kenne. Beispiel: "
        "FREQ=MONTHLY;BYDAY=2TU oder FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. „-“ für einmalig.",
        "en": "“{rule}” is not a recurrence rule I know. Example: FREQ=MONTHLY;BYDAY=2TU "
        "or FREQ=WEEKLY;INTERVAL=2;BYDAY=TH. “-” for once.",
    },
    # admin: cancel, attendees -------------------------------------------------------
    "events.cancel_usage": {
        "de": "So geht's: /terminabsagen NR (ganzer Termin) oder /terminabsagen NR DATUM "
        "(ein Termin einer Serie, z. B. 08.12.2026). Die Nr. steht unter /termine.",
        "en": "Usage: /cancelevent NO (whole event) or /cancelevent NO DATE (one date of a "
        "series, e.g. 2026-12-08). The number is shown in /events.",
    },
    "events.attendees_usage": {
        "de": "So geht's: /teilnehmer NR [DATUM]",
        "en": "Usage: /attendees NO [DATE]",
    },
    "events.unknown_id": {
        "de": "Einen Termin Nr. {id} gibt es nicht.",
        "en": "There is no event no. {id}.",
    },
    "events.bad_day": {
        "de": "„{value}“ ist kein Datum wie 08.12.2026.",
        "en": "“{value}” is not a date like 2026-12-08.",
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
    "help.events": {
        "de": "Kommende Termine, optional zu einem Thema",
        "en": "Upcoming events, optionally for one topic",
    },
    "help.reminders": {"de": "Erinnerungen an- oder ausschalten", "en": "Turn reminders on or off"},
    "help.calendar": {
        "de": "Deine Kalender-Adresse zum Abonnieren",
        "en": "Your calendar address to subscribe to",
    },
    "help.newevent": {"de": "Termin anlegen", "en": "Create an event"},
    "help.cancelevent": {
        "de": "Termin oder einen Termin einer Serie absagen",
        "en": "Cancel an event or one date of a series",
    },
    "help.attendees": {"de": "Teilnehmerliste eines Termins", "en": "Attendee list of an event"},
}
