"""``knotenpunkt admin add IDENTITY``: make someone network staff."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import CLI_ACTOR, open_store
from bot.settings import PLATFORMS, Settings
from storage.db import utcnow


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("admin", help="manage admins")
    admin_sub = parser.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    add = admin_sub.add_parser("add", help="grant admin rights, e.g. telegram:12345")
    add.add_argument("identity", help="platform:user_id, e.g. telegram:12345 or slack:U0ABC")
    add.set_defaults(func=add_admin)
    remove = admin_sub.add_parser(
        "remove", help="take a granted admin role away (ends its dashboard sessions)"
    )
    remove.add_argument("identity", help="platform:user_id, e.g. telegram:12345")
    remove.set_defaults(func=remove_admin)
    admin_sub.add_parser("list", help="list granted admins").set_defaults(func=list_admins)


async def add_admin(args: argparse.Namespace, settings: Settings) -> int:
    platform, _, user_id = args.identity.partition(":")
    if platform not in PLATFORMS or not user_id:
        print(
            f"not an identity: {args.identity!r} (expected platform:id, platform one of "
            f"{', '.join(PLATFORMS)})",
            file=sys.stderr,
        )
        return 2
    async with open_store(settings) as store:
        added = await store.members.grant_admin(args.identity)
        if added:
            await store.audit.record("admin.granted", CLI_ACTOR, identity=args.identity)
    print(f"{args.identity} is {'now' if added else 'already'} an admin")
    return 0


async def remove_admin(args: argparse.Namespace, settings: Settings) -> int:
    """Revoke a grant; the identity's dashboard sessions end with it (they would be refused
    on their next request anyway, since every request checks the role)."""
    async with open_store(settings) as store, store.transaction():
        removed = await store.members.revoke_admin(args.identity)
        if removed:
            await store.dashboard.revoke_sessions_of([args.identity], utcnow())
            await store.audit.record("admin.revoked", CLI_ACTOR, identity=args.identity)
    if args.identity in settings.admins:
        print(
            f"{args.identity} stays an admin through KNOTENPUNKT_ADMINS; remove it there",
            file=sys.stderr,
        )
        return 1
    print(f"{args.identity} is {'no longer' if removed else 'not'} a granted admin")
    return 0


async def list_admins(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        granted = await store.members.admin_identity_keys()
    for key in settings.admins:
        print(f"{key}  (KNOTENPUNKT_ADMINS)")
    for key in granted:
        print(f"{key}  (granted)")
    return 0
