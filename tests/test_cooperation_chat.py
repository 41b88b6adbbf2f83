"""Cooperation requests through the core, as members use them: the wizard, "interested",
"connect" with contacts only after both agreed, the lists, closing, the profile switch,
and the network team removing a request."""

from __future__ import annotations

from datetime import timedelta

from bot.models import Button, Contact, Platform
from bot.services import Services
from storage.db import utcnow
from tests.cooperation_support import add_member, messages_to, post, service
from tests.helpers import FakeAdapter, Person


async def _listed(app: Services, user: str, **answers: str) -> Person:
    person = Person(app.core, user)
    await person.register(**answers)
    await person.press("Ja, ins Verzeichnis")
    return person


async def _id(app: Services, user: str) -> int:
    member = await app.store.members.find_by_identity("console", user)
    assert member is not None
    return member.id


async def test_the_wizard_posts_a_request_that_reaches_a_matching_member(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    await app.store.topics.create("Wasserstoff")
    await _listed(app, "bea", name="Bea Berater", competencies="Elektrolyse, Druckbehälter")
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster", competencies="Fräsen")

    await anna.say("/gesuch")
    assert "fragen Sie das Netzwerk nach einem Partner" in anna.texts()
    await anna.press("Ich suche einen Partner")
    await anna.say("Partner für Elektrolyseur-Gehäuse\nzweite Zeile")
    assert "Zeile" in anna.texts()
    await anna.say("Partner für Elektrolyseur-Gehäuse")
    await anna.say("x" * 2001)
    assert "2001 Zeichen lang; höchstens 2000" in anna.texts()
    await anna.say("Wir fertigen Gehäuse und suchen Know-how für Druckbehälter.")
    suggestions = [b.label for b in anna.last[0].button_list()]
    assert suggestions[:1] == ["▫️ Wasserstoff"] and "▫️ Elektrolyse" in suggestions
    await anna.press("Wasserstoff")
    assert "Gewählt: Wasserstoff" in anna.texts()
    chosen = [b.label for b in anna.last[0].button_list()]
    # every suggestion keeps its place, so a number chosen in the console means the same
    assert chosen[: len(suggestions)] == ["✅ Wasserstoff", *suggestions[1:]]
    await anna.press("Elektrolyse")
    assert "Gewählt: Wasserstoff, Elektrolyse" in anna.texts()
    await anna.press("✅ Elektrolyse")  # a second tap takes it out again
    assert [x for x in anna.texts().splitlines() if "Gewählt" in x] == ["Gewählt: Wasserstoff"]
    await anna.say("Druckbehälter, druckbehälter")
    assert "Für wen ist das Gesuch?" in anna.texts()
    await anna.press("Das ganze Netzwerk")
    await anna.say("32.13.2026")
    assert "Bitte ein Datum zwischen morgen und" in anna.texts()
    await anna.press("6 Wochen")
    intro, preview, ask = anna.last
    assert intro.text == "So sehen passende Mitglieder Ihr Gesuch:"
    # the form's preview: post, change one field, or discard
    assert [b.label for b in ask.button_list()] == ["Veröffentlichen", "✏️ Ändern", "Abbrechen"]
    assert preview.title == "🤝 Passendes Kooperationsgesuch: Partner für Elektrolyseur-Gehäuse"
    assert "Stichworte: Wasserstoff, Druckbehälter" in preview.text
    assert "Für: ganzes Netzwerk · offen bis" in preview.text
    await anna.press("Veröffentlichen")
    assert "Ihr Gesuch Nr. 1 ist veröffentlicht. 1 passendes Mitglied" in anna.texts()

    await app.worker.drain(within=5.0)
    [notice] = [s.message for s in fake_adapter.sent if s.message.title and "🤝" in s.message.title]
    assert [s.chat_id for s in fake_adapter.sent if s.message is notice] == ["bea"]
    assert "Passt zu Ihren Kompetenzen oder Themen: Druckbehälter" in notice.text
    assert not [s for s in fake_adapter.sent if s.chat_id == "anna"]


async def test_tags_of_several_words_with_umlauts_publish_and_match(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    """A tag like "Pulverbeschichtung für Luftfahrt" once made the matching query invalid
    FTS5, and "Veröffentlichen" answered with the apology."""
    await _listed(app, "bea", name="Bea Berater", competencies="Pulverbeschichtung für Luftfahrt")
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster", competencies="Fräsen")
    await anna.say("/gesuch")
    await anna.press("Ich suche einen Partner")
    await anna.say("Beschichter für Flugzeugteile")
    await anna.say("Wir suchen einen Partner für Pulverbeschichtung.")
    await anna.say('Pulverbeschichtung für Luftfahrt, Müller & Söhne, "Groß" (Weiß) AND NOT')
    await anna.press("Das ganze Netzwerk")
    await anna.press("6 Wochen")
    await anna.press("Veröffentlichen")
    assert "Ihr Gesuch Nr. 1 ist veröffentlicht. 1 passendes Mitglied" in anna.texts()
    await app.worker.drain(within=5.0)
    notices = [s for s in fake_adapter.sent if s.message.title and "🤝" in s.message.title]
    assert [s.chat_id for s in notices] == ["bea"]


async def test_interested_tells_the_author_and_contacts_come_only_after_connect(
    app: Services,
) -> None:
    store = app.store
    anna = await _listed(app, "anna", name="Anna Muster", competencies="Fräsen")
    bea = await _listed(app, "bea", name="Bea Berater", competencies="Laserschweißen")
    carl = await _listed(app, "carl", name="Carl", competencies="Vertrieb")
    anna_id, bea_id = await _id(app, "anna"), await _id(app, "bea")
    request = (await post(store, app.settings, anna_id, ["Laser"], title="Laserpartner")).request

    [notice] = await messages_to(store, bea_id)
    bea.last = [notice]
    await bea.press("Interessiert")
    assert "Ich habe der Person, die das Gesuch gestellt hat, Ihr Interesse" in bea.texts()
    bea.last = [notice]
    await bea.press("Interessiert")
    assert "schon mitgeteilt" in bea.texts()

    [told] = await messages_to(store, anna_id)  # once, not twice
    assert told.title == "🙋 Interesse an Ihrem Gesuch „Laserpartner“"
    assert "Bea Berater – Muster GmbH, Kreis Olpe" in told.text
    assert "Kompetenzen: Laserschweißen" in told.text
    everything = [m for member in (anna_id, bea_id) for m in await messages_to(store, member)]
    assert all(m.contacts == [] for m in everything)  # no contact before both agreed
    assert all("bea" not in m.text and "anna" not in m.text for m in everything)

    carl.last = [told]
    await carl.press("Verbinden")
    assert "nur bei Ihren eigenen Gesuchen" in carl.texts()

    anna.last = [told]
    await anna.press("Verbinden")
    [intro] = anna.last
    assert intro.contacts == [
        Contact(platform=Platform.CONSOLE, user_id="bea", label="Bea Berater")
    ]
    assert "Sie und Bea Berater sind jetzt verbunden" in intro.text
    assert "Kontakt: Bea Berater" in intro.plain_text()
    [bea_intro] = (await messages_to(store, bea_id))[1:]
    assert bea_intro.contacts == [
        Contact(platform=Platform.CONSOLE, user_id="anna", label="Anna Muster")
    ]
    assert "Anna Muster hat Ihr Interesse angenommen" in bea_intro.text

    anna.last = [told]
    await anna.press("Verbinden")
    assert "schon verbunden" in anna.texts()
    assert len(await messages_to(store, bea_id)) == 2  # nothing sent again
    [month] = (await service(store, app.settings).monthly_stats(1))[-1:]
    assert (month.posted, month.interests, month.connections) == (1, 1, 1)
    audit = await store.audit.recent()
    assert any(
        a["action"] == "cooperation.connected" and a["request_id"] == request.id for a in audit
    )


async def test_lists_show_open_requests_newest_first_with_own_and_topic_filter(
    app: Services,
) -> None:
    store = app.store
    wasserstoff = await store.topics.create("Wasserstoff")
    anna = await _listed(app, "anna", name="Anna", competencies="Fräsen")
    bea = await _listed(app, "bea", name="Bea", competencies="Vertrieb")
    anna_id, bea_id = await _id(app, "anna"), await _id(app, "bea")
    carl = await add_member(store, "Carl", ["Logistik"])
    now = utcnow()
    await post(
        store, app.settings, anna_id, ["Fräsen"], title="Älteres", at=now - timedelta(days=2)
    )
    newer = (await post(store, app.settings, carl, ["Wasserstoff"], title="Neueres")).request
    assert await store.cooperation.topic_ids(newer.id) == {wasserstoff.id}
    old = now - timedelta(weeks=7)
    await post(store, app.settings, carl, ["Fräsen"], title="Abgelaufen", at=old)
    bea_member = await store.members.get(bea_id)
    assert bea_member is not None
    await service(store, app.settings).show_interest(1, bea_member)

    await bea.say("/gesuche")
    [page] = bea.last
    assert page.text.index("Neueres") < page.text.index("Älteres")
    assert "Abgelaufen" not in page.text and "Ihre offenen Gesuche" not in page.text
    assert "Offene Gesuche im Netzwerk (2)" in page.text
    await bea.press("Thema: Wasserstoff (1)")
    assert "Neueres" in bea.texts() and "Älteres" not in bea.texts()
    await bea.press("Alle Themen")
    await bea.say("/gesuche wasserstoff")
    assert "Offene Gesuche zum Thema „Wasserstoff“ (1)" in bea.texts()
    await bea.press("Nr. 2 ansehen")
    await bea.press("Nicht für mich")
    await bea.say("/gesuche")
    assert "Neueres" not in bea.texts() and "Älteres" in bea.texts()

    await anna.say("/gesuche")
    assert "Ihre offenen Gesuche:\nNr. 1 · Suche: Älteres\n   1 Person interessiert" in anna.texts()
    await anna.press("Nr. 1 verwalten")
    assert "Interessierte (1):\n1. Bea – Muster GmbH\n   Kompetenzen: Vertrieb" in anna.texts()
    await anna.press("Partner gefunden")
    assert "Schön, dass es geklappt hat" in anna.texts()
    await anna.say("/gesuche")
    assert "Älteres" not in anna.texts() and "Ihre offenen" not in anna.texts()
    await bea.say("/gesuche")
    assert "keine offenen Gesuche" in bea.texts()
    await bea.press("Neues Gesuch")
    assert "Worum geht es?" in bea.texts()
    await bea.say("/abbrechen")
    bea.last = [page]
    await bea.press("Nr. 1 ansehen")
    assert "nicht mehr offen" in bea.texts()


async def test_requests_for_a_region_stay_there_and_the_team_removes_one(
    app: Services,
) -> None:
    store = app.store
    olpe = await _listed(app, "olpe", name="Olga", region="Kreis Olpe", competencies="Laser")
    hagen = await _listed(app, "hagen", name="Hans", region="Hagen", competencies="Laser")
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin", region="Kreis Soest")
    olga = await _id(app, "olpe")
    request = (await post(store, app.settings, olga, ["Laser"], region="Kreis Olpe")).request
    await hagen.say("/gesuche")
    assert "keine offenen Gesuche" in hagen.texts()
    await hagen.tap(Button(label="Nr. 1 ansehen", action="coop.view", arg=str(request.id)))
    assert "kenne ich nicht" in hagen.texts()
    await olpe.say("/gesuche")
    assert "Nr. 1 · Suche: Partner gesucht" in olpe.texts()

    await admin.say("/gesuche")
    assert "keine offenen Gesuche" in admin.texts()
    await admin.say("/gesuche alle")
    assert "Alle offenen Gesuche, alle Regionen (1)" in admin.texts()
    await admin.press("Nr. 1 ansehen")
    await admin.press("Entfernen")
    assert "wirklich entfernen" in admin.texts()
    await admin.press("Ja, entfernen")
    assert "Gesuch Nr. 1 ist entfernt" in admin.texts()
    [removal] = [a for a in await store.audit.recent() if a["action"] == "cooperation.removed"]
    assert removal["actor"] == "console:admin" and removal["request_id"] == request.id
    told = await messages_to(store, olga)
    assert "Das Netzwerk-Team hat Ihr Gesuch „Partner gesucht“ entfernt" in told[-1].text
    await olpe.say("/gesuche")
    assert "Ihre offenen" not in olpe.texts()
    await olpe.tap(Button(label="Nr. 1", action="coop.yes", arg=str(request.id)))
    assert "nicht mehr offen" in olpe.texts()


async def test_the_profile_switch_for_requests(app: Services) -> None:
    listed = await _listed(app, "anna", name="Anna")
    await listed.say("/profil")
    assert "Kooperationsgesuche erhalten: ja" in listed.texts()
    await listed.press("Keine Kooperationsgesuche")
    assert "Kooperationsgesuche erhalten: nein" in listed.texts()
    assert not await app.store.cooperation.takes_requests(await _id(app, "anna"))

    unlisted = Person(app.core, "bob")
    await unlisted.register(name="Bob")
    await unlisted.say("/profil")
    assert "Kooperationsgesuche erhalten: nein" in unlisted.texts()
    await unlisted.press("Kooperationsgesuche erhalten")
    assert "Kooperationsgesuche erhalten: ja" in unlisted.texts()
    assert await app.store.cooperation.indexed_ids() == [await _id(app, "bob")]
