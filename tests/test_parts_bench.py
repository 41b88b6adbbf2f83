"""``bench parts``: a two-part broadcast at Telegram's real limits, checked part by part.

The benchmark's own check is tested on a hand-made delivery (so its zeros mean something),
then the benchmark runs small: 20 members, every one gets both parts once, no 429.
"""

from __future__ import annotations

from bench.parts_bench import check, run
from tests.fake_telegram import BotMessage, FakeTelegram


def test_the_check_finds_a_part_twice_a_part_missing_and_a_stray_message() -> None:
    fake = FakeTelegram()
    for n, (chat, html) in enumerate([(1, "eins"), (1, "eins"), (1, "zwei"), (2, "eins"),
                                      (3, "fremd")]):  # fmt: skip
        fake.sent.append(BotMessage(chat, n, html, html))
    expected = {1: ["eins", "zwei"], 2: ["eins", "zwei"]}
    assert check(fake, expected) == {
        "recipients_got_a_part_twice": 1,
        "parts_missing": 1,
        "stray": 1,
    }


async def test_a_two_part_broadcast_to_20_members_arrives_whole_and_once() -> None:
    result = await run(20, within=30)
    assert result["parts_per_member"] == [2]
    assert result["parts_delivered"] == result["parts_expected"] == 40
    assert result["recipients_got_a_part_twice"] == 0
    assert result["parts_missing"] == 0 and result["stray"] == 0
    assert result["responses_429"] == 0
    assert result["rows_sent"] == 20 and result["rows_failed"] == 0
