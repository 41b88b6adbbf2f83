"""Data protection and membership control: privacy notice and consent, data export and
erasure, invitations, admin roles, statistics."""

MESSAGES = {
    # the notice and consent
    "privacy.notice_title": {
        "de": "Datenschutzhinweise von {network}",
        "en": "Privacy notice of {network}",
    },
    "privacy.notice": {
        "de": "Verantwortlich ist {network}. Für Ihre Mitgliedschaft speichere ich Ihren "
        "Namen, Ihr Unternehmen, Ihre Region, Ihre Kompetenzen, Ihre Sprache und Ihre "
        "Chat-Kennung (Telegram oder Slack), dazu Ihre Themen-Abos, Ihre Antworten zu "
        "Terminen und Ihre Einstellungen. Damit informiert Sie das Netzwerk über Themen, "
        "Termine und Neuigkeiten; im Kompetenzverzeichnis erscheinen Sie nur, wenn Sie das "
        "wünschen. Grundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie "
        "jederzeit widerrufen können.\n\n"
        "Die Daten bleiben gespeichert, bis Sie sie löschen. Konten, die seit "
        "{days, plural, one {# Tag} other {# Tagen}} nicht erreichbar sind, kann das Netzwerk-Team löschen. Mitteilungen des Netzwerks "
        "können Sie mit /mitteilungen aus abbestellen.\n\n"
        "Ihre Rechte: Mit /meinedaten sehen Sie alles, was über Sie gespeichert ist (auch "
        "als Datei), mit /profil ändern Sie es, mit /loeschen löschen Sie alles.\n{contact}",
        "en": "The controller is {network}. For your membership I store your name, company, "
        "region, competencies, language and chat id (Telegram or Slack), your topic "
        "subscriptions, your answers to events and your settings. The network uses them to "
        "keep you informed about topics, events and news; you appear in the competence "
        "directory only if you choose to. The legal basis is your consent (Art. 6(1)(a) "
        "GDPR), which you can withdraw at any time.\n\n"
        "The data is kept until you delete it. The network team may delete accounts that "
        "have been unreachable for {days, plural, one {# day} other {# days}}. You can turn off announcements from the "
        "network with /announcements off.\n\n"
        "Your rights: /mydata shows everything stored about you (also as a file), /profile "
        "changes it, /delete deletes all of it.\n{contact}",
    },
    "privacy.rights": {
        "de": "Ihre Rechte: Mit /meinedaten sehen Sie alles, was über Sie gespeichert ist "
        "(auch als Datei), mit /profil ändern Sie es, mit /loeschen löschen Sie alles.",
        "en": "Your rights: /mydata shows everything stored about you (also as a file), "
        "/profile changes it, /delete deletes all of it.",
    },
    "privacy.contact": {
        "de": "Fragen zum Datenschutz: {contact}",
        "en": "Questions about your data: {contact}",
    },
    "privacy.contact_team": {
        "de": "Fragen zum Datenschutz beantwortet Ihnen das Netzwerk-Team.",
        "en": "The network team answers questions about your data.",
    },
    "privacy.registration_question": {
        "de": "Sind Sie damit einverstanden?",
        "en": "Do you agree?",
    },
    "privacy.changed": {
        "de": "Die Datenschutzhinweise haben sich geändert. Bitte lesen Sie sie und stimmen "
        "Sie zu, um den Bot weiter zu nutzen. Wenn Sie nicht zustimmen, können Sie Ihre "
        "Daten löschen lassen; /meinedaten zeigt Ihnen vorher, was gespeichert ist.",
        "en": "The privacy notice has changed. Please read it and agree to keep using the "
        "bot. If you do not agree, you can have your data deleted; /mydata shows you first "
        "what is stored.",
    },
    "privacy.changed_in_group": {
        "de": "Bitte stimmen Sie zuerst den neuen Datenschutzhinweisen zu: Schreiben Sie "
        "mir dazu privat.",
        "en": "Please agree to the new privacy notice first: write to me privately.",
    },
    "privacy.btn_accept": {"de": "Zustimmen", "en": "I agree"},
    "privacy.btn_leave": {
        "de": "Nicht zustimmen und Daten löschen",
        "en": "Disagree and delete my data",
    },
    "privacy.accepted": {
        "de": "Danke, Ihre Zustimmung ist gespeichert.",
        "en": "Thank you, your consent has been recorded.",
    },
    "privacy.accepted_already": {
        "de": "Sie haben den aktuellen Datenschutzhinweisen bereits zugestimmt.",
        "en": "You have already agreed to the current privacy notice.",
    },
    "privacy.help_privacy": {"de": "Datenschutzhinweise", "en": "Privacy notice"},
    # export
    "privacy.help_mydata": {
        "de": "Alles ansehen, was über Sie gespeichert ist",
        "en": "See everything stored about you",
    },
    "privacy.nothing_stored": {
        "de": "Über Sie ist nichts gespeichert: Sie sind nicht registriert.",
        "en": "Nothing is stored about you: you are not registered.",
    },
    "privacy.export_title": {"de": "Gespeicherte Daten: {name}", "en": "Stored data: {name}"},
    "privacy.export_accounts": {"de": "Konten: {accounts}", "en": "Accounts: {accounts}"},
    "privacy.export_stored": {"de": "Außerdem gespeichert:", "en": "Also stored:"},
    "privacy.export_file": {
        "de": "Alles im Einzelnen steht in der angehängten Datei (JSON). Löschen können Sie "
        "alles mit /loeschen.",
        "en": "Every detail is in the attached file (JSON). You can delete all of it with /delete.",
    },
    # erasure
    "privacy.help_delete": {"de": "Alle Ihre Daten löschen", "en": "Delete all your data"},
    "privacy.erase_confirm": {
        "de": "Möchten Sie alle Ihre Daten bei {network} löschen?\n\n"
        "Gelöscht werden Ihr Profil, Ihre Konten auf allen Plattformen, Ihre Themen-Abos, "
        "Ihre Antworten zu Terminen (Ihr Platz geht an die Warteliste), Erinnerungen, Ihre "
        "Mitgliedschaften und Beitrittsanfragen in Arbeitsgruppen, Ihre Kooperationsanfragen "
        "mit den Antworten darauf, Nachrichten an Sie in der Warteschlange, Ihr Kalender-Abo, "
        "Ihr Eintrag im Kompetenzverzeichnis und Ihre Einstellungen.\n\n"
        "Für andere bleiben, ohne Ihren Namen: Ihre Beiträge in Arbeitsgruppen (gezeigt als "
        "„{author}“), Termine, Arbeitsgruppen, Rundschreiben und Einladungen, die Sie "
        "angelegt haben, und das Protokoll (was geschah, nicht wer).\n\n"
        "Das lässt sich nicht rückgängig machen. Vorher sichern: /meinedaten",
        "de_du": "Möchtest du alle deine Daten bei {network} löschen?\n\n"
        "Gelöscht werden dein Profil, deine Konten auf allen Plattformen, deine Themen-Abos, "
        "deine Antworten zu Terminen (dein Platz geht an die Warteliste), Erinnerungen, deine "
        "Mitgliedschaften und Beitrittsanfragen in Arbeitsgruppen, deine Kooperationsanfragen "
        "mit den Antworten darauf, Nachrichten an dich in der Warteschlange, dein "
        "Kalender-Abo, dein Eintrag im Kompetenzverzeichnis und deine Einstellungen.\n\n"
        "Für andere bleiben, ohne deinen Namen: deine Beiträge in Arbeitsgruppen (gezeigt als "
        "„{author}“), Termine, Arbeitsgruppen, Rundschreiben und Einladungen, die du "
        "angelegt hast, und das Protokoll (was geschah, nicht wer).\n\n"
        "Das lässt sich nicht rückgängig machen. Vorher sichern: /meinedaten",
        "en": "Do you want to delete all your data at {network}?\n\n"
        "This deletes your profile, your accounts on every platform, your topic "
        "subscriptions, your answers to events (your seat goes to the waiting list), "
        "reminders, your memberships of and requests to join working groups, your "
        "cooperation requests with the answers to them, messages to you still queued, your "
        "calendar feed, your entry in the competence directory and your settings.\n\n"
        "Staying for others, without your name: your working group updates (shown as "
        "“{author}”), events, working groups, broadcasts and invitations you created, and "
        "the audit log (what happened, not who).\n\n"
        "This cannot be undone. Keep a copy first: /mydata",
    },
    "privacy.btn_erase": {"de": "Ja, alles löschen", "en": "Yes, delete everything"},
    "privacy.btn_keep": {"de": "Abbrechen", "en": "Cancel"},
    "privacy.erase_kept": {
        "de": "Abgebrochen. Es wurde nichts gelöscht.",
        "en": "Cancelled. Nothing was deleted.",
    },
    "privacy.erased_kept": {
        "de": "Für andere bleibt, ohne Namen:",
        "en": "Staying for others, without the name:",
    },
    "privacy.erased": {
        "de": "Ihre Daten sind gelöscht:\n{lines}\n\nAuf Wiedersehen! Wenn Sie wieder "
        "schreiben, beginnt eine neue Anmeldung.",
        "en": "Your data has been deleted:\n{lines}\n\nGoodbye! If you write again, a new "
        "registration starts.",
    },
    # staff
    "privacy.help_member": {
        "de": "Mitglied suchen, Daten exportieren oder löschen",
        "en": "Find a member, export or delete their data",
    },
    "privacy.member_usage": {
        "de": "Bitte geben Sie einen Namen, ein Unternehmen, eine Nummer (#12) oder ein Konto "
        "(telegram:12345) an, z. B. /mitglied Muster",
        "en": "Please give a name, company, number (#12) or account (telegram:12345), e.g. "
        "/member Muster",
    },
    "privacy.member_none": {
        "de": "Kein Mitglied gefunden für „{query}“.",
        "en": "No member found for “{query}”.",
    },
    "privacy.member_line": {
        "de": "#{id} {who} – {status}; {accounts}",
        "en": "#{id} {who} – {status}; {accounts}",
    },
    "privacy.status_active": {"de": "aktiv", "en": "active"},
    "privacy.status_pending": {"de": "wartet auf Freigabe", "en": "awaiting approval"},
    "privacy.status_rejected": {"de": "abgelehnt", "en": "rejected"},
    "privacy.member_gone": {
        "de": "Dieses Mitglied gibt es nicht mehr.",
        "en": "This member no longer exists.",
    },
    "privacy.btn_export": {"de": "Daten exportieren", "en": "Export data"},
    "privacy.btn_staff_erase": {"de": "Daten löschen", "en": "Delete data"},
    "privacy.staff_self": {
        "de": "Ihre eigenen Daten löschen Sie mit /loeschen.",
        "en": "To delete your own data, use /delete.",
    },
    "privacy.staff_erase_confirm": {
        "de": "Alle Daten von {who} löschen? Gelöscht werden Profil, Konten, "
        "Abos, Antworten zu Terminen, Mitgliedschaften und Beitrittsanfragen in "
        "Arbeitsgruppen, Kooperationsanfragen und Einstellungen. Ohne Namen bleiben Beiträge "
        "in Arbeitsgruppen (gezeigt als „{author}“), angelegte Termine, Arbeitsgruppen, "
        "Rundschreiben und Einladungen und das Protokoll. Das lässt sich nicht rückgängig "
        "machen.",
        "en": "Delete all data of {who}? This deletes the profile, accounts, "
        "subscriptions, answers to events, working group memberships and join requests, "
        "cooperation requests and settings. Staying without the name: working group updates "
        "(shown as “{author}”), events, working groups, broadcasts and invitations created, "
        "and the audit log. This cannot be undone.",
    },
    "privacy.staff_erased": {
        "de": "Die Daten von {name} sind gelöscht:\n{lines}",
        "en": "The data of {name} has been deleted:\n{lines}",
    },
    "privacy.stale_none": {
        "de": "Keine Konten sind länger als {days, plural, one {# Tag} other {# Tage}} "
        "unerreichbar.",
        "en": "No accounts have been unreachable for more than "
        "{days, plural, one {# day} other {# days}}.",
    },
    "privacy.stale_line": {
        "de": "• {name}, {platform}, unerreichbar seit {since} ({what})",
        "en": "• {name}, {platform}, unreachable since {since} ({what})",
    },
    "privacy.stale_account": {
        "de": "nur dieses Konto, das Mitglied bleibt",
        "en": "this account only, the member stays",
    },
    "privacy.stale_all": {"de": "das ganze Mitglied", "en": "the whole member"},
    "privacy.stale_more": {"de": "… und {count} weitere", "en": "… and {count} more"},
    "privacy.stale_confirm": {
        "de": "{accounts, plural, one {# Konto ist} other {# Konten sind}} seit mehr als "
        "{days, plural, one {# Tag} other {# Tagen}} unerreichbar; "
        "{members, plural, one {# Mitglied hat} other {# Mitglieder haben}} kein anderes "
        "Konto und {members, plural, one {wird} other {werden}} ganz gelöscht.\n\n{lines}\n\n"
        "Jetzt löschen?",
        "en": "{accounts, plural, one {# account has} other {# accounts have}} been unreachable "
        "for more than {days, plural, one {# day} other {# days}}; "
        "{members, plural, one {# member has} other {# members have}} no other account and "
        "{members, plural, one {is} other {are}} deleted entirely.\n\n{lines}\n\n"
        "Delete now?",
    },
    "privacy.btn_stale": {"de": "Unerreichbare löschen …", "en": "Delete unreachable …"},
    "privacy.btn_stale_yes": {"de": "Ja, löschen", "en": "Yes, delete"},
    "privacy.stale_done": {
        "de": "Gelöscht: {members, plural, one {# Mitglied} other {# Mitglieder}} ganz, "
        "{accounts, plural, one {# weiteres Konto} other {# weitere Konten}}.",
        "en": "Deleted: {members, plural, one {# member} other {# members}} entirely, "
        "{accounts, plural, one {# further account} other {# further accounts}}.",
    },
    # roles
    "privacy.help_admins": {
        "de": "Admins ansehen, ernennen und entfernen",
        "en": "See, add and remove admins",
    },
    "privacy.admins_title": {"de": "Admins", "en": "Admins"},
    "privacy.admins_none": {"de": "Keine Admins eingetragen.", "en": "No admins listed."},
    "privacy.admins_hint": {
        "de": "Neue Admins: /admins NAME. Admins aus KNOTENPUNKT_ADMINS ändern Sie in der "
        "Konfiguration.",
        "en": "New admins: /admins NAME. Admins from KNOTENPUNKT_ADMINS are changed in the "
        "configuration.",
    },
    "privacy.admin_bootstrap_mark": {
        "de": "(aus KNOTENPUNKT_ADMINS)",
        "en": "(from KNOTENPUNKT_ADMINS)",
    },
    "privacy.admin_unregistered": {
        "de": "{account} (noch nicht registriert)",
        "en": "{account} (not registered yet)",
    },
    "privacy.btn_demote": {"de": "Entfernen: {name}", "en": "Remove: {name}"},
    "privacy.btn_promote": {"de": "Zum Admin machen: {name}", "en": "Make admin: {name}"},
    "privacy.admins_candidates": {
        "de": "Wen möchten Sie zum Admin machen?",
        "en": "Whom do you want to make an admin?",
    },
    "privacy.admin_promoted": {"de": "{name} ist jetzt Admin.", "en": "{name} is now an admin."},
    "privacy.admin_demoted": {
        "de": "{name} ist kein Admin mehr.",
        "en": "{name} is no longer an admin.",
    },
    "privacy.admin_gone": {
        "de": "Diesen Admin gibt es nicht mehr.",
        "en": "This admin no longer exists.",
    },
    "privacy.admin_already": {"de": "{name} ist schon Admin.", "en": "{name} is already an admin."},
    "privacy.admin_not_active": {
        "de": "{name} ist kein aktives Mitglied.",
        "en": "{name} is not an active member.",
    },
    "privacy.admin_bootstrap": {
        "de": "Dieser Admin steht in KNOTENPUNKT_ADMINS und wird nur dort entfernt.",
        "en": "This admin is listed in KNOTENPUNKT_ADMINS and can only be removed there.",
    },
    "privacy.admin_last": {
        "de": "Das ist der letzte Admin: Ernennen Sie zuerst einen anderen.",
        "en": "This is the last admin: make someone else an admin first.",
    },
    # invitations
    "privacy.help_invite": {
        "de": "Jemanden ins Netzwerk einladen",
        "en": "Invite someone to the network",
    },
    "privacy.invite_choose": {
        "de": "Welche Einladung möchten Sie erstellen? (Oder genau: /einladen ANZAHL TAGE, "
        "z. B. /einladen 5 14, oder /einladen mehrfach 30)",
        "en": "Which invitation do you want to create? (Or exactly: /invite USES DAYS, e.g. "
        "/invite 5 14, or /invite multi 30)",
    },
    "privacy.btn_invite_once": {
        "de": "Für eine Person, 7 Tage gültig",
        "en": "For one person, valid 7 days",
    },
    "privacy.btn_invite_multi": {
        "de": "Für mehrere, 30 Tage gültig",
        "en": "For several people, valid 30 days",
    },
    "privacy.invite_usage": {
        "de": "So geht es: /einladen [ANZAHL|mehrfach] [TAGE], z. B. /einladen 5 Tage oder "
        "/einladen 3 Personen 2 Wochen; höchstens {uses} Personen und {days} Tage.",
        "en": "Usage: /invite [USES|multi] [DAYS], e.g. /invite 5 days or /invite 3 people "
        "2 weeks; at most {uses} people and {days} days.",
    },
    "privacy.invite_once": {"de": "für eine Person", "en": "for one person"},
    "privacy.invite_times": {
        "de": "für bis zu {count, plural, one {# Person} other {# Personen}}",
        "en": "for up to {count, plural, one {# person} other {# people}}",
    },
    "privacy.invite_any": {"de": "für beliebig viele Personen", "en": "for any number of people"},
    "privacy.invite_link": {"de": "Telegram: {link}", "en": "Telegram: {link}"},
    "privacy.invite_no_link": {
        "de": "Telegram: dem Bot „/start {code}“ senden",
        "en": "Telegram: send the bot “/start {code}”",
    },
    "privacy.invite_created": {
        "de": "Einladung erstellt, {uses}, gültig bis {until}. Wer sich damit anmeldet, "
        "braucht keine Freigabe.\n\n{telegram}\nSlack: dem Bot „start {code}“ schreiben "
        "(oder /knotenpunkt start {code})\n\nCode: {code}",
        "en": "Invitation created, {uses}, valid until {until}. Whoever signs up with it "
        "needs no approval.\n\n{telegram}\nSlack: write “start {code}” to the bot (or "
        "/knotenpunkt start {code})\n\nCode: {code}",
    },
    "privacy.invite_welcome": {
        "de": "Sie wurden zu {network} eingeladen. Nach der Anmeldung sind Sie sofort dabei.",
        "en": "You have been invited to {network}. Once you have signed up, you are in.",
    },
    "privacy.invite_unknown": {
        "de": "Diesen Einladungscode kenne ich nicht.",
        "en": "I don't know this invitation code.",
    },
    "privacy.invite_used": {
        "de": "Dieser Einladungscode wurde schon verwendet.",
        "en": "This invitation code has already been used.",
    },
    "privacy.invite_expired": {
        "de": "Dieser Einladungscode ist abgelaufen.",
        "en": "This invitation code has expired.",
    },
    "privacy.invite_fallback": {
        "de": "Sie können sich trotzdem ganz normal anmelden.",
        "en": "You can still sign up the normal way.",
    },
    "privacy.invite_fallback_approval": {
        "de": "Sie können sich trotzdem anmelden; das Netzwerk-Team gibt Ihre Anmeldung dann frei.",
        "en": "You can still sign up; the network team will then approve your registration.",
    },
    "privacy.invite_gone": {
        "de": "Ihre Einladung war inzwischen verbraucht oder abgelaufen.",
        "en": "Your invitation had been used up or had expired in the meantime.",
    },
    # statistics
    "privacy.help_stats": {"de": "Zahlen des Netzwerks", "en": "The network's figures"},
    "privacy.stats_title": {"de": "{network} in Zahlen", "en": "{network} in figures"},
    "privacy.stats_members": {
        "de": "👥 Mitglieder: {active} aktiv, "
        "{pending, plural, one {# wartet} other {# warten}} auf Freigabe, {rejected} abgelehnt",
        "en": "👥 Members: {active} active, {pending} awaiting approval, {rejected} declined",
    },
    "privacy.stats_new": {"de": "Neu im {month}: {count}", "en": "New in {month}: {count}"},
    "privacy.stats_btn_members": {
        "de": "👥 Regionen, Plattformen, Monate",
        "en": "👥 Regions, platforms, months",
    },
    "privacy.stats_btn_topics": {"de": "🏷 Themen und Arbeitsgruppen", "en": "🏷 Topics and groups"},
    "privacy.stats_btn_cooperation": {
        "de": "🤝 Kooperationsgesuche",
        "en": "🤝 Cooperation requests",
    },
    "privacy.stats_btn_overview": {"de": "◂ Übersicht", "en": "◂ Overview"},
    "privacy.stats_regions": {"de": "Nach Region:", "en": "By region:"},
    "privacy.stats_platforms": {"de": "Nach Plattform:", "en": "By platform:"},
    "privacy.stats_months": {"de": "Neue Mitglieder je Monat:", "en": "New members per month:"},
    "privacy.stats_topics": {"de": "Abos je Thema:", "en": "Subscriptions per topic:"},
    "privacy.stats_topic_levels": {
        "de": "Benachrichtigung je Thema (sofort · Wochenüberblick · stumm):",
        "en": "Notifications per topic (at once · weekly overview · muted):",
    },
    "privacy.stats_topic_level": {
        "de": "{topic}: {all} · {digest} · {muted}",
        "en": "{topic}: {all} · {digest} · {muted}",
    },
    "privacy.stats_groups": {
        "de": "Mitglieder je Arbeitsgruppe:",
        "en": "Members per working group:",
    },
    "privacy.stats_cooperation": {
        "de": "Kooperationsgesuche je Monat (gestellt, Interesse, Verbindungen):",
        "en": "Cooperation requests per month (posted, interests, connections):",
    },
    "privacy.stats_cooperation_month": {
        "de": "  {month}: {posted}, {interests}, {connections}",
        "en": "  {month}: {posted}, {interests}, {connections}",
    },
    "privacy.stats_events": {"de": "🗓 Nächste Termine:", "en": "🗓 Next events:"},
    "privacy.stats_event": {
        "de": "• {title} – {when}\n"
        "  {yes, plural, one {#{capacity} Zusage} other {#{capacity} Zusagen}}, "
        "{waitlist} auf der Warteliste, {maybe} vielleicht, "
        "{no, plural, one {# Absage} other {# Absagen}}",
        "en": "• {title} – {when}\n  {yes}{capacity} yes, {waitlist} waiting, {maybe} maybe, "
        "{no} no",
    },
    "privacy.stats_deliveries": {
        "de": "📨 Zustellungen der letzten {days, plural, one {# Tag} other {# Tage}}: "
        "{sent} gesendet, {pending} ausstehend, {failed} fehlgeschlagen, "
        "{unreachable} unerreichbar",
        "en": "📨 Deliveries of the last {days, plural, one {# day} other {# days}}: {sent} sent, "
        "{pending} pending, {failed} failed, {unreachable} unreachable",
    },
    "privacy.stats_stale": {
        "de": "⚠️ Länger als {days, plural, one {# Tag} other {# Tage}} unerreichbar: "
        "{accounts, plural, one {# Konto} other {# Konten}} "
        "({members, plural, one {# Mitglied} other {# Mitglieder}} ohne anderes Konto)",
        "en": "⚠️ Unreachable for more than {days, plural, one {# day} other {# days}}: "
        "{accounts, plural, one {# account} other {# accounts}} "
        "({members, plural, one {# member} other {# members}} without another account)",
    },
}
