"""What each kind of stored data is called in ``/meinedaten`` and in the erasure report, with
its count ("1 Themen-Abo", "3 Themen-Abos"): one entry per table of
``storage/privacy_steps.py``, so no member ever reads a table name.

``privacy.kind.TABLE`` names the rows of a table (the summary of the export and the list of
what was deleted); ``privacy.kept.TABLE`` names rows that stay for others without the person,
and says what is left of them ("{author}" is what a working group shows for the author).
``tests/test_privacy_words.py`` fails when a table of the steps has no entry here.
"""

# table: (German one, German other, English one, English other)
_KINDS = {
    "members": ("{n} Profil", "{n} Profile", "{n} profile", "{n} profiles"),
    "identities": ("{n} Konto", "{n} Konten", "{n} account", "{n} accounts"),
    "consent_events": (
        "{n} Einwilligung",
        "{n} Einwilligungen",
        "{n} consent record",
        "{n} consent records",
    ),
    "admin_grants": ("{n} Admin-Recht", "{n} Admin-Rechte", "{n} admin right", "{n} admin rights"),
    "conversations": (
        "{n} begonnene Eingabe",
        "{n} begonnene Eingaben",
        "{n} input in progress",
        "{n} inputs in progress",
    ),
    "subscriptions": (
        "{n} Themen-Abo",
        "{n} Themen-Abos",
        "{n} topic subscription",
        "{n} topic subscriptions",
    ),
    "rsvps": (
        "{n} Antwort zu einem Termin",
        "{n} Antworten zu Terminen",
        "{n} answer to an event",
        "{n} answers to events",
    ),
    "sent_reminders": (
        "{n} gesendete Erinnerung",
        "{n} gesendete Erinnerungen",
        "{n} reminder sent",
        "{n} reminders sent",
    ),
    "calendar_tokens": (
        "{n} Kalender-Abo",
        "{n} Kalender-Abos",
        "{n} calendar feed",
        "{n} calendar feeds",
    ),
    "member_event_settings": (
        "{n} Erinnerungs-Einstellung",
        "{n} Erinnerungs-Einstellungen",
        "{n} reminder setting",
        "{n} reminder settings",
    ),
    "member_settings": (
        "{n} Verzeichnis- und Plattform-Einstellung",
        "{n} Verzeichnis- und Plattform-Einstellungen",
        "{n} directory and platform setting",
        "{n} directory and platform settings",
    ),
    "quiet_hours": (
        "{n} Einstellung zu Ruhezeiten",
        "{n} Einstellungen zu Ruhezeiten",
        "{n} quiet hours setting",
        "{n} quiet hours settings",
    ),
    "announcement_settings": (
        "{n} Einstellung zu Rundschreiben",
        "{n} Einstellungen zu Rundschreiben",
        "{n} broadcast setting",
        "{n} broadcast settings",
    ),
    "link_codes": (
        "{n} Verknüpfungscode",
        "{n} Verknüpfungscodes",
        "{n} link code",
        "{n} link codes",
    ),
    "link_failures": (
        "{n} falsch eingegebener Verknüpfungscode",
        "{n} falsch eingegebene Verknüpfungscodes",
        "{n} wrong link code entered",
        "{n} wrong link codes entered",
    ),
    "member_facets": (
        "{n} Angabe im Unternehmensprofil",
        "{n} Angaben im Unternehmensprofil",
        "{n} company profile entry",
        "{n} company profile entries",
    ),
    "vocab_entries": (
        "{n} selbst eingetragener Begriff",
        "{n} selbst eingetragene Begriffe",
        "{n} term you added",
        "{n} terms you added",
    ),
    "directory_searches": (
        "{n} Suche im Verzeichnis",
        "{n} Suchen im Verzeichnis",
        "{n} directory search",
        "{n} directory searches",
    ),
    "invitations": (
        "{n} erstellte Einladung",
        "{n} erstellte Einladungen",
        "{n} invitation created",
        "{n} invitations created",
    ),
    "invited_members": (
        "{n} Beitritt per Einladung",
        "{n} Beitritte per Einladung",
        "{n} joining by invitation",
        "{n} joinings by invitation",
    ),
    "bindings": (
        "{n} verbundener Gruppenchat",
        "{n} verbundene Gruppenchats",
        "{n} group chat bound",
        "{n} group chats bound",
    ),
    "events": (
        "{n} angelegter oder organisierter Termin",
        "{n} angelegte oder organisierte Termine",
        "{n} event created or organised",
        "{n} events created or organised",
    ),
    "broadcasts": ("{n} Rundschreiben", "{n} Rundschreiben", "{n} broadcast", "{n} broadcasts"),
    "group_members": (
        "{n} Mitgliedschaft in einer Arbeitsgruppe",
        "{n} Mitgliedschaften in Arbeitsgruppen",
        "{n} working group membership",
        "{n} working group memberships",
    ),
    "group_requests": (
        "{n} Beitrittsanfrage an eine Arbeitsgruppe",
        "{n} Beitrittsanfragen an Arbeitsgruppen",
        "{n} request to join a working group",
        "{n} requests to join working groups",
    ),
    "group_digests": (
        "{n} Wochenüberblick",
        "{n} Wochenüberblicke",
        "{n} weekly digest",
        "{n} weekly digests",
    ),
    "group_posts": (
        "{n} Beitrag in einer Arbeitsgruppe",
        "{n} Beiträge in Arbeitsgruppen",
        "{n} working group update",
        "{n} working group updates",
    ),
    "work_groups": (
        "{n} angelegte Arbeitsgruppe",
        "{n} angelegte Arbeitsgruppen",
        "{n} working group created",
        "{n} working groups created",
    ),
    "cooperation_requests": (
        "{n} Kooperationsanfrage",
        "{n} Kooperationsanfragen",
        "{n} cooperation request",
        "{n} cooperation requests",
    ),
    "cooperation_responses": (
        "{n} erhaltener Kooperationshinweis",
        "{n} erhaltene Kooperationshinweise",
        "{n} cooperation notice received",
        "{n} cooperation notices received",
    ),
    "polls": (
        "{n} gestartete Terminabstimmung",
        "{n} gestartete Terminabstimmungen",
        "{n} date poll started",
        "{n} date polls started",
    ),
    "poll_audience": (
        "{n} Einladung zu einer Terminabstimmung",
        "{n} Einladungen zu Terminabstimmungen",
        "{n} date poll invitation",
        "{n} date poll invitations",
    ),
    "poll_answers": (
        "{n} Antwort auf eine Terminabstimmung",
        "{n} Antworten auf Terminabstimmungen",
        "{n} date poll answer",
        "{n} date poll answers",
    ),
    "event_checkins": (
        "{n} Check-in bei einer Veranstaltung",
        "{n} Check-ins bei Veranstaltungen",
        "{n} event check-in",
        "{n} event check-ins",
    ),
    "event_feedback": (
        "{n} Rückmeldung zu einer Veranstaltung",
        "{n} Rückmeldungen zu Veranstaltungen",
        "{n} event feedback",
        "{n} event feedback answers",
    ),
    "feedback_requests": (
        "{n} Bitte um Rückmeldung",
        "{n} Bitten um Rückmeldung",
        "{n} feedback request",
        "{n} feedback requests",
    ),
    "inbox": (
        "{n} eingegangene Nachricht",
        "{n} eingegangene Nachrichten",
        "{n} incoming message",
        "{n} incoming messages",
    ),
    "dashboard_sessions": (
        "{n} Anmeldung im Dashboard",
        "{n} Anmeldungen im Dashboard",
        "{n} dashboard sign-in",
        "{n} dashboard sign-ins",
    ),
    "dashboard_submissions": (
        "{n} gesendetes Formular im Dashboard",
        "{n} gesendete Formulare im Dashboard",
        "{n} dashboard form sent",
        "{n} dashboard forms sent",
    ),
    "dashboard_login_tokens": (
        "{n} Anmeldelink fürs Dashboard",
        "{n} Anmeldelinks fürs Dashboard",
        "{n} dashboard sign-in link",
        "{n} dashboard sign-in links",
    ),
    "outbox": (
        "{n} Nachricht an oder über Sie",
        "{n} Nachrichten an oder über Sie",
        "{n} message to or about you",
        "{n} messages to or about you",
    ),
    "audit_log": (
        "{n} Protokolleintrag",
        "{n} Protokolleinträge",
        "{n} audit log entry",
        "{n} audit log entries",
    ),
}

