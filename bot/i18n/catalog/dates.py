"""Refusals of typed dates and times (bot.parsing.dates): each shows forms that are read."""

_FORMS_DE = (
    "So verstehe ich es zum Beispiel: {ex_day_month} 18 Uhr, {ex_datetime}, morgen 18 Uhr, "
    "Donnerstag 18:30, nächsten Montag 9 Uhr oder {ex_datetime_iso}; mit Ende: "
    "{ex_day_month} 18:30 bis 20 Uhr."
)
_FORMS_EN = (
    "I understand, for example: {ex_month_day}, 6 pm, tomorrow 6 pm, Thursday 18:30, "
    "next Monday 9 am, {ex_datetime_iso} or {ex_datetime}; with an end: "
    "{ex_month_day}, 6:30–8 pm."
)

MESSAGES = {
    "dates.bad_datetime": {
        "de": "„{value}“ verstehe ich nicht als Datum mit Uhrzeit. " + _FORMS_DE,
        "en": "I cannot read “{value}” as a date and time. " + _FORMS_EN,
    },
    "dates.bad_date": {
        "de": "„{value}“ verstehe ich nicht als Datum. So geht es zum Beispiel: "
        "{ex_day_month}, {ex_date}, morgen, Freitag, nächsten Montag oder {ex_date_iso}.",
        "en": "I cannot read “{value}” as a date. For example: {ex_month_day}, tomorrow, "
        "Friday, next Monday, {ex_date_iso} or {ex_date}.",
    },
    "dates.bad_time": {
        "de": "„{value}“ verstehe ich nicht als Uhrzeit. So geht es zum Beispiel: 18 Uhr, "
        "18:30 oder 9.15 Uhr.",
        "en": "I cannot read “{value}” as a time. For example: 6 pm, 6:30 pm or 18:30.",
    },
    "dates.bad_end": {
        "de": "„{value}“ verstehe ich nicht als Ende. Bitte eine Uhrzeit wie 20 Uhr oder "
        "bis 20:00, eine Dauer wie 2h, 2 Stunden oder 90 min, oder ein Datum mit Uhrzeit wie "
        "{ex_datetime}.",
        "en": "I cannot read “{value}” as an end. Please enter a time like 8 pm or until "
        "20:00, a duration like 2h, 2 hours or 90 min, or a date and time like "
        "{ex_datetime_iso}.",
    },
    "dates.bad_duration": {
        "de": "„{value}“ verstehe ich nicht als Dauer. So geht es zum Beispiel: 2 Stunden, "
        "90 min, 1,5 h oder 1h30.",
        "en": "I cannot read “{value}” as a duration. For example: 2 hours, 90 min, 1.5 h or 1h30.",
    },
    "dates.no_such_date": {
        "de": "Den {value} gibt es im Kalender nicht. Bitte Tag und Monat prüfen, zum "
        "Beispiel {ex_day_month} oder {ex_date}.",
        "en": "There is no {value} in the calendar. Please check the day and month, for "
        "example {ex_date_iso} or {ex_month_day}.",
    },
    "dates.wrong_weekday": {
        "de": "In „{value}“ passen Wochentag und Datum nicht zusammen. Bitte prüfen Sie "
        "beides, oder schreiben Sie nur das Datum, zum Beispiel {ex_datetime}.",
        "de_du": "In „{value}“ passen Wochentag und Datum nicht zusammen. Bitte prüfe "
        "beides, oder schreib nur das Datum, zum Beispiel {ex_datetime}.",
        "en": "In “{value}” the weekday and the date do not match. Please check both, or "
        "write the date alone, for example {ex_datetime_iso}.",
    },
    "dates.skipped_time": {
        "de": "„{value}“ gibt es in der Zeitzone {zone} nicht: In dieser Nacht wird die Uhr "
        "auf Sommerzeit vorgestellt.",
        "en": "“{value}” does not exist in the time zone {zone}: the clocks go forward to "
        "summer time that night.",
    },
}
