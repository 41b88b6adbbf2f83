"""Feedback on event dates: the request after a date, the member's answer (stars, comment,
whether the name may be shown), the switch, and the organiser's figures."""

MESSAGES = {
    # the request ------------------------------------------------------------------------
    "feedback.request_title": {"de": "Wie war „{title}“?", "en": "How was “{title}”?"},
    "feedback.request_text": {
        "de": "Sie waren am {when} bei „{title}“. Wie hat es Ihnen gefallen? Bitte geben Sie "
        "1 bis 5 Sterne (5 = sehr gut): mit den Knöpfen oder als Zahl, z. B. „4“. Danach "
        "können Sie noch einen Kommentar schreiben. Ändern können Sie Ihre Antwort bis {until}.",
        "de_du": "Du warst am {when} bei „{title}“. Wie hat es dir gefallen? Bitte gib 1 bis 5 "
        "Sterne (5 = sehr gut): mit den Knöpfen oder als Zahl, z. B. „4“. Danach kannst du "
        "noch einen Kommentar schreiben. Ändern kannst du deine Antwort bis {until}.",
        "en": "You were at “{title}” on {when}. How did you like it? Please give 1 to 5 stars "
        "(5 = very good): with the buttons or as a number, e.g. “4”. Then you can add a "
        "comment. You can change your answer until {until}.",
    },
    "feedback.btn_stars": {"de": "{n} ⭐", "en": "{n} ⭐"},
    "feedback.btn_off": {
        "de": "Keine Feedback-Anfragen mehr",
        "en": "No more feedback requests",
    },
    # the form ---------------------------------------------------------------------------
    "feedback.form_title": {"de": "Rückmeldung", "en": "Feedback"},
    "feedback.label_stars": {"de": "Sterne", "en": "Stars"},
    "feedback.label_comment": {"de": "Kommentar", "en": "Comment"},
    "feedback.label_show_name": {
        "de": "Name für das Organisationsteam sichtbar",
        "en": "Name visible to the organisers",
    },
    "feedback.ask_comment": {
        "de": "{stars} – danke! Möchten Sie dem Organisationsteam noch etwas dazu schreiben? "
        "(Ein Kommentar ist freiwillig.)",
        "de_du": "{stars} – danke! Möchtest du dem Organisationsteam noch etwas dazu "
        "schreiben? (Ein Kommentar ist freiwillig.)",
        "en": "{stars} – thank you! Would you like to add something for the organisers? "
        "(A comment is optional.)",
    },
    "feedback.ask_show_name": {
        "de": "Darf das Organisationsteam Ihren Namen zu Ihrer Rückmeldung sehen? Ohne Ihre "
        "Zustimmung bleibt sie anonym.",
        "de_du": "Darf das Organisationsteam deinen Namen zu deiner Rückmeldung sehen? Ohne "
        "deine Zustimmung bleibt sie anonym.",
        "en": "May the organisers see your name with your feedback? Without your consent it "
        "stays anonymous.",
    },
    "feedback.preview": {
        "de": "Ihre Rückmeldung zu „{title}“ am {when}:\n\n{listing}",
        "de_du": "Deine Rückmeldung zu „{title}“ am {when}:\n\n{listing}",
        "en": "Your feedback on “{title}” on {when}:\n\n{listing}",
    },
    "feedback.btn_send": {"de": "Absenden", "en": "Send"},
    "feedback.btn_discard": {"de": "Verwerfen", "en": "Discard"},
    "feedback.thanks": {
        "de": "Danke für Ihre Rückmeldung zu „{title}“! Ändern können Sie sie bis {until}.",
        "de_du": "Danke für deine Rückmeldung zu „{title}“! Ändern kannst du sie bis {until}.",
        "en": "Thank you for your feedback on “{title}”! You can change it until {until}.",
    },
    "feedback.changed": {
        "de": "Ihre Rückmeldung zu „{title}“ ist geändert. Ändern können Sie sie bis {until}.",
        "de_du": "Deine Rückmeldung zu „{title}“ ist geändert. Ändern kannst du sie bis {until}.",
        "en": "Your feedback on “{title}” is changed. You can change it until {until}.",
    },
    "feedback.closed": {
        "de": "Die Rückmeldung zu „{title}“ konnte bis {until} geändert werden; jetzt geht das "
        "nicht mehr. Ihre Antwort bleibt, wie sie ist.",
        "de_du": "Die Rückmeldung zu „{title}“ konnte bis {until} geändert werden; jetzt geht "
        "das nicht mehr. Deine Antwort bleibt, wie sie ist.",
        "en": "Feedback on “{title}” could be changed until {until}; that is no longer "
        "possible. Your answer stays as it is.",
    },
    "feedback.not_asked": {
        "de": "Zu diesem Termin wurden Sie nicht um eine Rückmeldung gebeten.",
        "de_du": "Zu diesem Termin wurdest du nicht um eine Rückmeldung gebeten.",
        "en": "You were not asked for feedback on this date.",
    },
    "feedback.gone": {
        "de": "Diese Veranstaltung gibt es nicht mehr.",
        "en": "This event no longer exists.",
    },
    "feedback.bad_stars": {
        "de": "Bitte 1 bis 5 Sterne: eine Zahl von 1 bis 5, z. B. „4“.",
        "en": "Please give 1 to 5 stars: a number from 1 to 5, e.g. “4”.",
    },
    # the switch -------------------------------------------------------------------------
    "feedback.off_done": {
        "de": "Sie erhalten keine Feedback-Anfragen mehr. Wieder einschalten können Sie sie "
        "in /profil.",
        "de_du": "Du erhältst keine Feedback-Anfragen mehr. Wieder einschalten kannst du sie "
        "in /profil.",
        "en": "You will get no more feedback requests. You can turn them on again in /profile.",
    },
    "feedback.profile_line": {
        "de": "Feedback-Anfragen nach Veranstaltungen: {state}",
        "en": "Feedback requests after events: {state}",
    },
    "feedback.state_on": {"de": "an", "en": "on"},
    "feedback.state_off": {"de": "aus", "en": "off"},
    "feedback.profile_off": {"de": "Feedback-Anfragen aus", "en": "Feedback requests off"},
    "feedback.profile_on": {"de": "Feedback-Anfragen an", "en": "Feedback requests on"},
    # the organiser's view ---------------------------------------------------------------
    "feedback.btn_figures": {"de": "Rückmeldungen", "en": "Feedback"},
    "feedback.figures_title": {
        "de": "Rückmeldungen: {title}",
        "en": "Feedback: {title}",
    },
    "feedback.card_line": {
        "de": "Rückmeldungen: ⌀ {average} von 5 ({count, plural, one {# Antwort} other "
        "{# Antworten}})",
        "en": "Feedback: ⌀ {average} of 5 ({count, plural, one {# answer} other {# answers}})",
    },
    "feedback.summary": {
        "de": "{count, plural, one {# Rückmeldung} other {# Rückmeldungen}} von {asked} "
        "Gefragten · Durchschnitt {average} von 5",
        "en": "{count, plural, one {# answer} other {# answers}} from {asked} asked · "
        "average {average} of 5",
    },
    "feedback.none_yet": {
        "de": "Noch keine Rückmeldungen ({asked} gefragt).",
        "en": "No feedback yet ({asked} asked).",
    },
    "feedback.distribution": {"de": "Verteilung:", "en": "Distribution:"},
    "feedback.comments": {"de": "Kommentare:", "en": "Comments:"},
    "feedback.anonymous": {"de": "anonym", "en": "anonymous"},
    # the dashboard's event page ---------------------------------------------------------
    "dashboard.feedback.title": {"de": "Rückmeldungen", "en": "Feedback"},
    "dashboard.feedback.answers": {"de": "Antworten", "en": "Answers"},
    "dashboard.feedback.distribution": {
        "de": "Verteilung der Sterne am {when}",
        "en": "Stars given on {when}",
    },
    "dashboard.feedback.stars": {
        "de": "{n, plural, one {# Stern} other {# Sterne}}",
        "en": "{n, plural, one {# star} other {# stars}}",
    },
}
