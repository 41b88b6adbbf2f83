"""``knotenpunkt init``: from a fresh server to a bot that answers, in a few minutes.

Asks for the Telegram and/or Slack tokens (or takes them as options), checks them with
the platforms as ``doctor`` does (Telegram getMe, Slack auth.test, through the same code,
so ``KNOTENPUNKT_TELEGRAM_API_URL`` and ``KNOTENPUNKT_SLACK_API_URL`` are honoured),
creates the store, writes the env file (mode 0600; an existing one only with ``--force``)
and prints a one-time admin claim code: whoever sends ``/start CODE`` becomes admin, so
nobody has to look up a numeric Telegram id for ``KNOTENPUNKT_ADMINS``.

Nothing is written when a platform refuses a token. Run as root with ``--owner USER``,
the env file and the store are handed to the bot's user.
"""

from __future__ import annotations

import argparse
import getpass
import os
import pwd
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.cli.admin import claim_instructions
from bot.cli.common import CLI_ACTOR, fail
from bot.cli.envfile import UNSAFE, env_line
from bot.diagnosis import Check
from bot.settings import PREFIX, ConfigError, Settings, load_settings
from handlers.privacy.admin_claim import ClaimCode, new_claim_code
from storage import Store

COMMAND = "init"
CARRIED_OVER = ("telegram_api_url", "slack_api_url")  # from the environment, if set there


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "init",
        help="ask for the tokens, check them, write the env file and print an admin claim code",
        description="Set up a new installation: asks for what is not given as an option.",
    )
    parser.add_argument(
        "--env-file",
        type=Path,
        default=Path(".env"),
        metavar="FILE",
        help="where to write the settings (default: .env here; on a server /etc/knotenpunkt.env)",
    )
    parser.add_argument(
        "--db-path",
        type=Path,
        metavar="FILE",
        help="the store (default: KNOTENPUNKT_DB_PATH, else ./knotenpunkt.sqlite3)",
    )
    parser.add_argument("--telegram-token", metavar="TOKEN", help="from @BotFather")
    parser.add_argument("--slack-bot-token", metavar="xoxb-…", help="Bot User OAuth Token")
    parser.add_argument("--slack-signing-secret", metavar="SECRET", help="Slack's Signing Secret")
    parser.add_argument(
        "--slack-app-token", metavar="xapp-…", help="app-level token: Slack in Socket Mode"
    )
    parser.add_argument(
        "--public-url", metavar="URL", help="https://… where this server is reachable"
    )
    parser.add_argument("--network-name", metavar="NAME", help="shown in the welcome text")
    parser.add_argument(
        "--privacy-contact", metavar="CONTACT", help="who members write to about their data"
    )
    parser.add_argument(
        "--owner",
        metavar="USER",
        help="hand the env file and the store to this user (as root: --owner knotenpunkt)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing env file")
    parser.add_argument("--no-input", action="store_true", help="ask nothing; use the options only")
    # the settings are what init writes: it does not load them first
    parser.set_defaults(func=init, raw_settings=True)


class Refused(Exception):
    """Bad input: one line for the operator, exit code 2."""


@dataclass
class Answers:
    values: dict[str, str] = field(default_factory=dict)  # setting name (lower) → value

    def get(self, name: str) -> str | None:
        return self.values.get(name) or None


def _ask(question: str, secret: bool = False) -> str:
    """One answer from the terminal (hidden for secrets) or from piped input; "" at its end."""
    if secret and sys.stdin.isatty():
        return getpass.getpass(question).strip()
    print(question, end="", flush=True)
    line = sys.stdin.readline()
    if not sys.stdin.isatty():
        print()  # the answer was not echoed: keep the next question on its own line
    return line.strip()


def gather(args: argparse.Namespace) -> Answers:
    """The options, and for what they leave open the operator's answers."""
    answers = Answers({k: v for k, v in _options(args).items() if v})

    def ask(name: str, question: str, secret: bool = False) -> None:
        if name in answers.values or args.no_input:
            return
        if value := _ask(question, secret):
            answers.values[name] = value

    ask("telegram_token", "Telegram bot token from @BotFather (empty: no Telegram): ", True)
    ask("slack_bot_token", "Slack Bot User OAuth Token, xoxb-… (empty: no Slack): ", True)
    if answers.get("slack_bot_token"):
        ask("slack_signing_secret", "Slack Signing Secret (Basic Information): ", True)
        ask(
            "slack_app_token",
            "Slack app-level token xapp-… for Socket Mode (empty: Slack posts to this server): ",
            True,
        )
        if not answers.get("slack_app_token"):
            ask("public_url", "Public address of this server, https://…: ")
    ask("network_name", "Name of the network, shown in the welcome text [Knotenpunkt]: ")
    ask(
        "privacy_contact",
        "Who members write to about their data, e.g. an e-mail address (empty: the team): ",
    )
    check_answers(answers)
    return answers


def _options(args: argparse.Namespace) -> dict[str, str | None]:
    names = (
        "telegram_token",
        "slack_bot_token",
        "slack_signing_secret",
        "slack_app_token",
        "public_url",
        "network_name",
        "privacy_contact",
    )
    return {name: getattr(args, name) for name in names}


