"""Events through the real Slack adapter: RSVP buttons, the .ics file upload, bounded caches."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bot.adapters.slack_outbound import BoundedCache, SlackOutbound
from bot.models import Button, ChatKind, Document, Outgoing
from bot.router import Access
from bot.settings import Settings
from tests.events_support import add_event
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake

ICS = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


def _labels(buttons: list[dict[str, object]], part: str) -> list[dict[str, object]]:
    return [b for b in buttons if part in str(b["text"])]


def _uploaded_to(slack: SlackWorld) -> list[str]:
    return [call["channel_id"] for call in slack.fake.calls_to("files.completeUploadExternal")]


async def test_termine_is_one_message_whose_card_opens_in_place_and_leads_back(
    slack: SlackWorld,
) -> None:
    fake, store = slack.fake, slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna")
    event = await add_event(slack.services, title="KI-Stammtisch & <Co>", capacity=5)
    await add_event(slack.services, title="Demo Day")

    await slack.send.dm("U1", "termine")
    await slack.settle()
    [listing] = fake.messages_in("DU1")  # one Block Kit message for the whole list
    assert f"Nr. {event.id} · " in listing.all_text()
    assert "KI-Stammtisch &amp; &lt;Co&gt;" in listing.all_text()
    assert "noch 5 Plätze frei" in listing.all_text() and "Demo Day" in listing.all_text()
    list_text = listing.all_text()

    await slack.send.click("U1", listing, "KI-Stammtisch")
    await slack.settle()
    [card] = fake.messages_in("DU1")  # the same message, now the event's card
    assert card.ts == listing.ts and fake.calls_to("chat.update")[-1]["ts"] == listing.ts
    assert "Plätze: 5 von 5 frei." in card.all_text() and _labels(card.buttons(), ".ics")

    await slack.send.click("U1", card, ".ics")
    await slack.settle()
    [content] = fake.uploads.values()
    assert content.startswith(b"BEGIN:VCALENDAR") and b"KI-Stammtisch" in content
    assert _uploaded_to(slack) == ["DU1"]
    [upload] = fake.calls_to("files.getUploadURLExternal")
    assert str(upload["filename"]).endswith(".ics")

    await slack.send.click("U1", card, "Zusage")
    await slack.settle()
    rsvp = await store.rsvps.get(event.id, event.start, member_id)
    assert rsvp is not None and rsvp.status == "yes"
    assert fake.calls_to("chat.update")[-1]["ts"] == card.ts  # the card shows the answer
    assert "Danke für Ihre Zusage" in fake.messages_in("DU1")[0].all_text()

    await slack.send.click("U1", fake.messages_in("DU1")[0], "Zur Liste")
    await slack.settle()
    [back] = [m for m in fake.messages_in("DU1") if m.ts == listing.ts]
    assert "✅ zugesagt · noch 4 Plätze frei" in back.all_text() and back.all_text() != list_text
    # list, card, answer and back all happened in one message (the .ics came as a file)
    assert [m.ts for m in fake.messages_in("DU1") if m.buttons()] == [listing.ts]
    values = [b["value"] for m in fake.messages for b in m.buttons()]
    assert any(v.startswith("ev.card|") for v in values)
    assert all(len(v) <= 2000 for v in values)


async def test_a_file_answer_to_a_click_in_a_channel_goes_to_the_presser_only(
    slack: SlackWorld,
) -> None:
    await add_member(slack.services, "U1", "Anna")

    @slack.services.router.action("test.file", access=Access.ANYONE, in_groups=True)
    async def file(ctx: object, arg: str) -> Outgoing:
        return Outgoing(text="Dein Termin", document=Document(filename="t.ics", content=ICS))

    button = Button(label="Datei", action="test.file", arg="1")
    await slack.services.notifier.to_chat(
        "slack", "C1", Outgoing(text="Neu", buttons=[[button]]), chat_kind=ChatKind.GROUP
    )
    await slack.settle()
    await slack.send.click("U1", slack.fake.last_in("C1"), "Datei")
    await slack.settle()
    [ephemeral] = slack.fake.calls_to("chat.postEphemeral")
    assert (ephemeral["channel"], ephemeral["user"]) == ("C1", "U1")
    assert _uploaded_to(slack) == ["DU1"]  # not the whole channel
    assert list(slack.fake.uploads.values()) == [ICS]


async def test_lookups_are_cached_but_bounded(slack: SlackWorld) -> None:
    out = SlackOutbound(slack.adapter.client, cache_size=2)
    for user in ("U1", "U2", "UADMIN", "U1"):
        await out.person(user)
        await out.dm_channel(user)
    # U1 was pushed out by the two others, so it was looked up again
    assert [c["user"] for c in slack.fake.calls_to("users.info")] == ["U1", "U2", "UADMIN", "U1"]
    assert len(slack.fake.calls_to("conversations.open")) == 4
    await out.person("U1")
    assert len(slack.fake.calls_to("users.info")) == 4  # still cached


def test_bounded_cache_forgets_the_least_recently_used_and_expired() -> None:
    cache: BoundedCache[int] = BoundedCache(size=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
    expiring: BoundedCache[int] = BoundedCache(size=2, ttl=0.0)
    expiring.put("a", 1)
    assert expiring.get("a") is None and len(expiring) == 0
