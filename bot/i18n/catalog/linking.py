"""Linking Telegram and Slack into one member, unlinking, and the preferred platform."""

MESSAGES = {
    "linking.help_link": {
        "de": "Telegram und Slack zu einem Profil verknüpfen",
        "en": "Join Telegram and Slack into one profile",
    },
    "linking.help_unlink": {
        "de": "Ein verknüpftes Konto wieder lösen",
        "en": "Separate a linked account again",
    },
    "linking.platform_telegram": {"de": "Telegram", "en": "Telegram"},
    "linking.platform_slack": {"de": "Slack", "en": "Slack"},
    "linking.platform_console": {"de": "Konsole", "en": "console"},
    "linking.code": {
        "de": "Ihr Verknüpfungscode: {code}\n\n"
        "Er gilt {minutes, plural, one {# Minute} other {# Minuten}} und nur einmal. "
        "Schreiben Sie dem Bot auf der anderen Plattform (Telegram oder Slack):\n"
        "/verknuepfen {code}\n"
        "In einem Chat, in dem Sie dort noch nicht angemeldet sind, geht auch:\n/start {code}\n\n"
        "Danach ist es ein Profil: Angaben des älteren Kontos gelten, Themen und Zusagen "
        "werden zusammengeführt.",
        "en": "Your link code: {code}\n\n"
        "It is valid for {minutes, plural, one {# minute} other {# minutes}} and once only. "
        "Write to the bot on the other platform (Telegram or Slack):\n/link {code}\n"
        "In a chat where you have not signed up yet, this works too:\n/start {code}\n\n"
        "Afterwards it is one profile: the older account's details count, topics and answers "
        "are merged.",
    },
    "linking.not_registered": {
        "de": "Sie sind hier noch nicht angemeldet. Sind Sie schon auf einer anderen "
        "Plattform Mitglied? Dann schreiben Sie dort /verknuepfen und hier /verknuepfen CODE. "
        "Sonst melden Sie sich mit /start an.",
        "en": "You have not signed up here yet. Are you a member on another platform "
        "already? Then send /link there and /link CODE here. Otherwise sign up with /start.",
    },
    "linking.bad_length": {
        "de": "„{code}“ ist kein gültiger Code: Ein Code hat genau {expected} Zeichen, z. B. "
        "K7M4QX, dieser hat {length}. Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "en": "“{code}” is not a valid code: a code has exactly {expected} characters, e.g. "
        "K7M4QX; this one has {length}. {left, plural, one {# try} other {# tries}} left this hour.",
    },
    "linking.bad_characters": {
        "de": "„{code}“ ist kein gültiger Code: Ein Code enthält nie {characters}. Codes "
        "bestehen aus Buchstaben und Ziffern ohne die leicht verwechselbaren 0, O, 1, I, L, "
        "2, Z, 5, S, 8 und B. Bitte prüfen Sie den Code. Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "de_du": "„{code}“ ist kein gültiger Code: Ein Code enthält nie {characters}. Codes "
        "bestehen aus Buchstaben und Ziffern ohne die leicht verwechselbaren 0, O, 1, I, L, "
        "2, Z, 5, S, 8 und B. Bitte prüfe den Code. Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "en": "“{code}” is not a valid code: a code never contains {characters}. Codes are "
        "letters and digits without the easily confused 0, O, 1, I, L, 2, Z, 5, S, 8 and B. "
        "Please check it. {left, plural, one {# try} other {# tries}} left this hour.",
    },
    "linking.unknown": {
        "de": "Diesen Code kenne ich nicht. Bitte prüfen Sie ihn. "
        "Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "en": "I don't know this code. Please check it. "
        "{left, plural, one {# try} other {# tries}} left this hour.",
    },
    "linking.expired": {
        "de": "Dieser Code ist abgelaufen (er gilt "
        "{minutes, plural, one {# Minute} other {# Minuten}}). Holen Sie sich mit "
        "/verknuepfen einen neuen. "
        "Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "en": "This code has expired (it is valid for "
        "{minutes, plural, one {# minute} other {# minutes}}). Get a new one with /link. "
        "{left, plural, one {# try} other {# tries}} left this hour.",
    },
    "linking.used": {
        "de": "Dieser Code wurde schon verwendet; jeder Code gilt nur einmal. Holen Sie sich "
        "mit /verknuepfen einen neuen. "
        "Noch {left, plural, one {# Versuch} other {# Versuche}} in dieser Stunde.",
        "en": "This code has been used already; each code works once. Get a new one with "
        "/link. {left, plural, one {# try} other {# tries}} left this hour.",
    },
    "linking.too_many": {
        "de": "Zu viele falsche Codes. Bitte versuchen Sie es in "
        "{minutes, plural, one {# Minute} other {# Minuten}} wieder.",
        "en": "Too many wrong codes. Please try again in "
        "{minutes, plural, one {# minute} other {# minutes}}.",
    },
    "linking.own_code": {
        "de": "Das ist der Code dieses Kontos. Geben Sie ihn auf der anderen Plattform ein.",
        "en": "This is this account's own code. Enter it on the other platform.",
    },
    "linking.already": {
        "de": "Diese Konten gehören schon zu einem Profil.",
        "en": "These accounts already belong to one profile.",
    },
    "linking.not_active": {
        "de": "Das Konto, zu dem dieser Code gehört, ist nicht (mehr) aktiv. Bitte wenden Sie "
        "sich an das Netzwerk-Team.",
        "en": "The account this code belongs to is not active. Please contact the network team.",
    },
    "linking.done": {
        "de": "Verknüpft! Ihr Profil „{name}“ gilt jetzt für {platforms}. Benachrichtigungen "
        "kommen nur einmal, über {target}; ändern können Sie das unter /profil.",
        "en": "Linked! Your profile “{name}” now covers {platforms}. Notifications come once, "
        "through {target}; change that in /profile.",
    },
    "linking.done_other": {
        "de": "Ihr Profil „{name}“ ist jetzt mit Ihrem {platform}-Konto verknüpft. "
        "Benachrichtigungen kommen nur einmal, über {target}.",
        "en": "Your profile “{name}” is now linked with your {platform} account. "
        "Notifications come once, through {target}.",
    },
    "linking.target_last": {
        "de": "die zuletzt genutzte Plattform",
        "en": "the platform you used last",
    },
    "linking.unlink_choose": {
        "de": "Welches Konto möchten Sie lösen? Es bekommt ein eigenes Profil mit einer Kopie "
        "Ihrer Angaben und Themen; Zusagen bleiben hier.",
        "en": "Which account do you want to separate? It gets a profile of its own with a "
        "copy of your details and topics; event answers stay here.",
    },
    "linking.unlink_button": {"de": "{account} lösen", "en": "Separate {account}"},
    "linking.unlink_nothing": {
        "de": "Ihr Profil hat nur ein Konto; es gibt nichts zu lösen. Ein weiteres Konto "
        "verknüpfen Sie mit /verknuepfen.",
        "en": "Your profile has one account only; there is nothing to separate. Use /link to "
        "add another.",
    },
    "linking.unlinked": {
        "de": "Das Konto {account} ist gelöst und hat jetzt ein eigenes Profil (eine Kopie "
        "Ihrer Angaben). Mit /verknuepfen können Sie beide wieder verknüpfen.",
        "en": "The account {account} is separated and has a profile of its own now (a copy of "
        "your details). Use /link to join them again.",
    },
    "linking.unlinked_other": {
        "de": "Das Konto {account} wurde von Ihrem Profil gelöst. Dieses Konto hat jetzt ein "
        "eigenes Profil. Mit /verknuepfen können Sie beide wieder verknüpfen.",
        "en": "The account {account} was separated from your profile. This account has a "
        "profile of its own now. Use /link to join them again.",
    },
    "linking.profile_accounts": {"de": "Konten: {accounts}", "en": "Accounts: {accounts}"},
    "linking.profile_target": {
        "de": "Benachrichtigungen über: {target}",
        "en": "Notifications through: {target}",
    },
    "linking.prefer_button": {
        "de": "Benachrichtigungen über …",
        "en": "Notifications through …",
    },
    "linking.prefer_ask": {
        "de": "Wohin sollen Benachrichtigungen, Erinnerungen und Neuigkeiten gehen? Jede "
        "kommt nur einmal. Ist die gewählte Plattform nicht erreichbar, nehme ich die andere.",
        "en": "Where should notifications, reminders and news go? Each comes once. If the "
        "chosen platform cannot be reached, I use the other one.",
    },
    "linking.prefer_last": {
        "de": "Zuletzt genutzte Plattform",
        "en": "Platform used last",
    },
}
