"""The one-message list of dates (``/termine``) and the event card opened from it."""

MESSAGES = {
    "events.list_page_title": {
        "de": "Weitere Termine (Seite {page}):",
        "en": "More events (page {page}):",
    },
    "events.list_hint": {
        "de": "Tippen Sie auf einen Termin: Einzelheiten, Ihre Antwort und die .ics-Datei.",
        "de_du": "Tippe auf einen Termin: Einzelheiten, deine Antwort und die .ics-Datei.",
        "en": "Tap a date for the details, your answer and the .ics file.",
    },
    "events.list_mine_yes": {"de": "✅ zugesagt", "en": "✅ going"},
    "events.list_mine_maybe": {"de": "❔ vielleicht", "en": "❔ maybe"},
    "events.list_mine_no": {"de": "❌ abgesagt", "en": "❌ not going"},
    "events.list_mine_waitlist": {"de": "⏳ auf der Warteliste", "en": "⏳ on the waiting list"},
    "events.list_seats": {
        "de": "noch {n, plural, one {# Platz} other {# Plätze}} frei",
        "en": "{n, plural, one {# seat} other {# seats}} left",
    },
    "events.list_full": {"de": "ausgebucht", "en": "fully booked"},
    "events.btn_more": {"de": "mehr ▸", "en": "more ▸"},
    "events.btn_previous": {"de": "◂ zurück", "en": "◂ back"},
    "events.btn_to_list": {"de": "◂ Zur Liste", "en": "◂ Back to the list"},
    "events.btn_details": {"de": "Einzelheiten", "en": "Details"},
}
