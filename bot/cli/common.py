"""Helpers shared by CLI commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.arguments import numbered
from bot.i18n import CLI, format_count, plural_category, t
from bot.settings import Settings
from handlers.validation import Invalid
from storage import Store

CLI_ACTOR = "cli"


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[Store]:
    store = await Store.open(settings.db_path)
    try:
        yield store
    finally:
        await store.close()


def counted(count: int, one: str, other: str) -> str:
    """``1 member``, ``2 members``: a count in the command line's English, by the same
    plural rules as the chat's texts."""
    return f"{format_count(count, 'en')} {one if plural_category(CLI, count) == 'one' else other}"


def fail(command: str, message: str) -> int:
    """One line on stderr naming the command; exit code 1."""
    print(f"knotenpunkt {command}: {message}", file=sys.stderr)
    return 1


def refused(command: str, problem: Invalid) -> int:
    """The same check as in chat refused the input: say why, in English and in the
    command line's terms (a key's "cli" text where the chat text gives chat advice)."""
    return fail(command, t(CLI, problem.key, **problem.params))


def record_number(text: str) -> int:
    """An argparse type: a record's number as in chat (``3``, ``#3``, ``Nr. 3``)."""
    value, rest = numbered(text)
    if value is None or rest:
        raise argparse.ArgumentTypeError(f"not a number: {text[:20]!r}")
    return value


def confirm(question: str, assume_yes: bool) -> bool:
    """Ask on the terminal (``--yes`` skips it); anything but yes is no."""
    if assume_yes:
        return True
    print(f"{question} [y/N] ", end="", flush=True)
    return sys.stdin.readline().strip().casefold() in ("y", "yes", "j", "ja")
