"""Working groups in chat: creating, joining open and closed groups, moderators, leaving,
notification levels, archiving; every change in the audit log."""

from __future__ import annotations

from bot.services import Services
from tests.groups_support import console_member, make_group, texts_to
from tests.helpers import FakeAdapter, Person


async def _actions(app: Services) -> list[str]:
    return [entry["action"] for entry in reversed(await app.store.audit.recent(200))]


async def test_admin_creates_groups_and_members_join_an_open_one(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuegruppe AG Wasserstoff | H2 in der Produktion")
    assert "„AG Wasserstoff“ ist angelegt (offen)" in admin.texts()
    await admin.say("/newgroup Konsortium Drohnen | Forschungsprojekt | anfrage")
    assert "Beitritt auf Anfrage" in admin.texts()
    await admin.say("/neuegruppe ag wasserstoff")
    assert "gibt es schon" in admin.texts()
    await admin.say("/neuegruppe A")
    assert "2 bis 60 Zeichen" in admin.texts()
    await admin.say("/neuegruppe X-Gruppe | | vielleicht")
    assert "„vielleicht“ verstehe ich nicht" in admin.texts()

    anna_id = await console_member(app.store, "anna", "Anna Muster")
    anna = Person(app.core, "anna")
    replies = await anna.say("/gruppen")
    assert replies[0].title == "Arbeitsgruppen"
    assert [m.title for m in replies[1:]] == ["AG Wasserstoff", "Konsortium Drohnen"]
    assert "👥 0 Mitglieder · offen" in replies[1].text
    assert "Noch keine Beiträge." in replies[1].text
    replies = await anna.tap(replies[1].buttons[0][0])
    assert replies[0].replace and "Willkommen! Sie sind jetzt Mitglied" in replies[0].text
    assert "👥 1 Mitglied ·" in replies[0].text and "✅ Sie sind Mitglied." in replies[0].text
    group = await app.store.groups.find("ag wasserstoff")
    assert group is not None
    membership = await app.store.groups.membership(group.id, anna_id)
    assert membership is not None and (membership.role, membership.level) == ("member", "all")
    await anna.press("Austreten")
    assert "Sie haben „AG Wasserstoff“ verlassen." in anna.texts()
    assert await app.store.groups.membership(group.id, anna_id) is None
    assert await _actions(app) == [
        "group.created",
        "group.created",
        "group.joined",
        "group.left",
    ]


async def test_members_cannot_create_or_archive_groups(app: Services) -> None:
    await console_member(app.store, "anna", "Anna Muster")
    anna = Person(app.core, "anna")
    await anna.say("/neuegruppe Geheim")
    assert "Netzwerk-Team vorbehalten" in anna.texts()
    await anna.say("/moderator Geheim @Anna Muster")
    assert "Netzwerk-Team vorbehalten" in anna.texts()
    assert await app.store.groups.list() == []


async def test_request_approved_by_moderator_and_another_declined(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    group = await make_group(store, app.settings, "Konsortium Drohnen", "request")
    mod_id = await console_member(store, "mia", "Mia Moderatorin", "Drohnen AG")
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder", "Bau GmbH", "en")
    admin = Person(app.core, "admin")
    await admin.say("/moderator Konsortium Drohnen @Mia Moderatorin")
    assert "Mia Moderatorin moderiert jetzt „Konsortium Drohnen“." in admin.texts()
    await admin.say("/moderator Konsortium Drohnen @Niemand")
    assert "finde ich nicht" in admin.texts()

    anna, bob, mia = Person(app.core, "anna"), Person(app.core, "bob"), Person(app.core, "mia")
    await anna.say("/gruppen")
    await anna.press("Beitritt anfragen")
    assert "Ihre Anfrage für „Konsortium Drohnen“ ist bei den Moderator·innen" in anna.texts()
    await anna.say("/gruppen")
    assert "Ihre Anfrage liegt den Moderator·innen vor" in anna.last[1].text
    await bob.say("/groups")
    await bob.press("Ask to join")
    await app.worker.drain()
    requests = [s.message for s in fake_adapter.sent if s.chat_id == "mia"]
    assert [m.text for m in requests] == [
        "Anna Muster (Muster GmbH) möchte der Arbeitsgruppe „Konsortium Drohnen“ beitreten.",
        "Bob Builder (Bau GmbH) möchte der Arbeitsgruppe „Konsortium Drohnen“ beitreten.",
    ]
    assert not [s for s in fake_adapter.sent if s.chat_id == "admin"]  # it has a moderator

    await anna.tap(requests[0].buttons[0][0])  # a requester cannot approve herself
    assert "Das dürfen nur die Moderator·innen" in anna.texts()
    await mia.tap(requests[0].buttons[0][0])
    assert "Anna Muster ist jetzt Mitglied von „Konsortium Drohnen“." in mia.texts()
    await mia.tap(requests[1].buttons[0][1])
    assert "Die Anfrage von Bob Builder" in mia.texts()
    await mia.tap(requests[0].buttons[0][0])  # pressed again
    assert "schon entschieden" in mia.texts()
    await app.worker.drain()
    assert "Sie sind jetzt Mitglied der Arbeitsgruppe" in texts_to(fake_adapter, "anna")[-1]
    assert "was declined" in texts_to(fake_adapter, "bob")[-1]
    assert await store.groups.membership(group.id, anna_id) is not None
    assert await store.groups.membership(group.id, bob_id) is None
    assert await store.groups.moderator_ids(group.id) == [mod_id]
    assert await store.groups.requests(group.id) == []
    assert (await _actions(app))[-5:] == [
        "group.moderator_named",
        "group.join_requested",
        "group.join_requested",
        "group.request_approved",
        "group.request_declined",
    ]


async def test_a_group_without_moderators_asks_the_admins(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    await make_group(app.store, app.settings, "Konsortium Drohnen", "request")
    await console_member(app.store, "admin", "Petra Admin")
    await console_member(app.store, "anna", "Anna Muster")
    anna, admin = Person(app.core, "anna"), Person(app.core, "admin")
    await anna.say("/gruppen")
    await anna.press("Beitritt anfragen")
    await anna.say("/gruppen")
    await anna.press("Anfrage zurückziehen")  # she changes her mind …
    await anna.say("/gruppen")
    await anna.press("Beitritt anfragen")  # … and back
    await app.worker.drain()
    [_first, again] = [s.message for s in fake_adapter.sent if s.chat_id == "admin"]
    await admin.tap(again.buttons[0][0])
    assert "Anna Muster ist jetzt Mitglied" in admin.texts()


async def test_levels_from_the_view_and_moderator_buttons(app: Services) -> None:
    store = app.store
    anna_id = await console_member(store, "anna", "Anna Muster")
    group = await make_group(store, app.settings, members=(anna_id,))
    anna = Person(app.core, "anna")
    await anna.say("/gruppen AG Wasserstoff")
    assert "Benachrichtigung: Alle" in anna.texts()
    replies = await anna.press("Wochenüberblick")
    assert replies[0].replace and "Benachrichtigung geändert: Wochenüberblick." in anna.texts()
    assert "✅ Wochenüberblick" in [b.label for b in replies[0].button_list()]
    await anna.press("Stumm")
    membership = await store.groups.membership(group.id, anna_id)
    assert membership is not None and membership.level == "muted"
    assert "Moderation festlegen" not in [b.label for b in anna.last[0].button_list()]

    await console_member(store, "admin", "Petra Admin")
    admin = Person(app.core, "admin")
    await admin.say("/gruppen AG Wasserstoff")
    await admin.press("Moderation festlegen")
    replies = await admin.press("Anna Muster")
    assert "Anna Muster moderiert jetzt" in admin.texts()
    assert replies[0].button_list()[0].label.startswith("⭐ Anna Muster")
    await anna.say("/gruppen AG Wasserstoff")
    assert "Sie moderieren diese Gruppe." in anna.texts()
    assert "Moderation: Anna Muster" in anna.texts()
    await admin.press("Anna Muster")
    assert "moderiert „AG Wasserstoff“ nicht mehr" in admin.texts()
    assert await store.groups.moderator_ids(group.id) == []
    assert "group.level" in await _actions(app)


async def test_archived_group_disappears_and_refuses_joining(app: Services) -> None:
    await make_group(app.store, app.settings)
    await console_member(app.store, "anna", "Anna Muster")
    anna, admin = Person(app.core, "anna"), Person(app.core, "admin")
    await anna.say("/gruppen")
    join = anna.last[1].buttons[0][0]
    await admin.say("/gruppearchivieren AG Wasserstoff")
    assert "„AG Wasserstoff“ ist archiviert" in admin.texts()
    await admin.say("/gruppearchivieren AG Wasserstoff")
    assert "schon archiviert" in admin.texts()
    await anna.tap(join)
    assert "gibt es nicht mehr" in anna.texts()
    await anna.say("/gruppen")
    assert "noch keine Arbeitsgruppen" in anna.texts()
    assert (await app.store.audit.recent(1))[0]["action"] == "group.archived"
