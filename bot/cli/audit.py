"""``knotenpunkt audit [--since DATE] [--actor X] [--action PREFIX]``: the audit log, oldest
first: who (an account like ``telegram:12345``, ``cli``, or ``erased``) did what when."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from bot.calendar.parse import BadTime, parse_local
from bot.cli.common import fail, open_store
from bot.settings import Settings


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("audit", help="print the audit log")
    parser.add_argument(
        "--since", help='from this day or time, e.g. 2026-01-31 or "2026-01-31 08:00"'
    )
    parser.add_argument("--actor", help="only this actor, e.g. telegram:12345 or cli")
    parser.add_argument("--action", help="only actions starting with this, e.g. member. or admin")
    parser.add_argument("--limit", type=int, default=None, help="only the last N entries")
    parser.set_defaults(func=print_audit)


def _since(text: str, settings: Settings) -> datetime:
    text = text.strip()
    if len(text) == 10:  # a day: from its start in the network's zone
        text += " 00:00"
    return parse_local(text, settings.zone)


async def print_audit(args: argparse.Namespace, settings: Settings) -> int:
    try:
        since = _since(args.since, settings) if args.since else None
    except BadTime:
        return fail(
            "audit", f"cannot read the time {args.since!r}; use 2026-01-31 or 2026-01-31 08:00"
        )
    async with open_store(settings) as store:
        entries = await store.audit.entries(
            since=since, actor=args.actor, action=args.action, limit=args.limit
        )
    for entry in entries:
        local = entry.at.astimezone(settings.zone).strftime("%Y-%m-%d %H:%M:%S")
        detail = " ".join(
            f"{key}={json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
            for key, value in entry.detail.items()
        )
        print(f"{local}  {entry.actor or 'system':<22} {entry.action:<22} {detail}".rstrip())
    return 0
