"""Topic channels and chat bindings."""

MESSAGES = {
    "topics.title": {"de": "Themenkanäle", "en": "Topic channels"},
    "topics.intro": {
        "de": "Tippen Sie auf ein Thema, um es zu abonnieren oder abzubestellen. ✅ = abonniert.",
        "de_du": "Tippe auf ein Thema, um es zu abonnieren oder abzubestellen. ✅ = abonniert.",
        "en": "Tap a topic to subscribe or unsubscribe. ✅ = subscribed.",
    },
    "topics.level_button": {"de": "{level} ⇄", "en": "{level} ⇄"},
    "topics.level_all": {"de": "🔔 Sofort", "en": "🔔 At once"},
    "topics.level_digest": {"de": "🗞 Wochenüberblick", "en": "🗞 Weekly overview"},
    "topics.level_muted": {"de": "🔕 Stumm", "en": "🔕 Muted"},
    "topics.level_set": {
        "de": "„{topic}“: {level}.",
        "en": "“{topic}”: {level}.",
    },
    "topics.levels_hint": {
        "de": "Bei abonnierten Themen wählt die zweite Taste: sofort, nur im Wochenüberblick"
        " oder stumm.",
        "en": "For subscribed topics the second button chooses: at once, only in the weekly"
        " overview, or muted.",
    },
    "topics.page": {"de": "(Seite {page} von {pages})", "en": "(page {page} of {pages})"},
    "topics.next": {"de": "Weiter ▶", "en": "More ▶"},
    "topics.previous": {"de": "◀ Zurück", "en": "◀ Back"},
    "topics.none": {
        "de": "Es gibt noch keine Themenkanäle.",
        "en": "There are no topic channels yet.",
    },
    "topics.subscribed": {
        "de": "Sie haben „{topic}“ abonniert.",
        "de_du": "Du hast „{topic}“ abonniert.",
        "en": "You subscribed to “{topic}”.",
    },
    "topics.unsubscribed": {
        "de": "Sie haben „{topic}“ abbestellt.",
        "de_du": "Du hast „{topic}“ abbestellt.",
        "en": "You unsubscribed from “{topic}”.",
    },
    "topics.already_subscribed": {
        "de": "Sie haben „{topic}“ schon abonniert.",
        "de_du": "Du hast „{topic}“ schon abonniert.",
        "en": "You are already subscribed to “{topic}”.",
    },
    "topics.not_subscribed": {
        "de": "Sie hatten „{topic}“ nicht abonniert.",
        "de_du": "Du hattest „{topic}“ nicht abonniert.",
        "en": "You were not subscribed to “{topic}”.",
    },
    "topics.unknown": {
        "de": "Das Thema „{topic}“ gibt es nicht. Mit /themen sehen Sie alle Themen.",
        "de_du": "Das Thema „{topic}“ gibt es nicht. Mit /themen siehst du alle Themen.",
        "en": "There is no topic “{topic}”. Send /topics to see all topics.",
        "cli": "there is no topic “{topic}” (knotenpunkt topic list shows them all)",
    },
    "topics.gone": {
        "de": "Dieses Thema gibt es nicht mehr.",
        "en": "This topic no longer exists.",
    },
    "topics.usage": {
        "de": "So geht's: /themen, /themen abonnieren NAME oder /themen abbestellen NAME",
        "en": "Usage: /topics, /topics subscribe NAME or /topics unsubscribe NAME",
    },
    "topics.created": {
        "de": "Das Thema „{topic}“ ist angelegt.",
        "en": "The topic “{topic}” has been created.",
    },
    "topics.duplicate": {
        "de": "Ein Thema „{topic}“ gibt es schon.",
        "en": "A topic “{topic}” already exists.",
    },
    "topics.new_usage": {
        "de": "So geht's: /neuesthema NAME | Beschreibung",
        "en": "Usage: /newtopic NAME | description",
    },
    "topics.name_invalid": {
        "de": "Der Themenname braucht 2 bis {max} Zeichen in einer Zeile, darunter Buchstaben.",
        "en": "A topic name needs 2 to {max} characters on one line, letters among them.",
    },
    "topics.description_too_long": {
        "de": "Die Beschreibung darf höchstens {max} Zeichen haben.",
        "en": "The description may have at most {max} characters.",
    },
    "topics.archived": {
        "de": "Das Thema „{topic}“ ist archiviert. Abos bleiben erhalten, es erscheint aber "
        "nicht mehr in der Liste.",
        "en": "The topic “{topic}” has been archived. Subscriptions are kept, but it no longer "
        "appears in the list.",
    },
    "topics.already_archived": {
        "de": "Das Thema „{topic}“ ist schon archiviert.",
        "en": "The topic “{topic}” is already archived.",
    },
    "topics.archive_usage": {
        "de": "So geht's: /themaarchivieren NAME",
        "en": "Usage: /archivetopic NAME",
    },
    "help.topics": {"de": "Themenkanäle abonnieren", "en": "Subscribe to topic channels"},
    "help.newtopic": {
        "de": "Thema anlegen: NAME | Beschreibung",
        "en": "Create a topic: NAME | description",
    },
    "help.archivetopic": {"de": "Thema archivieren", "en": "Archive a topic"},
    "help.bind": {
        "de": "Diese Gruppe mit einem Thema verbinden",
        "en": "Bind this group to a topic",
    },
    "help.unbind": {"de": "Verbindung der Gruppe lösen", "en": "Unbind this group"},
    "bind.usage": {
        "de": "So geht's: /binden THEMA (in der Gruppe, die die Nachrichten bekommen soll)",
        "en": "Usage: /bind TOPIC (in the group that should receive the messages)",
    },
    "bind.done": {
        "de": "Diese Gruppe bekommt jetzt die Nachrichten zum Thema „{topic}“.",
        "en": "This group now receives the messages for the topic “{topic}”.",
    },
    "bind.already": {
        "de": "Diese Gruppe ist schon mit „{topic}“ verbunden.",
        "en": "This group is already bound to “{topic}”.",
    },
    "bind.removed": {
        "de": "Verbindung gelöst: {targets}.",
        "en": "Unbound: {targets}.",
    },
    "bind.none": {
        "de": "Diese Gruppe ist mit nichts verbunden.",
        "en": "This group is not bound to anything.",
    },
    "bind.list": {
        "de": "Diese Gruppe ist verbunden mit: {targets}",
        "en": "This group is bound to: {targets}",
    },
}
