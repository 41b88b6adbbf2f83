"""``/dashboard``: an admin asks in a private chat for a one-time link to the web dashboard.

The router refuses members and group chats (a link that signs in must not be shown to a
group). Without a public address or without the HTTP server the answer says what the
operator has to set, instead of a link that cannot work.
"""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router, Section
from handlers.dashboard.auth import LOGIN_VALID, issue_login, login_url


async def dashboard_link(ctx: Context) -> Outgoing:
    if not ctx.settings.public_url:
        return ctx.reply("dashboard.no_public_url")
    if ctx.public_base is None:
        return ctx.reply("dashboard.no_http")
    token = await issue_login(ctx.store, ctx.actor, ctx.lang, via=ctx.platform)
    minutes = int(LOGIN_VALID.total_seconds() // 60)
    return ctx.reply("dashboard.link", url=login_url(ctx.public_base, token), minutes=minutes)


def register(router: Router) -> None:
    @router.command(
        "dashboard",
        access=Access.ADMIN,
        help_key="help.dashboard",
        order=85,
        section=Section.PEOPLE,
    )
    async def dashboard(ctx: Context, args: str) -> Outgoing:
        return await dashboard_link(ctx)
