"""``knotenpunkt doctor`` for Telegram: does the Bot API accept the token, and is the
webhook (or its absence) what the settings say?"""

from __future__ import annotations

import time
from dataclasses import dataclass

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.adapters.telegram import WEBHOOK_PATH, api_urls
from bot.diagnosis import Check, bad, good
from bot.settings import Settings

NAME = "Telegram"


def expected_webhook_url(settings: Settings) -> str | None:
    if settings.telegram_webhook_url:
        return settings.telegram_webhook_url
    if settings.public_url:
        return settings.public_url.rstrip("/") + WEBHOOK_PATH
    return None


@dataclass(frozen=True)
class TelegramReport:
    checks: list[Check]
    username: str | None  # the bot's @name when Telegram accepted the token


async def check_telegram(settings: Settings) -> list[Check]:
    return (await inspect_telegram(settings)).checks


async def inspect_telegram(settings: Settings) -> TelegramReport:
    """getMe and getWebhookInfo with the configured token (and API address)."""
    assert settings.telegram_token
    kwargs = {}
    if settings.telegram_api_url:
        base_url, base_file_url = api_urls(settings.telegram_api_url)
        kwargs = {"base_url": base_url, "base_file_url": base_file_url}
    bot = Bot(settings.telegram_token, **kwargs)  # type: ignore[arg-type]
    try:
        try:
            await bot.initialize()  # getMe
        except InvalidToken:
            return TelegramReport(
                [
                    bad(
                        NAME,
                        "Telegram does not accept KNOTENPUNKT_TELEGRAM_TOKEN (Unauthorized). "
                        "Copy the token again from @BotFather (/mybots → your bot → API Token) "
                        "into the env file and restart the bot.",
                    )
                ],
                None,
            )
        except (NetworkError, TelegramError) as exc:
            return TelegramReport(
                [
                    bad(
                        NAME,
                        f"cannot reach the Bot API ({exc.message}). Check the server's DNS and "
                        "outgoing HTTPS (firewall), and KNOTENPUNKT_TELEGRAM_API_URL if set.",
                    )
                ],
                None,
            )
        checks = [good(NAME, f"the token belongs to @{bot.username}")]
        info = await bot.get_webhook_info()
        checks.append(_webhook_check(settings, info.url, info.last_error_message, info))
        return TelegramReport(checks, bot.username)
    finally:
        await bot.shutdown()


def _webhook_check(settings: Settings, url: str, last_error: str | None, info: object) -> Check:
    name = "Telegram webhook"
    if settings.telegram_mode == "polling":
        if url:
            return bad(
                name,
                f"a webhook is registered ({url}) although KNOTENPUNKT_TELEGRAM_MODE is "
                "polling: is another installation using this token? The bot removes the "
                "webhook when it starts; stop the other one first.",
            )
        return good(name, "none registered, as it should be in polling mode")
    expected = expected_webhook_url(settings)
    if not url:
        return bad(
            name,
            "no webhook is registered with Telegram. The bot registers it when it starts: "
            "start it (systemctl start knotenpunkt) and run doctor again.",
        )
    if expected and url != expected:
        return bad(
            name,
            f"Telegram posts updates to {url}, but the settings say {expected}: "
            "restart the bot to register the right address.",
        )
    if last_error:
        date = getattr(info, "last_error_date", None)
        ago = ""
        if date is not None:
            minutes = max(0, int((time.time() - date.timestamp()) // 60))
            ago = f" {minutes} min ago"
        return bad(
            name,
            f"Telegram's last delivery to {url} failed{ago}: {last_error}. Check that the "
            "reverse proxy passes /telegram/webhook to the bot, that its TLS certificate "
            "is valid, and that the bot runs.",
        )
    pending = getattr(info, "pending_update_count", 0)
    return good(name, f"registered at {url}, {pending} update(s) waiting")