# what stays of rows kept for others: (German one, German other, English one, English other)
_KEPT = {
    "invitations": (
        "{n} erstellte Einladung (gilt weiter)",
        "{n} erstellte Einladungen (gelten weiter)",
        "{n} invitation created (still valid)",
        "{n} invitations created (still valid)",
    ),
    "invited_members": (
        "{n} Beitritt eines anderen Mitglieds per Einladung",
        "{n} Beitritte anderer Mitglieder per Einladung",
        "{n} other member's joining by invitation",
        "{n} other members' joinings by invitation",
    ),
    "bindings": (
        "{n} verbundener Gruppenchat (bleibt verbunden)",
        "{n} verbundene Gruppenchats (bleiben verbunden)",
        "{n} group chat bound (stays bound)",
        "{n} group chats bound (stay bound)",
    ),
    "events": ("{n} Termin", "{n} Termine", "{n} event", "{n} events"),
    "broadcasts": ("{n} Rundschreiben", "{n} Rundschreiben", "{n} broadcast", "{n} broadcasts"),
    "group_posts": (
        "{n} Beitrag in einer Arbeitsgruppe, gezeigt als „{author}“",
        "{n} Beiträge in Arbeitsgruppen, gezeigt als „{author}“",
        "{n} working group update, shown as “{author}”",
        "{n} working group updates, shown as “{author}”",
    ),
    "work_groups": (
        "{n} Arbeitsgruppe",
        "{n} Arbeitsgruppen",
        "{n} working group",
        "{n} working groups",
    ),
    "cooperation_requests": (
        "{n} geschlossene Kooperationsanfrage eines anderen Mitglieds",
        "{n} geschlossene Kooperationsanfragen anderer Mitglieder",
        "{n} closed cooperation request of another member",
        "{n} closed cooperation requests of other members",
    ),
    "polls": (
        "{n} Terminabstimmung (bleibt für die Gefragten, ohne Organisator)",
        "{n} Terminabstimmungen (bleiben für die Gefragten, ohne Organisator)",
        "{n} date poll (stays for those asked, without its organiser)",
        "{n} date polls (stay for those asked, without their organiser)",
    ),
    "event_checkins": (
        "{n} für ein anderes Mitglied eingetragener Check-in (bleibt, ohne Namen)",
        "{n} für andere Mitglieder eingetragene Check-ins (bleiben, ohne Namen)",
        "{n} check-in you recorded for someone else (stays, without your name)",
        "{n} check-ins you recorded for others (stay, without your name)",
    ),
    "vocab_entries": (
        "{n} eingetragener Begriff im Unternehmensprofil (bleibt, ohne Namen)",
        "{n} eingetragene Begriffe im Unternehmensprofil (bleiben, ohne Namen)",
        "{n} term entered in the company profile (stays, without the name)",
        "{n} terms entered in the company profile (stay, without the name)",
    ),
    "inbox": (
        "{n} eingegangene Nachricht (nur ihre Nummer, ohne Inhalt)",
        "{n} eingegangene Nachrichten (nur ihre Nummern, ohne Inhalt)",
        "{n} incoming message (its number only, no content)",
        "{n} incoming messages (their numbers only, no content)",
    ),
    "outbox": (
        "{n} zugestellte Nachricht (nur gezählt, ohne Inhalt)",
        "{n} zugestellte Nachrichten (nur gezählt, ohne Inhalt)",
        "{n} delivered message (counted only, no content)",
        "{n} delivered messages (counted only, no content)",
    ),
    "audit_log": (
        "{n} Protokolleintrag (was geschah, nicht wer)",
        "{n} Protokolleinträge (was geschah, nicht wer)",
        "{n} audit log entry (what happened, not who)",
        "{n} audit log entries (what happened, not who)",
    ),
}


def _icu(one: str, other: str) -> str:
    """One text with both forms, counted by ``{n}`` (see :mod:`bot.i18n`)."""
    return (
        "{n, plural, one {"
        + one.replace("{n}", "#")
        + "} other {"
        + other.replace("{n}", "#")
        + "}}"
    )


def _plural(forms: tuple[str, str, str, str]) -> dict[str, str]:
    de_one, de_other, en_one, en_other = forms
    entry = {"de": _icu(de_one, de_other), "en": _icu(en_one, en_other)}
    if "Sie" in de_one or "Sie" in de_other:
        entry["de_du"] = _icu(de_one.replace("Sie", "dich"), de_other.replace("Sie", "dich"))
    return entry


MESSAGES = {
    **{f"privacy.kind.{table}": _plural(forms) for table, forms in _KINDS.items()},
    **{f"privacy.kept.{table}": _plural(forms) for table, forms in _KEPT.items()},
}
