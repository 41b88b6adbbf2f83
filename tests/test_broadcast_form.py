"""The broadcast form: field by field in a chat with the input people really type, the
preview's count confirmed on sending, one field changed from the preview, stale buttons;
and the same form submitted at once (a Slack modal), refused field by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.services import Services
from storage.broadcasts import Audience
from tests.broadcast_support import add_member, queued_members
from tests.groups_support import group_service, make_group
from tests.helpers import Person

TEXT = (
    "Einladung: „Werkstatt/Labor“ bei *Müller & Söhne GmbH & Co. KG* 🎉 – Thema "
    "'Pulverbeschichtung für Luftfahrt', Anmeldung bis Freitag.\n\n" + "Details folgen. " * 40
)


async def _broadcasts(app: Services) -> list[tuple[Any, ...]]:
    rows = await app.store.db.fetchall(
        "SELECT id, text, recipients, status FROM broadcasts ORDER BY id"
    )
    return [tuple(r) for r in rows]


async def test_field_by_field_with_typed_answers_and_one_field_changed(
    app: Services, person: Callable[..., Person]
) -> None:
    pulver = (await app.store.topics.create("Pulverbeschichtung für Luftfahrt")).id
    ki = (await app.store.topics.create("KI in der Industrie")).id
    müller = await add_member(app.store, "Müller & Söhne GmbH & Co. KG", topics=(pulver,))
    anna = await add_member(app.store, "Anna", topics=(ki,))
    ben = await add_member(app.store, "Ben", topics=(ki,), language="en")
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.say("abonnenten")  # the beginning of "Abonnenten eines Themas"
    assert "Welches Thema?" in admin.texts()
    await admin.say("pulverbeschichtung")  # the topic's name, folded
    assert "Empfänger: Abonnenten von „Pulverbeschichtung für Luftfahrt“." in admin.texts()
    await admin.say("   ")
    assert "Bitte schreiben Sie jetzt den Text" in admin.texts()  # asked again
    await admin.say(TEXT)
    await admin.press("Sofort")
    sample, count = admin.last
    assert sample.markup and sample.text.startswith("Einladung: „Werkstatt/Labor“ bei *Müller")
    assert "Empfänger: 1 (Abonnenten von „Pulverbeschichtung für Luftfahrt“)" in count.text
    first_confirm = count.button_list()[0]
    await admin.press("Ändern")
    await admin.press("Thema")  # one field changed from the preview, the rest kept
    assert "Bisher: Pulverbeschichtung für Luftfahrt" in admin.texts()
    await admin.press("KI in der Industrie")
    sample, count = admin.last
    assert "Empfänger: 2 (Abonnenten von „KI in der Industrie“) – Konsole: 2." in count.text
    assert sample.text.startswith("Einladung: „Werkstatt/Labor“")  # the text is kept
    await admin.press("Jetzt senden")
    assert "Rundschreiben Nr. 1 ist unterwegs (Empfänger: 2)" in admin.texts()
    assert await queued_members(app.store, 1) == sorted([anna, ben])
    assert müller not in await queued_members(app.store, 1)
    [(_id, text, recipients, _status)] = await _broadcasts(app)
    assert text == TEXT.strip() and recipients == 2
    await admin.tap(first_confirm)  # the preview's button after the form ended
    assert "gehört zu keinem offenen Rundschreiben" in admin.texts()
    assert len(await _broadcasts(app)) == 1


async def test_a_planned_broadcast_shows_its_moment_and_confirms_with_planen(
    app: Services, person: Callable[..., Person]
) -> None:
    await add_member(app.store, "Anna", region="Kreis Olpe")
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Mitglieder einer Region")
    await admin.say("olpe")  # a word of the region's name
    await admin.say("Sommerfest 🎉 am „Freitag“")
    await admin.press("Planen")
    moment = (datetime.now(app.settings.zone) + timedelta(days=3)).replace(hour=9, minute=0)
    await admin.say(moment.strftime("%d.%m.%Y %H:%M"))
    _sample, count = admin.last
    assert "Mitglieder in der Region Kreis Olpe" in count.text and "Geplant für" in count.text
    assert count.button_list()[0].label == "🕘 Planen"
    await admin.press("Planen")
    assert "Rundschreiben Nr. 1 ist für" in admin.texts() and "geplant" in admin.texts()
    [(_id, _text, _recipients, status)] = await _broadcasts(app)
    assert status == "scheduled"


async def test_the_form_at_once_refuses_field_by_field_then_sends_as_the_chat_does(
    app: Services, person: Callable[..., Person]
) -> None:
    topic = (await app.store.topics.create("Pulverbeschichtung für Luftfahrt")).id
    for name in ("Anna", "Ben"):
        await add_member(app.store, name, topics=(topic,))
    admin = person("admin")
    opened = await admin.say("/rundschreiben", form_trigger=True)
    [message] = opened  # no chat intro before a modal
    assert message.form is not None
    assert message.form.fields[4].hint.startswith("Formatierung: *fett*")  # no chat words
    assert [f.name for f in message.form.fields] == [
        "kind", "topic", "region", "group", "text", "when", "send_at"
    ]  # fmt: skip
    past = int((datetime.now() - timedelta(days=1)).timestamp())
    values: dict[str, Any] = {"kind": "topic", "topic": "", "text": " ", "when": "later",
                              "send_at": f"@{past}"}  # fmt: skip
    answer = await admin.say("", action="f.bc", action_arg=".submit", form_values=values)
    errors = answer[0].form.errors if answer[0].form else {}
    assert set(errors) == {"topic", "text", "send_at"}
    assert "Vergangenheit" in errors["send_at"]
    values = {"kind": "topic", "topic": str(topic), "text": TEXT, "when": "now"}
    answer = await admin.say("", action="f.bc", action_arg=".submit", form_values=values)
    preview = answer[0].form.preview if answer[0].form else ""
    assert "Empfänger: 2 (Abonnenten von „Pulverbeschichtung für Luftfahrt“)" in preview
    done = await admin.say("", action="f.bc", action_arg=".confirm", form_values={})
    assert "Rundschreiben Nr. 1 ist unterwegs (Empfänger: 2)" in done[0].text
    await admin.say("/rundschreiben")  # the same broadcast by chat
    for label in ("Abonnenten eines Themas", "Pulverbeschichtung"):
        await admin.press(label)
    await admin.say(TEXT)
    await admin.press("Sofort")
    await admin.press("Jetzt senden")
    modal, chat = await _broadcasts(app)
    assert modal[1:] == chat[1:]  # same text, recipients, status
    assert await queued_members(app.store, 1) == await queued_members(app.store, 2)
    loaded = [await app.store.broadcasts.get(n) for n in (1, 2)]
    assert [b.audience for b in loaded if b] == [Audience(topic_id=topic)] * 2


async def test_a_submission_after_the_group_or_the_role_changed_is_refused(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = await add_member(app.store, "Anna")
    group = await make_group(app.store, app.settings, members=(anna,))
    await make_group(app.store, app.settings, "AG Robotik", members=(anna,))
    await app.store.members.grant_admin("console:chefin")
    chefin = person("chefin")
    await chefin.say("/rundschreiben", form_trigger=True)
    await group_service(app.store, app.settings).archive("AG Wasserstoff")
    values = {"kind": "group", "group": str(group.id), "text": "Treffen", "when": "now"}
    answer = await chefin.say("", action="f.bc", action_arg=".submit", form_values=values)
    errors = answer[0].form.errors if answer[0].form else {}
    assert set(errors) == {"group"} and "gibt es nicht mehr" in errors["group"]
    values = {"kind": "all", "text": "Treffen", "when": "now"}
    await chefin.say("", action="f.bc", action_arg=".submit", form_values=values)
    await app.store.members.revoke_admin(["console:chefin"])
    refused = await chefin.say("", action="f.bc", action_arg=".confirm", form_values={})
    assert refused[0].text == "Dieser Befehl ist dem Netzwerk-Team vorbehalten."
    assert await _broadcasts(app) == []


async def test_a_group_archived_on_the_preview_is_refused_on_sending(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = await add_member(app.store, "Anna")
    await make_group(app.store, app.settings, members=(anna,))
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Mitglieder einer Arbeitsgruppe")
    await admin.press("AG Wasserstoff")
    await admin.say("Treffen / Protokoll")
    preview = await admin.press("Sofort")
    await group_service(app.store, app.settings).archive("AG Wasserstoff")
    await admin.press("Jetzt senden")
    assert "„AG Wasserstoff“ ist archiviert" in admin.texts()
    assert await _broadcasts(app) == []
    admin.last = preview  # still on the screen above the refusal
    await admin.press("Ändern")  # the form is still open: another audience
    await admin.press("Empfänger")
    await admin.press("Alle Mitglieder")
    assert "Empfänger: 1 (alle Mitglieder)" in admin.texts()  # not the group's count
    await admin.press("Jetzt senden")
    assert "Rundschreiben Nr. 1 ist unterwegs (Empfänger: 1)" in admin.texts()
