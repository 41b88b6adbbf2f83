"""The ``/gesuch`` form as members use it: typed answers the way people write them, a kind
that matches nothing answered (not silently asked again), keywords that must not be empty,
one field changed from the preview, a stale "Veröffentlichen", a member without a region,
a typed closing date, and the same request from a native form (a Slack modal)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.services import Services
from tests.cooperation_support import add_member
from tests.helpers import Person

DESCRIPTION = (
    "Wir – Müller & Söhne GmbH & Co. KG – suchen einen „Partner“ für ½ Jahr 🚀\n"
    "Pulverbeschichtung/Nasslack, Losgrößen 10–500, Zertifizierung nach EN 9100."
)


async def _anna(app: Services, region: str = "Kreis Olpe") -> Person:
    await add_member(app.store, "Anna", ["Fräsen"], region=region)
    return Person(app.core, "anna")


async def test_a_request_changed_from_its_preview_is_posted_as_changed(app: Services) -> None:
    anna = await _anna(app)
    await anna.say("/gesuch")
    await anna.say("Suche nach Laser")  # no kind: said so, and asked again
    assert "„Suche nach Laser“ ist keine der Möglichkeiten" in anna.texts()
    assert "Ich habe eine Projektidee" in anna.texts()
    await anna.say("projektidee")  # a word of "Ich habe eine Projektidee"
    await anna.say("Pulverbeschichtung für Luftfahrt")
    await anna.say(DESCRIPTION)
    await anna.say("Pulverbeschichtung für Luftfahrt, Luft-/Raumfahrt")
    await anna.press("Nur meine Region (Kreis Olpe)")
    await anna.press("2 Wochen")
    _intro, card, _ask = anna.last
    assert card.title == "🤝 Passendes Kooperationsgesuch: Pulverbeschichtung für Luftfahrt"
    preview_buttons = anna.last
    await anna.press("Ändern")
    await anna.press("Titel")
    assert "Bisher: Pulverbeschichtung für Luftfahrt" in anna.texts()
    await anna.say('Müller & Söhne GmbH & Co. KG sucht "Beschichter"')
    _intro, card, _ask = anna.last
    assert card.title == (
        '🤝 Passendes Kooperationsgesuch: Müller & Söhne GmbH & Co. KG sucht "Beschichter"'
    )
    assert "Für: Region Kreis Olpe" in card.text and "Luft-/Raumfahrt" in card.text
    await anna.press("Veröffentlichen")
    assert "Ihr Gesuch Nr. 1 ist veröffentlicht" in anna.texts()

    request = await app.store.cooperation.get(1)
    assert request is not None and request.kind == "idea"
    assert request.title == 'Müller & Söhne GmbH & Co. KG sucht "Beschichter"'
    assert request.description == DESCRIPTION and request.region == "Kreis Olpe"
    assert request.tags == ["Pulverbeschichtung für Luftfahrt", "Luft-/Raumfahrt"]
    anna.last = preview_buttons  # the preview once more: it is over
    await anna.press("Veröffentlichen")
    assert "schon beantwortet" in anna.texts()
    assert await app.store.cooperation.get(2) is None


async def test_keywords_cannot_be_empty_and_typed_ones_tick_suggestions(app: Services) -> None:
    await app.store.topics.create("Wasserstoff")
    anna = await _anna(app)
    await anna.say("/gesuch")
    await anna.press("Ich suche einen Partner")
    await anna.say("Partner für Elektrolyseur-Gehäuse")
    await anna.say("Gehäuse aus Edelstahl, 🔩 geschweißt.")
    await anna.press("Weiter")
    assert "Bitte füllen Sie dieses Feld aus." in anna.texts()
    await anna.say("weiter")  # not a keyword called "weiter"
    assert "Bitte füllen Sie dieses Feld aus." in anna.texts()
    await anna.say("wasserstoff, Edelstahl")
    await anna.press("Das ganze Netzwerk")
    await anna.press("6 Wochen")
    await anna.press("Ändern")
    await anna.press("Stichworte")
    assert "Gewählt: Wasserstoff, Edelstahl" in anna.texts()
    ticked = [b.label for b in anna.last[0].button_list()]
    assert ticked[0] == "✅ Wasserstoff" and "✅ Edelstahl" in ticked  # typed: can be unticked
    await anna.press("✅ Edelstahl")
    await anna.say("Laser-/Plasmaschneiden")
    _intro, card, _ask = anna.last
    assert "Stichworte: Wasserstoff, Laser-/Plasmaschneiden" in card.text


async def test_without_a_region_it_is_for_the_network_until_a_typed_day(app: Services) -> None:
    anna = await _anna(app, region="other")
    day = (datetime.now(app.settings.zone) + timedelta(days=30)).date()
    await anna.say("/gesuch")
    await anna.press("Ich biete etwas an")
    await anna.say("Freie Kapazität: 5-Achs-Fräsen")
    await anna.say("Ab sofort, auch kleine Serien.")
    await anna.say("Fräsen")
    assert "Wie lange soll das Gesuch offen sein?" in anna.texts()  # no "for whom"
    await anna.say(day.strftime("%d.%m.%Y"))
    _intro, card, _ask = anna.last
    assert f"Für: ganzes Netzwerk · offen bis {day.strftime('%d.%m.%Y')}" in card.text
    await anna.say("Veröffentlichen")
    request = await app.store.cooperation.get(1)
    assert request is not None and request.region is None and request.kind == "offer"
    closes = request.expires_at.astimezone(app.settings.zone)
    assert (closes.date(), closes.hour, closes.minute) == (day, 23, 59)


async def test_a_native_form_checks_each_field_and_posts_the_same_request(app: Services) -> None:
    await app.store.topics.create("Wasserstoff")
    anna = await _anna(app)
    [opened] = await anna.say("/gesuch", form_trigger=True)
    assert opened.form is not None
    assert [f.name for f in opened.form.fields] == [
        "kind", "title", "description", "tags", "scope", "expiry",
    ]  # fmt: skip
    assert ("region", "Nur meine Region (Kreis Olpe)") in opened.form.fields[4].choices
    assert opened.form.fields[3].kind == "text"  # keywords: suggestions or any typed
    values: dict[str, Any] = {
        "kind": "seek",
        "title": "Zwei\nZeilen",
        "description": "",
        "tags": "wasserstoff, Edelstahl / Nirosta",  # typed, as in a chat
        "scope": "region",
        "expiry": "12w",
    }
    [answer] = await anna.say("", action="f.coop", action_arg=".submit", form_values=values)
    assert answer.form is not None and set(answer.form.errors) == {"title", "description"}
    values |= {"title": "Elektrolyse / Brennstoffzelle", "description": DESCRIPTION}
    [answer] = await anna.say("", action="f.coop", action_arg=".submit", form_values=values)
    assert answer.form is not None and answer.form.preview is not None
    assert "🤝 Passendes Kooperationsgesuch: Elektrolyse / Brennstoffzelle" in answer.form.preview
    [done] = await anna.say("", action="f.coop", action_arg=".confirm", form_values={})
    assert "Ihr Gesuch Nr. 1 ist veröffentlicht" in done.text
    request = await app.store.cooperation.get(1)
    assert request is not None and (request.kind, request.region) == ("seek", "Kreis Olpe")
    assert request.tags == ["Wasserstoff", "Edelstahl / Nirosta"]
    assert request.description == DESCRIPTION
    weeks = (request.expires_at - request.created_at).days // 7
    assert weeks == 12
