"""``knotenpunkt group add|list|archive|moderator|members``.

The same :class:`GroupService` as in chat checks the input and writes the audit log. The
CLI may run while the bot runs: archiving withdraws queued messages in the shared store.
"""

from __future__ import annotations

import argparse

from bot.cli.common import CLI_ACTOR, counted, fail, open_store, refused
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.groups.service import GroupService
from handlers.names import require_group
from handlers.validation import Invalid
from storage import Store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("group", help="manage working groups")
    groups = parser.add_subparsers(dest="group_command", required=True, metavar="ACTION")
    add = groups.add_parser("add", help="create a working group")
    add.add_argument("name", help='the new group\'s name, e.g. "AG Wasserstoff"')
    add.add_argument("--description", default="")
    add.add_argument(
        "--policy", default="open", choices=("open", "request"), help="how members join"
    )
    add.add_argument("--topic", help="the topic the group belongs to")
    add.set_defaults(func=add_group)
    listing = groups.add_parser("list", help="list working groups")
    listing.add_argument("--all", action="store_true", help="include archived groups")
    listing.set_defaults(func=list_groups)
    archiving = groups.add_parser("archive", help="archive a group; nothing more is delivered")
    archiving.add_argument("name", help="the group to archive")
    archiving.set_defaults(func=archive_group)
    moderator = groups.add_parser("moderator", help="name (or --remove) a moderator")
    moderator.add_argument("name", help="the group")
    moderator.add_argument("member", help="member id, platform:user_id or the member's name")
    moderator.add_argument("--remove", action="store_true", help="make them a plain member")
    moderator.set_defaults(func=name_moderator)
    members = groups.add_parser("members", help="who belongs to a group")
    members.add_argument("name", help="the group whose members to list")
    members.set_defaults(func=list_members)


def _service(store: Store, settings: Settings) -> GroupService:
    return GroupService(store, Notifier.from_settings(store, settings), settings, CLI_ACTOR)


async def add_group(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            group = await _service(store, settings).create(
                args.name, args.description, args.policy, args.topic
            )
        except Invalid as problem:
            return refused("group", problem)
    print(f"created group {group.id}: {group.name} ({group.join_policy})")
    return 0


async def list_groups(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        counts = await store.groups.member_counts()
        for group in await store.groups.list(include_archived=args.all):
            state = " (archived)" if not group.active else ""
            print(
                f"{group.id:>4}  {group.name}{state}  [{group.join_policy},"
                f" {counted(counts.get(group.id, 0), 'member', 'members')}]"
            )
    return 0


async def archive_group(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            group, withdrawn = await _service(store, settings).archive(args.name)
        except Invalid as problem:
            return refused("group", problem)
    stopped = counted(withdrawn, "queued message", "queued messages")
    print(f"archived group {group.id}: {group.name}; {stopped} withdrawn")
    return 0


async def name_moderator(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        service = _service(store, settings)
        try:
            group = await service.find_active(args.name)
            member = await service.member_by_handle(args.member)
        except Invalid as problem:
            return refused("group", problem)
        changed = await service.set_moderator(group, member.id, not args.remove)
    if not changed and args.remove:
        return fail("group", f"{member.name} is not a moderator of {group.name}")
    role = "a plain member" if args.remove else "moderator"
    note = "" if changed else " (already)"
    print(f"{member.name} is {role} of {group.name}{note}")
    return 0


async def list_members(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            group = await require_group(store, args.name)
        except Invalid as problem:  # a name that fits several or none
            return refused("group", problem)
        for m in await store.groups.members(group.id):
            print(f"{m.member_id:>5}  {m.name}, {m.company}  [{m.role}, {m.level}]")
    return 0
