"""The weekly overview (issue 29) and /ueberblick, where members choose when it comes."""

MESSAGES = {
    "overview.title": {
        "de": "🗞 Ihr Wochenüberblick ({week})",
        "de_du": "🗞 Dein Wochenüberblick ({week})",
        "en": "🗞 Your weekly overview ({week})",
    },
    "overview.topic": {"de": "Thema „{topic}“", "en": "Topic “{topic}”"},
    "overview.news": {"de": "📣 {text}", "en": "📣 {text}"},
    "overview.away": {
        "de": "Was Sie diese Woche verpasst haben:",
        "de_du": "Was du diese Woche verpasst hast:",
        "en": "What you missed this week:",
    },
    "overview.request": {
        "de": "🤝 Kooperationsgesuch: {title}",
        "en": "🤝 Cooperation request: {title}",
    },
    "overview.poll": {
        "de": "🗳 Terminumfrage „{title}“ wartet auf Ihre Antwort",
        "de_du": "🗳 Terminumfrage „{title}“ wartet auf deine Antwort",
        "en": "🗳 Date poll “{title}” is waiting for your answer",
    },
    "overview.more": {
        "de": "… und {count, plural, one {# weiterer Eintrag} other {# weitere Einträge}}.",
        "en": "… and {count, plural, one {# more item} other {# more items}}.",
    },
    "overview.footer": {
        "de": "Wann der Überblick kommt: /ueberblick. Was hineinkommt: /themen und /gruppen.",
        "en": "When the overview comes: /overview. What goes into it: /topics and /groups.",
    },
    # /ueberblick ---------------------------------------------------------------------
    "help.overview": {
        "de": "/ueberblick – wann Ihr Wochenüberblick kommt (oder aus)",
        "de_du": "/ueberblick – wann dein Wochenüberblick kommt (oder aus)",
        "en": "/overview – when your weekly overview comes (or off)",
    },
    "overview.settings_title": {"de": "Wochenüberblick", "en": "Weekly overview"},
    "overview.settings_on": {
        "de": "Ihr Wochenüberblick kommt {day}s um {hour} Uhr (Ihre Zeitzone). Tippen Sie auf"
        " einen Tag oder eine Uhrzeit, um das zu ändern.",
        "de_du": "Dein Wochenüberblick kommt {day}s um {hour} Uhr (deine Zeitzone). Tippe auf"
        " einen Tag oder eine Uhrzeit, um das zu ändern.",
        "en": "Your weekly overview comes on {day}s at {hour}:00 (your time zone). Tap a day"
        " or an hour to change it.",
    },
    "overview.settings_off": {
        "de": "Der Wochenüberblick ist aus. Tippen Sie auf einen Tag, um ihn einzuschalten.",
        "de_du": "Der Wochenüberblick ist aus. Tippe auf einen Tag, um ihn einzuschalten.",
        "en": "The weekly overview is off. Tap a day to turn it on.",
    },
    "overview.profile_line": {
        "de": "Wochenüberblick: {day}s um {hour} Uhr",
        "en": "Weekly overview: {day}s at {hour}:00",
    },
    "overview.profile_off": {"de": "Wochenüberblick: aus", "en": "Weekly overview: off"},
    "overview.profile_topics": {"de": "Themen: {topics}", "en": "Topics: {topics}"},
    "overview.btn_settings": {"de": "🗞 Wochenüberblick", "en": "🗞 Weekly overview"},
    "overview.btn_topics": {"de": "🔔 Themen", "en": "🔔 Topics"},
    "overview.btn_off": {"de": "🔕 Aus", "en": "🔕 Off"},
    "overview.hour_button": {"de": "{hour} Uhr", "en": "{hour}:00"},
    "overview.usage": {
        "de": "So geht's: /ueberblick, /ueberblick aus oder /ueberblick Freitag 17",
        "en": "Usage: /overview, /overview off or /overview Friday 17",
    },
    "overview.bad_choice": {
        "de": "„{text}“ verstehe ich nicht. Bitte einen Wochentag und eine Stunde (0–23),"
        " z. B. „Freitag 17“, oder „aus“.",
        "en": "I don't understand “{text}”. Please a weekday and an hour (0–23), e.g."
        " “Friday 17”, or “off”.",
    },
    "overview.day.0": {"de": "Montag", "en": "Monday"},
    "overview.day.1": {"de": "Dienstag", "en": "Tuesday"},
    "overview.day.2": {"de": "Mittwoch", "en": "Wednesday"},
    "overview.day.3": {"de": "Donnerstag", "en": "Thursday"},
    "overview.day.4": {"de": "Freitag", "en": "Friday"},
    "overview.day.5": {"de": "Samstag", "en": "Saturday"},
    "overview.day.6": {"de": "Sonntag", "en": "Sunday"},
}
