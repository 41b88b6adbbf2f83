"""Registration, profile and language."""

MESSAGES = {
    "reg.welcome": {
        "de": "Willkommen bei {network}! Ich bin der Bot des Netzwerks: Themen, Termine, "
        "Arbeitsgruppen und Neuigkeiten.\n\nIn welcher Sprache soll ich schreiben? / "
        "Which language should I use?",
        "en": "Welcome to {network}! I am the network's bot: topics, events, working groups "
        "and news.\n\nWhich language should I use? / In welcher Sprache soll ich schreiben?",
    },
    "reg.ask_language": {
        "de": "Bitte wählen Sie Deutsch oder English.",
        "de_du": "Bitte wähle Deutsch oder English.",
        "en": "Please choose Deutsch or English.",
    },
    "reg.ask_name": {
        "de": "Wie heißen Sie? (Vor- und Nachname)",
        "de_du": "Wie heißt du? (Vor- und Nachname)",
        "en": "What is your name? (first and last name)",
    },
    "reg.ask_company": {
        "de": "Für welches Unternehmen oder welche Einrichtung sind Sie hier?",
        "de_du": "Für welches Unternehmen oder welche Einrichtung bist du hier?",
        "en": "Which company or organisation are you with?",
    },
    "reg.ask_region": {
        "de": "In welcher Region ist Ihr Unternehmen? Bitte wählen Sie aus der Liste.",
        "de_du": "In welcher Region ist dein Unternehmen? Wähle bitte aus der Liste.",
        "en": "Where is your company located? Please choose from the list.",
    },
    "reg.unknown_region": {
        "de": "Die Region „{region}“ kenne ich nicht. Bitte wählen Sie eine aus der Liste.",
        "de_du": "Die Region „{region}“ kenne ich nicht. Bitte wähle eine aus der Liste.",
        "en": "I don't know the region “{region}”. Please choose one from the list.",
    },
    "reg.region_other": {"de": "Andere Region", "en": "Other region"},
    "reg.company_needed": {
        "de": "Das Unternehmen lässt sich nicht überspringen. Bitte nennen Sie Ihr Unternehmen "
        "oder Ihre Einrichtung, z. B. „Müller & Söhne GmbH & Co. KG“ oder „freiberuflich“.",
        "de_du": "Das Unternehmen lässt sich nicht überspringen. Bitte nenne dein Unternehmen "
        "oder deine Einrichtung, z. B. „Müller & Söhne GmbH & Co. KG“ oder „freiberuflich“.",
        "en": "The company cannot be skipped. Please name your company or organisation, e.g. "
        "“Müller & Söhne GmbH & Co. KG” or “freelance”.",
    },
    "reg.field_language": {"de": "Sprache", "en": "Language"},
    "reg.field_name": {"de": "Name", "en": "Name"},
    "reg.field_company": {"de": "Unternehmen", "en": "Company"},
    "reg.field_region": {"de": "Region", "en": "Region"},
    "reg.field_competencies": {"de": "Kompetenzen", "en": "Competencies"},
    "reg.form_title": {"de": "Anmeldung", "en": "Sign-up"},
    "reg.your_answers": {
        "de": "Das würde ich über Sie speichern:\n{listing}",
        "de_du": "Das würde ich über dich speichern:\n{listing}",
        "en": "This is what I would store about you:\n{listing}",
    },
    "reg.ask_competencies": {
        "de": "Was sind Ihre Kompetenzen oder Themen? Bitte durch Kommas getrennt, "
        "z. B. „Additive Fertigung, KI, Förderanträge“. Mit „-“ überspringen Sie das.",
        "de_du": "Was sind deine Kompetenzen oder Themen? Schreib sie durch Kommas getrennt, "
        "z. B. „Additive Fertigung, KI, Förderanträge“. Mit „-“ überspringst du das.",
        "en": "What are your competencies or topics? Separate them with commas, e.g. "
        "“additive manufacturing, AI, funding applications”. Send “-” to skip.",
    },
    "reg.bad_competencies": {
        "de": "Bitte höchstens {max_tags} Begriffe mit je höchstens {max_len} Zeichen.",
        "en": "Please at most {max_tags} terms of at most {max_len} characters each.",
    },
    "reg.privacy": {
        "de": "Fast geschafft. Datenschutz: Ich speichere Ihren Namen, Ihr Unternehmen, "
        "Ihre Region, Ihre Kompetenzen, Ihre Sprache und Ihre Chat-Kennung, damit das "
        "Netzwerk Sie informieren kann und andere Mitglieder Sie über Ihre Kompetenzen "
        "finden. Sie können Ihre Daten jederzeit ansehen, ändern und löschen.\n\n"
        "Sind Sie damit einverstanden?",
        "de_du": "Fast geschafft. Datenschutz: Ich speichere deinen Namen, dein Unternehmen, "
        "deine Region, deine Kompetenzen, deine Sprache und deine Chat-Kennung, damit dich "
        "das Netzwerk informieren kann und andere Mitglieder dich über deine Kompetenzen "
        "finden. Du kannst deine Daten jederzeit ansehen, ändern und löschen.\n\n"
        "Bist du damit einverstanden?",
        "en": "Almost done. Privacy: I store your name, company, region, competencies, "
        "language and chat id so that the network can keep you informed and other members "
        "can find you by your competencies. You can view, change and delete your data at "
        "any time.\n\nDo you agree?",
    },
    "reg.consent_yes": {"de": "Ja, einverstanden", "en": "Yes, I agree"},
    "reg.consent_no": {"de": "Nein", "en": "No"},
    "reg.ask_consent_again": {
        "de": "Bitte antworten Sie mit Ja oder Nein.",
        "de_du": "Bitte antworte mit Ja oder Nein.",
        "en": "Please answer yes or no.",
    },
    "reg.no_consent": {
        "de": "Verstanden. Ohne Ihre Einwilligung speichere ich nichts; Ihre Angaben wurden "
        "verworfen. Wenn Sie es sich anders überlegen, senden Sie einfach wieder /start.",
        "de_du": "Verstanden. Ohne deine Einwilligung speichere ich nichts; deine Angaben "
        "wurden verworfen. Wenn du es dir anders überlegst, sende einfach wieder /start.",
        "en": "Understood. Without your consent I store nothing; your answers have been "
        "discarded. If you change your mind, just send /start again.",
    },
    "reg.no_consent_invited": {
        "de": "Verstanden. Ohne Ihre Einwilligung speichere ich nichts; Ihre Angaben wurden "
        "verworfen. Ihre Einladung bleibt gültig: Wenn Sie es sich anders überlegen, senden "
        "Sie einfach wieder /start.",
        "de_du": "Verstanden. Ohne deine Einwilligung speichere ich nichts; deine Angaben "
        "wurden verworfen. Deine Einladung bleibt gültig: Wenn du es dir anders überlegst, "
        "sende einfach wieder /start.",
        "en": "Understood. Without your consent I store nothing; your answers have been "
        "discarded. Your invitation stays valid: if you change your mind, just send /start "
        "again.",
    },
    "reg.invited_in": {
        "de": "Ihre Einladung gilt: Sie sind jetzt Mitglied von {network}, ohne weitere "
        "Freigabe. Willkommen!",
        "de_du": "Deine Einladung gilt: Du bist jetzt Mitglied von {network}, ohne weitere "
        "Freigabe. Willkommen!",
        "en": "Your invitation counts: you are now a member of {network}, with no further "
        "approval needed. Welcome!",
    },
    "reg.done": {
        "de": "Danke, {name}, Sie sind registriert! Abonnieren Sie jetzt die Themen, die Sie "
        "interessieren.",
        "de_du": "Danke, {name}, du bist registriert! Abonniere jetzt die Themen, die dich "
        "interessieren.",
        "en": "Thank you, {name}, you are registered! Now subscribe to the topics that "
        "interest you.",
    },
    "reg.pending": {
        "de": "Danke, {name}! Ihre Anmeldung ist eingegangen und wartet auf die Freigabe "
        "durch das Netzwerk-Team. Ich melde mich, sobald es so weit ist.",
        "de_du": "Danke, {name}! Deine Anmeldung ist eingegangen und wartet auf die Freigabe "
        "durch das Netzwerk-Team. Ich melde mich, sobald es so weit ist.",
        "en": "Thank you, {name}! Your registration has arrived and is waiting for approval "
        "by the network team. I will let you know as soon as it is approved.",
    },
    "reg.resume": {
        "de": "Sie sind mitten in der Anmeldung. Machen wir weiter:",
        "de_du": "Du bist mitten in der Anmeldung. Machen wir weiter:",
        "en": "You are in the middle of signing up. Let's continue:",
    },
    "profile.title": {"de": "Ihr Profil", "de_du": "Dein Profil", "en": "Your profile"},
    "profile.body": {
        "de": "Name: {name}\nUnternehmen: {company}\nRegion: {region}\nKompetenzen: "
        "{competencies}\nSprache: {language}\nErinnerungen: {reminders}\nMitglied seit: {since}",
        "en": "Name: {name}\nCompany: {company}\nRegion: {region}\nCompetencies: "
        "{competencies}\nLanguage: {language}\nReminders: {reminders}\nMember since: {since}",
    },
    "profile.none": {"de": "keine", "en": "none"},
    "profile.not_given": {"de": "keine Angabe", "en": "not given"},
    "profile.on": {"de": "an", "en": "on"},
    "profile.off": {"de": "aus", "en": "off"},
    "profile.edit_name": {"de": "Name ändern", "en": "Change name"},
    "profile.edit_company": {"de": "Unternehmen ändern", "en": "Change company"},
    "profile.edit_region": {"de": "Region ändern", "en": "Change region"},
    "profile.edit_competencies": {"de": "Kompetenzen ändern", "en": "Change competencies"},
    "profile.edit_language": {"de": "Sprache ändern", "en": "Change language"},
    "profile.saved": {"de": "Gespeichert.", "en": "Saved."},
    "language.ask": {
        "de": "In welcher Sprache soll ich schreiben? / Which language should I use?",
        "en": "Which language should I use? / In welcher Sprache soll ich schreiben?",
    },
    "language.set": {
        "de": "Ich schreibe Ihnen ab jetzt auf Deutsch.",
        "de_du": "Ich schreibe dir ab jetzt auf Deutsch.",
        "en": "I will write to you in English from now on.",
    },
    "language.unknown": {
        "de": "Diese Sprache kann ich nicht. Zur Wahl stehen Deutsch (de) und English (en).",
        "en": "I don't speak that language. You can choose Deutsch (de) or English (en).",
    },
    "help.profile": {
        "de": "Ihr Profil ansehen und ändern",
        "de_du": "Dein Profil ansehen und ändern",
        "en": "View and edit your profile",
    },
    "help.language": {"de": "Sprache wechseln", "en": "Change language"},
    "approval.request": {
        "de": "Neue Anmeldung: {who}. Freigeben?",
        "en": "New registration: {who}. Approve?",
    },
    "approval.approve": {"de": "Freigeben", "en": "Approve"},
    "approval.reject": {"de": "Ablehnen", "en": "Reject"},
    "approval.approved": {
        "de": "{name} ist freigegeben.",
        "en": "{name} has been approved.",
    },
    "approval.rejected": {"de": "{name} wurde abgelehnt.", "en": "{name} has been rejected."},
    "approval.already": {
        "de": "Über {name} wurde schon entschieden.",
        "en": "{name} has already been decided on.",
    },
    "approval.gone": {
        "de": "Diese Anmeldung gibt es nicht mehr.",
        "en": "This registration no longer exists.",
    },
    "approval.welcome": {
        "de": "Ihre Anmeldung ist freigegeben, willkommen im Netzwerk! Senden Sie /themen, um "
        "Themen zu abonnieren.",
        "de_du": "Deine Anmeldung ist freigegeben, willkommen im Netzwerk! Sende /themen, um "
        "Themen zu abonnieren.",
        "en": "Your registration has been approved, welcome to the network! Send /topics to "
        "subscribe to topics.",
    },
    "approval.declined": {
        "de": "Ihre Anmeldung bei {network} wurde leider nicht freigegeben. Bei Fragen wenden "
        "Sie sich bitte an {contact}. Was über Sie gespeichert ist, zeigt /meinedaten; mit "
        "/loeschen löschen Sie Ihre Angaben.",
        "de_du": "Deine Anmeldung bei {network} wurde leider nicht freigegeben. Bei Fragen "
        "wende dich bitte an {contact}. Was über dich gespeichert ist, zeigt /meinedaten; mit "
        "/loeschen löschst du deine Angaben.",
        "en": "Unfortunately your registration with {network} was not approved. If you have "
        "questions, please contact {contact}. /mydata shows what is stored about you; /delete "
        "erases your details.",
    },
    "approval.list_empty": {
        "de": "Keine Anmeldungen warten auf Freigabe.",
        "en": "No registrations are waiting for approval.",
    },
    "help.approve": {"de": "Wartende Anmeldungen freigeben", "en": "Approve pending sign-ups"},
}
