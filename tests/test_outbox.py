"""The delivery worker: retries with backoff, 429 retry-after, blocked users, restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.app import App, Services
from bot.delivery.errors import PermanentFailure, RetryAfter, TemporaryFailure, Unreachable
from bot.models import Outgoing
from bot.settings import Settings
from storage.outbox import OutboxEntry
from tests.helpers import FakeAdapter, Person


async def _wait_for(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def _member(app: Services, user: str) -> int:
    await Person(app.core, user).register(name=user.title())
    member = await app.store.members.find_by_identity("console", user)
    assert member is not None
    return member.id


def _hello(lang: str) -> Outgoing:
    return Outgoing(text="Hallo" if lang == "de" else "Hello")


async def _status(app: Services, batch: str) -> dict[str, int]:
    return await app.store.outbox.batch_report(batch)


async def test_notification_is_delivered_at_once(app: Services, fake_adapter: FakeAdapter) -> None:
    """Adding rows wakes the worker: no waiting for the (here very long) poll interval."""
    anna = await _member(app, "anna")
    app.worker.poll_interval = 60.0
    app.worker.wake()  # let the worker go back to sleep with the long interval
    await asyncio.sleep(0.05)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await app.notifier.to_members([anna], _hello, batch="b1")
    await _wait_for(lambda: _done(app, "b1", sent=1), within=2.0)
    assert loop.time() - started < 1.0
    assert fake_adapter.texts_to("anna") == ["Hallo"]


async def _done(app: Services, batch: str, **expected: int) -> bool:
    return await _status(app, batch) == expected


async def test_temporary_failures_are_retried_with_backoff(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = await _member(app, "anna")
    fake_adapter.failures.extend([TemporaryFailure("timeout"), TemporaryFailure("timeout")])
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", sent=1))
    assert fake_adapter.attempts == 3
    row = await app.store.db.fetchone("SELECT attempts, last_error FROM outbox WHERE batch = 'b'")
    assert row["attempts"] == 3 and row["last_error"] is None


async def test_backoff_grows_exponentially(app: Services, fake_adapter: FakeAdapter) -> None:
    anna = await _member(app, "anna")
    app.worker.base_backoff = 10.0
    fake_adapter.failures.extend([TemporaryFailure("down"), TemporaryFailure("down")])
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _attempts(app, 1))
    first = await app.store.outbox.get(1)
    assert first is not None and first.status == "pending"
    wait = (first.next_attempt_at - app.worker.clock()).total_seconds()
    assert 8.0 < wait <= 10.0


async def _attempts(app: Services, n: int) -> bool:
    row = await app.store.outbox.get(1)
    return row is not None and row.attempts == n and row.status == "pending"


async def test_gives_up_after_max_attempts(app: Services, fake_adapter: FakeAdapter) -> None:
    anna = await _member(app, "anna")
    app.worker.max_attempts = 3
    app.worker.base_backoff = 0.01
    fake_adapter.failures.extend(TemporaryFailure("down") for _ in range(5))
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", failed=1))
    assert fake_adapter.attempts == 3


async def test_retry_after_is_honoured_and_not_counted(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = await _member(app, "anna")
    fake_adapter.failures.append(RetryAfter(0.4))
    loop = asyncio.get_running_loop()
    started = loop.time()
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", sent=1))
    assert loop.time() - started >= 0.35  # waited at least what the platform asked
    row = await app.store.db.fetchone("SELECT attempts FROM outbox WHERE batch = 'b'")
    assert row["attempts"] == 1  # the 429 did not use up an attempt
    assert fake_adapter.attempts == 2


async def test_retry_after_pauses_the_whole_platform(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna, bob = await _member(app, "anna"), await _member(app, "bob")
    fake_adapter.failures.append(RetryAfter(0.5))
    fake_adapter.delay = 0.05
    loop = asyncio.get_running_loop()
    started = loop.time()
    await app.notifier.to_members([anna], _hello, batch="first")
    await _wait_for(lambda: _rate_limited(app))
    await app.notifier.to_members([bob], _hello, batch="second")
    await _wait_for(lambda: _done(app, "second", sent=1))
    assert loop.time() - started >= 0.45  # bob waited for the pause too


async def _rate_limited(app: Services) -> bool:
    row = await app.store.outbox.get(1)
    return row is not None and row.status == "pending" and "rate limited" in (row.last_error or "")


async def _attempts_total(adapter: FakeAdapter, n: int) -> bool:
    return adapter.attempts >= n


async def test_blocked_user_is_marked_unreachable_and_not_retried(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = await _member(app, "anna")
    fake_adapter.failures.append(Unreachable("Forbidden: bot was blocked by the user"))
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", unreachable=1))
    identity = (await app.store.members.identities(anna))[0]
    assert identity.unreachable_at is not None
    await app.notifier.to_members([anna], _hello, batch="later")
    assert await _status(app, "later") == {}  # nothing queued for an unreachable identity
    await asyncio.sleep(0.1)
    assert fake_adapter.attempts == 1
    # Writing to the bot again makes the member reachable again.
    await Person(app.core, "anna").say("/hilfe")
    assert (await app.store.members.identities(anna))[0].unreachable_at is None


async def test_permanent_failure_is_not_retried(app: Services, fake_adapter: FakeAdapter) -> None:
    anna = await _member(app, "anna")
    fake_adapter.failures.append(PermanentFailure("Bad Request: can't parse entities"))
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", failed=1))
    await asyncio.sleep(0.1)
    assert fake_adapter.attempts == 1


async def test_unexpected_exception_is_retried_not_fatal(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = await _member(app, "anna")
    fake_adapter.failures.append(RuntimeError("adapter bug"))
    await app.notifier.to_members([anna], _hello, batch="b")
    await _wait_for(lambda: _done(app, "b", sent=1))


async def test_messages_to_one_chat_keep_their_order(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    await _member(app, "anna")
    entries = [
        OutboxEntry(
            platform="console", chat_id="anna", payload=Outgoing(text=str(i)).model_dump_json()
        )
        for i in range(20)
    ]
    await app.store.outbox.add(entries)
    app.worker.wake()
    await _wait_for(lambda: _sent_count(fake_adapter, 20))
    assert fake_adapter.texts_to("anna") == [str(i) for i in range(20)]


async def _sent_count(adapter: FakeAdapter, n: int) -> bool:
    return len(adapter.sent) >= n


async def test_rows_survive_a_restart_and_in_flight_rows_go_again(settings: Settings) -> None:
    """Rows queued before a stop are delivered after the start; a row caught mid-send too."""
    down = FakeAdapter(delay=10.0)  # never finishes before the stop
    first = App(settings, serve_http=False, adapter_factories=[lambda s: down])
    services = await first.start()
    await Person(services.core, "anna").register()
    member = await services.store.members.find_by_identity("console", "anna")
    assert member is not None
    await services.notifier.to_members([member.id], _hello, batch="in-flight")
    await _wait_for(lambda: _attempts_total(down, 1))
    services.worker.adapters.clear()  # the next row stays queued: nothing can send it
    await services.notifier.to_members([member.id], _hello, batch="queued")
    await services.worker.stop(drain_seconds=0.05)  # the send is cut off by the stop
    assert await services.store.outbox.batch_report("in-flight") == {"pending": 1}
    await first.stop()

    up = FakeAdapter()
    second = App(settings, serve_http=False, adapter_factories=[lambda s: up])
    services = await second.start()
    try:
        await _wait_for(lambda: _sent_count(up, 2))
        await services.worker.drain()  # the sends' outcomes are recorded by its next pass
        assert await services.store.outbox.batch_report("in-flight") == {"sent": 1}
        assert await services.store.outbox.batch_report("queued") == {"sent": 1}
        assert up.texts_to("anna") == ["Hallo", "Hallo"]
    finally:
        await second.stop()


async def test_rows_added_by_another_process_are_picked_up(
    app: Services, fake_adapter: FakeAdapter, settings: Settings
) -> None:
    """The CLI writes rows from another connection; the worker's poll finds them."""
    from storage import Store

    await _member(app, "anna")
    app.worker.poll_interval = 0.1
    app.worker.wake()
    other = await Store.open(settings.db_path)
    try:
        payload = Outgoing(text="from the CLI").model_dump_json()
        await other.outbox.add([OutboxEntry(platform="console", chat_id="anna", payload=payload)])
    finally:
        await other.close()
    await _wait_for(lambda: _sent_count(fake_adapter, 1))
    assert fake_adapter.texts_to("anna") == ["from the CLI"]


async def test_dedupe_key_makes_enqueueing_idempotent(app: Services) -> None:
    anna = await _member(app, "anna")
    app.worker.adapters.clear()
    for _ in range(3):
        await app.notifier.to_members([anna], _hello, batch="r", dedupe=lambda m: f"rem:1:{m}")
    assert await _status(app, "r") == {"pending": 1}
