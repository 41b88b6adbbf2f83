"""Texts only Slack shows: the App Home tab and channel hints."""

MESSAGES = {
    "slack.home.title": {"de": "Willkommen bei {network}", "en": "Welcome to {network}"},
    "slack.home.welcome": {
        "de": "Hallo! Ich bin der Bot von {network}: Themenkanäle, Veranstaltungen, "
        "Arbeitsgruppen und Neuigkeiten aus dem Netzwerk.\n\nUm sich anzumelden, schreiben Sie "
        "mir im Tab „Nachrichten“ einfach start.",
        "de_du": "Hallo! Ich bin der Bot von {network}: Themenkanäle, Veranstaltungen, "
        "Arbeitsgruppen und Neuigkeiten aus dem Netzwerk.\n\nUm dich anzumelden, schreib mir "
        "im Tab „Nachrichten“ einfach start.",
        "en": "Hello! I am the {network} bot: topic channels, events, working groups and "
        "news from the network.\n\nTo sign up, just write start to me in the "
        "“Messages” tab.",
    },
    "slack.home.hint": {
        "de": "Schreiben Sie mir hilfe im Tab „Nachrichten“ oder nutzen Sie /knotenpunkt "
        "hilfe in einem beliebigen Kanal.",
        "de_du": "Schreib mir hilfe im Tab „Nachrichten“ oder nutze /knotenpunkt hilfe in "
        "einem beliebigen Kanal.",
        "en": "Write help to me in the “Messages” tab, or use /knotenpunkt help in any channel.",
    },
    "slack.home.events": {"de": "Nächste Termine", "en": "Next events"},
    "slack.home.subscribe": {"de": "Abonnieren", "en": "Subscribe"},
    "slack.home.unsubscribe": {"de": "Abbestellen", "en": "Unsubscribe"},
    "slack.home.more_topics": {
        "de": "… und {n, plural, one {# weiteres} other {# weitere}}. Schreiben Sie mir "
        "themen für die ganze Liste.",
        "de_du": "… und {n, plural, one {# weiteres} other {# weitere}}. Schreib mir themen "
        "für die ganze Liste.",
        "en": "… and {n} more. Write topics to me for the full list.",
    },
    "slack.invite_bot": {
        "de": "Ich bin noch nicht Mitglied dieses Kanals und kann hier nichts posten. "
        "Laden Sie mich mit /invite ein und versuchen Sie es noch einmal.",
        "de_du": "Ich bin noch nicht Mitglied dieses Kanals und kann hier nichts posten. "
        "Lade mich mit /invite ein und versuche es noch einmal.",
        "en": "I am not a member of this channel yet and cannot post here. Invite me with "
        "/invite and try again.",
    },
}
