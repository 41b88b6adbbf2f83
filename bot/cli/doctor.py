"""``knotenpunkt doctor``: is everything set up right? One line per check, ✓ or ✗, and in
plain words what to do. Exit code 1 if anything is wrong.

Checks the configuration (every setting's value, names the bot does not read), the store
(opens, integrity, migrations, size), the Telegram and Slack APIs with the configured
tokens, and that the public URL reaches this bot. Changes nothing.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from pathlib import Path

import aiohttp
from dotenv import dotenv_values
from pydantic import ValidationError

from bot.cli.envfile import env_line
from bot.cli.event_io import result_line
from bot.diagnosis import Check, bad, good, note
from bot.settings import PREFIX, SECRET_SETTINGS, Settings, unknown_settings
from storage import Database, Store
from storage.lock import StoreBusy, StoreLock
from storage.maintenance import file_sizes

LARGE_WAL = 256 * 1024 * 1024
# the examples in deploy/knotenpunkt.env.example and the READMEs
PLACEHOLDER_ADMINS = {"telegram:12345", "telegram:123456789", "slack:U0ABC", "slack:U0ABC123"}
_EXAMPLE_ADDRESS = re.compile(r"(^|[@./])example\.(org|com|net)\b|YOUR-HOST", re.IGNORECASE)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("doctor", help="check configuration, store, platforms and public URL")
    parser.add_argument(
        "--show-settings", action="store_true", help="also list every setting (secrets hidden)"
    )
    # doctor reports bad settings itself instead of stopping at the first one
    parser.set_defaults(func=doctor, raw_settings=True)


async def doctor(args: argparse.Namespace, settings: Settings | None = None) -> int:
    checks = await diagnose(_environment(), show_settings=args.show_settings)
    for check in checks:
        print(check.line())
    wrong = [c for c in checks if not c.ok]
    print(f"{len(wrong)} problem(s) found." if wrong else "Everything looks right.")
    return 1 if wrong else 0


def _environment() -> dict[str, str]:
    """What the bot would see: the .env file in this directory, overridden by the environment."""
    values = {k: v for k, v in dotenv_values(".env").items() if v is not None}
    return {**values, **os.environ}


async def diagnose(environ: Mapping[str, str], show_settings: bool = False) -> list[Check]:
    checks = config_checks(environ)
    try:
        settings = Settings()
    except ValidationError:
        checks.append(bad("other checks", "skipped until the configuration loads"))
        return checks
    if show_settings:
        checks += setting_lines(settings)
    checks += combination_checks(settings)
    checks += placeholder_checks(settings)
    checks += await store_checks(settings.db_path)
    if settings.telegram_token:
        from bot.adapters.telegram_doctor import check_telegram

        checks += await check_telegram(settings)
    if settings.slack_bot_token:
        from bot.adapters.slack_doctor import check_slack

        checks += await check_slack(settings)
    if settings.public_url:
        checks.append(await public_url_check(settings.public_url))
    return checks


# configuration -------------------------------------------------------------------------


def config_checks(environ: Mapping[str, str]) -> list[Check]:
    checks: list[Check] = []
    for name, suggestion in unknown_settings(environ):
        hint = f"did you mean {suggestion}?" if suggestion else "remove it or check the spelling."
        checks.append(bad(name, f"is not a setting Knotenpunkt reads: {hint}"))
    try:
        Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = PREFIX + str(error["loc"][0]).upper() if error["loc"] else "settings"
            message = str(error["msg"]).removeprefix("Value error, ")
            checks.append(bad(name, f"{message}. Fix it in the env file."))
        return checks
    given = sorted(n for n in environ if n.upper().startswith(PREFIX))
    checks.insert(0, good("configuration", f"valid; {len(given)} setting(s) set, the rest default"))
    return checks


def setting_lines(settings: Settings) -> list[Check]:
    """Every setting as it would stand in the env file (secrets hidden, unset ones as a
    comment), under the configuration line."""
    lines = []
    for name, value in settings.model_dump().items():
        if value is None:
            lines.append(note(f"# {PREFIX}{name.upper()} is not set"))
        elif name in SECRET_SETTINGS:
            lines.append(note(f"{PREFIX}{name.upper()}=(set, hidden)"))
        else:
            lines.append(note(env_line(name, value)))
    return lines


def placeholder_checks(settings: Settings) -> list[Check]:
    """Values left from the example file: they load, but they are nobody's (an admin id
    12345 would be a stranger) or point members at an address that does not exist."""
    checks = []
    left = [key for key in settings.admins if key in PLACEHOLDER_ADMINS]
    if left:
        checks.append(
            bad(
                f"{PREFIX}ADMINS",
                f"{', '.join(left)} is the example's placeholder, not a real account: remove "
                "it. To make yourself admin, send the code from `knotenpunkt admin claim-code` "
                "to the bot (/start CODE on Telegram, /knotenpunkt start CODE on Slack).",
            )
        )
    for name, value in settings.model_dump().items():
        if isinstance(value, str) and _EXAMPLE_ADDRESS.search(value):
            checks.append(
                bad(
                    f"{PREFIX}{name.upper()}",
                    f"{value} is a placeholder from the example (example.org is reserved for "
                    "examples): put in your own, or comment the line out.",
                )
            )
    return checks


def combination_checks(settings: Settings) -> list[Check]:
    """Settings that only make sense together."""
    checks = []
    if bool(settings.slack_bot_token) != bool(settings.slack_signing_secret):
        checks.append(
            bad(
                "Slack settings",
                "KNOTENPUNKT_SLACK_BOT_TOKEN and KNOTENPUNKT_SLACK_SIGNING_SECRET go together; "
                "the signing secret is on the app's page under Basic Information.",
            )
        )
    if settings.console_only:
        checks.append(
            bad(
                "platforms",
                "neither Telegram nor Slack is configured: the bot would only run in the "
                "console. Set KNOTENPUNKT_TELEGRAM_TOKEN and/or the Slack settings.",
            )
        )
    if settings.telegram_token and settings.telegram_mode == "webhook":
        url = settings.telegram_webhook_url or settings.public_url
        if not url:
            checks.append(
                bad(
                    "Telegram webhook",
                    "webhook mode needs KNOTENPUNKT_PUBLIC_URL (or "
                    "KNOTENPUNKT_TELEGRAM_WEBHOOK_URL), or use KNOTENPUNKT_TELEGRAM_MODE=polling.",
                )
            )
        elif not url.startswith("https://"):
            checks.append(
                bad("Telegram webhook", f"Telegram only posts to https:// addresses, not {url}.")
            )
    return checks


# store ---------------------------------------------------------------------------------


def _file_problem(path: Path) -> Check | None:
    name = "store"
    if not path.exists():
        return bad(
            name,
            f"no store at {path} yet. It is created when the bot first starts; if you "
            "expected one here, check KNOTENPUNKT_DB_PATH.",
        )
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return bad(
            name,
            f"{path} or its folder is not writable for this user: run doctor as the "
            "bot's user (sudo -u knotenpunkt …) or fix the owner (chown).",
        )
    return None


async def store_checks(path: Path) -> list[Check]:
    name = "store"
    problem = _file_problem(path)
    if problem is not None:
        return [problem]
    checks = []
    db = Database(path)
    try:
        await db.open(migrate=False)
    except Exception as exc:
        return [
            bad(
                name,
                f"cannot open {path} ({exc}). Restore the last good backup: "
                "knotenpunkt db restore FILE",
            )
        ]
    try:
        store = Store(db)
        problems = await store.maintenance.integrity_check()
        size, wal = file_sizes(path)
        if problems != ["ok"]:
            checks.append(
                bad(
                    name,
                    f"the integrity check found problems ({'; '.join(problems[:3])}). Stop the "
                    "bot and restore the last good backup: knotenpunkt db restore FILE",
                )
            )
        else:
            checks.append(
                good(name, f"{path} opens, integrity ok, {_size(size)} (+ {_size(wal)} WAL)")
            )
        schema = await store.maintenance.schema_state()
        checks.append(_schema_check(schema.applied, schema.missing, schema.unknown))
        if await store.subscriptions.available():  # an older store may not have them yet
            checks += await subscription_checks(store)
    finally:
        await db.close()
    if wal > LARGE_WAL:
        checks.append(
            bad(
                "store WAL",
                f"the write-ahead log is {_size(wal)}: a long read keeps it from being folded "
                "back. Restart the bot; if it grows again, look for a stuck backup or doctor.",
            )
        )
    checks.append(good("store lock", _lock_holder(path)))
    return checks


async def subscription_checks(store: Store) -> list[Check]:
    """One line per calendar subscription: its last result."""
    checks = []
    for found in await store.subscriptions.all():
        name = f"calendar {found.url}"
        if found.last_status == "failed":
            checks.append(
                bad(
                    name,
                    f"{result_line(found)}. Open the address in a browser: it must answer "
                    "with an .ics file; fix it or remove the subscription "
                    f"(knotenpunkt event subscriptions --remove {found.id}).",
                )
            )
        else:
            checks.append(good(name, result_line(found)))
    return checks


def _schema_check(applied: list[int], missing: list[int], unknown: list[int]) -> Check:
    if unknown:
        return bad(
            "store schema",
            f"the store has migrations this installation does not know ({unknown}): it was "
            "used by a newer Knotenpunkt. Upgrade this installation.",
        )
    if missing:
        return bad(
            "store schema",
            f"{len(missing)} migration(s) not applied yet ({missing}). They run when the bot "
            "starts: restart it, or run knotenpunkt db migrate (back up first).",
        )
    return good("store schema", f"at version {max(applied, default=0)}, all migrations applied")


def _lock_holder(path: Path) -> str:
    lock = StoreLock(path)
    try:
        lock.acquire("doctor")
    except StoreBusy as exc:
        return f"in use: {exc}"
    lock.release()
    return "no bot is running on it right now"


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} kB"


# public URL ----------------------------------------------------------------------------


async def public_url_check(public_url: str) -> Check:
    name = "public URL"
    url = public_url.rstrip("/") + "/healthz/live"
    try:
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as answer:
            body = (await answer.text()).strip()
            status = answer.status
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        return bad(
            name,
            f"{url} cannot be reached ({type(exc).__name__}: {exc}). Check the DNS name, the "
            "firewall (port 443), the reverse proxy and its TLS certificate.",
        )
    if status == 200 and body == "ok":
        return good(name, f"{url} answers: the reverse proxy reaches this bot")
    return bad(
        name,
        f"{url} answered HTTP {status}, not the bot's 'ok'. The reverse proxy must pass "
        "/healthz/live to the bot for this server's own address (see deploy/README.md), "
        "and the bot must be running.",
    )
