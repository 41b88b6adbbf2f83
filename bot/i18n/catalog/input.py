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
    "names.ambiguous_member": {
        "de": "„{name}“ passt zu mehreren Mitgliedern: {names}. Welches meinen Sie?",
        "de_du": "„{name}“ passt zu mehreren Mitgliedern: {names}. Welches meinst du?",
        "en": "“{name}” fits several members: {names}. Which one do you mean?",
    },
    "names.unknown_topic": {
        "de": "Ein Thema „{name}“ gibt es nicht. Die Themen: {names}.",
        "en": "There is no topic “{name}”. The topics: {names}.",
        "cli": "there is no topic “{name}”; the topics: {names}",
    },
    "names.unknown_group": {
        "de": "Eine Arbeitsgruppe „{name}“ gibt es nicht. Die Arbeitsgruppen: {names}.",
        "en": "There is no working group “{name}”. The working groups: {names}.",
        "cli": "there is no working group “{name}”; the working groups: {names}",
    },
    "names.unknown_topic_none": {
        "de": "Ein Thema „{name}“ gibt es nicht; es gibt noch keine Themen.",
        "en": "There is no topic “{name}”; there are no topics yet.",
        "cli": "there is no topic “{name}”; there are no topics yet"
        " (knotenpunkt topic add; knotenpunkt topic list shows them all)",
    },
    "names.unknown_group_none": {
        "de": "Eine Arbeitsgruppe „{name}“ gibt es nicht; es gibt noch keine Arbeitsgruppen.",
        "en": "There is no working group “{name}”; there are no working groups yet.",
        "cli": "there is no working group “{name}”; there are no working groups yet"
        " (knotenpunkt group add; knotenpunkt group list shows them all)",
    },
}
