"""Configuration from the environment (prefix ``KNOTENPUNKT_``), validated once at start-up.

The names are a contract with operators and deploy files (see DESIGN.md), so they are
spelled out here and nowhere else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.delivery.quiet_window import QuietWindow

PLATFORMS = ("telegram", "slack", "console")
PREFIX = "KNOTENPUNKT_"

SUEDWESTFALEN_REGIONS = [
    "Hochsauerlandkreis",
    "Märkischer Kreis",
    "Kreis Olpe",
    "Kreis Siegen-Wittgenstein",
    "Kreis Soest",
    "Hagen",
]

_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    """Parse ``30s``, ``15m``, ``1h``, ``1d``, ``2w`` into a timedelta."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration like 1d, 1h or 30s: {text!r}")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def format_duration(value: timedelta) -> str:
    """The shortest text :func:`parse_duration` reads back: ``1d``, ``90m``, ``2w``."""
    seconds = int(value.total_seconds())
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Every setting the bot reads; defaults let it run in the console with no tokens."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    db_path: Path = Path("./knotenpunkt.sqlite3")
    telegram_token: str | None = None
    telegram_api_url: str | None = None
    telegram_mode: Literal["polling", "webhook"] = "polling"
    telegram_webhook_secret: str | None = None
    telegram_webhook_url: str | None = None
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8080, ge=0, le=65535)
    public_url: str | None = None
    admins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    timezone: str = "Europe/Berlin"
    language: Literal["de", "en"] = "de"
    german_address: Literal["sie", "du"] = "sie"
    reminder_offsets: Annotated[list[timedelta], NoDecode] = Field(
        default_factory=lambda: [timedelta(days=1), timedelta(hours=1)]
    )
    telegram_rate: float = Field(default=30.0, gt=0)
    telegram_chat_rate: float = Field(default=1.0, gt=0)
    telegram_group_rate_per_minute: float = Field(default=20.0, gt=0)
    slack_rate: float = Field(default=1.0, gt=0)
    approval_required: bool = False
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    health_outbox_max_age: timedelta = Field(default=timedelta(minutes=15))
    regions: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(SUEDWESTFALEN_REGIONS)
    )
    network_name: str = "Knotenpunkt"
    request_notices_per_week: int = Field(default=3, ge=0, le=100)
    telegram_bot_username: str | None = None  # for invitation links; the adapter fills it
    # the check-in page's Slack link opens the DM with the bot; the Slack adapter fills them
    slack_team_id: str | None = None
    slack_bot_user_id: str | None = None
    privacy_notice: str | None = None  # a file; "{lang}" in the path picks the language
    privacy_notice_version: str | None = Field(
        default=None, max_length=32, pattern=r"^[A-Za-z0-9._:-]+$"
    )
    privacy_contact: str | None = None
    unreachable_retention_days: int = Field(default=180, ge=1)
    members_may_invite: bool = False
    # check-in at event dates: how often the code rotates (the current and the previous
    # code are accepted), and the window around a date in which members may check in
    checkin_rotation: timedelta = Field(default=timedelta(minutes=3))
    checkin_opens_before: timedelta = Field(default=timedelta(hours=1))
    checkin_closes_after: timedelta = Field(default=timedelta(0))
    feedback_delay: timedelta = Field(default=timedelta(hours=2))  # after a date ends

    @field_validator("feedback_delay", mode="before")
    @classmethod
    def _parse_feedback_delay(cls, value: object) -> object:
        return parse_duration(value) if isinstance(value, str) else value

    # quiet hours: members' default window in their own zone (``HH:MM-HH:MM`` or ``off``);
    # news, updates, notices and broadcasts that are not urgent wait until it ends
    quiet_hours: str = "21:00-07:00"

    @field_validator("admins", mode="before")
    @classmethod
    def _parse_admins(cls, value: object) -> object:
        items = _split_csv(value)
        if isinstance(items, list):
            for item in items:
                platform, _, user_id = str(item).partition(":")
                if platform not in PLATFORMS or not user_id:
                    raise ValueError(
                        f"expected platform:id with platform one of {', '.join(PLATFORMS)}, "
                        f"got {item!r}"
                    )
        return items

    @field_validator("regions", mode="before")
    @classmethod
    def _parse_regions(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("reminder_offsets", mode="before")
    @classmethod
    def _parse_offsets(cls, value: object) -> object:
        items = _split_csv(value)
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            return sorted((parse_duration(i) for i in items), reverse=True)
        return items

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("health_outbox_max_age", mode="before")
    @classmethod
    def _parse_max_age(cls, value: object) -> object:
        return parse_duration(value) if isinstance(value, str) else value

    @field_validator(
        "checkin_rotation", "checkin_opens_before", "checkin_closes_after", mode="before"
    )
    @classmethod
    def _parse_checkin_durations(cls, value: object) -> object:
        return parse_duration(value) if isinstance(value, str) else value

    @field_validator("checkin_rotation")
    @classmethod
    def _rotation_bounds(cls, value: timedelta) -> timedelta:
        if not timedelta(seconds=30) <= value <= timedelta(hours=1):
            raise ValueError("the check-in code rotates every 30s to 1h")
        return value

    @field_validator("german_address", mode="before")
    @classmethod
    def _address_lowercase(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("quiet_hours")
    @classmethod
    def _check_quiet_hours(cls, value: str) -> str:
        window = QuietWindow.parse(value)
        return str(window) if window else "off"

    @property
    def quiet_window(self) -> QuietWindow | None:
        """The network's default quiet hours (None: off)."""
        return QuietWindow.parse(self.quiet_hours)

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def console_only(self) -> bool:
        return not self.telegram_token and not (self.slack_bot_token and self.slack_signing_secret)

    @property
    def secrets(self) -> list[str]:
        """Values that must never appear in a log line."""
        values = [getattr(self, name) for name in SECRET_SETTINGS]
        return [v for v in values if v]


PREFIX = "KNOTENPUNKT_"
SECRET_SETTINGS = (
    "telegram_token",
    "telegram_webhook_secret",
    "slack_bot_token",
    "slack_signing_secret",
    "slack_app_token",
)


class ConfigError(Exception):
    """A setting has a bad value; the message is one line naming the setting."""


def load_settings(**overrides: object) -> Settings:
    """Load settings, turning pydantic's report into one line per bad setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = PREFIX + str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from exc


def setting_names() -> list[str]:
    """Every environment name the bot reads, e.g. ``KNOTENPUNKT_TELEGRAM_TOKEN``."""
    return sorted(PREFIX + name.upper() for name in Settings.model_fields)


def unknown_settings(environ: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """``KNOTENPUNKT_*`` names the bot does not read, each with the closest known name.

    A misspelled token (``KNOTENPUNKT_TELEGRAM_TOKN``) would otherwise be ignored silently
    and the bot would start in console mode. Names compare without case, as pydantic does.
    """
    known = [name.removeprefix(PREFIX) for name in setting_names()]
    found = []
    for name in sorted(environ):
        upper = name.upper()
        if not upper.startswith(PREFIX) or upper.removeprefix(PREFIX) in known:
            continue
        closest = difflib.get_close_matches(upper.removeprefix(PREFIX), known, n=1, cutoff=0.6)
        found.append((name, PREFIX + closest[0] if closest else None))
    return found
