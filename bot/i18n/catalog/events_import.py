"""Importing calendars and keeping them in sync: why an entry was left out, subscriptions."""

MESSAGES = {
    # an entry left out: "{subject}" names it (title, UID, changed date) ---------------
    "import.skipped": {"de": "{subject}: {reason}", "en": "{subject}: {reason}"},
    "import.skip.no_start": {
        "de": "ohne DTSTART (Beginn) – im Kalenderprogramm einen Beginn eintragen",
        "en": "no DTSTART (start) – give it a start in the calendar program",
    },
    "import.skip.bad_value": {
        "de": "{name} ist kein lesbares Datum bzw. keine lesbare Regel – im Kalenderprogramm "
        "neu speichern",
        "en": "{name} cannot be read as a date or rule – save it again in the calendar program",
    },
    "import.skip.end_before_start": {
        "de": "endet vor seinem Beginn – Ende im Kalenderprogramm korrigieren",
        "en": "ends before it starts – correct the end in the calendar program",
    },
    "import.skip.change_without_uid": {
        "de": "geänderter Termin (RECURRENCE-ID) ohne UID, er lässt sich keiner Serie zuordnen",
        "en": "a changed date (RECURRENCE-ID) without UID cannot be matched to a series",
    },
    "import.skip.main_unreadable": {
        "de": "gehört zu einer Serie, deren Haupteintrag nicht lesbar ist (siehe dort)",
        "en": "belongs to a series whose main entry cannot be read (see there)",
    },
    "import.skip.duplicate": {
        "de": "zweiter Eintrag mit derselben UID ohne RECURRENCE-ID (SEQUENCE {sequence}); "
        "übernommen ist der mit SEQUENCE {kept} – den doppelten im Kalender löschen",
        "en": "a second entry with the same UID and no RECURRENCE-ID (SEQUENCE {sequence}); "
        "the one with SEQUENCE {kept} is used – delete the duplicate in the calendar",
    },
    "import.skip.older_change": {
        "de": "ältere Fassung (SEQUENCE {sequence}) einer Änderung dieses Termins; "
        "übernommen ist die mit SEQUENCE {kept}",
        "en": "an older version (SEQUENCE {sequence}) of the change of this date; "
        "the one with SEQUENCE {kept} is used",
    },
    "import.skip.unexpandable": {
        "de": "seine Termine lassen sich nicht berechnen ({reason})",
        "en": "its dates cannot be computed ({reason})",
    },
    "import.skip.too_many": {
        "de": "mehr als {max} Termine im Zeitraum, den der Bot zeigt – Regel im "
        "Kalenderprogramm prüfen",
        "en": "more than {max} dates in the span the bot shows – check the rule in the "
        "calendar program",
    },
    "import.skip.other_source": {
        "de": "die UID gehört schon zu einem Termin aus einer anderen Quelle ({source})",
        "en": "the UID already belongs to an event from another source ({source})",
    },
}
