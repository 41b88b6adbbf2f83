"""Quiet hours: the member's ``/ruhezeiten`` and the Slack App Home section."""

MESSAGES = {
    "quiet.help": {
        "de": "Ruhezeiten: wann Neuigkeiten bis zum Morgen warten",
        "en": "Quiet hours: when news waits until the morning",
    },
    "quiet.title": {"de": "Ruhezeiten", "en": "Quiet hours"},
    "quiet.status_default": {
        "de": "Ihre Ruhezeiten: {start} bis {end} Uhr ({zone}), die Voreinstellung des Netzwerks.",
        "en": "Your quiet hours: {start} to {end} ({zone}), the network's default.",
    },
    "quiet.status_default_off": {
        "de": "Ruhezeiten: aus (die Voreinstellung des Netzwerks).",
        "en": "Quiet hours: off (the network's default).",
    },
    "quiet.status_own": {
        "de": "Ihre Ruhezeiten: {start} bis {end} Uhr ({zone}).",
        "en": "Your quiet hours: {start} to {end} ({zone}).",
    },
    "quiet.status_off": {
        "de": "Ruhezeiten: aus. Nachrichten kommen zu jeder Uhrzeit.",
        "en": "Quiet hours: off. Messages arrive at any hour.",
    },
    "quiet.explain": {
        "de": "In den Ruhezeiten warten Themen-Neuigkeiten, AG-Beiträge, Kooperationshinweise"
        " und Rundschreiben bis zu deren Ende; Erinnerungen an Termine und dringende"
        " Mitteilungen kommen sofort (nachts ohne Ton). Andere Zeiten: z. B."
        " /ruhezeiten 22:30-06:30.",
        "en": "During quiet hours, topic news, working-group posts, cooperation notices and"
        " broadcasts wait until they end; event reminders and urgent announcements arrive at"
        " once (at night without sound). Other times: e.g. /quiet 22:30-06:30.",
    },
    "quiet.btn_window": {"de": "🌙 {window} Uhr", "en": "🌙 {window}"},
    "quiet.btn_off": {"de": "🔔 Keine Ruhezeiten", "en": "🔔 No quiet hours"},
    "quiet.btn_default": {"de": "↩️ Voreinstellung", "en": "↩️ Network default"},
    "quiet.btn_change": {"de": "🌙 Ruhezeiten ändern", "en": "🌙 Change quiet hours"},
    "quiet.saved": {"de": "Gespeichert.", "en": "Saved."},
    "quiet.usage": {
        "de": "„{value}“ verstehe ich nicht als Ruhezeiten. Bitte so: /ruhezeiten 22:00-06:00,"
        " /ruhezeiten aus oder /ruhezeiten standard.",
        "en": "I can't read “{value}” as quiet hours. Please write e.g. /quiet 22:00-06:00,"
        " /quiet off or /quiet default.",
    },
}
