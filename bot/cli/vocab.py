"""``knotenpunkt vocab add|list|merge``: the vocabularies of the company profile (issue 30).

``add`` puts an entry into a facet's vocabulary (or accepts one a member proposed);
``list`` shows a facet's entries with how many members chose each, proposed ones marked;
``merge`` folds an entry (typically a member's spelling) into another: every member who
had it has the other."""

from __future__ import annotations

import argparse

from bot.cli.common import CLI_ACTOR, open_store, record_number, refused
from bot.settings import Settings
from handlers.directory.vocab import add_entry as add_vocab_entry
from handlers.directory.vocab import merge_entries as merge_vocab_entries
from handlers.validation import Invalid
from storage.facets import FACETS


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("vocab", help="manage the company profile's vocabularies")
    vocab_sub = parser.add_subparsers(dest="vocab_command", required=True, metavar="ACTION")
    add = vocab_sub.add_parser("add", help="add an entry to a facet (or accept a proposed one)")
    add.add_argument("facet", choices=FACETS, help="which vocabulary")
    add.add_argument("label", help='the entry, e.g. "ISO 9001" or "5-Achs-Fräsen"')
    add.set_defaults(func=add_entry)
    listing = vocab_sub.add_parser("list", help="list entries (all facets without one)")
    listing.add_argument("facet", nargs="?", choices=FACETS, help="which vocabulary")
    listing.add_argument("--proposed", action="store_true", help="only entries members typed")
    listing.set_defaults(func=list_entries)
    merge = vocab_sub.add_parser("merge", help="fold an entry into another of the same facet")
    merge.add_argument("source", type=record_number, help="the entry's number that goes")
    merge.add_argument("target", type=record_number, help="the entry's number that stays")
    merge.set_defaults(func=merge_entries)


async def add_entry(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            entry = await add_vocab_entry(store, args.facet, args.label, CLI_ACTOR)
        except Invalid as problem:
            return refused("vocab", problem)
    print(f"{entry.id}: {entry.label} ({entry.facet})")
    return 0


async def list_entries(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        entries = await store.facets.entries(args.facet, proposed=True if args.proposed else None)
    for entry in entries:
        mark = "  (proposed)" if entry.proposed else ""
        print(f"{entry.id:>5}  {entry.facet:<13} {entry.label}{mark}  [{entry.members}]")
    return 0


async def merge_entries(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            source, target, moved = await merge_vocab_entries(
                store, args.source, args.target, CLI_ACTOR
            )
        except Invalid as problem:
            return refused("vocab", problem)
    print(f"merged {source.label!r} into {target.label!r}: {moved} member(s) moved")
    return 0
