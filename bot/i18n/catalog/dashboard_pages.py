"""Texts of the web dashboard's events, broadcasts, topics and groups and audit log pages
(the frame, sign-in, overview and members are in :mod:`bot.i18n.catalog.dashboard`)."""

MESSAGES = {
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
    "dashboard.events.number": {"de": "Nr.", "en": "No."},
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
    "dashboard.events.notice.unchanged": {
        "de": "Nichts geändert: der Termin war schon so gespeichert.",
        "en": "Nothing changed: the event was already saved like this.",
    },
    "dashboard.events.notice.resubmitted": {
        "de": "Dieses Formular wurde bereits gesendet; hier ist das Ergebnis.",
        "en": "This form was already sent; here is its outcome.",
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
        "{cancelled} abgesagt, {skipped} übersprungen, {past} in der Vergangenheit (nicht "
        "übernommen).",
        "en": "Import: {created} created, {updated} updated, {unchanged} unchanged, "
        "{cancelled} cancelled, {skipped} skipped, {past} in the past (not imported).",
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
        "de": "{n, plural, other {# Empfänger}}",
        "en": "{n, plural, one {# recipient} other {# recipients}}",
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
    "dashboard.broadcasts.urgent": {"de": "Dringend", "en": "Urgent"},
    "dashboard.broadcasts.urgent_hint": {
        "de": "Geht auch in den Ruhezeiten der Mitglieder sofort hinaus, nachts ohne Ton.",
        "en": "Goes out at once, also in members' quiet hours; at night without sound.",
    },
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
    "dashboard.broadcasts.notice.resubmitted": {
        "de": "Bereits gesendet: dieses Formular wirkt nur einmal; hier ist der Bericht.",
        "en": "Already sent: this form acts only once; here is the report.",
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
    "dashboard.topics.levels": {"de": "Benachrichtigung", "en": "Notifications"},
    "dashboard.topics.level_counts": {
        "de": "sofort {all} · Wochenüberblick {digest} · stumm {muted}",
        "en": "at once {all} · weekly overview {digest} · muted {muted}",
    },
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
    "dashboard.structure.notice.resubmitted": {
        "de": "Dieses Formular wurde bereits gesendet; hier ist das Ergebnis.",
        "en": "This form was already sent; here is its outcome.",
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
        "de": "{n, plural, one {# Eintrag} other {# Einträge}}",
        "en": "{n, plural, one {# entry} other {# entries}}",
    },
}
