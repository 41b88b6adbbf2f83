"""The command menu (setMyCommands): German names for German users, admin commands for admins.

Telegram picks the most specific list for a chat: the admin's own chat scope first, then the
default scope in the user's language, then the default scope without a language (English).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScope, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.arguments import number
from bot.i18n import t
from bot.router import Access, Command

log = logging.getLogger(__name__)

_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
DESCRIPTION_LIMIT = 256
# (language_code for Telegram, catalog language); None is the fallback for everyone else.
LANGUAGES: tuple[tuple[str | None, str], ...] = ((None, "en"), ("en", "en"), ("de", "de"))


def command_name(command: Command, lang: str) -> str | None:
    """The German alias for German users where there is one; None if Telegram can't take it."""
    candidates = [command.aliases[0], command.name] if lang == "de" and command.aliases else []
    candidates.append(command.name)
    for name in candidates:
        if _NAME.match(name):
            return name
    return None


def menu_commands(commands: Iterable[Command], lang: str, admin: bool) -> list[BotCommand]:
    """The menu for one language; admin commands only when ``admin``."""
    menu: list[BotCommand] = []
    seen: set[str] = set()
    for command in commands:
        if command.help_key is None or (command.access == Access.ADMIN and not admin):
            continue
        name = command_name(command, lang)
        if name is None or name in seen:
            continue
        try:
            description = t(lang, command.help_key)[:DESCRIPTION_LIMIT] or name
        except KeyError:  # a capability without its texts must not stop the bot
            log.warning("telegram: no text %r for the menu entry /%s", command.help_key, name)
            continue
        seen.add(name)
        menu.append(BotCommand(name, description))
    return menu


def admin_chat_ids(bootstrap_admins: Iterable[str], granted: Iterable[str]) -> list[int]:
    """Telegram user ids among ``platform:id`` admin keys (a private chat id is the user id)."""
    ids: set[int] = set()
    for key in [*bootstrap_admins, *granted]:
        platform, _, user_id = key.partition(":")
        chat_id = number(user_id)
        if platform == "telegram" and chat_id is not None:
            ids.add(chat_id)
    return sorted(ids)


async def _set(
    bot: Bot, commands: list[BotCommand], scope: BotCommandScope, code: str | None
) -> bool:
    try:
        await bot.set_my_commands(commands, scope=scope, language_code=code)
    except TelegramError as exc:
        log.warning("telegram: setMyCommands for %s (%s) failed: %s", scope.type, code, exc)
        return False
    return True


async def publish_menus(bot: Bot, commands: list[Command], admin_ids: Iterable[int]) -> None:
    """Set the default menus, then the admins' own menus; failures are logged, not fatal."""
    for code, lang in LANGUAGES:
        await _set(bot, menu_commands(commands, lang, admin=False), BotCommandScopeDefault(), code)
    for chat_id in admin_ids:
        for code, lang in LANGUAGES:
            scope = BotCommandScopeChat(chat_id)
            if not await _set(bot, menu_commands(commands, lang, admin=True), scope, code):
                break  # e.g. the admin never started the bot: "chat not found"
