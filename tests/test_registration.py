"""Registration through every step, with bad input at each."""

from __future__ import annotations

from bot.services import Services
from tests.helpers import Person


async def test_full_registration_in_german(app: Services) -> None:
    anna = Person(app.core, "anna")
    replies = await anna.say("/start")
    assert "Willkommen" in replies[0].text
    await anna.press("Deutsch")
    assert "Wie heißen Sie" in anna.texts()
    await anna.say("  Anna   Muster ")
    assert "Unternehmen" in anna.texts()
    await anna.say("Muster GmbH")
    assert "Region" in anna.texts()
    await anna.press("Kreis Olpe")
    await anna.say("KI, Robotik, ki ,  ")
    assert "Datenschutz" in anna.texts()
    await anna.press("Ja")
    assert "registriert" in anna.texts()

    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    assert (member.name, member.company, member.region) == (
        "Anna Muster",
        "Muster GmbH",
        "Kreis Olpe",
    )
    assert member.competencies == ["KI", "Robotik"]
    assert member.language == "de"
    assert await app.store.conversations.get("console", "anna") is None


async def test_registration_in_english_by_platform_hint(app: Services) -> None:
    bob = Person(app.core, "bob", language_hint="en-GB")
    replies = await bob.say("/start")
    assert "Welcome" in replies[0].text
    await bob.say("english")  # the language can also be typed
    assert "What is your name" in bob.texts()


