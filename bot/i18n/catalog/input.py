"""Answers to input the bot cannot use: stale or forged buttons, names that fit several."""

MESSAGES = {
    "input.stale_button": {
        "de": "Dieser Knopf ist nicht mehr gültig. Senden Sie /start für das Hauptmenü.",
        "en": "This button is no longer valid. Send /start for the main menu.",
    },
    "names.ambiguous_topic": {
        "de": "„{name}“ passt zu mehreren Themen: {names}. Welches meinen Sie?",
        "de_du": "„{name}“ passt zu mehreren Themen: {names}. Welches meinst du?",
        "en": "“{name}” fits several topics: {names}. Which one do you mean?",
    },
    "names.ambiguous_group": {
        "de": "„{name}“ passt zu mehreren Arbeitsgruppen: {names}. Welche meinen Sie?",
        "de_du": "„{name}“ passt zu mehreren Arbeitsgruppen: {names}. Welche meinst du?",
        "en": "“{name}” fits several working groups: {names}. Which one do you mean?",
    },
}
