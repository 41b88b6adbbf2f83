"""Texts for platforms where commands are written as one slash command (Slack)."""

MESSAGES = {
    "slash.help_footer": {
        "de": "Mit {cancel} beenden Sie eine laufende Eingabe.",
        "en": "Send {cancel} to stop an input in progress.",
    },
}
