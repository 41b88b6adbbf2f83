"""The competence directory through the core: listing, search, folding, paging, overview,
rate limit, and how results name a way to reach each person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.i18n import t
from bot.models import Outgoing, Platform
from bot.services import Services
from bot.settings import Settings
from handlers.directory.service import DirectoryService, RateLimited
from storage import Store
from storage.db import utcnow
from storage.directory import fold_for_index
from tests.helpers import Person
from tests.linking_support import code_in, two_platforms


async def _listed(app: Services, user: str, *, listed: bool = True, **answers: str) -> Person:
    person = Person(app.core, user)
    await person.register(**answers)
    await person.press("Ja, ins Verzeichnis" if listed else "Nein, nicht eintragen")
    return person


def _names(messages: list[Outgoing]) -> str:
    return "\n".join(m.plain_text() for m in messages)


async def test_listing_is_asked_once_after_registration_and_off_by_default(
    app: Services,
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    [done] = anna.last
    assert "registriert" in done.text and "Kompetenzverzeichnis stehen" in done.text
    assert [b.label for b in done.buttons[0]] == ["Ja, ins Verzeichnis", "Nein, nicht eintragen"]
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and not await app.store.directory.is_listed(member.id)
    assert await app.store.directory.indexed_ids() == []
    await anna.press("Ja, ins Verzeichnis")
    assert "stehen jetzt im Kompetenzverzeichnis" in anna.texts()
    assert await app.store.directory.indexed_ids() == [member.id]


async def test_a_member_not_listed_never_appears(app: Services) -> None:
    await _listed(app, "anna", name="Anna Listed", competencies="Robotik")
    await _listed(app, "bob", listed=False, name="Bob Hidden", competencies="Robotik")
    carl = await _listed(app, "carl", name="Carl Leaves", competencies="Robotik")
    await carl.say("/profil")
    assert "Im Kompetenzverzeichnis: ja" in carl.texts()
    await carl.press("Aus dem Verzeichnis nehmen")
    assert "Im Kompetenzverzeichnis: nein" in carl.texts()
    dora = Person(app.core, "dora")
    await dora.register(name="Dora Ignores", competencies="Robotik")  # never answers

    await carl.say("/suche robotik")
    found = _names(carl.last)
    assert "Anna Listed" in found
    assert "Bob" not in found and "Carl" not in found and "Dora" not in found
    assert "1 Treffer" in (carl.last[0].title or "")
    await carl.say("/suche Hidden")
    assert "niemanden" in carl.texts()
    await carl.say("/suche")
    assert "1 Mitglied ist eingetragen" in carl.texts()


async def test_robot_finds_robotik_and_schweiss_finds_schweisstechnik(app: Services) -> None:
    await _listed(app, "anna", name="Anna Muster", competencies="Robotik, KI")
    await _listed(
        app, "jörg", name="Jörg Weiß", company="Müller Schweißtechnik GmbH", competencies="-"
    )
    searcher = Person(app.core, "eve")
    await searcher.register(name="Eve")
    for term, expected in [
        ("robot", "Anna Muster"),
        ("ROBOTIK", "Anna Muster"),
        ("schweiss", "Jörg Weiß"),
        ("Schweißt", "Jörg Weiß"),
        ("mueller", "Jörg Weiß"),
        ("muller", "Jörg Weiß"),
        ("joerg weiss", "Jörg Weiß"),
        ("ki olpe", "Anna Muster"),  # every word, across competence and region
    ]:
        await searcher.say(f"/find {term}")
        assert expected in _names(searcher.last), term
    await searcher.say("/find robot schweiss")
    assert "niemanden" in searcher.texts()
    for syntax in ('"robot*', "(ki) AND", "NEAR(robot", "robot^ -ki:"):  # FTS syntax is text
        await searcher.say(f"/suche {syntax}")
        assert "Anna Muster" in _names(searcher.last) or "niemanden" in searcher.texts(), syntax
    await searcher.say('/suche "robot*')
    assert "Anna Muster" in _names(searcher.last)
    await searcher.say("/suche ***")
    assert "Suchbegriff mit Buchstaben" in searcher.texts()


async def test_several_words_with_umlauts_sharp_s_and_syntax_are_searched(
    app: Services,
) -> None:
    """A later word with an umlaut once made FTS5 refuse the query (an implicit AND
    before a bracketed group): ``/suche Anna Müller`` answered with the apology."""
    await _listed(
        app,
        "anna",
        name="Anna Müller",
        company="Müller & Söhne GmbH & Co. KG",
        region="Märkischer Kreis",
        competencies="Pulverbeschichtung für Luftfahrt, Kunststoff",
    )
    searcher = Person(app.core, "eve")
    await searcher.register(name="Eve")
    for term in [
        "Anna Müller",
        "anna mueller",
        "Kunststoff Märkischer",
        "Pulverbeschichtung für Luftfahrt",
        "Müller & Söhne",
        "Söhne GmbH Co",
        "Anna Weiß",
        '"Anna" (Müller)',
        "Anna AND Müller",
        "Anna OR Müller",
        "NOT Müller",
        "Anna NEAR Müller",
        "Anna/Müller",
        "müller groß straße",
    ]:
        await searcher.say(f"/suche {term}")
        answer = searcher.texts()
        assert t("de", "error.internal") not in answer, (term, answer)
        if not {"Weiß", "groß", "AND", "OR", "NOT", "NEAR"} & set(term.split()):
            assert "Anna Müller" in _names(searcher.last), (term, answer)
        else:
            assert "niemanden" in answer or "Anna Müller" in answer, (term, answer)


async def test_best_matches_first_and_ten_per_page_with_more(app: Services) -> None:
    store = app.store
    for i in range(23):
        member = await store.members.create(
            name=f"Person {i:02d}",
            company="Robotik Handel GmbH" if i else "Allerlei AG",
            region="Hagen",
            competencies=["Robotik"] if i == 0 else ["Vertrieb", "Einkauf", "Logistik"],
            language="de",
        )
        await store.members.add_identity(member.id, "console", f"p{i}", f"p{i}")
        await store.directory.set_listed(member.id, True)
    eve = Person(app.core, "eve")
    await eve.register(name="Eve")
    await eve.say("/suche robotik")
    [page] = eve.last
    assert page.title == "Suche „robotik“: 23 Treffer"
    assert page.text.startswith("Treffer 1–10 von 23\n\n1. Person 00")  # competence first
    assert page.text.count("Kompetenzen:") == 10
    await eve.press("Weitere Treffer")
    assert eve.last[0].text.startswith("Treffer 11–20 von 23\n\n11. ")
    await eve.press("Weitere Treffer")
    [last] = eve.last
    assert last.text.startswith("Treffer 21–23 von 23") and last.buttons == []
    shown = {line.split(".")[0] for line in last.text.splitlines() if line[:2].isdigit()}
    assert shown == {"21", "22", "23"}
    # someone else's (or a forgotten) search behind a button is not run
    eve.last = [page]
    mallory = Person(app.core, "mallory")
    await mallory.register(name="Mallory")
    more = page.buttons[0][0]
    await mallory.tap(more)
    assert "Suche ist abgelaufen" in mallory.texts()


async def test_the_index_follows_profile_edits_status_and_deletion(app: Services) -> None:
    anna = await _listed(app, "anna", competencies="Robotik")
    store = app.store
    member = await store.members.find_by_identity("console", "anna")
    assert member is not None
    await anna.say("/profil")
    await anna.press("Kompetenzen ändern")
    await anna.say("Wasserstoff, Brennstoffzelle")
    assert [e.name for e in (await store.directory.search("brennstoff")).entries] == ["Anna Muster"]
    assert (await store.directory.search("robot")).total == 0
    await anna.press("Name ändern")
    await anna.say("Anna Groß")
    assert (await store.directory.search("gross")).total == 1
    await store.members.set_status(member.id, "pending")
    assert (await store.directory.search("gross")).total == 0
    await store.members.set_status(member.id, "active")
    assert (await store.directory.search("gross")).total == 1
    await store.members.delete(member.id)
    assert await store.directory.indexed_ids() == []


async def test_the_index_folds_like_the_query(store: Store) -> None:
    member = await store.members.create(
        name="Jörg Weiß",
        company="Äpfel & Öl GmbH",
        region="Märkischer Kreis",
        competencies=["Schweißtechnik", "Übersetzung", "KI"],
        language="de",
    )
    await store.directory.set_listed(member.id, True)
    indexed = await store.directory.indexed_text(member.id)
    assert indexed == {
        "name": fold_for_index("Jörg Weiß"),
        "company": fold_for_index("Äpfel & Öl GmbH"),
        "region": fold_for_index("Märkischer Kreis"),
        "competencies": fold_for_index("Schweißtechnik, Übersetzung, KI"),
    }
    assert indexed["name"] == "Jörg Weiss Joerg Weiss"


async def test_search_is_rate_limited_per_member_with_a_friendly_answer(app: Services) -> None:
    await _listed(app, "anna", competencies="Robotik")
    eve = Person(app.core, "eve")
    await eve.register(name="Eve")
    for _ in range(20):
        await eve.say("/suche robot")
        assert "Anna Muster" in _names(eve.last)
    await eve.say("/suche robot")
    assert "sehr viele Suchen" in eve.texts() and "Sekunden" in eve.texts()
    other = Person(app.core, "anna")
    await other.say("/suche robot")  # another member is not affected
    assert "Anna Muster" in _names(other.last)

    member = await app.store.members.find_by_identity("console", "eve")
    assert member is not None
    later = utcnow() + timedelta(minutes=1, seconds=1)
    directory = DirectoryService(app.store, clock=lambda: later)
    found = await directory.search(member.id, "robot")
    assert found.page.total == 1
    soon = DirectoryService(app.store, clock=lambda: utcnow() + timedelta(seconds=5))
    try:
        await soon.search(member.id, "robot")
    except RateLimited as limited:
        assert 1 <= limited.seconds <= 60
    else:
        raise AssertionError("the 21st search within a minute went through")


async def test_overview_counts_listed_members_per_region_and_top_competencies(
    app: Services,
) -> None:
    await _listed(app, "a", name="A", region="Hagen", competencies="KI, Robotik")
    await _listed(app, "b", name="B", region="Hagen", competencies="ki, Laser")
    await _listed(app, "c", name="C", region="Kreis Olpe", competencies="KI")
    await _listed(app, "d", name="D", listed=False, region="Kreis Soest", competencies="KI")
    carla = Person(app.core, "c")
    await carla.say("/find")
    shown = carla.texts()
    assert "3 Mitglieder sind eingetragen" in shown
    assert "• Hagen: 2\n• Kreis Olpe: 1" in shown and "Kreis Soest" not in shown
    assert "Häufigste Kompetenzen:\n• KI: 3" in shown
    assert "Sie selbst stehen nicht" not in shown
    dirk = Person(app.core, "d")
    await dirk.say("/suche")
    assert "Sie selbst stehen nicht" in dirk.texts()


async def test_results_name_a_way_to_reach_each_person_on_the_searchers_platform(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tina = world.on_telegram("4711")
        await tina.register(name="Tina Telegram", competencies="Robotik")
        await tina.press("Ja, ins Verzeichnis")
        sam = world.on_slack("U1")
        await sam.register(name="Sam Slack", competencies="Robotik")
        await sam.press("Ja, ins Verzeichnis")
        both = world.on_telegram("99")
        await both.register(name="Bea Beide", competencies="Robotik")
        await both.press("Ja, ins Verzeichnis")
        await both.say("/link")
        bea_slack = world.on_slack("U2")
        await bea_slack.say(f"/start {code_in(both)}")

        await tina.say("/suche robot")
        [page] = tina.last
        assert {(c.platform, c.user_id, c.label) for c in page.contacts} == {
            (Platform.TELEGRAM, "4711", "Tina Telegram"),
            (Platform.TELEGRAM, "99", "Bea Beide"),
        }
        sam_block = next(b for b in page.plain_text().split("\n\n") if "Sam Slack" in b)
        assert sam_block.endswith("nur über Slack erreichbar")

        await sam.say("/suche robot")
        [page] = sam.last
        assert {(c.platform, c.user_id) for c in page.contacts} == {
            (Platform.SLACK, "U1"),
            (Platform.SLACK, "U2"),
        }
        tina_block = next(b for b in page.plain_text().split("\n\n") if "Tina" in b)
        assert tina_block.endswith("nur über Telegram erreichbar")
        assert "Kontakt: Bea Beide" in page.plain_text()
