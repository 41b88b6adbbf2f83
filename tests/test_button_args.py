"""Typed buttons and member routes: arguments are declared once, checked against Telegram's
limit before a button exists, read back with their bounds; a member route gets a member."""

from __future__ import annotations

from typing import Annotated, Literal

import pytest

from bot.arguments import Bounds, ButtonArgs, RecordId, Short, StaleArgument, Timestamp
from bot.context import MemberContext
from bot.models import Button, Outgoing
from bot.router import Access
from bot.services import Services
from tests.helpers import Person


class Card(ButtonArgs, action="t.card"):
    event_id: RecordId
    at: Timestamp
    page: Annotated[int, Bounds(0, 99)] = 0
    topic_id: RecordId | None = None


class Answer(ButtonArgs, action="test.answer"):
    answer: Literal["y", "n"]
    again: bool
    word: Annotated[str, Short(12)]


def test_arguments_round_trip() -> None:
    card = Card(event_id=7, at=1_700_000_000, page=3, topic_id=None)
    assert Card.decode(card.encode()) == card
    assert card.button("Karte").encode() == "t.card|7:1700000000:3"
    answer = Answer(answer="n", again=True, word="später")
    assert Answer.decode(answer.encode()) == answer


def test_older_buttons_without_trailing_fields_get_defaults() -> None:
    assert Card.decode("7:0") == Card(event_id=7, at=0)


@pytest.mark.parametrize(
    "forged",
    ["", "7", "0:0", "x:0", "7:²", "7:0:100", "7:0:1:0", "7:0:1:2:3", "9" * 20 + ":0", "7:" * 200],
)
def test_forged_card_arguments_are_stale(forged: str) -> None:
    with pytest.raises(StaleArgument):
        Card.decode(forged)


@pytest.mark.parametrize("forged", ["x:1:a", "y:2:a", "y:1:", "y:1:" + "a" * 13, "y:1:a:b"])
def test_forged_choices_flags_and_texts_are_stale(forged: str) -> None:
    with pytest.raises(StaleArgument):
        Answer.decode(forged)


def test_an_action_that_could_outgrow_the_limit_is_refused_when_declared() -> None:
    with pytest.raises(ValueError, match="64"):

        class TooWide(ButtonArgs, action="test.too_wide"):
            first: RecordId
            second: RecordId
            third: RecordId
            fourth: Annotated[int, Bounds(0, 9)]


def test_a_value_out_of_bounds_is_not_encoded() -> None:
    with pytest.raises(ValueError, match="page"):
        Card(event_id=7, at=0, page=100).encode()
    with pytest.raises(ValueError, match="word"):
        Answer(answer="y", again=False, word="a:b").encode()


def test_fields_need_bounds() -> None:
    with pytest.raises(TypeError):

        class Unbounded(ButtonArgs, action="test.unbounded"):
            count: int


async def test_typed_action_gets_its_argument_and_a_member(app: Services) -> None:
    seen: list[tuple[Card, int]] = []

    @app.router.action(Card)
    async def card(ctx: MemberContext, args: Card) -> Outgoing:
        seen.append((args, ctx.member.id))
        return ctx.reply("input.stale_button")

    anna = Person(app.core, "anna")
    await anna.register()
    await anna.tap(Card(event_id=5, at=60, page=2).button("Karte"))
    assert seen and seen[0][0] == Card(event_id=5, at=60, page=2)
    assert isinstance(seen[0][1], int)


async def test_forged_typed_argument_is_answered_as_stale(app: Services) -> None:
    @app.router.action(Card, access=Access.ANYONE)
    async def card(ctx: object, args: Card) -> None:
        raise AssertionError("a forged argument never reaches the handler")

    anna = Person(app.core, "anna")
    await anna.tap(Button(label="x", action="t.card", arg="5:60:1000"))
    assert "nicht mehr gültig" in anna.texts()


async def test_member_route_refuses_strangers_before_the_handler(app: Services) -> None:
    @app.router.command("probe", access=Access.MEMBER)
    async def probe(ctx: MemberContext, args: str) -> Outgoing:
        return Outgoing(text=f"member {ctx.member.id}")

    stranger = Person(app.core, "stranger")
    await stranger.say("/probe")
    assert "member" not in stranger.texts()
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/probe")
    assert anna.texts().startswith("member ")
