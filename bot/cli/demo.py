"""``knotenpunkt demo-data``: a small demo network to try the bot with."""

from __future__ import annotations

import argparse

from bot.cli.common import CLI_ACTOR, counted, open_store
from bot.cli.event import add_demo_events
from bot.settings import Settings
from handlers.topics import create_topic

DEMO_TOPICS = [
    ("Produktion der Zukunft", "Industrie 4.0, Automatisierung, additive Fertigung"),
    ("Zukunftsfähige Geschäftsmodelle", "Plattformen, Services, neue Märkte"),
    ("Circular Economy", "Kreislaufwirtschaft, Materialeffizienz, Rezyklate"),
    ("Arbeitswelt der Zukunft", "Fachkräfte, Qualifizierung, neues Arbeiten"),
    ("KI in der Industrie", "Künstliche Intelligenz in Produktion und Verwaltung"),
    ("Verteidigung & Sicherheit", "Zulieferung, Zertifizierung, Markteintritt"),
]


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("demo-data", help="create a demo network (idempotent)")
    parser.set_defaults(func=demo_data)


async def demo_data(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        created = 0
        for name, description in DEMO_TOPICS:
            if await store.topics.find(name) is None:
                await create_topic(store, name, description, CLI_ACTOR)
                created += 1
        events = await add_demo_events(store, settings)
    made = counted(created, "topic", "topics")
    print(f"demo network ready: {made} created, {len(DEMO_TOPICS)} in the demo")
    print(f"demo events: {counted(events, 'event', 'events')} created")
    return 0
