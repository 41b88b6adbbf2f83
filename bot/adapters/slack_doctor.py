"""``knotenpunkt doctor`` for Slack: does Slack accept the bot token, and does the app have
every scope that ``deploy/slack-manifest.yaml`` asks for?"""

from __future__ import annotations

from pathlib import Path

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import api_base_url
from bot.adapters.slack_errors import error_code
from bot.diagnosis import Check, bad, good
from bot.settings import Settings

NAME = "Slack"
MANIFEST = Path(__file__).resolve().parents[2] / "deploy" / "slack-manifest.yaml"
# The bot scopes of deploy/slack-manifest.yaml, for installations without the deploy folder
# (a test keeps the two the same).
REQUIRED_SCOPES = (
    "app_mentions:read",
    "chat:write",
    "commands",
    "files:write",
    "im:history",
    "im:read",
    "im:write",
    "users:read",
    "channels:read",
    "groups:read",
)


def manifest_scopes(text: str) -> list[str]:
    """The ``oauth_config.scopes.bot`` list of a Slack app manifest (the YAML we ship)."""
    path: list[tuple[int, str]] = []
    scopes: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        item = line.strip()
        if item.startswith("- "):
            if [key for _, key in path] == ["oauth_config", "scopes", "bot"]:
                scopes.append(item[2:].strip())
            continue
        while path and path[-1][0] >= indent:
            path.pop()
        if item.endswith(":"):
            path.append((indent, item[:-1].strip()))
    return scopes


def required_scopes(manifest: Path = MANIFEST) -> tuple[list[str], str]:
    """The scopes to compare with, and where they come from."""
    if manifest.exists():
        return manifest_scopes(manifest.read_text(encoding="utf-8")), str(manifest.name)
    return list(REQUIRED_SCOPES), "the built-in list"


def _header(headers: object, name: str) -> str | None:
    for key, value in dict(headers or {}).items():  # type: ignore[call-overload]
        if str(key).lower() == name:
            return str(value[0] if isinstance(value, list | tuple) else value)
    return None


async def check_slack(settings: Settings, manifest: Path = MANIFEST) -> list[Check]:
    client = AsyncWebClient(
        token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url), timeout=10
    )
    try:
        response = await client.auth_test()
    except SlackApiError as exc:
        return [
            bad(
                NAME,
                f"Slack refuses KNOTENPUNKT_SLACK_BOT_TOKEN ({error_code(exc)}). Copy the Bot "
                "User OAuth Token (xoxb-…) from your app's page, OAuth & Permissions, into the "
                "env file; reinstall the app to the workspace if it was removed.",
            )
        ]
    except (TimeoutError, aiohttp.ClientError, SlackClientError, OSError) as exc:
        return [
            bad(
                NAME,
                f"cannot reach the Slack API ({type(exc).__name__}: {exc}). Check the "
                "server's DNS and outgoing HTTPS (firewall).",
            )
        ]
    checks = [good(NAME, f"connected as {response.get('user')} in {response.get('team')}")]
    granted = {
        s.strip() for s in (_header(response.headers, "x-oauth-scopes") or "").split(",") if s
    }
    needed, source = required_scopes(manifest)
    missing = [scope for scope in needed if scope not in granted]
    if missing:
        checks.append(
            bad(
                "Slack scopes",
                f"the app lacks {', '.join(missing)} (compared with {source}). Add them on "
                "the app's page under OAuth & Permissions → Scopes (or paste the manifest "
                "again under App Manifest), then reinstall the app to the workspace.",
            )
        )
    else:
        checks.append(good("Slack scopes", f"all {len(needed)} from {source} granted"))
    if settings.slack_app_token:
        checks.append(await _check_socket_mode(settings))
    return checks


async def _check_socket_mode(settings: Settings) -> Check:
    client = AsyncWebClient(base_url=api_base_url(settings.slack_api_url), timeout=10)
    try:
        await client.apps_connections_open(app_token=settings.slack_app_token or "")
    except SlackApiError as exc:
        return bad(
            "Slack Socket Mode",
            f"Slack refuses KNOTENPUNKT_SLACK_APP_TOKEN ({error_code(exc)}). Create an "
            "app-level token with connections:write (Basic Information → App-Level Tokens) "
            "and enable Socket Mode for the app.",
        )
    except (TimeoutError, aiohttp.ClientError, SlackClientError, OSError) as exc:
        return bad("Slack Socket Mode", f"cannot reach the Slack API ({exc})")
    return good("Slack Socket Mode", "the app-level token opens a connection")
