"""The competence directory: listing setting, search results and the overview."""

MESSAGES = {
    "directory.help_find": {
        "de": "Mitglieder nach Kompetenz, Unternehmen, Name oder Region finden",
        "en": "Find members by competence, company, name or region",
    },
    "directory.ask_listing": {
        "de": "Eine Frage noch: Möchten Sie im Kompetenzverzeichnis stehen? Dann finden "
        "andere Mitglieder Sie mit /suche über Name, Unternehmen, Region und Kompetenzen und "
        "können Sie direkt anschreiben. Sie können das jederzeit unter /profil ändern.",
        "en": "One more question: do you want to be listed in the competence directory? Then "
        "other members find you with /find by name, company, region and competencies and can "
        "write to you directly. You can change this any time in /profile.",
    },
    "directory.listing_yes": {"de": "Ja, ins Verzeichnis", "en": "Yes, list me"},
    "directory.listing_no": {"de": "Nein, nicht eintragen", "en": "No, don't list me"},
    "directory.listed_now": {
        "de": "Sie stehen jetzt im Kompetenzverzeichnis. Andere Mitglieder finden Sie mit "
        "/suche; austragen können Sie sich unter /profil.",
        "en": "You are listed in the competence directory now. Other members find you with "
        "/find; you can leave it in /profile.",
    },
    "directory.unlisted_now": {
        "de": "Sie stehen nicht im Kompetenzverzeichnis. Eintragen können Sie sich jederzeit "
        "unter /profil.",
        "en": "You are not listed in the competence directory. You can join it any time in "
        "/profile.",
    },
    "directory.next": {
        "de": "Was möchten Sie als Nächstes tun? Abonnieren Sie zum Beispiel die Themen, die "
        "Sie interessieren, oder sehen Sie sich die nächsten Termine an.",
        "de_du": "Was möchtest du als Nächstes tun? Abonniere zum Beispiel die Themen, die "
        "dich interessieren, oder sieh dir die nächsten Termine an.",
        "en": "What would you like to do next? Subscribe to the topics that interest you, for "
        "example, or have a look at the next events.",
    },
    "directory.next_pending": {
        "de": "Ihre Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. Ich melde "
        "mich, sobald es so weit ist.",
        "de_du": "Deine Anmeldung wartet noch auf die Freigabe durch das Netzwerk-Team. Ich "
        "melde mich, sobald es so weit ist.",
        "en": "Your registration is still waiting for the network team's approval. I will "
        "let you know as soon as it is approved.",
    },
    "directory.profile_line": {
        "de": "Im Kompetenzverzeichnis: {state}",
        "en": "Listed in the directory: {state}",
    },
    "directory.yes": {"de": "ja", "en": "yes"},
    "directory.no": {"de": "nein", "en": "no"},
    "directory.profile_list": {"de": "Ins Verzeichnis aufnehmen", "en": "List me in the directory"},
    "directory.profile_unlist": {
        "de": "Aus dem Verzeichnis nehmen",
        "en": "Remove me from the directory",
    },
    "directory.bad_term": {
        "de": "Bitte geben Sie einen Suchbegriff mit Buchstaben oder Ziffern an (höchstens "
        "{max} Zeichen), z. B. /suche Robotik.",
        "en": "Please give a search term with letters or digits (at most {max} characters), "
        "e.g. /find robotics.",
    },
    "directory.rate_limited": {
        "de": "Sie haben gerade sehr viele Suchen gestellt. Bitte warten Sie "
        "{seconds, plural, one {# Sekunde} other {# Sekunden}}, dann geht es weiter.",
        "en": "You have searched a lot just now. Please wait "
        "{seconds, plural, one {# second} other {# seconds}}, then it works again.",
    },
    "directory.results_title": {
        "de": "Suche „{term}“: {total} Treffer",
        "en": "Search “{term}”: {total, plural, one {# match} other {# matches}}",
    },
    "directory.results_range": {
        "de": "Treffer {first}–{last} von {total}",
        "en": "Matches {first}–{last} of {total}",
    },
    "directory.no_results": {
        "de": "Zu „{term}“ habe ich niemanden im Verzeichnis gefunden. Versuchen Sie einen "
        "kürzeren Begriff oder den Wortanfang, z. B. „robot“.",
        "en": "I found nobody in the directory for “{term}”. Try a shorter term or the start "
        "of a word, e.g. “robot”.",
    },
    "directory.entry": {
        "de": "{number}. {name} – {details}",
        "en": "{number}. {name} – {details}",
    },
    "directory.entry_competencies": {
        "de": "Kompetenzen: {competencies}",
        "en": "Competencies: {competencies}",
    },
    "directory.entry_contact": {"de": "Kontakt: {contact}", "en": "Contact: {contact}"},
    "directory.entry_only_on": {
        "de": "nur über {platforms} erreichbar",
        "en": "only reachable on {platforms}",
    },
    "directory.or": {"de": "oder", "en": "or"},
    "directory.more": {"de": "Weitere Treffer", "en": "More matches"},
    "directory.expired": {
        "de": "Diese Suche ist abgelaufen. Bitte suchen Sie erneut mit /suche.",
        "en": "This search has expired. Please search again with /find.",
    },
    "directory.overview_title": {"de": "Kompetenzverzeichnis", "en": "Competence directory"},
    "directory.overview_empty": {
        "de": "Im Verzeichnis steht noch niemand. Eintragen können Sie sich unter /profil.",
        "en": "Nobody is listed yet. You can list yourself in /profile.",
    },
    "directory.overview_listed": {
        "de": "{count, plural, one {# Mitglied ist} other {# Mitglieder sind}} eingetragen.",
        "en": "{count, plural, one {# member is} other {# members are}} listed.",
    },
    "directory.overview_listed_one": {
        "de": "1 Mitglied ist eingetragen.",
        "en": "1 member is listed.",
    },
    "directory.overview_regions": {"de": "Nach Region:", "en": "By region:"},
    "directory.overview_tags": {
        "de": "Häufigste Kompetenzen:",
        "en": "Most frequent competencies:",
    },
    "directory.overview_line": {"de": "• {label}: {count}", "en": "• {label}: {count}"},
    "directory.overview_hint": {
        "de": "Suchen Sie mit /suche BEGRIFF, z. B. /suche {example}. Auch Wortanfänge "
        "genügen („robot“ findet „Robotik“).",
        "en": "Search with /find TERM, e.g. /find {example}. The start of a word is enough "
        "(“robot” finds “Robotik”).",
    },
    "directory.overview_not_listed": {
        "de": "Sie selbst stehen nicht im Verzeichnis; das ändern Sie unter /profil.",
        "en": "You are not listed yourself; change that in /profile.",
    },
}
