"""``knotenpunkt run``: the bot, with whichever adapters the settings enable."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import TextIO

from bot.adapters.console import FILES_FOLDER, OTHERS
from bot.app import App
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("run", help="run the bot (console adapter when no token is set)")
    parser.add_argument(
        "--console-user", default="console", metavar="NAME", help="who you are in the console"
    )
    parser.add_argument(
        "--http", action="store_true", help="serve HTTP (health, feeds) in console mode too"
    )
    parser.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help=f"where the console saves files (.ics, data exports); default: {FILES_FOLDER} "
        "next to the store",
    )
    parser.add_argument(
        "--others",
        choices=OTHERS,
        default="note",
        help="messages to other people in the console: a one-line note (default) or hide them",
    )
    parser.set_defaults(func=run)


def has_console_input(stream: TextIO | None) -> bool:
    """A terminal, or input piped in from a file or another program. Not so under systemd
    or in a container without ``-it``: there stdin is ``/dev/null`` (or closed)."""
    if stream is None:
        return False
    try:
        if stream.isatty():
            return True
        mode = os.fstat(stream.fileno()).st_mode
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def missing_platform(settings: Settings) -> str:
    """One line saying which setting starts a platform adapter."""
    if settings.slack_bot_token and not settings.slack_signing_secret:
        return "KNOTENPUNKT_SLACK_SIGNING_SECRET is not set; Slack needs it with the bot token"
    if settings.slack_signing_secret and not settings.slack_bot_token:
        return "KNOTENPUNKT_SLACK_BOT_TOKEN is not set; Slack needs it with the signing secret"
    return (
        "no platform token is set and there is no terminal for the console: set "
        "KNOTENPUNKT_TELEGRAM_TOKEN, or KNOTENPUNKT_SLACK_BOT_TOKEN and "
        "KNOTENPUNKT_SLACK_SIGNING_SECRET"
    )


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.console_only and not has_console_input(sys.stdin):
        # under systemd or compose the console would see end of input, exit 0 and be
        # restarted in a loop: stop with the setting to set instead
        raise ConfigError(missing_platform(settings))
    # In the console, log only warnings so that the chat stays readable (unless debugging).
    level = settings.log_level
    if settings.console_only and level == "info":
        level = "warning"
    setup_logging(settings.log_format, level, secrets=settings.secrets)
    app = App(
        settings,
        console_user=args.console_user,
        console_files=args.files,
        console_others=args.others,
        serve_http=args.http or None,
    )
    await app.run()
    return 0
