"""``knotenpunkt run``: the bot, with whichever adapters the settings enable."""

from __future__ import annotations

import argparse

from bot.app import App
from bot.logs import setup_logging
from bot.settings import Settings


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("run", help="run the bot (console adapter when no token is set)")
    parser.add_argument(
        "--console-user", default="console", metavar="NAME", help="who you are in the console"
    )
    parser.add_argument(
        "--http", action="store_true", help="serve HTTP (health, feeds) in console mode too"
    )
    parser.set_defaults(func=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    # In the console, log only warnings so that the chat stays readable (unless debugging).
    level = settings.log_level
    if settings.console_only and level == "info":
        level = "warning"
    setup_logging(settings.log_format, level, secrets=settings.secrets)
    app = App(settings, console_user=args.console_user, serve_http=args.http or None)
    await app.run()
    return 0
