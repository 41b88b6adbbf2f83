"""Texts of the web dashboard for the network team, and of ``/dashboard`` in the chat."""

from __future__ import annotations

MESSAGES = {
    "help.dashboard": {
        "de": "Link zum Web-Dashboard (einmalig, 10 Minuten gültig)",
        "en": "Link to the web dashboard (single use, valid 10 minutes)",
    },
    "dashboard.link": {
        "de": "Ihr persönlicher Link zum Dashboard, gültig {minutes} Minuten und nur einmal "
        "verwendbar:\n{url}\n\nBitte geben Sie ihn nicht weiter. Abmelden können Sie sich "
        "im Dashboard oben rechts.",
        "de_du": "Dein persönlicher Link zum Dashboard, gültig {minutes} Minuten und nur "
        "einmal verwendbar:\n{url}\n\nBitte gib ihn nicht weiter. Abmelden kannst du dich "
        "im Dashboard oben rechts.",
        "en": "Your personal link to the dashboard, valid for {minutes} minutes and usable "
        "once:\n{url}\n\nPlease do not pass it on. You can sign out at the top right of the "
        "dashboard.",
    },
    "dashboard.no_public_url": {
        "de": "Das Web-Dashboard ist noch nicht eingerichtet: Der Betrieb muss "
        "KNOTENPUNKT_PUBLIC_URL auf die öffentliche Adresse des Bots setzen (z. B. "
        "https://bot.example.org) und /admin/ dorthin weiterleiten. Danach erhalten Sie "
        "hier Ihren Link.",
        "de_du": "Das Web-Dashboard ist noch nicht eingerichtet: Der Betrieb muss "
        "KNOTENPUNKT_PUBLIC_URL auf die öffentliche Adresse des Bots setzen (z. B. "
        "https://bot.example.org) und /admin/ dorthin weiterleiten. Danach bekommst du "
        "hier deinen Link.",
        "en": "The web dashboard is not set up yet: the operator needs to set "
        "KNOTENPUNKT_PUBLIC_URL to the bot's public address (e.g. https://bot.example.org) "
        "and forward /admin/ to it. Then you get your link here.",
    },
    "dashboard.no_http": {
        "de": "Das Web-Dashboard läuft auf dem HTTP-Server des Bots, der in diesem Betrieb "
        "nicht gestartet ist. Starten Sie den Bot mit einer Plattform oder mit "
        "„knotenpunkt run --http“.",
        "de_du": "Das Web-Dashboard läuft auf dem HTTP-Server des Bots, der in diesem "
        "Betrieb nicht gestartet ist. Starte den Bot mit einer Plattform oder mit "
        "„knotenpunkt run --http“.",
        "en": "The web dashboard runs on the bot's HTTP server, which is not started here. "
        "Start the bot with a platform or with “knotenpunkt run --http”.",
    },
    # frame and sign-in ------------------------------------------------------------------
    "dashboard.title": {"de": "Dashboard", "en": "Dashboard"},
    "dashboard.nav.overview": {"de": "Übersicht", "en": "Overview"},
    "dashboard.nav.members": {"de": "Mitglieder", "en": "Members"},
    "dashboard.nav.events": {"de": "Termine", "en": "Events"},
    "dashboard.nav.broadcasts": {"de": "Rundschreiben", "en": "Broadcasts"},
    "dashboard.nav.topics": {"de": "Themen & Gruppen", "en": "Topics & groups"},
    "dashboard.nav.audit": {"de": "Protokoll", "en": "Audit log"},
    "dashboard.logout": {"de": "Abmelden", "en": "Sign out"},
    "dashboard.signin.title": {"de": "Bitte anmelden", "en": "Please sign in"},
    "dashboard.signin.text": {
        "de": "Das Dashboard ist für das Netzwerk-Team. Schreiben Sie dem Bot im Chat "
        "/dashboard; Sie erhalten einen Link, der 10 Minuten gültig ist und Sie hier "
        "anmeldet.",
        "de_du": "Das Dashboard ist für das Netzwerk-Team. Schreib dem Bot im Chat "
        "/dashboard; du bekommst einen Link, der 10 Minuten gültig ist und dich hier "
        "anmeldet.",
        "en": "The dashboard is for the network team. Send /dashboard to the bot in the "
        "chat; you get a link, valid for 10 minutes, that signs you in here.",
    },
    "dashboard.login.title": {"de": "Beim Dashboard anmelden", "en": "Sign in to the dashboard"},
    "dashboard.login.text": {
        "de": "Mit diesem Link melden Sie sich für 8 Stunden an. Der Link ist danach verbraucht.",
        "de_du": "Mit diesem Link meldest du dich für 8 Stunden an. Der Link ist danach "
        "verbraucht.",
        "en": "This link signs you in for 8 hours. After that the link is used up.",
    },
    "dashboard.login.button": {"de": "Jetzt anmelden", "en": "Sign in now"},
    "dashboard.login.used_title": {
        "de": "Dieser Link gilt nicht mehr",
        "en": "This link is no longer valid",
    },
    "dashboard.login.used_text": {
        "de": "Anmeldelinks gelten 10 Minuten und nur einmal. Schreiben Sie dem Bot im Chat "
        "/dashboard, um einen neuen zu erhalten.",
        "de_du": "Anmeldelinks gelten 10 Minuten und nur einmal. Schreib dem Bot im Chat "
        "/dashboard, um einen neuen zu bekommen.",
        "en": "Sign-in links are valid for 10 minutes and only once. Send /dashboard to the "
        "bot in the chat to get a new one.",
    },
    "dashboard.error.title": {"de": "Nicht möglich", "en": "Not possible"},
    "dashboard.error.back": {"de": "Zur Übersicht", "en": "Back to the overview"},
    "dashboard.error.role_ended": {
        "de": "Diese Anmeldung gilt nicht mehr, weil die Admin-Rolle entzogen wurde.",
        "en": "This sign-in is no longer valid because the admin role was removed.",
    },
    "dashboard.error.signed_out": {
        "de": "Nicht angemeldet. Schreiben Sie dem Bot im Chat /dashboard.",
        "de_du": "Nicht angemeldet. Schreib dem Bot im Chat /dashboard.",
        "en": "Not signed in. Send /dashboard to the bot in the chat.",
    },
    "dashboard.error.csrf": {
        "de": "Das Formular war veraltet oder unvollständig; nichts wurde geändert. Bitte "
        "laden Sie die Seite neu.",
        "de_du": "Das Formular war veraltet oder unvollständig; nichts wurde geändert. Bitte "
        "lade die Seite neu.",
        "en": "The form was out of date or incomplete; nothing was changed. Please reload "
        "the page.",
    },
    "dashboard.error.not_found": {
        "de": "Das gibt es nicht (mehr).",
        "en": "This does not exist (any more).",
    },
    # shared words -----------------------------------------------------------------------
    "dashboard.all": {"de": "alle", "en": "all"},
    "dashboard.filter": {"de": "Filtern", "en": "Filter"},
    "dashboard.previous": {"de": "zurück", "en": "previous"},
    "dashboard.next": {"de": "weiter", "en": "next"},
    "dashboard.back": {"de": "Zurück", "en": "Back"},
    "dashboard.cancel": {"de": "Abbrechen", "en": "Cancel"},
    "dashboard.create": {"de": "Anlegen", "en": "Create"},
    "dashboard.save": {"de": "Speichern", "en": "Save"},
    "dashboard.archive": {"de": "Archivieren", "en": "Archive"},
    "dashboard.archived": {"de": "archiviert", "en": "archived"},
    "dashboard.answers.yes": {"de": "Zusagen", "en": "Yes"},
    "dashboard.answers.maybe": {"de": "Vielleicht", "en": "Maybe"},
    "dashboard.answers.no": {"de": "Absagen", "en": "No"},
    "dashboard.answers.waitlist": {"de": "Warteliste", "en": "Waiting list"},
    # overview ---------------------------------------------------------------------------
    "dashboard.overview.active": {"de": "aktive Mitglieder", "en": "active members"},
    "dashboard.overview.pending": {
        "de": {
            "one": "{n} Anmeldung wartet auf Freigabe",
            "other": "{n} Anmeldungen warten auf Freigabe",
        },
        "en": {
            "one": "{n} registration waits for approval",
            "other": "{n} registrations wait for approval",
        },
    },
    "dashboard.overview.deliveries": {
        "de": "Zustellungen der letzten 30 Tage",
        "en": "Deliveries in the last 30 days",
    },
    "dashboard.overview.chart_title": {
        "de": "{count} Nachrichten zugestellt (30 Tage)",
        "en": "{count} messages delivered (30 days)",
    },
    "dashboard.overview.peak": {"de": "höchstens {count} am Tag", "en": "at most {count} a day"},
    "dashboard.overview.upcoming": {"de": "Nächste Termine", "en": "Upcoming events"},
    "dashboard.overview.broadcasts": {
        "de": "Laufende und geplante Rundschreiben",
        "en": "Running and scheduled broadcasts",
    },
    "dashboard.overview.no_broadcasts": {
        "de": "Kein Rundschreiben läuft oder ist geplant.",
        "en": "No broadcast is running or scheduled.",
    },
    "dashboard.overview.cooperation": {
        "de": "Offene Kooperationsanfragen",
        "en": "Open cooperation requests",
    },
    "dashboard.overview.no_cooperation": {
        "de": "Keine offenen Anfragen.",
        "en": "No open requests.",
    },
    # members ----------------------------------------------------------------------------
    "dashboard.members.search": {"de": "Name, Firma, Kompetenz", "en": "Name, company, skill"},
    "dashboard.members.name": {"de": "Name", "en": "Name"},
    "dashboard.members.company": {"de": "Firma", "en": "Company"},
    "dashboard.members.region": {"de": "Region", "en": "Region"},
    "dashboard.members.topic": {"de": "Thema", "en": "Topic"},
    "dashboard.members.group": {"de": "Arbeitskreis", "en": "Working group"},
    "dashboard.members.platform": {"de": "Plattform", "en": "Platform"},
    "dashboard.members.status": {"de": "Status", "en": "Status"},
    "dashboard.members.state.active": {"de": "aktiv", "en": "active"},
    "dashboard.members.state.pending": {"de": "wartet", "en": "pending"},
    "dashboard.members.state.rejected": {"de": "abgelehnt", "en": "declined"},
    "dashboard.members.found": {
        "de": {"one": "{n} Mitglied gefunden", "other": "{n} Mitglieder gefunden"},
        "en": {"one": "{n} member found", "other": "{n} members found"},
    },
    "dashboard.members.approve": {"de": "Freigeben", "en": "Approve"},
    "dashboard.members.decline": {"de": "Ablehnen", "en": "Decline"},
    "dashboard.members.export": {"de": "Daten exportieren", "en": "Export data"},
    "dashboard.members.erase": {"de": "Löschen", "en": "Erase"},
    "dashboard.members.erase_title": {"de": "{name} löschen?", "en": "Erase {name}?"},
    "dashboard.members.erase_text": {
        "de": "Alle Daten von {name} ({company}) werden endgültig gelöscht. Das lässt sich "
        "nicht rückgängig machen.",
        "en": "All data of {name} ({company}) will be erased for good. This cannot be undone.",
    },
    "dashboard.members.erase_confirm": {"de": "Ja, endgültig löschen", "en": "Yes, erase for good"},
    "dashboard.members.notice.approved": {
        "de": "{name} ist freigegeben und wurde im Chat benachrichtigt.",
        "en": "{name} is approved and was told in the chat.",
    },
    "dashboard.members.notice.rejected": {
        "de": "{name} wurde abgelehnt und im Chat benachrichtigt.",
        "en": "{name} was declined and told in the chat.",
    },
    "dashboard.members.notice.already": {
        "de": "Über {name} wurde schon entschieden.",
        "en": "{name} was decided on already.",
    },
    "dashboard.members.notice.gone": {
        "de": "Diese Anmeldung gibt es nicht mehr.",
        "en": "This registration no longer exists.",
    },
    "dashboard.members.notice.erased": {"de": "{name} wurde gelöscht.", "en": "{name} was erased."},
    # events -----------------------------------------------------------------------------
    "dashboard.events.none": {"de": "Keine kommenden Termine.", "en": "No upcoming events."},
    "dashboard.events.new": {"de": "Neuer Termin", "en": "New event"},
    "dashboard.events.create": {"de": "Termin anlegen", "en": "Create event"},
    "dashboard.events.edit": {"de": "Bearbeiten", "en": "Edit"},
    "dashboard.events.import": {"de": "Kalender importieren", "en": "Import a calendar"},
    "dashboard.events.show_all": {
        "de": "Auch abgesagte und vergangene",
        "en": "Include cancelled and past",
    },
    "dashboard.events.show_upcoming": {"de": "Nur kommende", "en": "Upcoming only"},
    "dashboard.events.title": {"de": "Titel", "en": "Title"},
    "dashboard.events.when": {"de": "Wann", "en": "When"},
    "dashboard.events.next": {"de": "Nächster Termin", "en": "Next date"},
    "dashboard.events.repeat": {"de": "Wiederholung", "en": "Repeats"},
    "dashboard.events.where": {"de": "Ort", "en": "Place"},
    "dashboard.events.where_input": {
        "de": "Ort oder Online-Link",
        "en": "Place or online link",
    },
    "dashboard.events.format": {"de": "Format", "en": "Format"},
    "dashboard.events.capacity": {"de": "Plätze", "en": "Seats"},
    "dashboard.events.capacity_input": {
        "de": "Plätze (leer = unbegrenzt)",
        "en": "Seats (empty = unlimited)",
    },
    "dashboard.events.topics": {"de": "Themen", "en": "Topics"},
    "dashboard.events.group": {"de": "Arbeitskreis", "en": "Working group"},
    "dashboard.events.no_group": {"de": "kein Arbeitskreis", "en": "no working group"},
    "dashboard.events.description": {"de": "Beschreibung", "en": "Description"},
    "dashboard.events.start": {"de": "Beginn ({zone})", "en": "Start ({zone})"},
    "dashboard.events.end": {
        "de": "Ende (leer = 2 Stunden)",
        "en": "End (empty = 2 hours)",
    },
    "dashboard.events.all_day": {
        "de": "ganztägig (es zählen nur die Tage von Beginn und Ende)",
        "en": "all day (only the days of start and end count)",
    },
    "dashboard.events.rrule": {
        "de": "Eigene Regel (RRULE), wenn „eigene Regel“ gewählt ist",
        "en": "Own rule (RRULE), when “own rule” is chosen",
    },
    "dashboard.events.repeat.none": {"de": "Einmalig", "en": "Once"},
    "dashboard.events.repeat.weekly": {"de": "Wöchentlich", "en": "Weekly"},
    "dashboard.events.repeat.biweekly": {"de": "Alle zwei Wochen", "en": "Every two weeks"},
    "dashboard.events.repeat.monthly": {
        "de": "Monatlich am selben Wochentag (z. B. 2. Dienstag)",
        "en": "Monthly on the same weekday (e.g. the 2nd Tuesday)",
    },
    "dashboard.events.repeat.custom": {"de": "Eigene Regel (RRULE)", "en": "Own rule (RRULE)"},
    "dashboard.events.announce_hint": {
        "de": "Ein neuer Termin wird den Abonnenten seiner Themen angekündigt.",
        "en": "A new event is announced to the subscribers of its topics.",
    },
    "dashboard.events.cancelled": {"de": "abgesagt", "en": "cancelled"},
    "dashboard.events.dates": {"de": "Kommende Termine", "en": "Coming dates"},
    "dashboard.events.no_dates": {"de": "Keine kommenden Termine.", "en": "No coming dates."},
    "dashboard.events.attendees": {"de": "Teilnehmende", "en": "Attendees"},
    "dashboard.events.attendees_all": {
        "de": "Teilnehmende aller Termine",
        "en": "Attendees of all dates",
    },
    "dashboard.events.all_dates": {"de": "Alle Termine", "en": "All dates"},
    "dashboard.events.answer": {"de": "Antwort", "en": "Answer"},
    "dashboard.events.no_answers": {"de": "Noch keine Antworten.", "en": "No answers yet."},
    "dashboard.events.csv_excel": {"de": "CSV für Excel", "en": "CSV for Excel"},
    "dashboard.events.csv_plain": {"de": "CSV (Komma)", "en": "CSV (commas)"},
    "dashboard.events.cancel_date": {"de": "diesen Termin absagen", "en": "cancel this date"},
    "dashboard.events.cancel_all": {"de": "Ganze Reihe absagen", "en": "Cancel the whole event"},
    "dashboard.events.cancel_title": {"de": "Termin absagen", "en": "Cancel event"},
    "dashboard.events.cancel_date_question": {
        "de": "„{title}“ am {when} absagen? Alle mit Zusage oder Vielleicht werden benachrichtigt.",
        "en": "Cancel “{title}” on {when}? Everyone who said yes or maybe is told.",
    },
    "dashboard.events.cancel_all_question": {
        "de": "„{title}“ mit allen Terminen absagen? Alle mit Zusage oder Vielleicht werden "
        "benachrichtigt.",
        "en": "Cancel “{title}” with all its dates? Everyone who said yes or maybe is told.",
    },
    "dashboard.events.notice.created": {
        "de": "Der Termin ist angelegt.",
        "en": "The event is created.",
    },
    "dashboard.events.notice.changed": {
        "de": "Gespeichert; wer zugesagt hat, wird benachrichtigt.",
        "en": "Saved; those who said yes are told.",
    },
    "dashboard.events.notice.cancelled": {
        "de": "Der Termin ist abgesagt.",
        "en": "The event is cancelled.",
    },
    "dashboard.events.notice.cancelled_date": {
        "de": "Dieser Termin der Reihe ist abgesagt.",
        "en": "This date of the series is cancelled.",
    },
    # import -----------------------------------------------------------------------------
    "dashboard.import.intro": {
        "de": "Ein Kalender (.ics) von der Website oder als Datei. Der Import gleicht ab: "
        "neue Termine werden angelegt und angekündigt, geänderte aktualisiert, "
        "verschwundene abgesagt.",
        "en": "A calendar (.ics) from the website or as a file. The import syncs: new events "
        "are created and announced, changed ones updated, vanished ones cancelled.",
    },
    "dashboard.import.url": {"de": "Adresse (URL)", "en": "Address (URL)"},
    "dashboard.import.file": {"de": "oder Datei", "en": "or a file"},
    "dashboard.import.run": {"de": "Importieren", "en": "Import"},
    "dashboard.import.nothing": {
        "de": "Bitte eine Adresse (https://…) oder eine Datei angeben.",
        "en": "Please give an address (https://…) or a file.",
    },
    "dashboard.import.too_large": {
        "de": "Die Datei ist größer als {mb} MB.",
        "en": "The file is larger than {mb} MB.",
    },
    "dashboard.import.fetch_failed": {
        "de": "Der Kalender ließ sich nicht laden: {reason}",
        "en": "The calendar could not be loaded: {reason}",
    },
    "dashboard.import.not_ics": {
        "de": "Das ist keine iCalendar-Datei: {reason}",
        "en": "This is not an iCalendar file: {reason}",
    },
    "dashboard.import.report": {
        "de": "Import: {created} neu, {updated} geändert, {unchanged} unverändert, "
        "{cancelled} abgesagt, {skipped} übersprungen.",
        "en": "Import: {created} created, {updated} updated, {unchanged} unchanged, "
        "{cancelled} cancelled, {skipped} skipped.",
    },
    # broadcasts -------------------------------------------------------------------------
    "dashboard.broadcasts.compose": {"de": "Rundschreiben verfassen", "en": "Write a broadcast"},
    "dashboard.broadcasts.none": {"de": "Noch keine Rundschreiben.", "en": "No broadcasts yet."},
    "dashboard.broadcasts.one": {"de": "Rundschreiben {id}", "en": "Broadcast {id}"},
    "dashboard.broadcasts.audience": {"de": "Empfänger", "en": "Audience"},
    "dashboard.broadcasts.topic": {"de": "Thema", "en": "Topic"},
    "dashboard.broadcasts.region": {"de": "Region", "en": "Region"},
    "dashboard.broadcasts.text": {"de": "Text", "en": "Text"},
    "dashboard.broadcasts.markup_hint": {
        "de": "*fett*, _kursiv_, [Linktext](https://…); höchstens 4.000 Zeichen.",
        "en": "*bold*, _italic_, [link text](https://…); at most 4,000 characters.",
    },
    "dashboard.broadcasts.count": {"de": "Empfänger zählen", "en": "Count recipients"},
    "dashboard.broadcasts.recipients": {
        "de": {"one": "{n} Empfänger", "other": "{n} Empfänger"},
        "en": {"one": "{n} recipient", "other": "{n} recipients"},
    },
    "dashboard.broadcasts.preview": {"de": "Vorschau", "en": "Preview"},
    "dashboard.broadcasts.preview_intro": {
        "de": "So erhalten die Mitglieder die Nachricht:",
        "en": "This is how members get the message:",
    },
    "dashboard.broadcasts.literal": {
        "de": "Diese Zeichen erscheinen so, wie sie geschrieben sind: {words}",
        "en": "These characters appear as typed: {words}",
    },
    "dashboard.broadcasts.count_changed": {
        "de": "Die Zahl der Empfänger hat sich seit der Vorschau geändert; nichts wurde "
        "gesendet. Bitte die neue Zahl prüfen.",
        "en": "The number of recipients changed since the preview; nothing was sent. Please "
        "check the new number.",
    },
    "dashboard.broadcasts.send_now": {"de": "Jetzt senden", "en": "Send now"},
    "dashboard.broadcasts.edit": {"de": "Text ändern", "en": "Edit"},
    "dashboard.broadcasts.send_at": {"de": "Senden am", "en": "Send at"},
    "dashboard.broadcasts.schedule": {"de": "Planen", "en": "Schedule"},
    "dashboard.broadcasts.status": {"de": "Status", "en": "Status"},
    "dashboard.broadcasts.progress": {"de": "Zustellung", "en": "Delivery"},
    "dashboard.broadcasts.by": {"de": "Von", "en": "By"},
    "dashboard.broadcasts.late": {"de": "verspätet", "en": "late"},
    "dashboard.broadcasts.counts": {
        "de": "✅ {sent} zugestellt · ⏳ {pending} ausstehend · 🚫 {unreachable} nicht "
        "erreichbar · ⚠️ {failed} fehlgeschlagen",
        "en": "✅ {sent} delivered · ⏳ {pending} pending · 🚫 {unreachable} unreachable · "
        "⚠️ {failed} failed",
    },
    "dashboard.broadcasts.withdrawn": {"de": "{count} zurückgezogen", "en": "{count} withdrawn"},
    "dashboard.broadcasts.cancel": {
        "de": "Abbrechen (Rest zurückziehen)",
        "en": "Cancel (withdraw the rest)",
    },
    "dashboard.broadcasts.unreachable": {"de": "Nicht erreicht", "en": "Not reached"},
    "dashboard.broadcasts.state.scheduled": {"de": "geplant", "en": "scheduled"},
    "dashboard.broadcasts.state.sending": {"de": "wird gesendet", "en": "sending"},
    "dashboard.broadcasts.state.done": {"de": "fertig", "en": "done"},
    "dashboard.broadcasts.state.cancelled": {"de": "abgebrochen", "en": "cancelled"},
    "dashboard.broadcasts.notice.sent": {
        "de": "Das Rundschreiben geht hinaus.",
        "en": "The broadcast is on its way.",
    },
    "dashboard.broadcasts.notice.scheduled": {
        "de": "Das Rundschreiben ist geplant.",
        "en": "The broadcast is scheduled.",
    },
    "dashboard.broadcasts.notice.cancelled": {
        "de": "Abgebrochen; was noch nicht gesendet war, ist zurückgezogen.",
        "en": "Cancelled; what was not sent yet is withdrawn.",
    },
    # topics and groups ------------------------------------------------------------------
    "dashboard.topics.title": {"de": "Themenkanäle", "en": "Topic channels"},
    "dashboard.topics.none": {"de": "Noch keine Themen.", "en": "No topics yet."},
    "dashboard.topics.name": {"de": "Name", "en": "Name"},
    "dashboard.topics.description": {"de": "Beschreibung", "en": "Description"},
    "dashboard.topics.subscribers": {"de": "Abonnenten", "en": "Subscribers"},
    "dashboard.topics.new": {"de": "Neues Thema", "en": "New topic"},
    "dashboard.groups.title": {"de": "Arbeitskreise", "en": "Working groups"},
    "dashboard.groups.none": {"de": "Noch keine Arbeitskreise.", "en": "No working groups yet."},
    "dashboard.groups.new": {"de": "Neuer Arbeitskreis", "en": "New working group"},
    "dashboard.groups.members": {"de": "Mitglieder", "en": "Members"},
    "dashboard.groups.no_members": {"de": "Noch keine Mitglieder.", "en": "No members yet."},
    "dashboard.groups.policy": {"de": "Beitritt", "en": "Joining"},
    "dashboard.groups.policy.open": {"de": "offen", "en": "open"},
    "dashboard.groups.policy.request": {"de": "auf Anfrage", "en": "on request"},
    "dashboard.groups.topic": {"de": "Thema", "en": "Topic"},
    "dashboard.groups.role": {"de": "Rolle", "en": "Role"},
    "dashboard.groups.role.member": {"de": "Mitglied", "en": "member"},
    "dashboard.groups.role.moderator": {"de": "Moderation", "en": "moderator"},
    "dashboard.groups.moderator_input": {
        "de": "Moderation übertragen an (Name, @Name oder telegram:123)",
        "en": "Make a moderator (name, @name or telegram:123)",
    },
    "dashboard.groups.moderate": {"de": "Zur Moderation machen", "en": "Make moderator"},
    "dashboard.groups.unmoderate": {"de": "Moderation entziehen", "en": "Remove as moderator"},
    "dashboard.groups.archive": {"de": "Arbeitskreis archivieren", "en": "Archive the group"},
    "dashboard.structure.notice.topic_created": {
        "de": "Thema „{name}“ angelegt.",
        "en": "Topic “{name}” created.",
    },
    "dashboard.structure.notice.topic_archived": {
        "de": "Thema „{name}“ archiviert.",
        "en": "Topic “{name}” archived.",
    },
    "dashboard.structure.notice.group_created": {
        "de": "Arbeitskreis „{name}“ angelegt.",
        "en": "Working group “{name}” created.",
    },
    "dashboard.structure.notice.group_archived": {
        "de": "Arbeitskreis „{name}“ archiviert; wartende Neuigkeiten sind zurückgezogen.",
        "en": "Working group “{name}” archived; queued updates are withdrawn.",
    },
    "dashboard.structure.notice.moderator_named": {
        "de": "{name} moderiert jetzt.",
        "en": "{name} is now a moderator.",
    },
    "dashboard.structure.notice.moderator_removed": {
        "de": "{name} moderiert nicht mehr.",
        "en": "{name} is no longer a moderator.",
    },
    "dashboard.structure.notice.unchanged": {
        "de": "Für {name} war das schon so.",
        "en": "That was already so for {name}.",
    },
    # audit log --------------------------------------------------------------------------
    "dashboard.audit.action": {"de": "Aktion", "en": "Action"},
    "dashboard.audit.actor": {"de": "Wer", "en": "Who"},
    "dashboard.audit.at": {"de": "Wann", "en": "When"},
    "dashboard.audit.detail": {"de": "Details", "en": "Details"},
    "dashboard.audit.since": {"de": "von", "en": "from"},
    "dashboard.audit.until": {"de": "bis", "en": "until"},
    "dashboard.audit.found": {
        "de": {"one": "{n} Eintrag", "other": "{n} Einträge"},
        "en": {"one": "{n} entry", "other": "{n} entries"},
    },
}