def check_answers(answers: Answers) -> None:
    if bool(answers.get("slack_bot_token")) != bool(answers.get("slack_signing_secret")):
        raise Refused("Slack needs both the bot token and the signing secret")
    if not answers.get("telegram_token") and not answers.get("slack_bot_token"):
        raise Refused(
            "no platform token given: --telegram-token, or --slack-bot-token with "
            "--slack-signing-secret (or answer the questions)"
        )
    url = answers.get("public_url")
    if url and not url.startswith("https://"):
        raise Refused(f"the public address must start with https://, not {url}")
    for name, value in answers.values.items():
        if UNSAFE.search(value):
            raise Refused(f'{PREFIX}{name.upper()} must not contain " \\ $ ` or a line break')


def env_text(values: dict[str, str], today: date) -> str:
    lines = [
        f"# Knotenpunkt settings, written by `knotenpunkt init` on {today.isoformat()}.",
        "# Every other setting, with a comment: deploy/knotenpunkt.env.example in the",
        "# repository. `knotenpunkt doctor` checks them all.",
        *(env_line(name, value) for name, value in values.items()),
    ]
    return "\n".join(lines) + "\n"


async def check_platforms(settings: Settings) -> tuple[list[Check], bool, str | None]:
    """The doctor's platform checks; whether every token was accepted; the bot's @name."""
    checks: list[Check] = []
    accepted = True
    username = None
    if settings.telegram_token:
        from bot.adapters.telegram_doctor import inspect_telegram

        report = await inspect_telegram(settings)
        checks += report.checks
        username = report.username
        accepted = accepted and username is not None
    if settings.slack_bot_token:
        from bot.adapters.slack_doctor import check_slack

        found = await check_slack(settings)
        checks += found
        # a refused token stops init; missing scopes are fixed on Slack's side later
        accepted = accepted and all(c.ok for c in found if c.name in ("Slack", "Slack Socket Mode"))
    return checks, accepted, username


def _exists(path: Path) -> bool:
    return path.exists()


def _absolute(path: Path) -> Path:
    """Absolute, so the bot finds the store whatever its working directory."""
    return Path(os.path.abspath(path))


def _owner(name: str | None) -> tuple[int, int] | None:
    if name is None:
        return None
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        raise Refused(
            f"there is no user {name!r} (create it first, see deploy/README.md)"
        ) from None
    return entry.pw_uid, entry.pw_gid


def _hand_over(paths: list[Path], owner: tuple[int, int] | None) -> None:
    if owner is not None:
        for path in paths:
            if path.exists():
                os.chown(path, *owner)


def write_env_file(path: Path, text: str, owner: tuple[int, int] | None) -> None:
    """Atomically, readable by its owner only from the first byte on."""
    descriptor, temporary = tempfile.mkstemp(prefix=".knotenpunkt-env-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o600)
        _hand_over([Path(temporary)], owner)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


async def prepare_store(db_path: Path, owner: tuple[int, int] | None) -> ClaimCode:
    """Create (or migrate) the store and put a fresh claim code into it."""
    new_folder = not db_path.parent.exists()
    store = await Store.open(db_path)
    try:
        code = await new_claim_code(store, CLI_ACTOR)
    finally:
        await store.close()
    companions = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    _hand_over([db_path.parent] if new_folder else [], owner)
    _hand_over([db_path, *companions], owner)
    return code


async def init(args: argparse.Namespace, settings: Settings | None = None) -> int:
    env_file: Path = args.env_file
    if _exists(env_file) and not args.force:
        return fail(COMMAND, f"{env_file} exists already; --force replaces it (copy it first)")
    try:
        owner = _owner(args.owner)
        answers = gather(args)
    except Refused as problem:
        print(f"knotenpunkt {COMMAND}: {problem}", file=sys.stderr)
        return 2
    values = dict(answers.values)
    try:
        base = load_settings(_env_file=None, **values)
    except ConfigError as exc:
        print(f"knotenpunkt {COMMAND}: {exc}", file=sys.stderr)
        return 2
    db_path = _absolute(args.db_path or base.db_path)
    checks, accepted, username = await check_platforms(base)
    for check in checks:
        print(check.line())
    if not accepted:
        return fail(COMMAND, "a platform refused a token (see above); nothing was written")
    for name in CARRIED_OVER:
        if value := getattr(base, name):
            values[name] = value
    ordered = {"network_name": values.pop("network_name", ""), "db_path": str(db_path)}
    settings_to_write = {k: v for k, v in {**ordered, **values}.items() if v}
    try:
        code = await prepare_store(db_path, owner)
        write_env_file(env_file, env_text(settings_to_write, date.today()), owner)
    except OSError as exc:
        return fail(COMMAND, f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    print(f"✓ settings: written to {env_file} (readable by its owner only)")
    print(f"✓ store: {db_path} is ready")
    print()
    platforms = {"telegram": bool(base.telegram_token), "slack": bool(base.slack_bot_token)}
    print("\n".join(claim_instructions(code, username, **platforms)))
    print()
    print("Next: start the bot (knotenpunkt run, or systemctl enable --now knotenpunkt),")
    print("send the code as above, register, and try /rundschreiben. Check: knotenpunkt doctor")
    return 0
