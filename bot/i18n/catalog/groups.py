"""Working groups: membership, moderation, updates, bound chats and the weekly digest."""

MESSAGES = {
    # help -----------------------------------------------------------------------------
    "groups.help_groups": {
        "de": "Arbeitsgruppen: beitreten, austreten, Neuigkeiten",
        "en": "Working groups: join, leave, latest updates",
    },
    "groups.help_update": {
        "de": "Neuigkeit an eine Ihrer Arbeitsgruppen senden",
        "en": "Post an update to one of your working groups",
    },
    "groups.help_new": {
        "de": "Arbeitsgruppe anlegen: NAME | Beschreibung | offen oder anfrage | THEMA",
        "en": "Create a working group: NAME | description | open or request | TOPIC",
    },
    "groups.help_archive": {"de": "Arbeitsgruppe archivieren", "en": "Archive a working group"},
    "groups.help_moderator": {
        "de": "Moderator·in benennen: GRUPPE @Mitglied",
        "en": "Name a moderator: GROUP @member",
    },
    # the list and the view ------------------------------------------------------------
    "groups.title": {"de": "Arbeitsgruppen", "en": "Working groups"},
    "groups.intro": {
        "de": "Treten Sie Arbeitsgruppen bei oder aus. Unter „Ansehen“ stellen Sie ein, wie "
        "Sie benachrichtigt werden.",
        "en": "Join or leave working groups. Under “View” you choose how you are notified.",
    },
    "groups.none": {
        "de": "Es gibt noch keine Arbeitsgruppen.",
        "en": "There are no working groups yet.",
    },
    "groups.facts": {
        "de": "👥 {count, plural, one {# Mitglied} other {# Mitglieder}} · {policy}",
        "en": "👥 {count, plural, one {# member} other {# members}} · {policy}",
    },
    "groups.policy_open": {"de": "offen", "en": "open"},
    "groups.policy_request": {"de": "Beitritt auf Anfrage", "en": "join on request"},
    "groups.you_member": {"de": "✅ Sie sind Mitglied.", "en": "✅ You are a member."},
    "groups.you_moderator": {
        "de": "⭐ Sie moderieren diese Gruppe.",
        "en": "⭐ You moderate this group.",
    },
    "groups.you_requested": {
        "de": "⏳ Ihre Anfrage liegt den Moderator·innen vor.",
        "de_du": "⏳ Deine Anfrage liegt den Moderator·innen vor.",
        "en": "⏳ Your request is with the moderators.",
    },
    "groups.you_requested_team": {
        "de": "⏳ Die Gruppe hat keine Moderation; über Ihre Anfrage entscheidet das "
        "Netzwerk-Team.",
        "de_du": "⏳ Die Gruppe hat keine Moderation; über deine Anfrage entscheidet das "
        "Netzwerk-Team.",
        "en": "⏳ The group has no moderators; the network team decides on your request.",
    },
    "groups.latest": {"de": "Neueste Beiträge:", "en": "Latest updates:"},
    "groups.no_updates": {"de": "Noch keine Beiträge.", "en": "No updates yet."},
    "groups.moderators_line": {"de": "Moderation: {names}", "en": "Moderators: {names}"},
    "groups.level_line": {
        "de": "Benachrichtigung: {level}",
        "en": "Notifications: {level}",
    },
    "groups.level_all": {"de": "Alle", "en": "All"},
    "groups.level_digest": {"de": "Wochenüberblick", "en": "Weekly digest"},
    "groups.level_muted": {"de": "Stumm", "en": "Muted"},
    "groups.level_set": {
        "de": "Benachrichtigung geändert: {level}.",
        "en": "Notifications changed: {level}.",
    },
    "groups.bad_level": {
        "de": "Diese Einstellung gibt es nicht.",
        "en": "There is no such setting.",
    },
    "groups.btn_view": {"de": "👁 Ansehen", "en": "👁 View"},
    "groups.btn_join": {"de": "➕ Beitreten", "en": "➕ Join"},
    "groups.btn_request": {"de": "✉️ Beitritt anfragen", "en": "✉️ Ask to join"},
    "groups.btn_leave": {"de": "➖ Austreten", "en": "➖ Leave"},
    "groups.btn_cancel_request": {"de": "Anfrage zurückziehen", "en": "Withdraw request"},
    "groups.btn_withdraw": {"de": "↩️ Zurückziehen: {text}", "en": "↩️ Withdraw: {text}"},
    "groups.btn_withdraw_mine": {"de": "↩️ Zurückziehen", "en": "↩️ Withdraw"},
    "groups.btn_requests": {"de": "📨 Anfragen ({count})", "en": "📨 Requests ({count})"},
    "groups.btn_moderators": {"de": "⭐ Moderation festlegen", "en": "⭐ Choose moderators"},
    "groups.unknown": {
        "de": "Die Arbeitsgruppe „{group}“ gibt es nicht. Mit /gruppen sehen Sie alle.",
        "en": "There is no working group “{group}”. Send /groups to see them all.",
        "cli": "there is no working group “{group}” (knotenpunkt group list shows them all)",
    },
    "groups.gone": {
        "de": "Diese Arbeitsgruppe gibt es nicht mehr.",
        "en": "This working group no longer exists.",
    },
    # joining and leaving --------------------------------------------------------------
    "groups.join_joined": {
        "de": "Willkommen! Sie sind jetzt Mitglied von „{group}“.",
        "en": "Welcome! You are now a member of “{group}”.",
    },
    "groups.join_member": {
        "de": "Sie sind schon Mitglied von „{group}“.",
        "en": "You are already a member of “{group}”.",
    },
    "groups.join_requested": {
        "de": "Ihre Anfrage für „{group}“ ist bei den Moderator·innen. Sie erfahren, wie "
        "entschieden wurde.",
        "de_du": "Deine Anfrage für „{group}“ ist bei den Moderator·innen. Du erfährst, wie "
        "entschieden wurde.",
        "en": "Your request for “{group}” is with the moderators. You will hear the decision.",
    },
    "groups.join_requested_team": {
        "de": "„{group}“ hat keine Moderation, deshalb entscheidet das Netzwerk-Team über Ihre "
        "Anfrage. Sie erfahren, wie entschieden wurde.",
        "de_du": "„{group}“ hat keine Moderation, deshalb entscheidet das Netzwerk-Team über "
        "deine Anfrage. Du erfährst, wie entschieden wurde.",
        "en": "“{group}” has no moderators, so the network team decides on your request. You "
        "will hear the decision.",
    },
    "groups.join_pending": {
        "de": "Ihre Anfrage für „{group}“ liegt schon vor.",
        "en": "Your request for “{group}” is already waiting.",
    },
    "groups.left": {
        "de": "Sie haben „{group}“ verlassen.",
        "en": "You left “{group}”.",
    },
    "groups.not_member": {
        "de": "Sie sind nicht Mitglied von „{group}“.",
        "en": "You are not a member of “{group}”.",
    },
    "groups.not_member_any": {
        "de": "Diese Person ist nicht mehr in der Gruppe.",
        "en": "This person is no longer in the group.",
    },
    "groups.request_text": {
        "de": "{who} möchte der Arbeitsgruppe „{group}“ beitreten.",
        "en": "{who} would like to join the working group “{group}”.",
    },
    "groups.btn_approve": {"de": "✅ Aufnehmen", "en": "✅ Approve"},
    "groups.btn_decline": {"de": "✖️ Ablehnen", "en": "✖️ Decline"},
    "groups.request_approved": {
        "de": "{name} ist jetzt Mitglied von „{group}“.",
        "en": "{name} is now a member of “{group}”.",
    },
    "groups.request_declined": {
        "de": "Die Anfrage von {name} für „{group}“ ist abgelehnt.",
        "en": "The request of {name} for “{group}” was declined.",
    },
    "groups.request_approved_note": {
        "de": "Gute Nachricht: Sie sind jetzt Mitglied der Arbeitsgruppe „{group}“. "
        "Mit /gruppen sehen Sie die neuesten Beiträge.",
        "en": "Good news: you are now a member of the working group “{group}”. "
        "Send /groups to see the latest updates.",
    },
    "groups.request_declined_note": {
        "de": "Ihre Anfrage für die Arbeitsgruppe „{group}“ wurde leider abgelehnt.",
        "en": "Your request to join the working group “{group}” was declined.",
    },
    "groups.request_settled": {
        "de": "Über diese Anfrage ist schon entschieden.",
        "en": "This request has already been settled.",
    },
    "groups.no_requests": {
        "de": "Für „{group}“ liegen keine Anfragen vor.",
        "en": "There are no requests for “{group}”.",
    },
    "groups.moderators_only": {
        "de": "Das dürfen nur die Moderator·innen von „{group}“ und das Netzwerk-Team.",
        "en": "Only the moderators of “{group}” and the network team may do that.",
    },
    # updates --------------------------------------------------------------------------
    "groups.update_title": {"de": "📣 {author} in {group}", "en": "📣 {author} in {group}"},
    "groups.unknown_author": {"de": "Ein früheres Mitglied", "en": "A former member"},
    "groups.update_no_groups": {
        "de": "Sie sind noch in keiner Arbeitsgruppe. Mit /gruppen treten Sie einer bei.",
        "en": "You are not in any working group yet. Send /groups to join one.",
    },
    "groups.form_title": {"de": "Gruppen-Neuigkeit", "en": "Working-group update"},
    "groups.label.group": {"de": "Arbeitsgruppe", "en": "Working group"},
    "groups.label.text": {"de": "Neuigkeit", "en": "Update"},
    "groups.update_ask_group": {
        "de": "In welche Arbeitsgruppe soll die Neuigkeit? (Tippen Sie oder schreiben Sie den "
        "Namen.)",
        "en": "Which working group is the update for? (Tap one or type its name.)",
    },
    "groups.update_ask_text": {
        "de": "Ihre Neuigkeit für „{group}“ bitte (höchstens {max} Zeichen, Links erlaubt). "
        "/abbrechen bricht ab.",
        "en": "Your update for “{group}”, please (at most {max} characters, links welcome). "
        "/cancel stops.",
    },
    "groups.preview_title": {"de": "Vorschau für „{group}“", "en": "Preview for “{group}”"},
    "groups.preview_hint": {
        "de": "So erhalten es die Mitglieder. Jetzt senden?",
        "en": "This is how members will see it. Post it now?",
    },
    "groups.btn_post": {"de": "📣 Senden", "en": "📣 Post"},
    "groups.btn_discard": {"de": "Verwerfen", "en": "Discard"},
    "groups.update_empty": {
        "de": "Die Neuigkeit ist leer.",
        "en": "The update is empty.",
    },
    "groups.update_too_long": {
        "de": "Die Neuigkeit hat {length} Zeichen; erlaubt sind höchstens {max}.",
        "en": "The update has {length} characters; at most {max} are allowed.",
    },
    "groups.post_members_only": {
        "de": "Nur Mitglieder von „{group}“ können dort Neuigkeiten senden. Mit /gruppen "
        "treten Sie bei.",
        "en": "Only members of “{group}” can post updates there. Send /groups to join.",
        "cli": "only members of “{group}” can post updates there",
    },
    "groups.posted": {"de": "Gesendet an {recipients}.", "en": "Posted to {recipients}."},
    "groups.sent_members": {
        "de": "{n, plural, one {# Mitglied} other {# Mitglieder}}",
        "en": "{n, plural, one {# member} other {# members}}",
    },
    "groups.sent_chats": {
        "de": "{n, plural, one {# verbundenen Chat} other {# verbundene Chats}}",
        "en": "{n, plural, one {# bound chat} other {# bound chats}}",
    },
    "groups.and": {"de": "und", "en": "and"},
    "groups.posted_saved": {"de": "Gespeichert.", "en": "Saved."},
    "groups.posted_later": {
        "de": "{n, plural, one {# weiteres Mitglied sieht} other {# weitere Mitglieder sehen}} "
        "die Neuigkeit später (in der Wochenübersicht oder unter /gruppen).",
        "en": "{n, plural, one {# other member sees} other {# other members see}} it later "
        "(in the weekly digest or in /groups).",
    },
    "groups.posted_alone": {
        "de": "Gespeichert. Außer Ihnen ist noch niemand in „{group}“, deshalb hat die "
        "Neuigkeit niemand bekommen. Wer beitritt, sieht sie unter /gruppen.",
        "de_du": "Gespeichert. Außer dir ist noch niemand in „{group}“, deshalb hat die "
        "Neuigkeit niemand bekommen. Wer beitritt, sieht sie unter /gruppen.",
        "en": "Saved. Nobody else is in “{group}” yet, so nobody has received it. Whoever "
        "joins sees it in /groups.",
    },
    "groups.posted_here": {
        "de": "Als Neuigkeit der Arbeitsgruppe „{group}“ veröffentlicht.",
        "en": "Published as an update of the working group “{group}”.",
    },
    "groups.posted_chat": {
        "de": "✅ Auch an {members, plural, one {# Mitglied} other {# Mitglieder}} und "
        "{chats, plural, one {# weiteren Chat} other {# weitere Chats}} gesendet.",
        "en": "✅ Also sent to {members, plural, one {# member} other {# members}} and "
        "{chats, plural, one {# other chat} other {# other chats}}.",
    },
    "groups.chat_not_bound": {
        "de": "Dieser Chat ist mit keiner Arbeitsgruppe verbunden. Das Netzwerk-Team verbindet "
        "ihn mit /binden gruppe NAME.",
        "en": "This chat is not bound to a working group. The network team binds it with "
        "/bind group NAME.",
    },
    "groups.update_usage_chat": {
        "de": "So geht's: /neuigkeit TEXT",
        "en": "Usage: /update TEXT",
    },
    "groups.post_gone": {
        "de": "Diesen Beitrag gibt es nicht mehr.",
        "en": "This update no longer exists.",
    },
    "groups.withdraw_not_allowed": {
        "de": "Zurückziehen können nur die Verfasserin oder der Verfasser, die Moderation "
        "und das Netzwerk-Team.",
        "en": "Only the author, the moderators and the network team can withdraw an update.",
    },
    "groups.withdrawn": {
        "de": "Zurückgezogen: „{text}“. {stopped, plural, one {# noch nicht zugestellte "
        "Nachricht wurde} other {# noch nicht zugestellte Nachrichten wurden}} angehalten.",
        "en": "Withdrawn: “{text}”. {stopped, plural, one {# message} other {# messages}} not "
        "yet delivered {stopped, plural, one {was} other {were}} stopped.",
    },
    # weekly digest --------------------------------------------------------------------
    "groups.digest_event": {
        "de": "📅 Neuer Termin: {title}, {when}",
        "en": "📅 New event: {title}, {when}",
    },
    # admin ----------------------------------------------------------------------------
    "groups.new_usage": {
        "de": "So geht's: /neuegruppe NAME | Beschreibung | offen oder anfrage | THEMA "
        "(nur der Name ist nötig)",
        "en": "Usage: /newgroup NAME | description | open or request | TOPIC "
        "(only the name is needed)",
    },
    "groups.created": {
        "de": "Die Arbeitsgruppe „{group}“ ist angelegt ({policy}).",
        "en": "The working group “{group}” has been created ({policy}).",
    },
    "groups.duplicate": {
        "de": "Eine Arbeitsgruppe „{group}“ gibt es schon.",
        "en": "A working group “{group}” already exists.",
    },
    "groups.name_invalid": {
        "de": "Der Gruppenname braucht 2 bis {max} Zeichen in einer Zeile, ohne | und @.",
        "en": "A group name needs 2 to {max} characters on one line, without | and @.",
    },
    "groups.bad_policy": {
        "de": "„{policy}“ verstehe ich nicht: offen oder anfrage.",
        "en": "I do not understand “{policy}”: open or request.",
    },
    "groups.archive_usage": {
        "de": "So geht's: /gruppearchivieren NAME",
        "en": "Usage: /archivegroup NAME",
    },
    "groups.archived": {
        "de": "„{group}“ ist archiviert; {withdrawn, plural, one {# noch wartende Nachricht "
        "wurde} other {# noch wartende Nachrichten wurden}} angehalten.",
        "en": "“{group}” is archived; {withdrawn, plural, one {# waiting message was} "
        "other {# waiting messages were}} stopped.",
    },
    "groups.already_archived": {
        "de": "„{group}“ ist schon archiviert.",
        "en": "“{group}” is already archived.",
    },
    "groups.moderator_usage": {
        "de": "So geht's: /moderator GRUPPE @Mitglied (z. B. /moderator AG Wasserstoff "
        "@Anna Muster)",
        "en": "Usage: /moderator GROUP @member (e.g. /moderator AG Hydrogen @Anna Muster)",
    },
    "groups.moderator_named": {
        "de": "{name} moderiert jetzt „{group}“.",
        "en": "{name} now moderates “{group}”.",
    },
    "groups.moderator_already": {
        "de": "{name} moderiert „{group}“ schon.",
        "en": "{name} already moderates “{group}”.",
    },
    "groups.moderator_removed": {
        "de": "{name} moderiert „{group}“ nicht mehr.",
        "en": "{name} no longer moderates “{group}”.",
    },
    "groups.moderators_intro": {
        "de": "Tippen Sie auf ein Mitglied von „{group}“, um es zur Moderation zu machen oder "
        "davon zu befreien. ⭐ = moderiert.",
        "en": "Tap a member of “{group}” to make them a moderator or to undo it. ⭐ = moderator.",
    },
    "groups.moderators_nobody": {
        "de": "„{group}“ hat noch keine Mitglieder.",
        "en": "“{group}” has no members yet.",
    },
    "groups.member_unknown": {
        "de": "Ein Mitglied „{who}“ finde ich nicht.",
        "en": "I cannot find a member “{who}”.",
    },
    "groups.member_ambiguous": {
        "de": "„{who}“ passt auf mehrere Mitglieder; nennen Sie den vollen Namen.",
        "en": "“{who}” matches several members; give the full name.",
    },
    # bound chats ----------------------------------------------------------------------
    "groups.bound_name": {"de": "Arbeitsgruppe „{group}“", "en": "working group “{group}”"},
    "groups.bind_hint": {
        "de": "Für eine Arbeitsgruppe: /binden gruppe NAME",
        "en": "For a working group: /bind group NAME",
    },
    "groups.bind_done": {
        "de": "Dieser Chat bekommt jetzt die Neuigkeiten der Arbeitsgruppe „{group}“; mit "
        "/neuigkeit TEXT senden Mitglieder von hier aus.",
        "en": "This chat now receives the updates of the working group “{group}”; members "
        "post from here with /update TEXT.",
    },
    "groups.bind_already": {
        "de": "Dieser Chat ist schon mit „{group}“ verbunden.",
        "en": "This chat is already bound to “{group}”.",
    },
    "groups.bind_other": {
        "de": "Dieser Chat ist schon mit der Arbeitsgruppe „{group}“ verbunden (eine je Chat). "
        "Lösen Sie sie zuerst mit /loesen gruppe.",
        "en": "This chat is already bound to the working group “{group}” (one per chat). "
        "Unbind it first with /unbind group.",
    },
    "groups.bind_not_this": {
        "de": "Dieser Chat ist nicht mit „{group}“ verbunden.",
        "en": "This chat is not bound to “{group}”.",
    },
    # events of a group ----------------------------------------------------------------
    "groups.event_no_group": {"de": "Keine Arbeitsgruppe", "en": "No working group"},
    "groups.event_group": {"de": "👥 Arbeitsgruppe: {group}", "en": "👥 Working group: {group}"},
}
