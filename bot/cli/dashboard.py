"""``knotenpunkt dashboard-link IDENTITY``: a one-time sign-in link from the server's shell,
for an admin who cannot use the chat at the moment (or to set the dashboard up)."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import fail, open_store
from bot.settings import PLATFORMS, Settings
from handlers.dashboard.auth import LOGIN_VALID, identity_is_admin, issue_login, login_url


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "dashboard-link", help="print a one-time sign-in link to the web dashboard"
    )
    parser.add_argument("identity", help="an admin's platform:user_id, e.g. telegram:12345")
    parser.set_defaults(func=dashboard_link)


async def dashboard_link(args: argparse.Namespace, settings: Settings) -> int:
    platform, _, user_id = args.identity.partition(":")
    if platform not in PLATFORMS or not user_id:
        print(
            f"not an identity: {args.identity!r} (expected platform:id, platform one of "
            f"{', '.join(PLATFORMS)})",
            file=sys.stderr,
        )
        return 2
    if not settings.public_url:
        return fail(
            "dashboard-link",
            "KNOTENPUNKT_PUBLIC_URL is not set; the link needs the bot's public address "
            "(e.g. https://bot.example.org, with /admin/ forwarded to the bot)",
        )
    async with open_store(settings) as store:
        if not await identity_is_admin(store, settings, args.identity):
            return fail(
                "dashboard-link",
                f"{args.identity} is no admin (see: knotenpunkt admin add / admin list)",
            )
        member = await store.members.find_by_identity(platform, user_id)
        language = member.language if member else settings.language
        token = await issue_login(store, args.identity, language, via="cli")
    minutes = int(LOGIN_VALID.total_seconds() // 60)
    print(login_url(settings.public_url, token))
    print(f"valid for {minutes} minutes, once; the bot must be running", file=sys.stderr)
    return 0
