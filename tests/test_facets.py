"""The structured company profile and faceted search (issue 30), end to end: the profile
form in a chat, on Telegram and as a Slack modal; ``/suche`` with filter buttons and a term
finds exactly the right members and never unlisted ones; vocabularies and merges."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import pytest

from bot.cli import main
from bot.models import Outgoing
from bot.services import Services
from bot.settings import Settings
from storage import Store
from storage.directory import SearchFilters
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot
from tests.helpers import Person
from tests.slack_signing import add_member, running_slack, standard_fake


async def _member(
    store: Store,
    name: str,
    facets: dict[str, list[str]],
    *,
    listed: bool = True,
    region: str = "Kreis Olpe",
) -> int:
    member = await store.members.create(
        name=name, company=f"{name} GmbH", region=region, competencies=[], language="de"
    )
    await store.directory.set_listed(member.id, listed)
    ids = []
    for facet, labels in facets.items():
        for label in labels:
            ids.append((await store.facets.add(facet, label)).id)
    await store.facets.set_member(member.id, ids)
    return member.id


def _shown(messages: list[Outgoing]) -> str:
    return "\n".join(m.plain_text() for m in messages)


async def _entry(store: Store, facet: str, label: str) -> int:
    found = await store.facets.find(facet, label)
    assert found is not None
    return found.id


async def test_the_profile_form_in_a_chat_keeps_vocabulary_and_typed_entries(
    app: Services,
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.press("Ja, ins Verzeichnis")
    await anna.say("/profil")
    await anna.press("Unternehmensprofil")
    assert "Welche Verfahren" in anna.texts()
    await anna.press("5-Achs-Fräsen")
    assert "✅ 5-Achs-Fräsen" in str([b.label for b in anna.last[-1].button_list()])
    await anna.say("Wasserstrahlschneiden")  # not in the vocabulary: proposed; answered
    assert "Werkstoffen" in anna.texts()
    await anna.press("Weiter")
    await anna.say("iso 9001")  # the vocabulary's spelling wins
    await anna.press("Weiter")  # industries
    await anna.press("Kapazität")
    await anna.press("Weiter")
    await anna.press("10–49")
    assert "Bitte prüfen" in anna.texts() or "Speichern" in _shown(anna.last)
    await anna.press("Speichern")
    assert "Unternehmensprofil ist gespeichert" in anna.texts()
    shown = anna.texts()
    assert "Verfahren: 5-Achs-Fräsen, Wasserstrahlschneiden" in shown
    assert "Zertifizierungen: ISO 9001" in shown and "Unternehmensgröße: 10–49" in shown

    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    mine = await app.store.facets.of_member(member.id)
    assert [e.label for e in mine["certification"]] == ["ISO 9001"]
    typed = [e for e in mine["process"] if e.label == "Wasserstrahlschneiden"]
    assert typed and typed[0].proposed
    # the facets are searchable words of the directory
    page = await app.store.directory.search("wasserstrahl")
    assert [e.member_id for e in page.entries] == [member.id]


async def test_suche_with_a_certification_filter_and_a_process_term_finds_exactly(
    app: Services,
) -> None:
    store = app.store
    both = await _member(store, "Anna Both", {"process": ["5-Achs-Fräsen"],
                                              "certification": ["ISO 9001"]})  # fmt: skip
    await _member(store, "Bert Process", {"process": ["5-Achs-Fräsen"]})
    await _member(
        store, "Carl Cert", {"certification": ["ISO 9001"], "process": ["Montage"]}, region="Hagen"
    )
    await _member(store, "Dora Hidden", {"process": ["5-Achs-Fräsen"],
                                        "certification": ["ISO 9001"]}, listed=False)  # fmt: skip
    searcher = Person(app.core, "eve")
    await searcher.register(name="Eve Sucht")

    await searcher.say("/suche Fräsen")
    found = _shown(searcher.last)
    assert "Anna Both" in found and "Bert Process" in found and "Dora" not in found
    await searcher.press("Zertifizierung")
    assert "ISO 9001 (2)" in str([b.label for b in searcher.last[0].button_list()])  # listed only
    await searcher.press("ISO 9001")
    found = _shown(searcher.last)
    assert "Anna Both" in found
    assert "Bert" not in found and "Carl" not in found and "Dora" not in found
    assert "Filter: ISO 9001" in found and "1 Treffer" in (searcher.last[0].title or "")

    # combinable with a region; "remove filters" goes back to the term alone
    await searcher.press("Region")
    await searcher.press("Hagen")
    assert "niemanden" in searcher.texts() and "Kreis Olpe" not in searcher.texts()
    await searcher.press("Filter entfernen")
    found = _shown(searcher.last)
    assert "Anna Both" in found and "Bert Process" in found and "Dora" not in found

    # the one query in storage: the same answer without the chat
    cert = await _entry(store, "certification", "ISO 9001")
    page = await store.directory.search("fräsen", filters=SearchFilters(entries=[cert]))
    assert [e.member_id for e in page.entries] == [both] and page.total == 1


async def test_filters_without_a_term_start_from_the_overview(app: Services) -> None:
    store = app.store
    await _member(store, "Anna Both", {"industry": ["Medizintechnik"]})
    await _member(store, "Dora Hidden", {"industry": ["Medizintechnik"]}, listed=False)
    searcher = Person(app.core, "eve")
    await searcher.register(name="Eve Sucht")
    await searcher.say("/suche")
    await searcher.press("Branche")
    await searcher.press("Medizintechnik (1)")
    found = _shown(searcher.last)
    assert "Anna Both" in found and "Dora" not in found
    assert "Verzeichnis gefiltert: 1 Treffer" in (searcher.last[0].title or "")


async def test_merging_a_proposed_entry_moves_its_members(app: Services) -> None:
    store = app.store
    anna = await _member(store, "Anna", {})
    typo = await store.facets.add("certification", "ISO9001", proposed=True, by=anna)
    await store.facets.set_member(anna, [typo.id])
    target = await _entry(store, "certification", "ISO 9001")
    assert await store.facets.merge(typo.id, target) == 1
    mine = await store.facets.of_member(anna)
    assert [e.label for e in mine["certification"]] == ["ISO 9001"]
    assert await store.facets.find("certification", "ISO9001") is None
    page = await store.directory.search("", filters=SearchFilters(entries=[target]))
    assert [e.member_id for e in page.entries] == [anna]


async def test_telegram_member_fills_the_profile_and_finds_by_filter(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        tina_id = await bot.member(401, "Tina Telegram")
        tina = user(401, "Tina")
        await bot.services.store.directory.set_listed(tina_id, True)
        await bot.say(tina, "/profil")
        await bot.press(tina, "Unternehmensprofil")
        await bot.press(tina, "Pulverbeschichtung")
        await bot.press(tina, "Weiter")
        await bot.press(tina, "Weiter")  # materials
        await bot.press(tina, "IATF 16949")
        await bot.press(tina, "Weiter")
        await bot.press(tina, "Weiter")  # industries
        await bot.press(tina, "Weiter")  # looking for
        await bot.press(tina, "Überspringen")  # size
        [saved] = await bot.press(tina, "Speichern")
        assert "Unternehmensprofil ist gespeichert" in saved.html
        assert "Zertifizierungen: IATF 16949" in saved.html

        await bot.member(402, "Otto Other")
        otto = user(402, "Otto")
        await bot.say(otto, "/suche Pulver")
        await bot.press(otto, "Zertifizierung")
        [answer] = await bot.press(otto, "IATF 16949")
        assert "Tina Telegram" in answer.html and "Filter: IATF 16949" in answer.html


async def test_slack_member_fills_the_profile_in_a_modal(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        services = slack.services
        sam = await add_member(services, "U1", "Sam Slack")
        await services.store.directory.set_listed(sam, True)
        await slack.send.dm("U1", "profil")
        await slack.settle()
        [profile] = [
            m for m in slack.fake.messages_in("DU1") if "Unternehmensprofil" in str(m.buttons())
        ]
        await slack.send.click("U1", profile, "Unternehmensprofil")
        await slack.settle()
        [call] = slack.fake.calls_to("views.open")
        view = call["view"]
        blocks = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
        assert list(blocks) == ["process", "material", "certification", "industry",
                                "looking_for", "size"]  # fmt: skip
        assert all(b["optional"] for b in blocks.values())
        values = {
            "process": "5-achs-fräsen, Honen",  # typed: the vocabulary's spelling wins
            "certification": "EN 9100",
            "looking_for": ["Partner"],
        }
        reply = await slack.send.submit("U1", view, values)
        answer = json.loads(reply.body)
        assert answer["response_action"] == "update", answer
        done = await slack.send.submit("U1", answer["view"], {})
        assert done.status == 200
        await slack.settle()
        mine = await services.store.facets.of_member(sam)
        assert [e.label for e in mine["process"]] == ["5-Achs-Fräsen", "Honen"]
        assert [e.label for e in mine["certification"]] == ["EN 9100"]
        assert [e.label for e in mine["looking_for"]] == ["Partner"]
        assert "Unternehmensprofil ist gespeichert" in slack.fake.last_in("DU1").text


async def test_a_request_tagged_with_a_process_and_a_certification_tells_both_first(
    app: Services,
) -> None:
    """Through the wizard: the members with both facets are notified first, then the
    keyword matches; an unlisted member with both who does not take requests hears
    nothing."""
    store = app.store
    keyword_only = await _member(store, "Kurt Keyword", {})
    await store.members.update_field(keyword_only, "competencies", ["Gehäusebau"])
    both = await _member(store, "Berta Both", {"process": ["5-Achs-Fräsen"],
                                              "certification": ["EN 9100"]})  # fmt: skip
    await _member(store, "Paul Process", {"process": ["5-Achs-Fräsen"]})
    await _member(store, "Hanna Hidden", {"process": ["5-Achs-Fräsen"],
                                         "certification": ["EN 9100"]}, listed=False)  # fmt: skip
    for member_id in (keyword_only, both):
        await store.members.add_identity(member_id, "console", f"m{member_id}", f"m{member_id}")

    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/gesuch")
    await anna.press("Ich suche einen Partner")
    await anna.say("Frästeile für Luftfahrt")
    await anna.say("Wir suchen einen zertifizierten Partner für Gehäusebau.")
    await anna.say("Gehäusebau")
    await anna.press("Das ganze Netzwerk")
    await anna.press("6 Wochen")
    assert "bestimmtes Verfahren" in anna.texts()
    await anna.press("5-Achs-Fräsen")
    await anna.press("EN 9100")
    await anna.press("Veröffentlichen")
    request_id = int(await store.db.fetchval("SELECT MAX(id) FROM cooperation_requests"))
    noticed = await store.db.fetchall(
        "SELECT member_id FROM outbox WHERE dedupe_key LIKE ? ORDER BY id",
        (f"cooperation:{request_id}:%",),
    )
    assert [r[0] for r in noticed] == [both, keyword_only]


async def _vocab_network(settings: Settings) -> tuple[int, int, int]:
    store = await Store.open(settings.db_path)
    try:
        anna = await _member(store, "Anna", {})
        typo = await store.facets.add("certification", "ISO9001", proposed=True, by=anna)
        await store.facets.set_member(anna, [typo.id])
        return anna, typo.id, await _entry(store, "certification", "ISO 9001")
    finally:
        await store.close()


async def _vocab_after(settings: Settings, anna: int) -> tuple[list[str], list[str]]:
    store = await Store.open(settings.db_path)
    try:
        mine = await store.facets.of_member(anna)
        actions = [a["action"] for a in await store.audit.recent(3)]
        return [e.label for e in mine["certification"]], actions
    finally:
        await store.close()


def test_the_staff_extend_list_and_merge_vocabularies_on_the_command_line(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    anna, typo, target = asyncio.run(_vocab_network(settings))
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(settings.db_path))

    assert main(["vocab", "add", "certification", "  KTA  1401 "]) == 0
    assert "KTA 1401 (certification)" in capsys.readouterr().out
    assert main(["vocab", "list", "certification", "--proposed"]) == 0
    assert "ISO9001  (proposed)  [1]" in capsys.readouterr().out
    assert main(["vocab", "merge", str(typo), str(target)]) == 0
    assert "1 member(s) moved" in capsys.readouterr().out
    assert main(["vocab", "merge", str(target), "1"]) == 1  # a process: another facet
    assert "same facet" in capsys.readouterr().err  # the catalog's English

    labels, actions = asyncio.run(_vocab_after(settings, anna))
    assert labels == ["ISO 9001"] and actions[0] == "vocab.merged"


async def test_a_filter_pick_counts_against_the_search_limit(app: Services) -> None:
    await _member(app.store, "Anna Both", {"certification": ["ISO 9001"]})
    searcher = Person(app.core, "eve")
    await searcher.register(name="Eve Sucht")
    await searcher.say("/suche Anna")
    menu = searcher.last
    for _ in range(19):
        await searcher.say("/suche Anna")
    searcher.last = menu
    await searcher.press("Zertifizierung")
    await searcher.press("ISO 9001")
    assert "Anna Both" not in _shown(searcher.last)
    assert "sehr viele Suchen" in searcher.texts()
