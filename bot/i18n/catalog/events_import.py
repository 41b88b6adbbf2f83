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
    # subscriptions ------------------------------------------------------------------
    "import.every_bad": {
        "de": "„{value}“ ist kein Abstand zwischen 5m und 7d, z. B. 15m, 1h oder 1d.",
        "en": "“{value}” is not an interval between 5m and 7d, e.g. 15m, 1h or 1d.",
    },
    "import.url_bad": {
        "de": "Abonnieren lässt sich nur eine Adresse mit http://, https:// oder webcal://.",
        "en": "Only an address with http://, https:// or webcal:// can be subscribed to.",
    },
    # the dashboard's import page ------------------------------------------------------
    "dashboard.import.every": {"de": "Abgleichen", "en": "Keep in sync"},
    "dashboard.import.every.once": {"de": "nur jetzt, einmal", "en": "just now, once"},
    "dashboard.import.every.15m": {"de": "alle 15 Minuten", "en": "every 15 minutes"},
    "dashboard.import.every.1h": {"de": "stündlich", "en": "every hour"},
    "dashboard.import.every.6h": {"de": "alle 6 Stunden", "en": "every 6 hours"},
    "dashboard.import.every.1d": {"de": "täglich", "en": "every day"},
    "dashboard.import.every_hint": {
        "de": "Ein abonnierter Kalender wird regelmäßig abgerufen, solange der Bot läuft: "
        "neue, geänderte, verschobene und gelöschte Termine folgen ihm. Schlägt ein Abruf "
        "fehl, ändert sich nichts; er wird mit wachsenden Pausen wiederholt.",
        "en": "A subscribed calendar is fetched regularly while the bot runs: new, changed, "
        "moved and deleted dates follow it. A failing fetch changes nothing and is tried "
        "again after growing pauses.",
    },
    "dashboard.import.subscriptions": {"de": "Abonnierte Kalender", "en": "Subscribed calendars"},
    "dashboard.import.sub.none": {
        "de": "Noch kein Kalender abonniert.",
        "en": "No calendar subscribed yet.",
    },
    "dashboard.import.sub.every": {"de": "Abruf: {every}", "en": "Fetched: {every}"},
    "dashboard.import.sub.never": {"de": "noch nicht abgerufen", "en": "not fetched yet"},
    "dashboard.import.sub.synced": {
        "de": "Abgeglichen {when}: {created} neu, {updated} geändert, {unchanged} unverändert, "
        "{cancelled} abgesagt, {skipped} ausgelassen.",
        "en": "Synced {when}: {created} created, {updated} updated, {unchanged} unchanged, "
        "{cancelled} cancelled, {skipped} skipped.",
    },
    "dashboard.import.sub.unchanged": {
        "de": "Abgerufen {when}: unverändert seit dem letzten Abruf.",
        "en": "Fetched {when}: not modified since the last fetch.",
    },
    "dashboard.import.sub.failed": {
        "de": "Abruf {when} fehlgeschlagen ({failures}× in Folge): {reason}. Es wurde nichts "
        "geändert; nächster Versuch {next}.",
        "en": "Fetch {when} failed ({failures}× in a row): {reason}. Nothing was changed; "
        "next try {next}.",
    },
    "dashboard.import.sub.remove": {"de": "Abo beenden", "en": "Stop syncing"},
}
