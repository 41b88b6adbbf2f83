"""Answers to input the bot cannot use: stale or forged buttons."""

MESSAGES = {
    "input.stale_button": {
        "de": "Dieser Knopf ist nicht mehr gültig. Senden Sie /start für das Hauptmenü.",
        "en": "This button is no longer valid. Send /start for the main menu.",
    },
}
