"""Searches and matches that mean what members mean (issue 32, item 5): filler words need
not appear, ``oder``/``or`` means either, C++/C#/.NET/e.K. are searched as written, ı is i,
the overview counts competencies folded, and "Andere Region" is found as members say it."""

from __future__ import annotations

import pytest

from bot.models import Outgoing
from bot.services import Services
from bot.settings import Settings
from storage import Store
from storage.directory import fold_for_index
from tests.cooperation_support import add_member, noticed, post
from tests.helpers import Person


async def _listed(app: Services, user: str, name: str, competencies: str, **more: str) -> None:
    person = Person(app.core, user)
    await person.register(name=name, competencies=competencies, **more)
    await person.press("Ja, ins Verzeichnis")


def _found(messages: list[Outgoing]) -> str:
    return "\n".join(m.plain_text() for m in messages)


async def _network(app: Services) -> Person:
    await _listed(app, "a", "Anna Pulver", "Pulverbeschichtung, Galvanik, Luftfahrt")
    await _listed(app, "b", "Bert Nurpulver", "Pulverbeschichtung")
    await _listed(app, "c", "Cem Code", "C++, C#, .NET", company="Code & Co. KG")
    await _listed(app, "d", "Dora Dreher", "CNC-Drehen, Fräsen", company="Dreher Co. KG")
    await _listed(app, "e", "Özlem Yılmaz", "Lasertechnik", company="Yılmaz e.K.")
    await _listed(app, "f", "Fritz Fräser", "FRÄSEN, Galvanik")
    searcher = Person(app.core, "s")
    await searcher.register(name="Sara Sucht", competencies="-")
    return searcher


@pytest.mark.parametrize(
    ("term", "expected", "not_expected"),
    [
        ("Pulverbeschichtung und Galvanik", ["Anna Pulver"], ["Bert", "Fritz"]),
        ("Pulverbeschichtung für Luftfahrt", ["Anna Pulver"], ["Bert"]),
        ("Pulverbeschichtung with Galvanik", ["Anna Pulver"], ["Bert", "Fritz"]),
        ("Luftfahrt oder Lasertechnik", ["Anna Pulver", "Özlem Yılmaz"], ["Bert", "Cem"]),
        ("laser or CNC", ["Özlem Yılmaz", "Dora Dreher"], ["Anna", "Cem"]),
        ("C++", ["Cem Code"], ["Dora", "Anna"]),
        ("c#", ["Cem Code"], ["Dora"]),
        (".NET", ["Cem Code"], ["Dora"]),
        ("e.K.", ["Özlem Yılmaz"], ["Cem", "Dora"]),
        ("Yilmaz", ["Özlem Yılmaz"], ["Cem"]),
        ("yılmaz", ["Özlem Yılmaz"], ["Cem"]),
        ("oezlem", ["Özlem Yılmaz"], ["Cem"]),
        ("CNC", ["Dora Dreher"], ["Cem"]),
    ],
)
async def test_the_directory_search_means_what_was_meant(
    app: Services, term: str, expected: list[str], not_expected: list[str]
) -> None:
    searcher = await _network(app)
    found = _found(await searcher.say(f"/suche {term}"))
    for name in expected:
        assert name in found, (term, found)
    for name in not_expected:
        assert name not in found, (term, found)


async def test_the_overview_counts_competencies_folded(app: Services) -> None:
    searcher = await _network(app)
    await _listed(app, "g", "Gerd Fraeser", "fraesen")
    [overview] = await searcher.say("/suche")
    text = overview.plain_text()
    assert "Fräsen: 3" in text, text
    assert "FRÄSEN" not in text and "fraesen" not in text
    assert "Galvanik: 2" in text and "C++: 1" in text and "C#: 1" in text


@pytest.mark.parametrize(
    ("language", "command", "shown"),
    [
        ("Deutsch", "/suche andere", "Andere Region"),
        ("Deutsch", "/suche Andere Region", "Andere Region"),
        ("English", "/find other", "Other region"),
        ("English", "/find other region", "Other region"),
    ],
)
async def test_the_other_region_is_found_as_members_name_it(
    app: Services, language: str, command: str, shown: str
) -> None:
    await _listed(app, "o", "Otto Anderswo", "Robotik", region="Andere Region")
    await _listed(app, "k", "Kai Olpe", "Robotik")
    searcher = Person(app.core, "s")
    await searcher.register(name="Sara Sucht", competencies="-", language=language)
    found = _found(await searcher.say(command))
    assert "Otto Anderswo" in found and shown in found, found
    assert "Kai Olpe" not in found
    assert "other" not in found.replace("Other", "")


async def test_the_index_folds_like_the_query_for_the_new_forms(store: Store) -> None:
    member = await store.members.create(
        name="Özlem Yılmaz",
        company="Yılmaz e.K.",
        region="other",
        competencies=["C++", "ASP.NET", "C#"],
        language="de",
    )
    await store.directory.set_listed(member.id, True)
    indexed = await store.directory.indexed_text(member.id)
    assert indexed == {
        "name": fold_for_index("Özlem Yılmaz"),
        "company": fold_for_index("Yılmaz e.K."),
        "region": "other andere region",
        "competencies": fold_for_index("C++, ASP.NET, C#"),
    }


async def test_cooperation_matching_reads_tags_by_their_content_words(
    store: Store, settings: Settings
) -> None:
    author = await add_member(store, "Autorin", [])
    both = await add_member(store, "Both", ["Pulverbeschichtung", "Galvanik"])
    await add_member(store, "OnlyPowder", ["Pulverbeschichtung"])
    aviation = await add_member(store, "Aviation", ["Pulverbeschichtung", "Luftfahrt"])
    cpp = await add_member(store, "Cpp", ["C++"])
    await add_member(store, "Cnc", ["CNC", "Vertrieb Co. KG"])
    posted = await post(store, settings, author, ["Pulverbeschichtung und Galvanik"])
    assert await noticed(store, posted.request.id) == [both]
    posted = await post(store, settings, author, ["Pulverbeschichtung für Luftfahrt"])
    assert await noticed(store, posted.request.id) == [aviation]
    posted = await post(store, settings, author, ["C++"])
    assert await noticed(store, posted.request.id) == [cpp]
    posted = await post(store, settings, author, ["Galvanik oder Luftfahrt"])
    assert set(await noticed(store, posted.request.id)) == {both, aviation}
