"""PTB's requests over aiohttp (bot.adapters.telegram_http): what PTB's own backend does,
answers, uploads, timeouts and network errors named in PTB's terms."""

from __future__ import annotations

import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.adapters.telegram import api_urls
from bot.adapters.telegram_http import AiohttpRequest
from tests.fake_telegram import FakeTelegram


async def _bot(url: str, token: str) -> Bot:
    base_url, base_file_url = api_urls(url)
    return Bot(token, base_url=base_url, base_file_url=base_file_url, request=AiohttpRequest())


async def test_sends_texts_and_uploads_through_ptb() -> None:
    fake = FakeTelegram()
    await fake.start()
    bot = await _bot(fake.url, fake.token)
    try:
        async with bot:
            message = await bot.send_message(42, "<b>Grüße</b> &amp; mehr", parse_mode="HTML")
            await bot.send_document(42, b"a,b\n1,2\n", filename="daten.csv", caption="Ihre Daten")
    finally:
        await fake.stop()
    assert message.chat.id == 42 and message.text == "Grüße & mehr"
    document = fake.calls_to("sendDocument")[0]
    assert document.params["caption"] == "Ihre Daten"
    assert document.files["document"] == ("daten.csv", b"a,b\n1,2\n")


async def test_a_slow_answer_is_timed_out_and_a_refused_connection_a_network_error() -> None:
    fake = FakeTelegram(delays={"sendMessage": 1.0})
    await fake.start()
    bot = await _bot(fake.url, fake.token)
    try:
        async with bot:
            with pytest.raises(TimedOut):
                await bot.send_message(42, "Hallo", read_timeout=0.2, write_timeout=0.0)
    finally:
        await fake.stop()
    with socket.socket() as free:  # a port nobody listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.do_request(f"http://127.0.0.1:{port}/botX/getMe", "POST")
    finally:
        await request.shutdown()
