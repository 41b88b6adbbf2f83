"""``knotenpunkt admin add|remove|list IDENTITY``: who is network staff; ``admin
claim-code`` prints a one-time code that makes whoever sends it an admin.

The rules are those of ``/admins`` in chat (:mod:`handlers.privacy.roles`): bootstrap
admins from ``KNOTENPUNKT_ADMINS`` are changed only there, the last admin stays, and every
change is in the audit log.
"""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import CLI_ACTOR, open_store, refused
from bot.settings import PLATFORMS, Settings
from handlers.privacy.admin_claim import CLAIM_VALIDITY, ClaimCode, new_claim_code
from handlers.privacy.roles import admin_entries, demote
from handlers.validation import Invalid


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("admin", help="manage admins")
    admin_sub = parser.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    add = admin_sub.add_parser("add", help="grant admin rights, e.g. telegram:12345")
    add.add_argument("identity", help="platform:user_id, e.g. telegram:12345 or slack:U0ABC")
    add.set_defaults(func=add_admin)
    remove = admin_sub.add_parser("remove", help="withdraw admin rights granted earlier")
    remove.add_argument("identity", help="platform:user_id, e.g. telegram:12345 or slack:U0ABC")
    remove.set_defaults(func=remove_admin)
    admin_sub.add_parser("list", help="list admins").set_defaults(func=list_admins)
    admin_sub.add_parser(
        "claim-code",
        help="print a one-time code: whoever sends /start CODE to the bot becomes admin",
    ).set_defaults(func=claim_code)


def _check_identity(identity: str) -> bool:
    platform, _, user_id = identity.partition(":")
    if platform in PLATFORMS and user_id:
        return True
    print(
        f"not an identity: {identity!r} (expected platform:id, platform one of "
        f"{', '.join(PLATFORMS)})",
        file=sys.stderr,
    )
    return False


async def add_admin(args: argparse.Namespace, settings: Settings) -> int:
    if not _check_identity(args.identity):
        return 2
    async with open_store(settings) as store:
        added = await store.members.grant_admin(args.identity)
        if added:
            await store.audit.record("admin.granted", CLI_ACTOR, identity=args.identity)
    print(f"{args.identity} is {'now' if added else 'already'} an admin")
    return 0


async def remove_admin(args: argparse.Namespace, settings: Settings) -> int:
    if not _check_identity(args.identity):
        return 2
    async with open_store(settings) as store:
        entries = await admin_entries(store, settings)
        target = next((e for e in entries if args.identity in e.keys), None)
        if target is None:
            print(f"{args.identity} is not an admin", file=sys.stderr)
            return 1
        try:
            await demote(store, settings, target, CLI_ACTOR)
        except Invalid as problem:
            return refused("admin", problem)
    print(f"{args.identity} is no longer an admin")
    return 0


async def list_admins(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        entries = await admin_entries(store, settings)
    for entry in entries:
        who = f"#{entry.member.id} {entry.member.name}" if entry.member else "not registered"
        how = "KNOTENPUNKT_ADMINS, bootstrap" if entry.bootstrap else "granted"
        print(f"{', '.join(entry.keys)}  {who}  ({how})")
    return 0


async def claim_code(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        code = await new_claim_code(store, CLI_ACTOR)
    slack = bool(settings.slack_bot_token)
    telegram = bool(settings.telegram_token) or not slack
    lines = claim_instructions(code, settings.telegram_bot_username, telegram=telegram, slack=slack)
    print("\n".join(lines))
    return 0


def claim_instructions(
    code: ClaimCode, telegram_username: str | None, *, telegram: bool, slack: bool
) -> list[str]:
    """How the first admin claims their rights, with the code shown this once."""
    lines = [f"Admin claim code: {code.shown}"]
    if telegram:
        bot = (telegram_username or "").lstrip("@")
        how = (
            f"open https://t.me/{bot}?start={code.code} (or send /start {code.shown} to @{bot})"
            if bot
            else f"send /start {code.shown} to your bot"
        )
        lines.append(f"  Telegram: {how}")
    if slack:
        lines.append(f"  Slack:    send /knotenpunkt start {code.shown}")
    lines.append(
        f"The first person who sends it becomes admin; it works once, for "
        f"{CLAIM_VALIDITY.days} days, and is not shown again (a new one: knotenpunkt admin "
        "claim-code)."
    )
    return lines
