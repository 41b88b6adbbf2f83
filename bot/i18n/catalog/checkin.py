"""Check-in at event dates: the chat's answers and the dashboard's check-in page."""

MESSAGES = {
    "checkin.help": {
        "de": "Bei einem Termin einchecken (mit dem Code vom Bildschirm am Eingang)",
        "en": "Check in at an event (with the code on the screen at the entrance)",
    },
    "checkin.usage": {
        "de": "Bitte geben Sie den Code vom Bildschirm am Eingang mit an, z. B. "
        "„/einchecken K7M4QX“. Oder scannen Sie dort den QR-Code.",
        "de_du": "Bitte gib den Code vom Bildschirm am Eingang mit an, z. B. "
        "„/einchecken K7M4QX“. Oder scanne dort den QR-Code.",
        "en": "Please add the code from the screen at the entrance, e.g. "
        "“/checkin K7M4QX”. Or scan the QR code there.",
    },
    "checkin.done": {
        "de": "✅ Sie sind eingecheckt: {title}, {when}. Willkommen!",
        "de_du": "✅ Du bist eingecheckt: {title}, {when}. Willkommen!",
        "en": "✅ You are checked in: {title}, {when}. Welcome!",
    },
    "checkin.done_walk_in": {
        "de": "✅ Sie sind eingecheckt: {title}, {when}. Schön, dass Sie spontan dabei sind!",
        "de_du": "✅ Du bist eingecheckt: {title}, {when}. Schön, dass du spontan dabei bist!",
        "en": "✅ You are checked in: {title}, {when}. Good to have you with us!",
    },
    "checkin.already": {
        "de": "Sie sind bereits eingecheckt (seit {time}): {title}. Einmal genügt – "
        "viel Freude beim Termin!",
        "de_du": "Du bist bereits eingecheckt (seit {time}): {title}. Einmal genügt – "
        "viel Freude beim Termin!",
        "en": "You are already checked in (since {time}): {title}. Once is enough – enjoy!",
    },
    "checkin.expired": {
        "de": "Dieser Code ist abgelaufen: Er wechselt alle paar Minuten. Bitte scannen Sie "
        "den QR-Code noch einmal oder geben Sie den Code ein, der jetzt am Eingang steht.",
        "de_du": "Dieser Code ist abgelaufen: Er wechselt alle paar Minuten. Bitte scanne den "
        "QR-Code noch einmal oder gib den Code ein, der jetzt am Eingang steht.",
        "en": "This code has expired: it changes every few minutes. Please scan the QR code "
        "again or type the code shown at the entrance now.",
    },
    "checkin.unknown_code": {
        "de": "Diesen Check-in-Code kenne ich nicht. Bitte prüfen Sie den Code auf dem "
        "Bildschirm am Eingang.",
        "de_du": "Diesen Check-in-Code kenne ich nicht. Bitte prüfe den Code auf dem "
        "Bildschirm am Eingang.",
        "en": "I do not know this check-in code. Please check the code on the screen at "
        "the entrance.",
    },
    "checkin.not_yet": {
        "de": "Der Check-in für diesen Termin öffnet erst am {moment}.",
        "en": "Check-in for this date opens only on {moment}.",
    },
    "checkin.closed": {
        "de": "Der Check-in für diesen Termin ist seit {moment} geschlossen.",
        "en": "Check-in for this date closed on {moment}.",
    },
    "checkin.cancelled": {
        "de": "Dieser Termin findet nicht statt; einchecken ist nicht möglich.",
        "en": "This date does not take place; checking in is not possible.",
    },
    "checkin.register_first": {
        "de": "Zum Einchecken registrieren Sie sich bitte zuerst bei {network} – das dauert "
        "eine Minute. Danach scannen Sie den QR-Code noch einmal.",
        "de_du": "Zum Einchecken registriere dich bitte zuerst bei {network} – das dauert "
        "eine Minute. Danach scanne den QR-Code noch einmal.",
        "en": "To check in, please register with {network} first – it takes a minute. "
        "Then scan the QR code again.",
    },
    # the dashboard's check-in page --------------------------------------------------------
    "dashboard.checkin.title": {"de": "Check-in", "en": "Check-in"},
    "dashboard.checkin.open": {"de": "Check-in", "en": "Check-in"},
    "dashboard.checkin.scan": {
        "de": "Mit Telegram scannen und einchecken",
        "en": "Scan with Telegram to check in",
    },
    "dashboard.checkin.qr_label": {
        "de": "QR-Code zum Einchecken mit Telegram",
        "en": "QR code to check in with Telegram",
    },
    "dashboard.checkin.code": {"de": "Oder Code eingeben", "en": "Or type the code"},
    "dashboard.checkin.code_hint": {
        "de": "Im Chat mit dem Bot: /einchecken {code} (Slack: einchecken {code})",
        "en": "In the chat with the bot: /checkin {code} (Slack: checkin {code})",
    },
    "dashboard.checkin.slack": {
        "de": "Slack öffnen (Chat mit dem Bot)",
        "en": "Open Slack (chat with the bot)",
    },
    "dashboard.checkin.no_telegram": {
        "de": "Für den QR-Code muss Telegram verbunden sein; der Code funktioniert trotzdem.",
        "en": "The QR code needs Telegram to be connected; the code works anyway.",
    },
    "dashboard.checkin.changes": {
        "de": "Der Code wechselt um {time}; diese Seite zeigt dann den neuen.",
        "en": "The code changes at {time}; this page then shows the new one.",
    },
    "dashboard.checkin.window": {
        "de": "Einchecken möglich von {opens} bis {closes}.",
        "en": "Check-in is possible from {opens} to {closes}.",
    },
    "dashboard.checkin.cancelled": {
        "de": "Dieser Termin ist abgesagt.",
        "en": "This date is cancelled.",
    },
    "dashboard.checkin.list": {"de": "Teilnehmerliste", "en": "Attendee list"},
    "dashboard.checkin.counts": {
        "de": "{checked} von {expected} Angemeldeten eingecheckt, {walk_ins} ohne Anmeldung",
        "en": "{checked} of {expected} who said yes or maybe checked in, {walk_ins} walk-ins",
    },
    "dashboard.checkin.nobody": {
        "de": "Noch keine Zusagen und keine Check-ins.",
        "en": "No answers and no check-ins yet.",
    },
    "dashboard.checkin.tick": {"de": "Einchecken", "en": "Check in"},
    "dashboard.checkin.tick_label": {
        "de": "Einchecken: {name}",
        "en": "Check in: {name}",
    },
    "dashboard.checkin.checked_at": {"de": "✓ {time}", "en": "✓ {time}"},
    "dashboard.checkin.answer.yes": {"de": "Zusage", "en": "Yes"},
    "dashboard.checkin.answer.maybe": {"de": "Vielleicht", "en": "Maybe"},
    "dashboard.checkin.answer.walk_in": {"de": "ohne Anmeldung", "en": "walk-in"},
    "dashboard.checkin.notice.checked": {
        "de": "{name} ist eingecheckt.",
        "en": "{name} is checked in.",
    },
    "dashboard.checkin.notice.already": {
        "de": "{name} war bereits eingecheckt.",
        "en": "{name} was already checked in.",
    },
    "dashboard.checkin.notice.refused": {
        "de": "Nicht eingecheckt: Der Check-in für diesen Termin ist nicht offen.",
        "en": "Not checked in: check-in for this date is not open.",
    },
}
