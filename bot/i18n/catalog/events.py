"""Events for members: listing, answers, notices, reminders and the calendar feed.

The network team's texts (wizard, cancelling, attendees, recurrence in words) are in
``events_admin.py``.
"""

MESSAGES = {
    # listing ------------------------------------------------------------------------
    "events.list_title": {
        "de": "{n, plural, one {Der nächste Termin:} other {Die nächsten # Termine:}}",
        "en": "{n, plural, one {The next event:} other {The next # events:}}",
    },
    "events.list_title_topic": {
        "de": "{n, plural, one {Der nächste Termin} other {Die nächsten # Termine}} "
        "zum Thema „{topic}“:",
        "en": "{n, plural, one {The next event} other {The next # events}} on “{topic}”:",
    },
    "events.none": {
        "de": "Zurzeit sind keine Termine geplant.",
        "en": "There are no upcoming events right now.",
    },
    "events.none_topic": {
        "de": "Zum Thema „{topic}“ sind zurzeit keine Termine geplant.",
        "en": "There are no upcoming events on “{topic}” right now.",
    },
    "events.topics_line": {"de": "Themen: {topics}", "en": "Topics: {topics}"},
    "events.recurring": {"de": "Wiederkehrender Termin", "en": "Recurring event"},
    "events.all_day": {"de": "ganztägig", "en": "all day"},
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
    "events.number": {"de": "Nr. {id}", "en": "No. {id}"},
    "events.card_series_answer": {
        "de": "🔁 Eine Zusage gilt nur für diesen Termin der Reihe, nicht für die weiteren.",
        "en": "🔁 An answer counts for this date of the series only, not for the others.",
    },
    "events.card_number": {"de": "Termin Nr. {id}", "en": "Event no. {id}"},
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
    "events.answer_yes": {
        "de": "Danke für Ihre Zusage!",
        "de_du": "Danke für deine Zusage!",
        "en": "Thanks, you are going!",
    },
    "events.answer_maybe": {"de": "Notiert: vielleicht.", "en": "Noted: maybe."},
    "events.answer_no": {
        "de": "Ihre Absage ist notiert.",
        "de_du": "Deine Absage ist notiert.",
        "en": "Noted: not going.",
    },
    "events.answer_waitlist": {
        "de": "Der Termin ist ausgebucht. Sie stehen auf Platz {position} der Warteliste; "
        "wird ein Platz frei, rücken Sie automatisch nach und bekommen Bescheid.",
        "de_du": "Der Termin ist ausgebucht. Du stehst auf Platz {position} der Warteliste; "
        "wird ein Platz frei, rückst du automatisch nach und bekommst Bescheid.",
        "en": "The event is fully booked. You are number {position} on the waiting list; "
        "if a seat frees up you move up automatically and will be told.",
    },
    "events.my_yes": {
        "de": "Ihre Antwort: Zusage ✅",
        "de_du": "Deine Antwort: Zusage ✅",
        "en": "Your answer: going ✅",
    },
    "events.my_maybe": {
        "de": "Ihre Antwort: vielleicht ❔",
        "de_du": "Deine Antwort: vielleicht ❔",
        "en": "Your answer: maybe ❔",
    },
    "events.my_no": {
        "de": "Ihre Antwort: Absage ❌",
        "de_du": "Deine Antwort: Absage ❌",
        "en": "Your answer: not going ❌",
    },
    "events.my_waitlist": {
        "de": "Sie stehen auf Platz {position} der Warteliste.",
        "de_du": "Du stehst auf Platz {position} der Warteliste.",
        "en": "You are number {position} on the waiting list.",
    },
    "events.answer_hint": {
        "de": "Antworten Sie mit den Knöpfen oder sehen Sie sich mit /termine alle Termine an.",
        "de_du": "Antworte mit den Knöpfen oder sieh dir mit /termine alle Termine an.",
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
        "de": "„{title}“ für Ihren Kalender.",
        "de_du": "„{title}“ für deinen Kalender.",
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
        "de": "Ein Platz ist frei geworden – Sie sind jetzt dabei: {title}",
        "de_du": "Ein Platz ist frei geworden – du bist jetzt dabei: {title}",
        "en": "A seat has become free – you are now going: {title}",
    },
    "events.reminder_title": {"de": "Erinnerung: {title}", "en": "Reminder: {title}"},
    "events.reminder_text": {"de": "Es geht {left} los.", "en": "It starts {left}."},
    "events.reminder_text_all_day": {
        "de": "Der ganztägige Termin ist am {day}.",
        "en": "The all-day event is on {day}.",
    },
    # reminder settings ---------------------------------------------------------------
    "events.reminders_status": {
        "de": "Erinnerungen an Termine, auf die Sie mit Zusage oder Vielleicht geantwortet "
        "haben: {state}\nAuch für alle Termine Ihrer Themen: {topics}\nZeitpunkte: {offsets} "
        "vorher; bei ganztägigen Terminen am Vortag um {hour} Uhr.\n\nÄndern: "
        "/erinnerungen an|aus, /erinnerungen themen an|aus",
        "de_du": "Erinnerungen an Termine, auf die du mit Zusage oder Vielleicht geantwortet "
        "hast: {state}\nAuch für alle Termine deiner Themen: {topics}\nZeitpunkte: {offsets} "
        "vorher; bei ganztägigen Terminen am Vortag um {hour} Uhr.\n\nÄndern: "
        "/erinnerungen an|aus, /erinnerungen themen an|aus",
        "en": "Reminders for events you answered yes or maybe to: {state}\nAlso for all "
        "events of your topics: {topics}\nWhen: {offsets} before; for all-day events the day "
        "before at {hour}:00.\n\nChange: /reminders on|off, /reminders topics on|off",
    },
    "events.state_on": {"de": "an", "en": "on"},
    "events.state_off": {"de": "aus", "en": "off"},
    "events.reminders_on": {
        "de": "Erinnerungen sind jetzt an.",
        "en": "Reminders are now on.",
    },
    "events.reminders_off": {
        "de": "Erinnerungen sind jetzt aus.",
        "en": "Reminders are now off.",
    },
    "events.remtopics_on": {
        "de": "Sie werden jetzt auch an alle Termine Ihrer Themen erinnert.",
        "de_du": "Du wirst jetzt auch an alle Termine deiner Themen erinnert.",
        "en": "You will now also be reminded of all events of your topics.",
    },
    "events.remtopics_off": {
        "de": "Sie werden nur noch an Termine erinnert, auf die Sie mit Zusage oder "
        "Vielleicht geantwortet haben.",
        "de_du": "Du wirst nur noch an Termine erinnert, auf die du mit Zusage oder "
        "Vielleicht geantwortet hast.",
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
    "events.calendar_title": {
        "de": "Ihr persönlicher Kalender",
        "de_du": "Dein persönlicher Kalender",
        "en": "Your personal calendar",
    },
    "events.calendar_text": {
        "de": "Abonnieren Sie diese Adresse in Outlook, Google oder Apple Kalender; sie enthält "
        "die Termine, auf die Sie mit Zusage oder Vielleicht geantwortet haben:\n{url}\n\n"
        "Alle Termine Ihrer Themen:\n{topics_url}\n\nDie Adresse ist geheim; bitte geben Sie "
        "sie nicht weiter.",
        "de_du": "Abonniere diese Adresse in Outlook, Google oder Apple Kalender; sie enthält "
        "die Termine, auf die du mit Zusage oder Vielleicht geantwortet hast:\n{url}\n\n"
        "Alle Termine deiner Themen:\n{topics_url}\n\nDie Adresse ist geheim; bitte gib sie "
        "nicht weiter.",
        "en": "Subscribe to this address in Outlook, Google or Apple Calendar; it contains "
        "the events you answered yes or maybe to:\n{url}\n\nAll events of your topics:\n"
        "{topics_url}\n\nThe address is secret; please do not share it.",
    },
    "events.calendar_unavailable": {
        "de": "Der Kalender zum Abonnieren ist noch nicht verfügbar: Das Netzwerk-Team muss "
        "ihn erst einrichten. Bis dahin bekommen Sie jeden Termin mit dem Knopf „.ics“ "
        "unter /termine.",
        "de_du": "Der Kalender zum Abonnieren ist noch nicht verfügbar: Das Netzwerk-Team muss "
        "ihn erst einrichten. Bis dahin bekommst du jeden Termin mit dem Knopf „.ics“ "
        "unter /termine.",
        "en": "The calendar to subscribe to is not available yet: the network team has to "
        "set it up first. Until then, the “.ics” button under /events gives you each event.",
    },
    "events.calendar_setup": {
        "de": "Für das Netzwerk-Team: Der Kalender braucht den HTTP-Server des Bots unter einer "
        "öffentlichen Adresse. Setzen Sie KNOTENPUNKT_PUBLIC_URL (z. B. "
        "https://bot.example.org), leiten Sie im Reverse Proxy /calendar/ an den Bot weiter "
        "und starten Sie ihn neu. Der HTTP-Server läuft, sobald Telegram oder Slack "
        "eingerichtet ist, in der Konsole mit „knotenpunkt run --http“.",
        "de_du": "Für das Netzwerk-Team: Der Kalender braucht den HTTP-Server des Bots unter "
        "einer öffentlichen Adresse. Setze KNOTENPUNKT_PUBLIC_URL (z. B. "
        "https://bot.example.org), leite im Reverse Proxy /calendar/ an den Bot weiter und "
        "starte ihn neu. Der HTTP-Server läuft, sobald Telegram oder Slack eingerichtet ist, "
        "in der Konsole mit „knotenpunkt run --http“.",
        "en": "For the network team: the calendar needs the bot's HTTP server at a public "
        "address. Set KNOTENPUNKT_PUBLIC_URL (e.g. https://bot.example.org), forward "
        "/calendar/ to the bot in the reverse proxy and restart it. The HTTP server runs "
        "once Telegram or Slack is set up, in the console with “knotenpunkt run --http”.",
    },
    # help ---------------------------------------------------------------------------
    "help.events": {
        "de": "Kommende Termine, optional zu einem Thema",
        "en": "Upcoming events, optionally for one topic",
    },
    "help.reminders": {"de": "Erinnerungen an- oder ausschalten", "en": "Turn reminders on or off"},
    "help.calendar": {
        "de": "Ihre Kalender-Adresse zum Abonnieren",
        "de_du": "Deine Kalender-Adresse zum Abonnieren",
        "en": "Your calendar address to subscribe to",
    },
}
