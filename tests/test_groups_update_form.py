"""The ``/neuigkeit`` form in a private chat and as a native form: a typed group name that
matches none is answered with the groups (it was asked again silently), a start of the name
is enough, the group can be changed from the preview, "Senden" twice posts once, and a
group archived before the confirmation is refused with a clear message."""

from __future__ import annotations

from typing import Any

from bot.services import Services
from tests.groups_support import console_member, group_service, make_group, titles_to
from tests.helpers import FakeAdapter, Person

BODY = (
    "Müller & Söhne GmbH & Co. KG lädt ein: „Pulverbeschichtung für Luftfahrt“ 🚀\n"
    "Anmeldung bis Freitag unter https://example.org/h2/anmeldung (Plätze 1/20)."
)


async def _two_groups(app: Services) -> tuple[Person, int, int]:
    anna_id = await console_member(app.store, "anna", "Anna Muster")
    bob_id = await console_member(app.store, "bob", "Bob Builder")
    h2 = await make_group(app.store, app.settings, members=(anna_id, bob_id))
    robots = await make_group(app.store, app.settings, "AG Robotik", members=(anna_id,))
    return Person(app.core, "anna"), h2.id, robots.id


async def test_a_name_that_matches_no_group_is_answered_and_a_start_is_enough(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna, h2, _robots = await _two_groups(app)
    await anna.say("/neuigkeit")
    await anna.say("AG Brennstoffzelle")
    assert "„AG Brennstoffzelle“ ist keine der Möglichkeiten" in anna.texts()
    assert "Bitte wählen Sie: AG Robotik, AG Wasserstoff" in anna.texts()
    await anna.say("wasser")
    assert "Ihre Neuigkeit für „AG Wasserstoff“" in anna.texts()
    await anna.say(BODY)
    assert anna.last[0].title == "Vorschau für „AG Wasserstoff“"
    await anna.press("Senden")
    assert "Gesendet an 1 Mitglied." in anna.texts()
    assert [p.body for p in await app.store.groups.recent_posts(h2)] == [BODY]


async def test_the_group_changed_from_the_preview_and_sent_once(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna, h2, robots = await _two_groups(app)
    await anna.say("/update Protokoll vom 3. März ist online")
    await anna.press("AG Wasserstoff")
    preview = anna.last
    await anna.press("Ändern")
    await anna.press("Arbeitsgruppe")
    await anna.press("AG Robotik")
    assert anna.last[0].title == "Vorschau für „AG Robotik“"
    assert "Protokoll vom 3. März ist online" in anna.texts()  # the text is kept
    await anna.press("Senden")
    anna.last = preview
    await anna.press("Senden")  # the first preview: answered already
    assert "schon beantwortet" in anna.texts()
    assert [p.body for p in await app.store.groups.recent_posts(robots)] == [
        "Protokoll vom 3. März ist online"
    ]
    assert await app.store.groups.recent_posts(h2) == []


async def test_a_group_archived_before_sending_is_refused_and_another_can_be_chosen(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna, _h2, robots = await _two_groups(app)
    await anna.say("/neuigkeit")
    await anna.press("AG Wasserstoff")
    await anna.say(BODY)
    await group_service(app.store, app.settings).archive("AG Wasserstoff")
    await anna.press("Senden")
    assert anna.texts() == "Diese Arbeitsgruppe gibt es nicht mehr."
    await anna.say("Arbeitsgruppe")  # the preview's field, typed
    await anna.press("AG Robotik")
    await anna.say("ja")
    assert "Gespeichert. Außer Ihnen ist noch niemand in „AG Robotik“" in anna.texts()
    assert [p.body for p in await app.store.groups.recent_posts(robots)] == [BODY]


async def test_a_native_form_with_errors_next_to_fields_then_sent(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna, h2, robots = await _two_groups(app)
    [opened] = await anna.say("/neuigkeit", form_trigger=True)
    assert opened.form is not None and [f.name for f in opened.form.fields] == ["group", "text"]
    choices = [(str(robots), "AG Robotik"), (str(h2), "AG Wasserstoff")]  # by name
    assert opened.form.fields[0].choices == choices
    values: dict[str, Any] = {"group": str(h2), "text": "x" * 4001}
    [answer] = await anna.say("", action="f.gpost", action_arg=".submit", form_values=values)
    assert answer.form is not None
    assert "4001 Zeichen; erlaubt sind höchstens 4000" in answer.form.errors["text"]
    values["text"] = BODY
    [answer] = await anna.say("", action="f.gpost", action_arg=".submit", form_values=values)
    assert answer.form is not None and answer.form.preview is not None
    assert "Vorschau für „AG Wasserstoff“" in answer.form.preview and BODY in answer.form.preview
    [done] = await anna.say("", action="f.gpost", action_arg=".confirm", form_values={})
    assert "Gesendet an 1 Mitglied." in done.text
    await app.worker.drain()
    assert titles_to(fake_adapter, "bob") == ["📣 Anna Muster (Muster GmbH) in AG Wasserstoff"]

    await anna.say("/neuigkeit", form_trigger=True)
    await group_service(app.store, app.settings).archive("AG Wasserstoff")
    [answer] = await anna.say("", action="f.gpost", action_arg=".submit", form_values=values)
    assert answer.form is not None
    assert answer.form.errors == {
        "group": "Diese Auswahl gibt es nicht mehr. Bitte wählen Sie neu."
    }
