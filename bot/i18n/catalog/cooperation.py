"""Cooperation requests: the wizard, notices, introductions, lists and the profile switch."""

MESSAGES = {
    "cooperation.help_request": {
        "de": "Ein Kooperationsgesuch stellen: Partner suchen, etwas anbieten, Projektidee",
        "en": "Post a cooperation request: find a partner, offer something, a project idea",
    },
    "cooperation.help_requests": {
        "de": "Offene Kooperationsgesuche und Ihre eigenen",
        "en": "Open cooperation requests and your own",
    },
    # kinds -----------------------------------------------------------------------------
    "cooperation.kind.seek": {"de": "Suche", "en": "Looking for"},
    "cooperation.kind.offer": {"de": "Angebot", "en": "Offering"},
    "cooperation.kind.idea": {"de": "Projektidee", "en": "Project idea"},
    "cooperation.kind_button.seek": {
        "de": "Ich suche einen Partner",
        "en": "I am looking for a partner",
    },
    "cooperation.kind_button.offer": {"de": "Ich biete etwas an", "en": "I am offering something"},
    "cooperation.kind_button.idea": {
        "de": "Ich habe eine Projektidee",
        "en": "I have a project idea",
    },
    # the wizard ------------------------------------------------------------------------
    "cooperation.form_title": {"de": "Kooperationsgesuch", "en": "Cooperation request"},
    "cooperation.label.kind": {"de": "Art", "en": "Kind"},
    "cooperation.label.title": {"de": "Titel", "en": "Title"},
    "cooperation.label.description": {"de": "Beschreibung", "en": "Description"},
    "cooperation.label.tags": {"de": "Stichworte", "en": "Keywords"},
    "cooperation.label.scope": {"de": "Für wen", "en": "For whom"},
    "cooperation.label.expiry": {"de": "Offen bis", "en": "Open until"},
    "cooperation.intro": {
        "de": "Mit einem Kooperationsgesuch fragen Sie das Netzwerk nach einem Partner. Ich "
        "schicke es den Mitgliedern, deren Kompetenzen oder Themen passen; alle anderen sehen "
        "es unter /gesuche. Ihre Kontaktdaten gibt es erst, wenn Sie einer Verbindung "
        "zustimmen. Mit /abbrechen hören Sie jederzeit auf.",
        "en": "With a cooperation request you ask the network for a partner. I send it to the "
        "members whose competencies or topics match; everybody else sees it under /requests. "
        "Your contact details are shared only once you agree to connect. /cancel stops any "
        "time.",
    },
    "cooperation.ask_kind": {
        "de": "Worum geht es?",
        "en": "What is it about?",
    },
    "cooperation.ask_title": {
        "de": "Ein kurzer Titel, z. B. „Partner für Zertifizierung nach AQAP 2110 gesucht“ "
        "(höchstens {max} Zeichen):",
        "en": "A short title, e.g. “Partner certified for AQAP 2110 wanted” (at most {max} "
        "characters):",
    },
    "cooperation.ask_description": {
        "de": "Beschreiben Sie, was Sie suchen oder anbieten: Anforderungen, Umfang, Zeitraum "
        "(höchstens {max} Zeichen):",
        "en": "Describe what you are looking for or offering: requirements, scope, time frame "
        "(at most {max} characters):",
    },
    "cooperation.description_too_long": {
        "de": "Die Beschreibung ist {length} Zeichen lang; höchstens {max} sind möglich. "
        "Bitte kürzen Sie sie.",
        "en": "The description is {length} characters long; {max} at most are possible. "
        "Please shorten it.",
    },
    "cooperation.ask_tags": {
        "de": "Welche Kompetenzen oder Themen betrifft das Gesuch? Schreiben Sie Stichworte, "
        "durch Kommas getrennt, oder tippen Sie auf Vorschläge (✅ = gewählt, nochmals "
        "tippen entfernt ihn). Danach entscheidet der Abgleich, wer benachrichtigt wird."
        "{chosen}",
        "en": "Which competencies or topics does the request concern? Write keywords "
        "separated by commas, or tap suggestions (✅ = chosen, tap again to remove). They "
        "decide whom I notify.{chosen}",
    },
    "cooperation.tags_chosen": {"de": "Gewählt: {tags}", "en": "Chosen: {tags}"},
    "cooperation.tags_needed": {
        "de": "Bitte geben Sie mindestens ein Stichwort an.",
        "en": "Please give at least one keyword.",
    },
    "cooperation.bad_tags": {
        "de": "Bitte höchstens {max_tags} Stichworte mit je höchstens {max_len} Zeichen, durch "
        "Kommas getrennt.",
        "en": "Please at most {max_tags} keywords of at most {max_len} characters each, "
        "separated by commas.",
    },
    "cooperation.ask_scope": {
        "de": "Für wen ist das Gesuch?",
        "en": "Who is the request for?",
    },
    "cooperation.scope.region": {"de": "Nur meine Region ({region})", "en": "My region ({region})"},
    "cooperation.scope.network": {"de": "Das ganze Netzwerk", "en": "The whole network"},
    "cooperation.ask_expiry": {
        "de": "Wie lange soll das Gesuch offen sein? Wählen Sie oder schreiben Sie ein Datum "
        "(z. B. {ex_deadline}, höchstens ein halbes Jahr).",
        "en": "How long should the request stay open? Choose, or write a date (e.g. "
        "{ex_deadline_iso}, at most half a year).",
    },
    "cooperation.expiry.2w": {"de": "2 Wochen (bis {date})", "en": "2 weeks (until {date})"},
    "cooperation.expiry.6w": {
        "de": "6 Wochen (bis {date}, empfohlen)",
        "en": "6 weeks (until {date}, recommended)",
    },
    "cooperation.expiry.12w": {"de": "3 Monate (bis {date})", "en": "3 months (until {date})"},
    "cooperation.bad_expiry": {
        "de": "Bitte ein Datum zwischen morgen und {last}, z. B. {example}.",
        "en": "Please a date between tomorrow and {last}, e.g. {example}.",
    },
    "cooperation.preview_intro": {
        "de": "So sehen passende Mitglieder Ihr Gesuch:",
        "en": "This is how matching members see your request:",
    },
    "cooperation.preview_ask": {
        "de": "Veröffentlichen? Passende Mitglieder werden sofort benachrichtigt.",
        "en": "Post it? Matching members are notified right away.",
    },
    "cooperation.btn_post": {"de": "Veröffentlichen", "en": "Post"},
    "cooperation.btn_cancel": {"de": "Abbrechen", "en": "Cancel"},
    "cooperation.posted": {
        "de": "Ihr Gesuch Nr. {id} ist veröffentlicht. {notified} Alle anderen sehen es unter "
        "/gesuche. Sobald jemand Interesse zeigt, sage ich Ihnen Bescheid.",
        "en": "Your request no. {id} is posted. {notified} Everybody else sees it under "
        "/requests. As soon as someone is interested, I will let you know.",
    },
    "cooperation.notified_none": {
        "de": "Zurzeit passt niemand direkt dazu.",
        "en": "Nobody matches it directly right now.",
    },
    "cooperation.notified_one": {
        "de": "1 passendes Mitglied wurde benachrichtigt.",
        "en": "1 matching member was notified.",
    },
    "cooperation.notified_many": {
        "de": "{count, plural, one {# passendes Mitglied wurde} other {# passende Mitglieder wurden}} "
        "benachrichtigt.",
        "en": "{count, plural, one {# matching member was} other {# matching members were}} notified.",
    },
    # a request as others see it --------------------------------------------------------
    "cooperation.card_title": {"de": "🤝 {kind}: {title}", "en": "🤝 {kind}: {title}"},
    "cooperation.card_tags": {"de": "Stichworte: {tags}", "en": "Keywords: {tags}"},
    "cooperation.card_where": {
        "de": "Für: {scope} · offen bis {until} · Nr. {id}",
        "en": "For: {scope} · open until {until} · no. {id}",
    },
    "cooperation.card_where_draft": {
        "de": "Für: {scope} · offen bis {until}",
        "en": "For: {scope} · open until {until}",
    },
    "cooperation.scope_region": {"de": "Region {region}", "en": "region {region}"},
    "cooperation.scope_network": {"de": "ganzes Netzwerk", "en": "the whole network"},
    "cooperation.notice_title": {
        "de": "🤝 Passendes Kooperationsgesuch: {title}",
        "en": "🤝 A cooperation request for you: {title}",
    },
    "cooperation.notice_why": {
        "de": "Passt zu Ihren Kompetenzen oder Themen: {tags}",
        "en": "Matches your competencies or topics: {tags}",
    },
    "cooperation.notice_privacy": {
        "de": "Mit „Interessiert“ erfährt die Person, die das Gesuch gestellt hat, Ihren Namen, "
        "Ihr Unternehmen und Ihre Kompetenzen. Kontaktdaten tauschen Sie erst aus, wenn Sie "
        "beide zugestimmt haben.",
        "en": "With “Interested” the person who posted the request learns your name, company "
        "and competencies. Contact details are exchanged only once you both agreed.",
    },
    "cooperation.notice_footer": {
        "de": "Diese Hinweise schalten Sie unter /profil ab.",
        "en": "You can turn these notices off in /profile.",
    },
    "cooperation.btn_interested": {"de": "Interessiert", "en": "Interested"},
    "cooperation.btn_decline": {"de": "Nicht für mich", "en": "Not for me"},
    # answers ---------------------------------------------------------------------------
    "cooperation.not_open": {
        "de": "Dieses Gesuch ist nicht mehr offen.",
        "en": "This request is no longer open.",
    },
    "cooperation.unknown": {
        "de": "Ein Gesuch Nr. {id} kenne ich nicht, oder es ist nicht für Sie sichtbar.",
        "en": "I don't know a request no. {id}, or it is not visible to you.",
    },
    "cooperation.own_request": {
        "de": "Das ist Ihr eigenes Gesuch.",
        "en": "That is your own request.",
    },
    "cooperation.interest_sent": {
        "de": "Danke! Ich habe der Person, die das Gesuch gestellt hat, Ihr Interesse "
        "mitgeteilt. Wenn sie sich verbinden möchte, erhalten Sie beide die Kontaktdaten des "
        "anderen.",
        "en": "Thank you! I told the person who posted the request that you are interested. "
        "If they want to connect, you both get each other's contact.",
    },
    "cooperation.interest_already": {
        "de": "Sie haben Ihr Interesse an diesem Gesuch schon mitgeteilt.",
        "en": "You have already said you are interested in this request.",
    },
    "cooperation.declined": {
        "de": "In Ordnung, das Gesuch erscheint für Sie nicht mehr unter /gesuche.",
        "en": "All right, the request no longer shows for you under /requests.",
    },
    "cooperation.interest_title": {
        "de": "🙋 Interesse an Ihrem Gesuch „{title}“",
        "en": "🙋 Interest in your request “{title}”",
    },
    "cooperation.person": {
        "de": "{name} – {details}",
        "en": "{name} – {details}",
    },
    "cooperation.person_competencies": {
        "de": "Kompetenzen: {competencies}",
        "en": "Competencies: {competencies}",
    },
    "cooperation.interest_ask": {
        "de": "Möchten Sie sich verbinden lassen? Dann erhalten Sie beide die Kontaktdaten "
        "des anderen und eine kurze Vorstellung.",
        "en": "Would you like to connect? Then you both get each other's contact and a short "
        "introduction.",
    },
    "cooperation.btn_connect": {"de": "Verbinden", "en": "Connect"},
    "cooperation.btn_connect_named": {"de": "Verbinden: {name}", "en": "Connect: {name}"},
    "cooperation.not_interested": {
        "de": "Diese Person hat kein Interesse (mehr) an dem Gesuch gemeldet.",
        "en": "This person has not said they are interested in the request.",
    },
    "cooperation.not_yours": {
        "de": "Das geht nur bei Ihren eigenen Gesuchen.",
        "en": "That only works for your own requests.",
    },
    "cooperation.intro_title": {
        "de": "🤝 Verbunden: „{title}“",
        "en": "🤝 Connected: “{title}”",
    },
    "cooperation.intro_author": {
        "de": "Sie und {name} sind jetzt verbunden: {name} interessiert sich für Ihr Gesuch, "
        "und Sie haben zugestimmt. {name} hat Ihre Kontaktdaten ebenfalls erhalten.",
        "en": "You are now connected with {name}, who is interested in your request. You both "
        "agreed; {name} got your contact as well.",
    },
    "cooperation.intro_member": {
        "de": "{name} hat Ihr Interesse angenommen: Sie sind jetzt verbunden. {name} hat Ihre "
        "Kontaktdaten ebenfalls erhalten.",
        "en": "{name} accepted your interest: you are now connected. {name} got your contact "
        "as well.",
    },
    "cooperation.intro_next": {
        "de": "Schreiben Sie einfach direkt: ein paar Sätze zu Ihrem Unternehmen und ein "
        "Terminvorschlag sind ein guter Anfang.",
        "en": "Just write directly: a few lines about your company and a suggested date for a "
        "call are a good start.",
    },
    "cooperation.no_contact": {
        "de": "Ich kenne kein Konto, über das Sie sich erreichen; bitte wenden Sie sich an das "
        "Netzwerk-Team.",
        "en": "I know no account to reach them by; please ask the network team.",
    },
    "cooperation.connected_already": {
        "de": "Sie sind mit dieser Person schon verbunden. Hier noch einmal der Kontakt:",
        "en": "You are already connected with this person. Here is the contact again:",
    },
    # lists -----------------------------------------------------------------------------
    "cooperation.list_title": {"de": "Kooperationsgesuche", "en": "Cooperation requests"},
    "cooperation.list_own": {"de": "Ihre offenen Gesuche:", "en": "Your open requests:"},
    "cooperation.list_own_entry": {
        "de": "Nr. {id} · {kind}: {title}\n   {interested} · offen bis {until}",
        "en": "No. {id} · {kind}: {title}\n   {interested} · open until {until}",
    },
    "cooperation.interested_none": {"de": "noch keine Interessierten", "en": "nobody yet"},
    "cooperation.interested_one": {"de": "1 Person interessiert", "en": "1 interested"},
    "cooperation.interested_many": {
        "de": "{count, plural, one {# Person} other {# Personen}} interessiert",
        "en": "{count} interested",
    },
    "cooperation.list_open": {
        "de": "Offene Gesuche im Netzwerk ({total}):",
        "en": "Open requests in the network ({total}):",
    },
    "cooperation.list_open_topic": {
        "de": "Offene Gesuche zum Thema „{topic}“ ({total}):",
        "en": "Open requests on “{topic}” ({total}):",
    },
    "cooperation.all_for_team": {
        "de": "Die Gesuche aus allen Regionen („/gesuche alle“) sieht nur das Netzwerk-Team. "
        "Die Gesuche für Sie zeigt /gesuche.",
        "de_du": "Die Gesuche aus allen Regionen („/gesuche alle“) sieht nur das Netzwerk-Team. "
        "Die Gesuche für dich zeigt /gesuche.",
        "en": "The requests from every region (“/requests all”) are for the network team "
        "only. /requests shows the ones for you.",
    },
    "cooperation.list_open_all": {
        "de": "Alle offenen Gesuche, alle Regionen ({total}):",
        "en": "All open requests, all regions ({total}):",
    },
    "cooperation.list_entry": {
        "de": "Nr. {id} · {kind}: {title}\n   {tags} · {scope} · vom {date}",
        "en": "No. {id} · {kind}: {title}\n   {tags} · {scope} · posted {date}",
    },
    "cooperation.list_empty": {
        "de": "Zurzeit gibt es keine offenen Gesuche anderer Mitglieder.",
        "en": "There are no open requests from other members right now.",
    },
    "cooperation.list_hint": {
        "de": "Ein eigenes Gesuch stellen Sie mit /gesuch.",
        "en": "Post your own request with /request.",
    },
    "cooperation.btn_view": {"de": "Nr. {id} ansehen", "en": "View no. {id}"},
    "cooperation.btn_manage": {"de": "Nr. {id} verwalten", "en": "Manage no. {id}"},
    "cooperation.btn_topic": {"de": "Thema: {topic} ({count})", "en": "Topic: {topic} ({count})"},
    "cooperation.btn_all_topics": {"de": "Alle Themen", "en": "All topics"},
    "cooperation.btn_more": {"de": "Weitere Gesuche", "en": "More requests"},
    "cooperation.btn_new": {"de": "Neues Gesuch", "en": "New request"},
    "cooperation.you_are_interested": {
        "de": "Sie haben Interesse gemeldet.",
        "en": "You said you are interested.",
    },
    # the author's view -----------------------------------------------------------------
    "cooperation.manage_interested": {
        "de": "Interessierte ({count}):",
        "en": "Interested ({count}):",
    },
    "cooperation.manage_nobody": {
        "de": "Noch hat niemand Interesse gemeldet.",
        "en": "Nobody has said they are interested yet.",
    },
    "cooperation.manage_connected": {"de": "   ✓ verbunden", "en": "   ✓ connected"},
    "cooperation.btn_found": {"de": "Partner gefunden", "en": "Found a partner"},
    "cooperation.btn_not_needed": {"de": "Nicht mehr nötig", "en": "No longer needed"},
    "cooperation.closed.found": {
        "de": "Schön, dass es geklappt hat! Ihr Gesuch „{title}“ ist geschlossen und "
        "erscheint nicht mehr in den Listen.",
        "en": "Glad it worked out! Your request “{title}” is closed and no longer listed.",
    },
    "cooperation.closed.not_needed": {
        "de": "Ihr Gesuch „{title}“ ist geschlossen und erscheint nicht mehr in den Listen.",
        "en": "Your request “{title}” is closed and no longer listed.",
    },
    # admins ----------------------------------------------------------------------------
    "cooperation.btn_remove": {"de": "Entfernen (Team)", "en": "Remove (team)"},
    "cooperation.remove_ask": {
        "de": "Gesuch Nr. {id} „{title}“ wirklich entfernen? Die Person, die es gestellt hat, "
        "wird benachrichtigt.",
        "en": "Really remove request no. {id} “{title}”? The person who posted it is told.",
    },
    "cooperation.btn_remove_yes": {"de": "Ja, entfernen", "en": "Yes, remove"},
    "cooperation.btn_remove_no": {"de": "Nein", "en": "No"},
    "cooperation.removed": {
        "de": "Gesuch Nr. {id} ist entfernt.",
        "en": "Request no. {id} is removed.",
    },
    "cooperation.remove_kept": {"de": "Nichts entfernt.", "en": "Nothing removed."},
    "cooperation.removed_note": {
        "de": "Das Netzwerk-Team hat Ihr Gesuch „{title}“ entfernt. Bei Fragen wenden Sie sich "
        "bitte an das Team.",
        "en": "The network team removed your request “{title}”. If you have questions, please "
        "ask the team.",
    },
    # the job ---------------------------------------------------------------------------
    "cooperation.question": {
        "de": "Ihr Gesuch „{title}“ ist seit zwei Wochen online ({interested}). Ist es noch "
        "aktuell?",
        "en": "Your request “{title}” has been online for two weeks ({interested}). Is it "
        "still open?",
    },
    "cooperation.btn_still_open": {"de": "Ja, noch aktuell", "en": "Yes, still open"},
    "cooperation.still_open": {
        "de": "Danke! Das Gesuch bleibt bis {until} offen.",
        "en": "Thank you! The request stays open until {until}.",
    },
    "cooperation.expired_note": {
        "de": "Ihr Gesuch „{title}“ ist abgelaufen und erscheint nicht mehr in den Listen. "
        "Mit /gesuch stellen Sie bei Bedarf ein neues.",
        "en": "Your request “{title}” has expired and is no longer listed. Post a new one "
        "with /request if needed.",
    },
    # the profile -----------------------------------------------------------------------
    "cooperation.profile_line": {
        "de": "Kooperationsgesuche erhalten: {state}",
        "en": "Receive cooperation requests: {state}",
    },
    "cooperation.yes": {"de": "ja", "en": "yes"},
    "cooperation.no": {"de": "nein", "en": "no"},
    "cooperation.profile_on": {
        "de": "Kooperationsgesuche erhalten",
        "en": "Receive cooperation requests",
    },
    "cooperation.profile_off": {
        "de": "Keine Kooperationsgesuche",
        "en": "No cooperation requests",
    },
}
