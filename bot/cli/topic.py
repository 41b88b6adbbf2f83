"""``knotenpunkt topic add|list|archive``."""

from __future__ import annotations

import argparse

from bot.cli.common import CLI_ACTOR, counted, open_store, refused
from bot.settings import Settings
from handlers.topics import archive_topic, create_topic
from handlers.validation import Invalid


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("topic", help="manage topic channels")
    topic_sub = parser.add_subparsers(dest="topic_command", required=True, metavar="ACTION")
    add = topic_sub.add_parser("add", help="create a topic")
    add.add_argument("name", help='the topic\'s name, e.g. "KI in der Industrie"')
    add.add_argument("--description", default="", help="one or two sentences shown in /themen")
    add.set_defaults(func=add_topic)
    listing = topic_sub.add_parser("list", help="list topics")
    listing.add_argument("--all", action="store_true", help="include archived topics")
    listing.set_defaults(func=list_topics)
    archiving = topic_sub.add_parser("archive", help="archive a topic")
    archiving.add_argument("name", help="the topic's name (case does not matter)")
    archiving.set_defaults(func=archive)


async def add_topic(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            topic = await create_topic(store, args.name, args.description, CLI_ACTOR)
        except Invalid as problem:
            return refused("topic", problem)
    print(f"created topic {topic.id}: {topic.name}")
    return 0


async def list_topics(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        topics = await store.topics.list(include_archived=args.all)
        for topic in topics:
            count = len(await store.topics.subscriber_ids(topic.id))
            state = " (archived)" if topic.archived else ""
            print(
                f"{topic.id:>4}  {topic.name}{state}  [{counted(count, 'subscriber', 'subscribers')}]"
            )
    return 0


async def archive(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            topic = await archive_topic(store, args.name, CLI_ACTOR)
        except Invalid as problem:
            return refused("topic", problem)
    print(f"archived topic {topic.id}: {topic.name}")
    return 0
