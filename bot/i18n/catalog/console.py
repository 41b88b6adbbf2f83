"""The console adapter's own lines: the greeting, saved files, notes about messages to others."""

MESSAGES = {
    "console.welcome": {
        "de": "Knotenpunkt in der Konsole, Sie sind „{user}“. /start meldet Sie an, /hilfe "
        "zeigt alle Befehle. Knöpfe wählen Sie mit ihrer Nummer; Strg-D beendet.",
        "de_du": "Knotenpunkt in der Konsole, du bist „{user}“. /start meldet dich an, /hilfe "
        "zeigt alle Befehle. Knöpfe wählst du mit ihrer Nummer; Strg-D beendet.",
        "en": "Knotenpunkt in the console, you are “{user}”. /start signs you up, /help lists "
        "every command. Choose a button by its number; Ctrl-D quits.",
    },
    "console.file_saved": {"de": "📎 Datei gespeichert: {path}", "en": "📎 File saved: {path}"},
    "console.file_failed": {
        "de": "📎 Die Datei {name} konnte nicht gespeichert werden: {error}",
        "en": "📎 The file {name} could not be saved: {error}",
    },
    "console.to_other": {"de": "→ an {who}: {text}", "en": "→ to {who}: {text}"},
}
