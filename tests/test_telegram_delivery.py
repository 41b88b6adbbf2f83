"""Notifications through the outbox to Telegram, and what happens when Telegram refuses."""

from __future__ import annotations

from collections.abc import Callable

from bot.models import Document, Outgoing
from bot.settings import Settings
from tests.fake_telegram_harness import running_bot


def news(lang: str) -> Outgoing:
    return Outgoing(title="Neu" if lang == "de" else "News", text="Treffen am Montag")


async def test_blocked_user_is_marked_unreachable(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        blocked = await bot.member(401)
        fine = await bot.member(402)
        bot.fake.fail("sendMessage", "blocked", chat_id=401)
        await bot.services.notifier.to_members([blocked, fine], news, batch="b1")
        await bot.outbox_report("b1", {"sent": 1, "unreachable": 1})

        identity = (await bot.services.store.members.identities(blocked))[0]
        assert identity.unreachable_at is not None
        assert (await bot.services.store.members.identities(fine))[0].unreachable_at is None
        assert [m.text for m in bot.fake.sent_to(402)] == ["Neu\n\nTreffen am Montag"]
        assert bot.fake.sent_to(402)[0].html == "<b>Neu</b>\n\nTreffen am Montag"
        # the next notification does not even try the blocked member
        await bot.services.notifier.to_members([blocked], news, batch="b2")
        assert await bot.services.store.outbox.batch_report("b2") == {}


async def test_deactivated_user_is_unreachable(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        gone = await bot.member(403)
        bot.fake.fail("sendMessage", "deactivated", chat_id=403)
        await bot.services.notifier.to_members([gone], news, batch="b1")
        await bot.outbox_report("b1", {"unreachable": 1})


async def test_retry_after_is_honoured(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        member = await bot.member(404)
        bot.fake.fail("sendMessage", "retry_after", chat_id=404, retry_after=1)
        await bot.services.notifier.to_members([member], news, batch="b1")
        await bot.outbox_report("b1", {"sent": 1}, within=5.0)
        tries = [c for c in bot.fake.calls_to("sendMessage") if c.params["chat_id"] == "404"]
        assert len(tries) == 2
        assert tries[1].at - tries[0].at >= 0.9  # waited as Telegram asked
        row = await bot.services.store.outbox.get(1)
        assert row is not None and row.attempts == 1  # a rate-limit wait is not a failed attempt


async def test_network_failure_is_retried(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings, telegram_chat_rate=100) as bot:
        member = await bot.member(405)
        bot.fake.fail("sendMessage", "network", chat_id=405, times=2)
        await bot.services.notifier.to_members([member], news, batch="b1")
        await bot.outbox_report("b1", {"sent": 1})
        assert len(bot.fake.calls_to("sendMessage")) == 3
        assert len(bot.fake.sent_to(405)) == 1


async def test_chat_not_found_marks_a_bound_group_unreachable(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        topic = await store.topics.create("Wasserstoff")
        await store.bindings.bind("telegram", "-500", "topic", topic.id, title="AG H2")
        await store.bindings.bind("telegram", "-501", "topic", topic.id, title="AG H2 Süd")
        bot.fake.fail("sendMessage", "chat_not_found", chat_id=-500)
        await bot.services.notifier.to_topic(topic.id, news, batch="b1")
        await bot.outbox_report("b1", {"sent": 1, "unreachable": 1})
        gone = (await store.bindings.for_chat("telegram", "-500"))[0]
        still = (await store.bindings.for_chat("telegram", "-501"))[0]
        assert gone.unreachable_at is not None and still.unreachable_at is None
        assert len(bot.fake.sent_to(-501)) == 1


async def test_malformed_message_fails_without_retrying(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        member = await bot.member(406)
        bot.fake.fail("sendMessage", "bad_request", chat_id=406)
        await bot.services.notifier.to_members([member], news, batch="b1")
        await bot.outbox_report("b1", {"failed": 1})
        assert len(bot.fake.calls_to("sendMessage")) == 1
        identity = (await bot.services.store.members.identities(member))[0]
        assert identity.unreachable_at is None  # the message was bad, not the member


async def test_document_is_sent_as_a_file_with_caption(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        ics = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
        message = Outgoing(
            text="Termin <im> Kalender",
            document=Document(filename="treffen.ics", content=ics, mime_type="text/calendar"),
        )
        await bot.services.notifier.to_chat("telegram", "407", message, batch="b1")
        await bot.outbox_report("b1", {"sent": 1})
        [call] = bot.fake.calls_to("sendDocument")
        assert call.files["document"] == ("treffen.ics", ics)
        assert call.params["caption"] == "Termin &lt;im&gt; Kalender"
        assert bot.fake.sent_to(407)[0].text == "Termin <im> Kalender"
