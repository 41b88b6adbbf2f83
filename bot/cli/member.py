"""``knotenpunkt member export|delete IDENTITY``: a member's data for a request that came by
email or letter (GDPR Art. 15, 17, 20). IDENTITY is an account (``telegram:12345``,
``slack:U0ABC``) or a member number (``#12``). The same service as ``/meinedaten`` and
``/loeschen`` does the work, so the audit log and the waitlists behave the same; the
running bot delivers the notices to members who move up a waitlist.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.arguments import member_number
from bot.cli.common import CLI_ACTOR, confirm, fail, open_store
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.privacy.render import erasure_lines
from handlers.privacy.service import PrivacyService
from storage import Store
from storage.members import Member

LANG = "en"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("member", help="export or delete a member's data")
    member_sub = parser.add_subparsers(dest="member_command", required=True, metavar="ACTION")
    export = member_sub.add_parser("export", help="everything stored about a member, as JSON")
    export.add_argument("identity", help="telegram:12345, slack:U0ABC or #12 (member number)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    export.set_defaults(func=export_member)
    delete = member_sub.add_parser("delete", help="erase a member and everything about them")
    delete.add_argument("identity", help="telegram:12345, slack:U0ABC or #12 (member number)")
    delete.add_argument("--yes", action="store_true", help="do not ask before deleting")
    delete.set_defaults(func=delete_member)


def _service(store: Store, settings: Settings) -> PrivacyService:
    return PrivacyService(store, Notifier.from_settings(store, settings), settings, CLI_ACTOR)


async def _find(store: Store, identity: str) -> Member | None:
    text = identity.strip()
    number = member_number(text)
    if number is None and ":" not in text:
        return None
    found = await store.privacy.find_members(text, 2, number)
    return found[0] if len(found) == 1 else None


async def export_member(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        member = await _find(store, args.identity)
        if member is None:
            return fail("member", f"no member {args.identity!r} (telegram:12345, slack:U… or #12)")
        export = await _service(store, settings).export(member.id, by_staff=True)
    text = json.dumps(export.document, ensure_ascii=False, indent=2)
    if args.output is None:
        print(text)
        return 0
    try:
        args.output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        return fail("member", f"cannot write {args.output}: {exc.strerror}")
    print(f"wrote the data of #{member.id} {member.name} to {args.output}", file=sys.stderr)
    return 0


async def delete_member(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        member = await _find(store, args.identity)
        if member is None:
            return fail("member", f"no member {args.identity!r} (telegram:12345, slack:U… or #12)")
        accounts = ", ".join(i.key for i in await store.members.identities(member.id))
        print(f"#{member.id} {member.name} ({member.company}, {member.region}); {accounts}")
        question = (
            "Delete this member's profile, accounts, subscriptions, answers and settings, and "
            "anonymise what stays for others? This cannot be undone."
        )
        if not confirm(question, args.yes):
            print("nothing deleted")
            return 1
        erasure = await _service(store, settings).erase(member.id, by="staff")
    print(f"deleted #{member.id}:")
    print(erasure_lines(LANG, erasure))
    return 0
