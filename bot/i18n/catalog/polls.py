"""Date polls (Terminfindung): the form, the member's ballot, the organiser's tally,
the reminder and the result."""

MESSAGES = {
    "polls.help": {
        "de": "Einen Termin finden: Terminvorschläge zur Abstimmung stellen",
        "en": "Find a date: put candidate dates to a vote",
    },
    "polls.not_allowed": {
        "de": "Terminabstimmungen können das Netzwerkteam und die Moderatoren einer "
        "Arbeitsgruppe starten.",
        "en": "Date polls can be started by the network team and by working-group moderators.",
    },
    # the form ---------------------------------------------------------------------------
    "polls.form_title": {"de": "Terminfindung", "en": "Date poll"},
    "polls.label_title": {"de": "Titel", "en": "Title"},
    "polls.label_audience": {"de": "Wer wird gefragt", "en": "Who is asked"},
    "polls.label_group": {"de": "Arbeitsgruppe", "en": "Working group"},
    "polls.label_topic": {"de": "Thema", "en": "Topic"},
    "polls.label_members": {"de": "Mitglieder", "en": "Members"},
    "polls.label_options": {"de": "Terminvorschläge", "en": "Candidate dates"},
    "polls.label_option_pick": {"de": "Termin {number}", "en": "Date {number}"},
    "polls.hint_options": {
        "de": "Tippen Sie die Termine ein, z. B. „{example}“, oder wählen Sie sie unten "
        "aus (bis zu {max}).",
        "de_du": "Tippe die Termine ein, z. B. „{example}“, oder wähle sie unten aus "
        "(bis zu {max}).",
        "en": "Type the dates, e.g. “{example}”, or pick them below (up to {max}).",
    },
    "polls.label_deadline": {"de": "Abstimmen bis", "en": "Vote until"},
    "polls.label_visibility": {"de": "Antworten sichtbar für", "en": "Answers visible to"},
    "polls.label_remind": {"de": "Erinnerung", "en": "Reminder"},
    "polls.ask_title": {
        "de": "Worum geht es? Ein kurzer Titel, z. B. „Nächstes Treffen AG Wasserstoff“:",
        "en": "What is it about? A short title, e.g. “Next meeting of the hydrogen group”:",
    },
    "polls.ask_audience": {"de": "Wen möchten Sie fragen?", "en": "Whom would you like to ask?"},
    "polls.audience.group": {"de": "Eine Arbeitsgruppe", "en": "A working group"},
    "polls.audience.topic": {"de": "Abonnenten eines Themas", "en": "A topic's subscribers"},
    "polls.audience.members": {"de": "Ausgewählte Mitglieder", "en": "Chosen members"},
    "polls.ask_group": {"de": "Welche Arbeitsgruppe?", "en": "Which working group?"},
    "polls.ask_topic": {"de": "Welches Thema?", "en": "Which topic?"},
    "polls.ask_members": {
        "de": "Welche Mitglieder? Ihre Nummern, durch Kommas getrennt, z. B. „#12, #15“:",
        "en": "Which members? Their numbers, separated by commas, e.g. “#12, #15”:",
    },
    "polls.ask_options": {
        "de": "Die Terminvorschläge (2 bis {max}), durch Kommas, Semikolons oder Zeilen "
        "getrennt, z. B. „{example}“. Ein Ende können Sie angeben: „… 10–12 Uhr“.",
        "en": "The candidate dates (2 to {max}), separated by commas, semicolons or lines, "
        "e.g. “{example}”. You may give an end: “… 10–12 Uhr”.",
    },
    "polls.ask_deadline": {
        "de": "Bis wann soll abgestimmt werden? Vor dem ersten Vorschlag, z. B. „{example}“:",
        "en": "Until when can people vote? Before the first date, e.g. “{example}”:",
    },
    "polls.ask_visibility": {
        "de": "Wer sieht die Antworten?",
        "en": "Who sees the answers?",
    },
    "polls.visibility.all": {"de": "Alle Gefragten", "en": "Everyone asked"},
    "polls.visibility.organiser": {"de": "Nur ich", "en": "Only me"},
    "polls.ask_remind": {
        "de": "Wann sollen die erinnert werden, die noch nicht geantwortet haben? Vor dem "
        "Ende der Abstimmung, z. B. „{example}“; „-“ für keine Erinnerung.",
        "en": "When should those who have not answered be reminded? Before the poll ends, "
        "e.g. “{example}”; “-” for no reminder.",
    },
    "polls.btn_send": {"de": "📨 Abstimmung senden", "en": "📨 Send the poll"},
    "polls.btn_discard": {"de": "🗑 Verwerfen", "en": "🗑 Discard"},
    "polls.too_few": {
        "de": "Bitte geben Sie mindestens zwei Terminvorschläge an.",
        "de_du": "Bitte gib mindestens zwei Terminvorschläge an.",
        "en": "Please give at least two candidate dates.",
    },
    "polls.too_many": {
        "de": "Das sind {count, plural, one {# Vorschlag} other {# Vorschläge}}; höchstens {max} "
        "sind möglich.",
        "en": "That is {count, plural, one {# date} other {# dates}}; at most {max} are possible.",
    },
    "polls.twice": {
        "de": "„{date}“ steht zweimal in der Liste.",
        "en": "“{date}” is in the list twice.",
    },
    "polls.option_past": {
        "de": "„{date}“ liegt in der Vergangenheit.",
        "en": "“{date}” is in the past.",
    },
    "polls.option_passed": {
        "de": "Ein Terminvorschlag liegt inzwischen in der Vergangenheit.",
        "en": "One of the dates has passed meanwhile.",
    },
    "polls.deadline_past": {
        "de": "Das Ende der Abstimmung muss in der Zukunft liegen.",
        "en": "The end of the poll must be in the future.",
    },
    "polls.deadline_after_first": {
        "de": "Die Abstimmung muss vor dem ersten Vorschlag ({first}) enden.",
        "en": "The poll must end before the first date ({first}).",
    },
    "polls.remind_late": {
        "de": "Die Erinnerung muss vor dem Ende der Abstimmung ({deadline}) liegen.",
        "en": "The reminder must come before the poll ends ({deadline}).",
    },
    "polls.remind_past": {
        "de": "Die Erinnerung muss in der Zukunft liegen.",
        "en": "The reminder must be in the future.",
    },
    "polls.no_members": {
        "de": "„{member}“ ist keine Mitgliedsnummer. Bitte Nummern wie „#12“ angeben.",
        "de_du": "„{member}“ ist keine Mitgliedsnummer. Bitte gib Nummern wie „#12“ an.",
        "en": "“{member}” is not a member number. Please give numbers such as “#12”.",
    },
    "polls.unknown_member": {
        "de": "Ein Mitglied #{member} gibt es nicht.",
        "en": "There is no member #{member}.",
    },
    "polls.nobody": {
        "de": "In dieser Zielgruppe ist niemand, der gefragt werden kann.",
        "en": "There is nobody in this audience who can be asked.",
    },
    "polls.not_your_group": {
        "de": "Sie moderieren die Gruppe „{group}“ nicht.",
        "de_du": "Du moderierst die Gruppe „{group}“ nicht.",
        "en": "You do not moderate the group “{group}”.",
    },
    "polls.group_only": {
        "de": "Als Moderator können Sie nur Ihre Arbeitsgruppe fragen.",
        "de_du": "Als Moderator kannst du nur deine Arbeitsgruppe fragen.",
        "en": "As a moderator you can only ask your working group.",
    },
    "polls.sent": {
        "de": "Die Abstimmung „{title}“ ist an {count, plural, one {# Mitglied} other "
        "{# Mitglieder}} unterwegs. Den Zwischenstand darüber halte ich aktuell.",
        "en": "The poll “{title}” is on its way to {count, plural, one {# member} other "
        "{# members}}. I keep the tally above up to date.",
    },
    # the ballot -------------------------------------------------------------------------
    "polls.ballot_title": {"de": "Terminabstimmung: {title}", "en": "Date poll: {title}"},
    "polls.ballot_text": {
        "de": "{organiser} sucht einen Termin. Bitte antworten Sie für jeden Vorschlag bis "
        "{deadline}.",
        "de_du": "{organiser} sucht einen Termin. Bitte antworte für jeden Vorschlag bis "
        "{deadline}.",
        "en": "{organiser} is looking for a date. Please answer for each one by {deadline}.",
    },
    "polls.ballot_line": {"de": "{n}. {date}: {answer}", "en": "{n}. {date}: {answer}"},
    "polls.ballot_counts": {
        "de": "   ({yes} Ja, {maybe} wenn nötig)",
        "en": "   ({yes} yes, {maybe} if need be)",
    },
    "polls.answer.y": {"de": "✅ Ja", "en": "✅ Yes"},
    "polls.answer.m": {"de": "🤔 Wenn nötig", "en": "🤔 If need be"},
    "polls.answer.n": {"de": "❌ Nein", "en": "❌ No"},
    "polls.answer.none": {"de": "noch offen", "en": "not answered"},
    "polls.btn_answer": {"de": "{mark}{n} {answer}", "en": "{mark}{n} {answer}"},
    "polls.closed": {
        "de": "Diese Abstimmung ist beendet; Antworten werden nicht mehr angenommen.",
        "en": "This poll has ended; answers are no longer taken.",
    },
    "polls.not_asked": {
        "de": "Sie wurden zu dieser Abstimmung nicht eingeladen.",
        "de_du": "Du wurdest zu dieser Abstimmung nicht eingeladen.",
        "en": "You were not asked in this poll.",
    },
    "polls.gone": {
        "de": "Diese Abstimmung gibt es nicht mehr.",
        "en": "This poll no longer exists.",
    },
    "polls.reminder_title": {
        "de": "Erinnerung: {title}",
        "en": "Reminder: {title}",
    },
    # the tally --------------------------------------------------------------------------
    "polls.tally_title": {"de": "Zwischenstand: {title}", "en": "Tally: {title}"},
    "polls.tally_ended_title": {
        "de": "Abstimmung beendet: {title}",
        "en": "Poll ended: {title}",
    },
    "polls.tally_line": {
        "de": "{date}: {yes} Ja, {maybe} wenn nötig, {no} Nein ({score} Punkte)",
        "en": "{date}: {yes} yes, {maybe} if need be, {no} no ({score} points)",
    },
    "polls.tally_waiting": {
        "de": "Noch keine Antwort ({count}): {names}",
        "en": "Not answered yet ({count}): {names}",
    },
    "polls.tally_all_answered": {
        "de": "Alle haben geantwortet.",
        "en": "Everyone has answered.",
    },
    "polls.tally_pick": {
        "de": "Welcher Termin soll es werden? Der beste ist markiert (⭐).",
        "en": "Which date shall it be? The best is marked (⭐).",
    },
    "polls.btn_refresh": {"de": "🔄 Aktualisieren", "en": "🔄 Refresh"},
    "polls.btn_end": {"de": "⏹ Abstimmung beenden", "en": "⏹ End the poll"},
    "polls.not_organiser": {
        "de": "Nur wer die Abstimmung gestartet hat, kann sie beenden.",
        "en": "Only whoever started the poll can end it.",
    },
    "polls.already_closed": {
        "de": "Für diese Abstimmung ist der Termin schon gewählt.",
        "en": "The date of this poll has been chosen already.",
    },
    # closing ----------------------------------------------------------------------------
    "polls.close_title": {"de": "Termin anlegen", "en": "Create the event"},
    "polls.label_where": {"de": "Ort oder Link", "en": "Place or link"},
    "polls.label_capacity": {"de": "Plätze", "en": "Seats"},
    "polls.ask_where": {
        "de": "Wo findet es statt? Ein Ort oder ein Link („-“ für später):",
        "en": "Where does it take place? A place or a link (“-” for later):",
    },
    "polls.ask_capacity": {
        "de": "Wie viele Plätze gibt es? Eine Zahl, oder „-“ für unbegrenzt:",
        "en": "How many seats are there? A number, or “-” for unlimited:",
    },
    "polls.close_preview": {
        "de": "Aus „{title}“ wird ein Termin am {date}. Alle Ja werden Zusagen, alle "
        "„wenn nötig“ Vielleicht; alle Gefragten erfahren das Ergebnis.\n\n{listing}",
        "en": "“{title}” becomes an event on {date}. Every yes becomes an RSVP yes, every "
        "“if need be” a maybe; everyone asked hears the result.\n\n{listing}",
    },
    "polls.btn_create": {"de": "📅 Termin anlegen", "en": "📅 Create the event"},
    "polls.created": {
        "de": "Der Termin „{title}“ ist angelegt (#{id}); {yes, plural, one {# Zusage} other "
        "{# Zusagen}}, {maybe} Vielleicht.",
        "en": "The event “{title}” is created (#{id}); {yes} yes, {maybe} maybe.",
    },
    "polls.result_title": {"de": "Termin steht: {title}", "en": "Date set: {title}"},
    "polls.result_text": {
        "de": "Die Abstimmung ist entschieden: {date}.",
        "en": "The poll is decided: {date}.",
    },
    "polls.result_yours.y": {
        "de": "Sie sind zugesagt.",
        "de_du": "Du bist zugesagt.",
        "en": "You are down as attending.",
    },
    "polls.result_yours.m": {
        "de": "Sie stehen auf Vielleicht.",
        "de_du": "Du stehst auf Vielleicht.",
        "en": "You are down as maybe.",
    },
    "polls.home_title": {"de": "Offene Abstimmungen", "en": "Open polls"},
    "polls.home_line": {
        "de": "{title}\nbis {deadline} · {state}",
        "en": "{title}\nuntil {deadline} · {state}",
    },
    "polls.home_answered": {"de": "beantwortet", "en": "answered"},
    "polls.home_waiting": {"de": "noch nicht beantwortet", "en": "not answered yet"},
    "polls.btn_ballot": {"de": "Abstimmen", "en": "Vote"},
    "privacy.stats_btn_polls": {"de": "🗓 Terminabstimmungen", "en": "🗓 Date polls"},
    "polls.stats_title": {"de": "Terminabstimmungen", "en": "Date polls"},
    "polls.stats": {
        "de": "{open} offen, {closed} entschieden; {answered} von {asked} Gefragten haben "
        "geantwortet",
        "en": "{open} open, {closed} decided; {answered} of {asked} asked answered",
    },
}
