"""The ``knotenpunkt`` command: run the bot and manage the store from a shell.

Each command group lives in its own module with ``add_parser(subparsers)``; the parsed
``func`` is an async function ``(args, settings) -> exit code``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from dotenv import dotenv_values

from bot.cli import (
    admin,
    audit,
    broadcast,
    dashboard,
    db,
    demo,
    doctor,
    event,
    group,
    init,
    member,
    report,
    requests,
    run,
    stats,
    topic,
    vocab,
)
from bot.i18n import set_german_address, set_network_zone
from bot.parsing.text import readable
from bot.settings import ConfigError, load_settings, unknown_settings
from storage.lock import StoreBusy

GROUPS = [
    init,
    run,
    db,
    topic,
    vocab,
    admin,
    demo,
    event,
    group,
    broadcast,
    dashboard,
    requests,
    member,
    audit,
    stats,
    report,
    doctor,
]


def _version() -> str:
    try:
        return version("knotenpunkt")
    except PackageNotFoundError:  # running from a source tree without an install
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knotenpunkt", description="Chat bot for regional industry networks."
    )
    parser.add_argument("--version", action="version", version=f"knotenpunkt {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command_group in GROUPS:
        command_group.add_parser(sub)
    return parser


def _environment() -> Mapping[str, str]:
    """What pydantic-settings reads: the environment over the ``.env`` file."""
    values: dict[str, str] = {}
    if Path(".env").is_file():
        values.update({k: v or "" for k, v in dotenv_values(".env").items()})
    values.update(os.environ)
    return values


def warn_unknown_settings(environ: Mapping[str, str]) -> None:
    """One line per ``KNOTENPUNKT_*`` name the bot does not read, with the closest one."""
    for name, closest in unknown_settings(environ):
        hint = f"; did you mean {closest}?" if closest else ""
        print(f"knotenpunkt: warning: unknown setting {name} is ignored{hint}", file=sys.stderr)


def _discard_stdout() -> None:
    """The reader of our output went away (``| head``): drop what is still buffered, so
    Python does not complain about it at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return 0
    return code


UNTOUCHED = frozenset({"source"})  # a file name or URL, opened as written


def as_typed(args: argparse.Namespace) -> argparse.Namespace:
    """The options as the operator sees them: pasted text cleaned as the core cleans every
    message (:func:`bot.parsing.text.readable`), so a name or title copied from a web page
    finds and stores the same as in chat. File paths (``Path`` values) stay as written."""
    for name, value in vars(args).items():
        if name in UNTOUCHED:
            continue
        if isinstance(value, str):
            setattr(args, name, readable(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(args, name, [readable(item) for item in value])
    return args


def _main(argv: Sequence[str] | None) -> int:
    args = as_typed(build_parser().parse_args(argv))
    if getattr(args, "raw_settings", False):  # doctor: reads and judges the settings itself
        return asyncio.run(args.func(args, None))
    warn_unknown_settings(_environment())
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"knotenpunkt: configuration error: {exc}", file=sys.stderr)
        return 2
    set_german_address(settings.german_address)
    set_network_zone(settings.zone)
    try:
        return asyncio.run(args.func(args, settings))
    except ConfigError as exc:  # settings that only make sense together, found at start-up
        print(f"knotenpunkt: configuration error: {exc}", file=sys.stderr)
        return 2
    except StoreBusy as exc:
        print(
            f"knotenpunkt: the store is in use ({exc}); is the bot already running?",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