async def test_empty_and_overlong_name_are_refused_and_step_repeats(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    await anna.say("   ")
    assert "Da kam nichts an" in anna.texts()
    assert "Wie heißen Sie" in anna.texts()
    await anna.say("x" * 300)
    assert "höchstens 100 Zeichen" in anna.texts()
    state = await app.store.conversations.get("console", "anna")
    assert state is not None and state.step == "name" and "name" not in state.data
    await anna.say("Anna")
    assert "Unternehmen" in anna.texts()


async def test_multiline_company_is_refused(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    await anna.say("Anna")
    await anna.say("Muster\nGmbH")
    assert "nur eine Zeile" in anna.texts()


async def test_unknown_region_is_refused_with_the_list_again(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    await anna.say("Anna")
    await anna.say("Muster GmbH")
    await anna.say("Atlantis")
    assert "„Atlantis“ kenne ich nicht" in anna.texts()
    assert any(b.label == "Kreis Soest" for m in anna.last for b in m.button_list())
    await anna.say("kreis soest")  # typed, any case
    assert "Kompetenzen" in anna.texts()


async def test_too_many_competencies_are_refused(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    await anna.say("Anna")
    await anna.say("Muster GmbH")
    await anna.press("Hagen")
    await anna.say(", ".join(f"tag{i}" for i in range(30)))
    assert "höchstens 20 Begriffe" in anna.texts()


async def test_no_consent_stores_nothing(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.answer_until_consent(name="Anna", region="Hagen", competencies="-")
    await anna.press("Nein")
    assert "speichere ich nichts" in anna.texts()
    assert await app.store.members.count() == 0
    assert await app.store.conversations.get("console", "anna") is None
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM identities") == 0


async def test_unclear_consent_answer_asks_again(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.answer_until_consent(name="Anna", region="Hagen", competencies="-")
    await anna.say("vielleicht")
    assert "Ja oder Nein" in anna.texts()
    await anna.say("ja")
    assert "registriert" in anna.texts()


async def test_stale_registration_button_after_registering(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    language_prompt = list(anna.last)
    await anna.register()
    anna.last = language_prompt
    await anna.press("English")
    assert "nicht mehr gültig" in anna.texts()


async def test_start_for_a_member_shows_the_menu(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/start")
    assert anna.texts().startswith("Hallo Anna Muster")
    assert [b.action for b in anna.last[0].button_list()] == [
        "ev.list",
        "topics.list",
        "coop.list",  # no working group yet: no button for them
        "profile.show",
        "help.show",
    ]


async def test_cancel_in_the_middle_of_registration(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    await anna.say("/abbrechen")
    assert "Abgebrochen" in anna.texts()
    assert await app.store.conversations.get("console", "anna") is None


async def test_real_answers_typed_region_and_the_consent_lists_them(app: Services) -> None:
    jo = Person(app.core, "jo")
    await jo.say("/start")
    await jo.say("deutsch")
    await jo.say("Jürgen „Jo“ Weiß 🔧")
    await jo.say("-")  # the company cannot be skipped: nothing "-" is kept
    assert "lässt sich nicht überspringen" in jo.texts() and "Für welches Unternehmen" in jo.texts()
    await jo.say("Müller & Söhne GmbH & Co. KG")
    [which] = await jo.say("Kreis")  # several regions begin so: asked again, with the list
    assert "passt zu mehreren" in which.text and len(which.button_list()) == 7
    await jo.say("Olpe")  # a word of "Kreis Olpe"
    assert "Kompetenzen" in jo.texts()
    await jo.say("Pulverbeschichtung für Luftfahrt; C++/CNC\n3D-Druck")
    [consent] = jo.last
    assert consent.title == "Datenschutzhinweise von Knotenpunkt"
    for shown in ("Name: Jürgen „Jo“ Weiß 🔧", "Unternehmen: Müller & Söhne GmbH & Co. KG",
                  "Region: Kreis Olpe", "Pulverbeschichtung für Luftfahrt, C++/CNC, 3D-Druck"):  # fmt: skip
        assert shown in consent.text, shown
    assert await app.store.members.count() == 0  # nothing before the consent
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM identities") == 0
    await jo.press("Ja, einverstanden")
    member = await app.store.members.find_by_identity("console", "jo")
    assert member is not None
    assert (member.name, member.company, member.region) == (
        "Jürgen „Jo“ Weiß 🔧",
        "Müller & Söhne GmbH & Co. KG",
        "Kreis Olpe",
    )
    assert member.competencies == ["Pulverbeschichtung für Luftfahrt", "C++/CNC", "3D-Druck"]


async def test_one_answer_is_changed_from_the_consent_question(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.answer_until_consent(name="Anna Mueller", region="Andere Region")
    assert "Region: Andere Region" in anna.texts()
    await anna.press("Ändern")
    await anna.press("Name")
    assert "Bisher: Anna Mueller" in anna.texts()
    await anna.say("Anna Müller")
    assert "Name: Anna Müller" in anna.texts() and "Sind Sie damit einverstanden?" in anna.texts()
    consent = anna.last
    await anna.press("Ja")
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.name == "Anna Müller" and member.region == "other"
    anna.last = consent
    await anna.press("Ja")  # the consent once more: answered already, nobody twice
    assert "nicht mehr gültig" in anna.texts()
    assert await app.store.members.count() == 1


async def test_english_chosen_with_a_german_hint_and_typed_other_region(app: Services) -> None:
    bob = Person(app.core, "bob", language_hint="de")
    await bob.say("/start")
    await bob.say("englisch")
    assert "What is your name" in bob.texts()
    await bob.say("Bob O'Neill")
    await bob.say("O'Neill & Partner / Siegen")
    await bob.say("other")
    await bob.say("welding")
    assert "Do you agree?" in bob.texts() and "Region: Other region" in bob.texts()
    await bob.press("Yes")
    member = await app.store.members.find_by_identity("console", "bob")
    assert member is not None and member.language == "en" and member.region == "other"


async def test_registration_as_a_native_form_with_errors_by_field(app: Services) -> None:
    eve = Person(app.core, "eve")
    [opened] = await eve.say("/start", form_trigger=True)
    assert opened.form is not None
    assert [f.name for f in opened.form.fields] == [
        "language",
        "name",
        "company",
        "region",
        "competencies",
    ]
    submit = {"action": "f.reg", "action_arg": ".submit"}
    values = {"language": "de", "name": "🤖", "company": "-", "region": "99", "competencies": ""}
    [answer] = await eve.say("", form_values=values, **submit)
    assert answer.form is not None and set(answer.form.errors) == {"name", "company", "region"}
    values = {"language": "de", "name": "Eva Özdemir", "company": "Öz & Co. KG", "region": "2"}
    [preview] = await eve.say("", form_values=values, **submit)
    assert preview.form is not None and "Region: Kreis Olpe" in (preview.form.preview or "")
    assert await app.store.members.count() == 0
    await eve.say("", action="f.reg", action_arg=".confirm", form_values={})
    member = await app.store.members.find_by_identity("console", "eve")
    assert member is not None and (member.company, member.region) == ("Öz & Co. KG", "Kreis Olpe")
    assert member.competencies == []
