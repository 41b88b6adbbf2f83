"""Event figures and the funder report (issue 28): the dashboard's figures page, the
quarter's line in /stats and the report's CSV and XLSX."""

MESSAGES = {
    # periods -------------------------------------------------------------------------------
    "figures.quarter": {"de": "Q{quarter} {year}", "en": "Q{quarter} {year}"},
    "figures.range": {"de": "{first} bis {last}", "en": "{first} to {last}"},
    "figures.bad_day": {
        "de": "„{value}“ ist kein Datum. Bitte als JJJJ-MM-TT angeben, z. B. {ex_date_iso}.",
        "en": "“{value}” is not a date. Please give it as YYYY-MM-DD, e.g. {ex_date_iso}.",
    },
    "figures.range_backwards": {
        "de": "Der Zeitraum endet vor seinem Beginn. Bitte „bis“ nach „von“ wählen.",
        "en": "The period ends before it begins. Please choose “to” after “from”.",
    },
    "figures.range_too_long": {
        "de": "Der Zeitraum ist länger als drei Jahre. Bitte einen kürzeren wählen.",
        "en": "The period is longer than three years. Please choose a shorter one.",
    },
    # columns (dashboard table and report) --------------------------------------------------
    "figures.col.scope": {"de": "Bereich", "en": "Scope"},
    "figures.col.label": {"de": "Name", "en": "Name"},
    "figures.col.date": {"de": "Datum", "en": "Date"},
    "figures.col.event": {"de": "Termin", "en": "Event"},
    "figures.col.group": {"de": "Arbeitsgruppe", "en": "Working group"},
    "figures.col.topics": {"de": "Themen", "en": "Topics"},
    "figures.col.dates": {"de": "Termine", "en": "Dates"},
    "figures.col.yes": {"de": "Zusagen", "en": "Yes"},
    "figures.col.maybe": {"de": "Vielleicht", "en": "Maybe"},
    "figures.col.checked_in": {"de": "Eingecheckt", "en": "Checked in"},
    "figures.col.walk_ins": {"de": "Ohne Anmeldung", "en": "Walk-ins"},
    "figures.col.no_shows": {"de": "Nicht erschienen", "en": "No-shows"},
    "figures.col.people": {"de": "Personen erreicht", "en": "People reached"},
    "figures.col.companies": {"de": "Unternehmen", "en": "Companies"},
    "figures.col.regions": {"de": "Regionen", "en": "Regions"},
    "figures.col.feedback": {"de": "Bewertungen", "en": "Ratings"},
    "figures.col.stars": {"de": "Ø Sterne", "en": "Avg. stars"},
    "figures.col.region": {"de": "Region", "en": "Region"},
    "figures.col.name": {"de": "Name", "en": "Name"},
    "figures.col.company": {"de": "Unternehmen", "en": "Company"},
    "figures.scope.total": {"de": "Gesamt", "en": "Total"},
    "figures.scope.topic": {"de": "Thema", "en": "Topic"},
    "figures.scope.group": {"de": "Arbeitsgruppe", "en": "Working group"},
    # the report ----------------------------------------------------------------------------
    "figures.report_title": {
        "de": "Veranstaltungsbericht {network}",
        "en": "Event report {network}",
    },
    "figures.report_period": {"de": "Zeitraum", "en": "Period"},
    "figures.report_generated": {"de": "Erstellt", "en": "Generated"},
    "figures.report_counts_title": {"de": "Was gezählt wird", "en": "What is counted"},
    "figures.report_counts": {
        "de": "Termine, die im Zeitraum stattgefunden haben (abgesagte nicht), und wen sie "
        "erreicht haben: wer eingecheckt hat, bei Terminen ohne Check-in wer zugesagt hat. "
        "Gezählt werden Personen, Unternehmen und Regionen, jede einmal; Personen werden "
        "nicht genannt. Nicht erschienen: zugesagt, aber nicht eingecheckt (nur bei Terminen "
        "mit Check-in).",
        "en": "Dates held in the period (not cancelled ones) and whom they reached: those who "
        "checked in, for dates without check-in those who said yes. People, companies and "
        "regions are counted, each once; people are not named. No-shows: said yes but did not "
        "check in (only for dates with check-in).",
    },
    "figures.report_names": {
        "de": "Namentlich nur Mitglieder, die im Kompetenzverzeichnis stehen und damit "
        "zugestimmt haben, dass andere ihren Namen und ihr Unternehmen sehen.",
        "en": "Named only: members listed in the competence directory, who thereby agreed that "
        "others see their name and company.",
    },
    "figures.sheet_about": {"de": "Über den Bericht", "en": "About the report"},
    "figures.section_totals": {"de": "Summen", "en": "Totals"},
    "figures.section_dates": {"de": "Je Termin", "en": "Per date"},
    "figures.section_regions": {"de": "Je Region", "en": "Per region"},
    "figures.section_names": {"de": "Namentlich (mit Zustimmung)", "en": "Named (with consent)"},
    # /stats -------------------------------------------------------------------------------
    "figures.stats": {
        "de": "📊 Veranstaltungen {period}: {dates, plural, one {# Termin} other {# Termine}}, "
        "{people, plural, one {# Person} other {# Personen}} erreicht aus "
        "{companies, plural, one {# Unternehmen} other {# Unternehmen}} und "
        "{regions, plural, one {# Region} other {# Regionen}}; {checked_in} eingecheckt, "
        "{walk_ins} ohne Anmeldung, {no_shows} nicht erschienen",
        "en": "📊 Events {period}: {dates, plural, one {# date} other {# dates}}, "
        "{people, plural, one {# person} other {# people}} reached from "
        "{companies, plural, one {# company} other {# companies}} and "
        "{regions, plural, one {# region} other {# regions}}; {checked_in} checked in, "
        "{walk_ins} walk-ins, {no_shows} no-shows",
    },
    "figures.stats_feedback": {
        "de": "Bewertung Ø {average} ★ ({count, plural, one {# Bewertung} other {# Bewertungen}})",
        "en": "Rating avg. {average} ★ ({count, plural, one {# rating} other {# ratings}})",
    },
    "figures.stats_no_feedback": {"de": "noch keine Bewertungen", "en": "no ratings yet"},
    # the dashboard page -------------------------------------------------------------------
    "dashboard.nav.figures": {"de": "Kennzahlen", "en": "Figures"},
    "figures.page_title": {"de": "Kennzahlen der Veranstaltungen", "en": "Event figures"},
    "figures.period": {"de": "Zeitraum", "en": "Period"},
    "figures.choose.this_quarter": {"de": "Dieses Quartal", "en": "This quarter"},
    "figures.choose.last_quarter": {"de": "Letztes Quartal", "en": "Last quarter"},
    "figures.choose.this_year": {"de": "Dieses Jahr", "en": "This year"},
    "figures.choose.last_year": {"de": "Letztes Jahr", "en": "Last year"},
    "figures.choose.range": {"de": "Eigener Zeitraum (Von, Bis)", "en": "Own period (From, To)"},
    "figures.from": {"de": "Von", "en": "From"},
    "figures.to": {"de": "Bis", "en": "To"},
    "figures.show": {"de": "Anzeigen", "en": "Show"},
    "figures.summary": {"de": "Zusammenfassung", "en": "Summary"},
    "figures.chart": {"de": "Erreichte Personen je Termin", "en": "People reached per date"},
    "figures.chart_title": {
        "de": "Erreichte Personen je Termin, {period}; die Zahlen stehen in der Tabelle "
        "„Je Termin“",
        "en": "People reached per date, {period}; the numbers are in the table “Per date”",
    },
    "figures.none": {
        "de": "In diesem Zeitraum hat kein Termin stattgefunden.",
        "en": "No date was held in this period.",
    },
    "figures.download": {"de": "Bericht herunterladen:", "en": "Download the report:"},
    "figures.no_shows_none": {"de": "kein Check-in", "en": "no check-in"},
}
