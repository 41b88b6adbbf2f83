"""The structured company profile and the directory's filters (issue 30)."""

MESSAGES = {
    "facets.facet.process": {"de": "Verfahren", "en": "Processes"},
    "facets.facet.material": {"de": "Werkstoffe", "en": "Materials"},
    "facets.facet.certification": {"de": "Zertifizierungen", "en": "Certifications"},
    "facets.facet.industry": {"de": "Branchen", "en": "Industries"},
    "facets.facet.looking_for": {"de": "Wir suchen", "en": "Looking for"},
    "facets.facet.size": {"de": "Unternehmensgröße", "en": "Company size"},
    "facets.ask_process": {
        "de": "Welche Verfahren bietet Ihr Unternehmen an? Tippen Sie an oder schreiben Sie "
        "weitere, durch Kommas getrennt. Alles ist freiwillig.{chosen}",
        "en": "Which processes does your company offer? Tap or type more, separated by "
        "commas. Everything is optional.{chosen}",
    },
    "facets.ask_material": {
        "de": "Mit welchen Werkstoffen arbeiten Sie? Antippen oder durch Kommas getrennt "
        "schreiben.{chosen}",
        "en": "Which materials do you work with? Tap or type, separated by commas.{chosen}",
    },
    "facets.ask_certification": {
        "de": "Welche Zertifizierungen hat Ihr Unternehmen? Antippen oder durch Kommas "
        "getrennt schreiben.{chosen}",
        "en": "Which certifications does your company hold? Tap or type, separated by "
        "commas.{chosen}",
    },
    "facets.ask_industry": {
        "de": "Welche Branchen beliefern Sie? Antippen oder durch Kommas getrennt "
        "schreiben.{chosen}",
        "en": "Which industries do you serve? Tap or type, separated by commas.{chosen}",
    },
    "facets.ask_looking_for": {
        "de": "Was sucht Ihr Unternehmen im Netzwerk?",
        "en": "What is your company looking for in the network?",
    },
    "facets.ask_size": {
        "de": "Wie viele Beschäftigte hat Ihr Unternehmen?",
        "en": "How many employees does your company have?",
    },
    "facets.chosen": {"de": "Gewählt: {entries}", "en": "Chosen: {entries}"},
    "facets.hint_typed": {
        "de": "Mehrere durch Kommas getrennt; neue Einträge prüft das Netzwerk-Team.",
        "en": "Several separated by commas; the network team reviews new entries.",
    },
    "facets.bad_entries": {
        "de": "Bitte höchstens {max_entries} Einträge mit je höchstens {max_len} Zeichen.",
        "en": "Please at most {max_entries} entries of at most {max_len} characters each.",
    },
    "facets.form_title": {"de": "Unternehmensprofil", "en": "Company profile"},
    "facets.confirm": {"de": "Speichern", "en": "Save"},
    "facets.saved": {
        "de": "Ihr Unternehmensprofil ist gespeichert.",
        "en": "Your company profile is saved.",
    },
    "facets.profile_button": {"de": "Unternehmensprofil", "en": "Company profile"},
    "facets.profile_line": {"de": "{facet}: {entries}", "en": "{facet}: {entries}"},
    "facets.proposed_mark": {"de": "{label} (neu)", "en": "{label} (new)"},
    # /suche's filters
    "directory.filter_by": {"de": "Filtern nach:", "en": "Filter by:"},
    "directory.filter.region": {"de": "Region", "en": "Region"},
    "directory.filter.certification": {"de": "Zertifizierung", "en": "Certification"},
    "directory.filter.process": {"de": "Verfahren", "en": "Process"},
    "directory.filter.industry": {"de": "Branche", "en": "Industry"},
    "directory.filter_choose": {
        "de": "{facet}: Wählen Sie einen Filter.",
        "en": "{facet}: choose a filter.",
    },
    "directory.filter_nothing": {
        "de": "Dafür gibt es im Verzeichnis noch keine Einträge.",
        "en": "There are no entries for this in the directory yet.",
    },
    "directory.filter_clear": {"de": "Filter entfernen", "en": "Remove filters"},
    "directory.filters_line": {"de": "Filter: {filters}", "en": "Filters: {filters}"},
    "directory.filtered_title": {
        "de": "Verzeichnis gefiltert: {total} Treffer",
        "en": "Directory, filtered: {total, plural, one {# match} other {# matches}}",
    },
    "directory.filtered_none": {
        "de": "Mit diesen Filtern habe ich niemanden im Verzeichnis gefunden.",
        "en": "I found nobody in the directory with these filters.",
    },
    # a cooperation request tagged with facets
    "cooperation.ask_process": {
        "de": "Geht es um ein bestimmtes Verfahren? Mitglieder, die es anbieten und auch die "
        "gewählte Zertifizierung haben, erfahren zuerst von Ihrem Gesuch.",
        "en": "Is a particular process needed? Members who offer it and also hold the chosen "
        "certification hear of your request first.",
    },
    "cooperation.label.process": {"de": "Verfahren", "en": "Process"},
    "cooperation.ask_certification": {
        "de": "Ist eine bestimmte Zertifizierung nötig?",
        "en": "Is a particular certification required?",
    },
    "cooperation.label.certification": {"de": "Zertifizierung", "en": "Certification"},
    # staff
    "facets.unknown_facet": {
        "de": "Diese Facette gibt es nicht. Möglich: {facets}",
        "en": "There is no such facet. Possible: {facets}",
    },
    "facets.bad_label": {
        "de": "Ein Eintrag braucht 1 bis {max} Zeichen.",
        "en": "An entry needs 1 to {max} characters.",
    },
    "facets.merge_refused": {
        "de": "Zusammenführen geht nur mit zwei verschiedenen Einträgen derselben Facette.",
        "en": "Only two different entries of the same facet can be merged.",
    },
    # the dashboard's vocabulary page
    "dashboard.vocab.title": {
        "de": "Vokabulare des Unternehmensprofils",
        "en": "Company profile vocabularies",
    },
    "dashboard.vocab.link": {
        "de": "Vokabulare des Unternehmensprofils",
        "en": "Company profile vocabularies",
    },
    "dashboard.vocab.entry": {"de": "Eintrag", "en": "Entry"},
    "dashboard.vocab.members": {"de": "Mitglieder", "en": "Members"},
    "dashboard.vocab.proposed": {"de": "vorgeschlagen", "en": "proposed"},
    "dashboard.vocab.facet": {"de": "Facette", "en": "Facet"},
    "dashboard.vocab.add": {"de": "Eintrag hinzufügen", "en": "Add an entry"},
    "dashboard.vocab.merge": {"de": "Einträge zusammenführen", "en": "Merge entries"},
    "dashboard.vocab.source": {"de": "Dieser Eintrag geht", "en": "This entry goes"},
    "dashboard.vocab.target": {"de": "in diesem auf", "en": "into this one"},
    "dashboard.vocab.merge_button": {"de": "Zusammenführen", "en": "Merge"},
    "dashboard.vocab.notice.added": {"de": "Hinzugefügt: {name}", "en": "Added: {name}"},
    "dashboard.vocab.notice.merged": {"de": "Zusammengeführt: {name}", "en": "Merged: {name}"},
    "dashboard.vocab.notice.resubmitted": {
        "de": "Dieses Formular wurde bereits gesendet; hier ist das Ergebnis.",
        "en": "This form was already sent; here is its outcome.",
    },
}
