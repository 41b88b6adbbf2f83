"""Broadcasts from the network team, their report, and the members' announcement setting."""

MESSAGES = {
    # what members get -----------------------------------------------------------------
    "broadcast.message_title": {
        "de": "📣 Mitteilung von {network}",
        "en": "📣 Announcement from {network}",
    },
    "broadcast.footer": {
        "de": "Sie erhalten diese Mitteilung als Mitglied des Netzwerks. "
        "Abbestellen: /mitteilungen aus",
        "en": "You receive this announcement as a member of the network. "
        "To stop them: /announcements off",
    },
    # audiences and platforms ------------------------------------------------------------
    "broadcast.audience.everyone": {"de": "alle Mitglieder", "en": "all members"},
    "broadcast.audience.topic_is": {
        "de": "Abonnenten von „{topic}“",
        "en": "subscribers of “{topic}”",
    },
    "broadcast.audience.region_is": {
        "de": "Mitglieder in der Region {region}",
        "en": "members in the region {region}",
    },
    "broadcast.audience.topic_region": {
        "de": "Abonnenten von „{topic}“ in der Region {region}",
        "en": "subscribers of “{topic}” in the region {region}",
    },
    "broadcast.audience.group_is": {
        "de": "Mitglieder der Arbeitsgruppe „{group}“",
        "en": "members of the working group “{group}”",
    },
    "broadcast.audience.above": {"de": "wie oben gewählt", "en": "as chosen above"},
    "broadcast.platform.telegram": {"de": "Telegram", "en": "Telegram"},
    "broadcast.platform.slack": {"de": "Slack", "en": "Slack"},
    "broadcast.platform.console": {"de": "Konsole", "en": "console"},
    "broadcast.counts": {
        "de": "✅ {sent} gesendet · ⏳ {pending} ausstehend · 🚫 {unreachable} nicht "
        "erreichbar · ⚠️ {failed} fehlgeschlagen",
        "en": "✅ {sent} sent · ⏳ {pending} pending · 🚫 {unreachable} unreachable · "
        "⚠️ {failed} failed",
    },
    "broadcast.counts_withdrawn": {
        "de": "↩️ {withdrawn} zurückgezogen",
        "en": "↩️ {withdrawn} withdrawn",
    },
    # the wizard ------------------------------------------------------------------------
    "broadcast.intro": {
        "de": "Neues Rundschreiben. Mit /abbrechen können Sie jederzeit aufhören; "
        "verschickt wird erst, wenn Sie in der Vorschau auf „Jetzt senden“ oder „Planen“ "
        "tippen.",
        "en": "New broadcast. Send /cancel to stop at any time; nothing is sent until you "
        "tap “Send now” or “Schedule” in the preview.",
    },
    "broadcast.form_title": {"de": "Neues Rundschreiben", "en": "New broadcast"},
    "broadcast.label.kind": {"de": "Empfänger", "en": "Audience"},
    "broadcast.label.topic": {"de": "Thema", "en": "Topic"},
    "broadcast.label.region": {"de": "Region", "en": "Region"},
    "broadcast.label.group": {"de": "Arbeitsgruppe", "en": "Working group"},
    "broadcast.label.text": {"de": "Text", "en": "Text"},
    "broadcast.label.when": {"de": "Versand", "en": "Sending"},
    "broadcast.label.send_at": {"de": "Zeitpunkt", "en": "Moment"},
    "broadcast.ask_send": {
        "de": "Soll das Rundschreiben sofort verschickt werden oder zu einem geplanten Zeitpunkt?"
        " Dringende gehen auch in den Ruhezeiten der Mitglieder sofort hinaus.",
        "en": "Should the broadcast go out right away or at a planned moment? Urgent ones go"
        " out at once, also in members' quiet hours.",
    },
    "broadcast.when.now": {"de": "📣 Sofort", "en": "📣 Right away"},
    "broadcast.when.later": {"de": "🕘 Planen", "en": "🕘 Schedule"},
    "broadcast.when.urgent": {"de": "🚨 Dringend (auch nachts)", "en": "🚨 Urgent (also at night)"},
    "broadcast.preview_urgent": {
        "de": "Dringend: geht auch in den Ruhezeiten der Mitglieder sofort hinaus (nachts ohne"
        " Ton).",
        "en": "Urgent: goes out at once, also in members' quiet hours (at night without sound).",
    },
    "broadcast.preview_at": {"de": "Geplant für {when}.", "en": "Scheduled for {when}."},
    "broadcast.audience_incomplete": {
        "de": "Bitte wählen Sie noch aus, an welches Thema, welche Region oder welche "
        "Arbeitsgruppe das Rundschreiben gehen soll.",
        "en": "Please choose which topic, region or working group the broadcast is for.",
    },
    "broadcast.ask_audience": {
        "de": "An wen soll das Rundschreiben gehen?",
        "en": "Who should receive the broadcast?",
    },
    "broadcast.kind.all": {"de": "Alle Mitglieder", "en": "All members"},
    "broadcast.kind.topic": {"de": "Abonnenten eines Themas", "en": "Subscribers of a topic"},
    "broadcast.kind.region": {"de": "Mitglieder einer Region", "en": "Members of a region"},
    "broadcast.kind.group": {
        "de": "Mitglieder einer Arbeitsgruppe",
        "en": "Members of a working group",
    },
    "broadcast.kind.both": {
        "de": "Thema und Region zusammen",
        "en": "A topic and a region together",
    },
    "broadcast.ask_topic": {
        "de": "Welches Thema? (Tippen Sie auf eines oder schreiben Sie seinen Namen.)",
        "en": "Which topic? (Tap one or type its name.)",
    },
    "broadcast.no_topics": {
        "de": "Es gibt noch keine Themen. Bitte wählen Sie eine andere Empfängergruppe.",
        "en": "There are no topics yet. Please choose another audience.",
    },
    "broadcast.ask_group": {
        "de": "Welche Arbeitsgruppe? (Tippen Sie auf eine oder schreiben Sie ihren Namen.)",
        "en": "Which working group? (Tap one or type its name.)",
    },
    "broadcast.no_groups": {
        "de": "Es gibt keine aktive Arbeitsgruppe mehr. Bitte wählen Sie eine andere "
        "Empfängergruppe.",
        "en": "There is no active working group any more. Please choose another audience.",
    },
    "broadcast.unknown_group": {
        "de": "Die Arbeitsgruppe „{group}“ kenne ich nicht. Arbeitsgruppen: {groups}",
        "en": "I don't know the working group “{group}”. Working groups: {groups}",
    },
    "broadcast.group_archived": {
        "de": "Die Arbeitsgruppe „{group}“ ist archiviert; an sie kann kein Rundschreiben gehen.",
        "en": "The working group “{group}” is archived; no broadcast can go to it.",
    },
    "broadcast.ask_region": {
        "de": "Welche Region? (Tippen Sie auf eine oder schreiben Sie ihren Namen.)",
        "en": "Which region? (Tap one or type its name.)",
    },
    "broadcast.bad_region": {
        "de": "Die Region „{region}“ kenne ich nicht.",
        "en": "I don't know the region “{region}”.",
    },
    "broadcast.unknown_region": {
        "de": "Die Region „{region}“ kenne ich nicht. Regionen: {regions}",
        "en": "I don't know the region “{region}”. Regions: {regions}",
    },
    "broadcast.ask_text": {
        "de": "Empfänger: {audience}.\n\nBitte schreiben Sie jetzt den Text (höchstens {max} "
        "Zeichen). Formatierung: *fett*, _kursiv_, [Linktext](https://beispiel.de). "
        "Ein \\ vor *, _ oder [ zeigt das Zeichen so, wie es ist.",
        "en": "Audience: {audience}.\n\nPlease write the text now (at most {max} "
        "characters). Formatting: *bold*, _italic_, [link text](https://example.org). "
        "A \\ before *, _ or [ shows that character as it is.",
    },
    "broadcast.hint_text": {
        "de": "Formatierung: *fett*, _kursiv_, [Linktext](https://beispiel.de). Ein \\ vor *, _ "
        "oder [ zeigt das Zeichen so, wie es ist.",
        "en": "Formatting: *bold*, _italic_, [link text](https://example.org). A \\ before *, _ "
        "or [ shows that character as it is.",
    },
    "broadcast.empty_text": {
        "de": "Der Text ist leer. Bitte schreiben Sie, was verschickt werden soll.",
        "en": "The text is empty. Please write what should be sent.",
    },
    "broadcast.text_too_long": {
        "de": "Der Text hat {length} Zeichen; höchstens {max} sind möglich. Bitte kürzen Sie ihn.",
        "en": "The text has {length} characters; at most {max} are possible. Please shorten it.",
    },
    "broadcast.preview_count": {
        "de": "☝️ So sehen die Mitglieder das Rundschreiben.\n\nEmpfänger: {count} "
        "({audience}) – {platforms}.",
        "en": "☝️ This is how members will see the broadcast.\n\nRecipients: {count} "
        "({audience}) – {platforms}.",
    },
    "broadcast.preview_nobody": {
        "de": "☝️ So sähe das Rundschreiben aus – aber zurzeit würde es niemand erhalten "
        "({audience}). Zum Planen ist das in Ordnung; jetzt senden geht nicht.",
        "en": "☝️ This is how the broadcast would look – but nobody would receive it now "
        "({audience}). You can schedule it; sending now is not possible.",
    },
    "broadcast.literal_hint": {
        "de": "Hinweis: Diese Stellen werden nicht formatiert, sondern so angezeigt, wie sie "
        "dastehen: {markers}",
        "en": "Note: these are not formatted but shown as typed: {markers}",
    },
    "broadcast.btn_send": {"de": "📣 Jetzt senden", "en": "📣 Send now"},
    "broadcast.btn_schedule": {"de": "🕘 Planen", "en": "🕘 Schedule"},
    "broadcast.btn_cancel": {"de": "✖️ Verwerfen", "en": "✖️ Discard"},
    "broadcast.nobody": {
        "de": "Zurzeit würde niemand dieses Rundschreiben erhalten; es wurde nichts verschickt.",
        "en": "Nobody would receive this broadcast right now; nothing was sent.",
    },
    "broadcast.count_changed": {
        "de": "Die Zahl der Empfänger hat sich seit der Vorschau geändert: jetzt {count}. "
        "Es wurde noch nichts verschickt; bitte bestätigen Sie noch einmal.",
        "en": "The number of recipients changed since the preview: now {count}. Nothing has "
        "been sent yet; please confirm again.",
    },
    "broadcast.sending": {
        "de": "Rundschreiben Nr. {id} ist unterwegs (Empfänger: {count}). Sie bekommen einen "
        "Bericht, sobald es zugestellt ist.",
        "en": "Broadcast no. {id} is on its way (recipients: {count}). You will get a report "
        "once it has been delivered.",
    },
    "broadcast.ask_when": {
        "de": "Wann soll es verschickt werden? Datum und Uhrzeit ({zone}), z. B. "
        "{ex_morning} oder {ex_morning_iso}.",
        "en": "When should it be sent? Date and time ({zone}), e.g. {ex_morning_iso} or "
        "{ex_morning}.",
    },
    "broadcast.bad_time": {
        "de": "„{value}“ verstehe ich nicht als Datum mit Uhrzeit.",
        "en": "I don't understand “{value}” as a date and time.",
    },
    "broadcast.time_past": {
        "de": "Dieser Zeitpunkt liegt in der Vergangenheit.",
        "en": "That moment is in the past.",
    },
    "broadcast.time_far": {
        "de": "Bitte planen Sie höchstens ein Jahr im Voraus.",
        "en": "Please schedule at most one year ahead.",
    },
    "broadcast.scheduled": {
        "de": "Rundschreiben Nr. {id} ist für {when} geplant (Stand jetzt: "
        "{count, plural, other {# Empfänger}}). Abbrechen können Sie es unter /rundschreiben status.",
        "en": "Broadcast no. {id} is scheduled for {when} "
        "({count, plural, one {# recipient} other {# recipients}} as of now). "
        "You can cancel it under /broadcast status.",
    },
    "broadcast.wizard_stale": {
        "de": "Dieser Knopf gehört zu keinem offenen Rundschreiben mehr. Neu beginnen: "
        "/rundschreiben",
        "en": "This button no longer belongs to an open broadcast. Start again: /broadcast",
    },
    "broadcast.usage": {
        "de": "So geht's: /rundschreiben (neues Rundschreiben), /rundschreiben status, "
        "/rundschreiben abbrechen NR",
        "en": "Usage: /broadcast (new broadcast), /broadcast status, /broadcast cancel NO",
    },
    # progress, cancelling, report -------------------------------------------------------
    "broadcast.btn_status": {"de": "📊 Stand der Zustellung", "en": "📊 Delivery status"},
    "broadcast.btn_refresh": {"de": "🔄 Aktualisieren", "en": "🔄 Refresh"},
    "broadcast.status_title": {"de": "Rundschreiben", "en": "Broadcasts"},
    "broadcast.status_none": {
        "de": "Es gibt noch keine Rundschreiben. Ein neues beginnen Sie mit /rundschreiben.",
        "en": "There are no broadcasts yet. Start one with /broadcast.",
    },
    "broadcast.entry_head": {"de": "Nr. {id} · an {audience}", "en": "No. {id} · to {audience}"},
    "broadcast.state.scheduled": {"de": "🕘 geplant für {when}", "en": "🕘 scheduled for {when}"},
    "broadcast.state.sending": {
        "de": "📤 wird verschickt seit {when}",
        "en": "📤 sending since {when}",
    },
    "broadcast.state.done": {"de": "✔️ fertig {when}", "en": "✔️ done {when}"},
    "broadcast.state.done_late": {
        "de": "✔️ fertig {when} (verspätet verschickt)",
        "en": "✔️ done {when} (sent late)",
    },
    "broadcast.state.cancelled": {
        "de": "✖️ abgebrochen {when} ({withdrawn} zurückgezogen)",
        "en": "✖️ cancelled {when} ({withdrawn} withdrawn)",
    },
    "broadcast.btn_cancel_id": {"de": "✖️ Nr. {id} abbrechen", "en": "✖️ Cancel no. {id}"},
    "broadcast.cancel_confirm": {
        "de": "Rundschreiben Nr. {id} wirklich abbrechen? Was noch nicht verschickt ist, "
        "wird zurückgezogen; bereits Zugestelltes bleibt.",
        "en": "Really cancel broadcast no. {id}? What has not been sent yet is withdrawn; "
        "what was delivered stays delivered.",
    },
    "broadcast.btn_cancel_yes": {"de": "Ja, abbrechen", "en": "Yes, cancel"},
    "broadcast.btn_keep": {"de": "Nein, weiterlaufen lassen", "en": "No, keep it"},
    "broadcast.cancelled": {
        "de": "Rundschreiben Nr. {id} ist abgebrochen: {withdrawn} zurückgezogen, "
        "{sent} bereits zugestellt.",
        "en": "Broadcast no. {id} is cancelled: {withdrawn} withdrawn, {sent} already delivered.",
    },
    "broadcast.unknown_id": {
        "de": "Ein Rundschreiben Nr. {id} gibt es nicht.",
        "en": "There is no broadcast no. {id}.",
    },
    "broadcast.not_open": {
        "de": "Rundschreiben Nr. {id} ist schon fertig oder abgebrochen.",
        "en": "Broadcast no. {id} is already done or cancelled.",
    },
    "broadcast.report_title": {
        "de": "Rundschreiben Nr. {id} ist zugestellt",
        "en": "Broadcast no. {id} has been delivered",
    },
    "broadcast.report_to": {"de": "An: {audience}", "en": "To: {audience}"},
    "broadcast.report_start": {"de": "Beginn: „{start}“", "en": "Starting: “{start}”"},
    "broadcast.btn_unreachable": {
        "de": "🚫 Nicht erreichbar ({count})",
        "en": "🚫 Unreachable ({count})",
    },
    "broadcast.unreachable_title": {
        "de": "Nicht erreicht (Rundschreiben Nr. {id})",
        "en": "Not reached (broadcast no. {id})",
    },
    "broadcast.unreachable_none": {
        "de": "Rundschreiben Nr. {id} hat alle erreicht, die es erreichen sollte.",
        "en": "Broadcast no. {id} reached everyone it was meant to reach.",
    },
    "broadcast.unreachable_more": {"de": "… und {count} weitere", "en": "… and {count} more"},
    "broadcast.unreachable_hint": {
        "de": "Diese Mitglieder haben den Bot blockiert oder ihr Konto gelöscht. Sobald sie "
        "dem Bot wieder schreiben, sind sie wieder erreichbar.",
        "en": "These members blocked the bot or deleted their account. As soon as they write "
        "to the bot again, they can be reached again.",
    },
    "broadcast.group_archived_note": {
        "de": "Ihr Rundschreiben Nr. {id} an die Mitglieder von „{group}“, geplant für "
        "{planned}, wurde abgebrochen: Die Arbeitsgruppe wurde archiviert. Es wurde nichts "
        "gesendet.",
        "en": "Your broadcast no. {id} to the members of “{group}”, scheduled for {planned}, "
        "has been cancelled: the working group was archived. Nothing was sent.",
    },
    "broadcast.late_note": {
        "de": "Hinweis: Rundschreiben Nr. {id} war für {planned} geplant. Weil der Bot zu der "
        "Zeit nicht lief, ging es verspätet hinaus: {now}, Empfänger: {count}.",
        "en": "Note: broadcast no. {id} was scheduled for {planned}. Because the bot was not "
        "running then, it went out late: {now}, recipients: {count}.",
    },
    # the members' setting ----------------------------------------------------------------
    "broadcast.announcements_on": {
        "de": "Mitteilungen des Netzwerk-Teams: an. Sie erhalten Rundschreiben.",
        "en": "Announcements from the network team: on. You receive broadcasts.",
    },
    "broadcast.announcements_off": {
        "de": "Mitteilungen des Netzwerk-Teams: aus. Sie erhalten keine Rundschreiben.",
        "en": "Announcements from the network team: off. You receive no broadcasts.",
    },
    "broadcast.announcements_saved": {"de": "Gespeichert.", "en": "Saved."},
    "broadcast.btn_announcements_off": {
        "de": "Mitteilungen ausschalten",
        "en": "Turn announcements off",
    },
    "broadcast.btn_announcements_on": {
        "de": "Mitteilungen einschalten",
        "en": "Turn announcements on",
    },
    "broadcast.announcements_usage": {
        "de": "So geht's: /mitteilungen an oder /mitteilungen aus",
        "en": "Usage: /announcements on or /announcements off",
    },
    # help ------------------------------------------------------------------------------
    "broadcast.help": {
        "de": "Rundschreiben an Mitglieder, Stand und Bericht",
        "en": "Broadcast to members, progress and report",
    },
    "broadcast.help_announcements": {
        "de": "Rundschreiben des Netzwerk-Teams an- oder ausschalten",
        "en": "Turn broadcasts from the network team on or off",
    },
}
