"""Invitations: ``/einladen`` (``/invite``) makes a code, one-time or for several people,
valid for some days, with a Telegram link ``https://t.me/BOT?start=CODE``; on Slack the
person writes ``start CODE`` to the bot. Whoever registers with a valid code skips the
approval and is recorded as invited by whom. A used, expired or unknown code is refused
with a clear message and the normal registration follows.

Admins may always invite; members only with ``KNOTENPUNKT_MEMBERS_MAY_INVITE=true``.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Annotated

from bot.arguments import Bounds, ButtonArgs, number
from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router, Section
from bot.settings import Settings
from handlers.linking.service import ALPHABET, normalize_code
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.invitations import Invitation

CODE_LENGTH = 10  # link codes have 6: a /start argument says which it is by its length
MAX_DAYS = 365
MAX_USES = 1000
ONE_TIME_DAYS = 7
MULTI_DAYS = 30


class NewInvitation(ButtonArgs, action="inv.new"):
    uses: Annotated[int, Bounds(0, MAX_USES)]  # 0: any number of times
    days: Annotated[int, Bounds(1, MAX_DAYS)]


_MULTI_WORDS = {"mehrfach", "multi", "unbegrenzt", "unlimited", "viele", "many"}


def looks_like_invitation(text: str) -> bool:
    code = normalize_code(text)
    return len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)


def shown_code(code: str) -> str:
    """Grouped for reading and typing (``ABCDE-FGHJK``); the dash is ignored when entered."""
    return f"{code[:5]}-{code[5:]}"


def telegram_link(settings: Settings, code: str) -> str | None:
    username = (settings.telegram_bot_username or "").lstrip("@")
    return f"https://t.me/{username}?start={code}" if username else None


async def create_invitation(
    store: Store,
    *,
    created_by: int | None,
    max_uses: int | None,
    days: int,
    actor: str | None,
    now: datetime | None = None,
) -> tuple[str, datetime]:
    """A new code and when it expires; ``max_uses`` None means any number of people."""
    if not 1 <= days <= MAX_DAYS or (max_uses is not None and not 1 <= max_uses <= MAX_USES):
        raise Invalid("privacy.invite_usage", {"days": MAX_DAYS, "uses": MAX_USES})
    expires = (now or utcnow()) + timedelta(days=days)
    async with store.transaction():
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            invitation_id = await store.invitations.add(code, created_by, max_uses, expires)
            if invitation_id is not None:
                break
        await store.audit.record(
            "invitation.created",
            actor,
            invitation_id=invitation_id,
            max_uses=max_uses,
            days=days,
        )
    return code, expires


async def invitation_problem(store: Store, text: str, now: datetime | None = None) -> str | None:
    """The catalog key saying why a code cannot be used now, or None if it can."""
    found = await store.invitations.find(normalize_code(text))
    if found is None:
        return "privacy.invite_unknown"
    if found.used_up:
        return "privacy.invite_used"
    if found.expires_at <= (now or utcnow()):
        return "privacy.invite_expired"
    return None


async def claim(store: Store, text: str) -> Invitation | None:
    """At the end of a registration: count one use; None if the code was used up or expired
    since the person started."""
    return await store.invitations.claim(normalize_code(text), utcnow())


async def record_use(ctx: Context, member_id: int, invitation: Invitation) -> None:
    """The new member joined by this invitation (and so by whom)."""
    await ctx.store.invitations.record_invited(member_id, invitation)
    await ctx.store.audit.record(
        "invitation.used", ctx.actor, member_id=member_id, invitation_id=invitation.id
    )


def members_invite(ctx: Context) -> bool:
    """Besides admins, active members may invite where the network allows it
    (``KNOTENPUNKT_MEMBERS_MAY_INVITE``); the router applies this, and the help follows."""
    member = ctx.member
    return ctx.settings.members_may_invite and member is not None and member.status == "active"


_DAY_WORDS = {"tag", "tage", "tagen", "t", "day", "days", "d"}
_WEEK_WORDS = {"woche", "wochen", "w", "week", "weeks", "wk"}
_USE_WORDS = {"person", "personen", "leute", "mal", "x", "people", "persons", "uses", "times"}
_FILLERS = {"für", "fuer", "for", "gültig", "gueltig", "valid"}
_AMOUNT = re.compile(r"([0-9]+)([^\W\d]*)")  # 5, 5x, 14d, 14tage


def _parse(args: str) -> tuple[int | None, int]:
    """``[USES|mehrfach] [DAYS]``, as people say it too (``5 Tage``, ``2 Wochen``,
    ``3 Personen 14 Tage``, ``mehrfach für 30 Tage``): one-time for 7 days unless said
    otherwise. A bare number is the number of people, a second one the days."""
    words = [w for w in args.replace(",", " ").casefold().split() if w not in _FILLERS]
    max_uses: int | None = 1
    days: int | None = None
    uses_said = False
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word in _MULTI_WORDS and not uses_said:
            max_uses, uses_said = None, True
            continue
        amount = _AMOUNT.fullmatch(word)
        value = number(amount.group(1)) if amount else None
        if amount is None or value is None:
            raise _usage()
        unit = amount.group(2)
        if (
            not unit
            and index < len(words)
            and words[index] in _DAY_WORDS | _WEEK_WORDS | _USE_WORDS
        ):
            unit = words[index]
            index += 1
        if unit in _DAY_WORDS | _WEEK_WORDS and days is None:
            days = value * 7 if unit in _WEEK_WORDS else value
        elif (not unit or unit in _USE_WORDS) and not uses_said:
            max_uses, uses_said = value, True
        elif not unit and days is None:
            days = value
        else:
            raise _usage()
    if days is None:
        days = MULTI_DAYS if max_uses is None else ONE_TIME_DAYS
    return max_uses, days


def _usage() -> Invalid:
    return Invalid("privacy.invite_usage", {"days": MAX_DAYS, "uses": MAX_USES})


async def _created(ctx: Context, max_uses: int | None, days: int) -> Outgoing:
    code, expires = await create_invitation(
        ctx.store,
        created_by=ctx.member.id if ctx.member else None,
        max_uses=max_uses,
        days=days,
        actor=ctx.actor,
    )
    if max_uses is None:
        uses = ctx.t("privacy.invite_any")
    elif max_uses == 1:
        uses = ctx.t("privacy.invite_once")
    else:
        uses = ctx.t("privacy.invite_times", count=max_uses)
    link = telegram_link(ctx.settings, code)
    telegram = (
        ctx.t("privacy.invite_link", link=link)
        if link
        else ctx.t("privacy.invite_no_link", code=shown_code(code))
    )
    return ctx.reply(
        "privacy.invite_created",
        uses=uses,
        until=ctx.format_datetime(expires),
        telegram=telegram,
        code=shown_code(code),
    )


def register(router: Router) -> None:
    @router.command(
        "invite",
        "einladen",
        access=Access.ADMIN,
        also=members_invite,
        help_key="privacy.help_invite",
        order=60,
        section=Section.PEOPLE,
    )
    async def invite(ctx: Context, args: str) -> Outgoing:
        if not args.strip():
            return ctx.reply(
                "privacy.invite_choose",
                buttons=[
                    [ctx.button("privacy.btn_invite_once", NewInvitation(1, ONE_TIME_DAYS))],
                    [ctx.button("privacy.btn_invite_multi", NewInvitation(0, MULTI_DAYS))],
                ],
            )
        return await _created(ctx, *_parse(args))

    @router.action(NewInvitation, access=Access.ADMIN, also=members_invite)
    async def new(ctx: Context, pressed: NewInvitation) -> Outgoing:
        return await _created(ctx, pressed.uses or None, pressed.days)
