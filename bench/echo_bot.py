"""The anchor of the answers benchmark: a bare python-telegram-bot echo bot, run in its own
process as the bot is (``python -m bench.echo_bot URL TOKEN``).

It answers a text with the same text and a button press with an edit; it does no work, so
it marks what the platform library and the fake cost by themselves. On SIGUSR1 it sends
``--broadcast`` messages (default 10,000) at ``--rate`` per second (default 30), as a bare
sender beside the answers: the anchor for the answers' latency during a broadcast.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import time
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.adapters.telegram import api_urls

BROADCAST_FIRST_CHAT = 900_000


async def _broadcast(
    app: Application[Any, Any, Any, Any, Any, Any], count: int, rate: float
) -> None:
    started = time.perf_counter()
    for n in range(count):
        await asyncio.sleep(max(0.0, started + n / rate - time.perf_counter()))
        with contextlib.suppress(Exception):  # a bare sender goes on
            await app.bot.send_message(BROADCAST_FIRST_CHAT + n, "Rundschreiben")


async def main(options: argparse.Namespace) -> None:
    base_url, base_file_url = api_urls(options.url)
    app = (
        Application.builder()
        .token(options.token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .concurrent_updates(16)  # as many at once as the bot's inbox runs
        .build()
    )

    async def text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "?")

    async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"{query.data} {time.monotonic()}")

    app.add_handler(MessageHandler(filters.TEXT, text))
    app.add_handler(CallbackQueryHandler(press))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[None]] = set()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(
        signal.SIGUSR1,
        lambda: tasks.add(asyncio.create_task(_broadcast(app, options.broadcast, options.rate))),
    )
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=30)  # as the bot polls
    await stop.wait()
    for task in tasks:
        task.cancel()
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("token")
    parser.add_argument("--broadcast", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=30.0)
    asyncio.run(main(parser.parse_args()))
