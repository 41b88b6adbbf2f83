"""Texts of the web dashboard for the network team, and of ``/dashboard`` in the chat."""

from __future__ import annotations

MESSAGES = {
    "help.dashboard": {
        "de": "Link zum Web-Dashboard (einmalig, 10 Minuten gültig)",
        "en": "Link to the web dashboard (single use, valid 10 minutes)",
    },
    "dashboard.link": {
        "de": "Ihr persönlicher Link zum Dashboard, gültig "
        "{minutes, plural, one {# Minute} other {# Minuten}} und nur einmal "
        "verwendbar:\n{url}\n\nBitte geben Sie ihn nicht weiter. Abmelden können Sie sich "
        "im Dashboard oben rechts.",
        "de_du": "Dein persönlicher Link zum Dashboard, gültig "
        "{minutes, plural, one {# Minute} other {# Minuten}} und nur "
        "einmal verwendbar:\n{url}\n\nBitte gib ihn nicht weiter. Abmelden kannst du dich "
        "im Dashboard oben rechts.",
        "en": "Your personal link to the dashboard, valid for "
        "{minutes, plural, one {# minute} other {# minutes}} and usable "
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
    "dashboard.error.not_found_title": {"de": "Seite nicht gefunden", "en": "Page not found"},
    "dashboard.problem.title": {
        "de": "Bitte prüfen Sie Ihre Eingabe",
        "de_du": "Bitte prüf deine Eingabe",
        "en": "Please check your input",
    },
    "dashboard.skip": {"de": "Zum Inhalt springen", "en": "Skip to content"},
    "dashboard.members.actions": {"de": "Aktionen", "en": "Actions"},
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
        "de": "{n, plural, one {# Anmeldung wartet} other {# Anmeldungen warten}} auf Freigabe",
        "en": "{n, plural, one {# registration waits} other {# registrations wait}} for approval",
    },
    "dashboard.overview.deliveries": {
        "de": "Zustellungen der letzten 30 Tage",
        "en": "Deliveries in the last 30 days",
    },
    "dashboard.overview.chart_title": {
        "de": "{count, plural, one {# Nachricht} other {# Nachrichten}} zugestellt (30 Tage)",
        "en": "{count, plural, one {# message} other {# messages}} delivered (30 days)",
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
        "de": "{n, plural, one {# Mitglied} other {# Mitglieder}} gefunden",
        "en": "{n, plural, one {# member} other {# members}} found",
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
}
