"""Telegram through python-telegram-bot: polling or webhook in, HTML messages out.

Every update is first committed to the inbox (:mod:`bot.inbox`), by the poller in
:mod:`bot.adapters.telegram_receive` before the offset moves past it, or by the webhook
route before its 200; the inbox runner then hands it to :meth:`TelegramAdapter._on_row`,
chats concurrently and each chat in order. Replies to the sender are sent at once; notifications come from the
delivery worker through :meth:`TelegramAdapter.send`, which names failures in the terms of
:mod:`bot.delivery.errors`. Rate limits are the worker's business, so PTB's limiter is not used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
from typing import TYPE_CHECKING, Any

from aiohttp import web
from telegram import (
    Update,
    User,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.adapters.parts import OnPart
from bot.adapters.telegram_errors import translate
from bot.adapters.telegram_http import AiohttpRequest
from bot.adapters.telegram_incoming import Reading, edited_message, read_update
from bot.adapters.telegram_menu import admin_chat_ids, publish_menus
from bot.adapters.telegram_receive import Poller, chat_key
from bot.adapters.telegram_render import escape, keyboard_json, render_parts
from bot.adapters.telegram_send import post, send_parts
from bot.delivery.errors import PermanentFailure
from bot.i18n import normalize_language, t
from bot.inbox import InboxRunner
from bot.models import ChatKind, Outgoing, Platform
from bot.settings import ConfigError
from storage import StoreUnavailable
from storage.updates import InboxRow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
DEFAULT_API_URL = "https://api.telegram.org"


def api_urls(api_url: str) -> tuple[str, str]:
    """PTB's ``base_url``/``base_file_url`` (the token is appended) from the Bot API root.

    Accepts ``https://host`` as well as ``https://host/bot`` for the setting.
    """
    root = api_url.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def derived_secret(token: str) -> str:
    """The webhook secret when the operator sets none: HMAC-SHA256 of a label, keyed by the
    bot token, base64url. Stable across restarts, unknown to anyone without the token."""
    digest = hmac.new(token.encode(), b"knotenpunkt telegram webhook", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def webhook_url(services: Services) -> str:
    settings = services.settings
    if settings.telegram_webhook_url:
        return settings.telegram_webhook_url
    if settings.public_url:
        return settings.public_url.rstrip("/") + WEBHOOK_PATH
    raise ConfigError(
        "KNOTENPUNKT_TELEGRAM_WEBHOOK_URL: webhook mode needs it (or KNOTENPUNKT_PUBLIC_URL)"
    )


class TelegramAdapter:
    platform = Platform.TELEGRAM

    def __init__(
        self, services: Services, *, poll_interval: float = 0.0, poll_timeout: int = 30
    ) -> None:
        settings = services.settings
        if not settings.telegram_token:
            raise ConfigError("KNOTENPUNKT_TELEGRAM_TOKEN: not set")
        self.services = services
        self.webhook = settings.telegram_mode == "webhook"
        self.secret = settings.telegram_webhook_secret
        if self.webhook and self.secret is None:  # never a webhook anyone may post to
            self.secret = derived_secret(settings.telegram_token)
        if self.secret is not None and not _SECRET.match(self.secret):
            raise ConfigError(
                "KNOTENPUNKT_TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -"
            )
        self.poll_interval = poll_interval
        self.poll_timeout = poll_timeout
        base_url, base_file_url = api_urls(settings.telegram_api_url or DEFAULT_API_URL)
        builder = ApplicationBuilder().token(settings.telegram_token).job_queue(None)
        builder = builder.base_url(base_url).base_file_url(base_file_url).updater(None)
        builder = builder.request(AiohttpRequest())  # cheaper per send than httpx
        self.application: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.bot = self.application.bot
        self.inbox = InboxRunner(services.store, self.platform.value, self._on_row)
        self.poller = Poller(
            base_url,
            settings.telegram_token,
            self._accept_batch,
            timeout=poll_timeout,
            interval=poll_interval,
            allowed_updates=ALLOWED_UPDATES,
        )
        self._receiving = False
        self.webhook_url: str | None = None
        if self.webhook:
            self.webhook_url = webhook_url(services)
            if services.http is None:
                raise ConfigError("KNOTENPUNKT_TELEGRAM_MODE=webhook needs the HTTP server")
            services.http.add_route("POST", WEBHOOK_PATH, self._webhook)
        self.updates_processed = 0  # every update handled, for health and tests
        self.metrics = services.metrics
        self.webhook_registered = False

    # lifecycle -----------------------------------------------------------------------

    async def start(self) -> None:
        await self.application.initialize()  # getMe: also checks the token
        if not self.services.settings.telegram_bot_username:  # for invitation links
            self.services.settings.telegram_bot_username = self.bot.username
        log.info(
            "telegram: bot @%s, %s mode",
            self.bot.username,
            "webhook" if self.webhook else "polling",
        )
        await self._publish_menus()
        await self.inbox.resume()  # what a crash left stored but unhandled goes first
        self._receiving = True
        if self.webhook:
            await self.bot.set_webhook(
                url=self.webhook_url or "",
                secret_token=self.secret,
                allowed_updates=ALLOWED_UPDATES,
            )
            self.webhook_registered = True
        else:
            await self.bot.delete_webhook()
            self.poller.start()

    async def health(self) -> dict[str, object]:
        """Webhook: registered and taking updates. Polling: the getUpdates loop still runs
        (it ends for good when Telegram refuses the token)."""
        if self.webhook:
            return {
                "ok": self._receiving and self.webhook_registered,
                "mode": "webhook",
                "webhook_registered": self.webhook_registered,
                "updates_processed": self.updates_processed,
            }
        polling = self._receiving and self.poller.alive
        return {
            "ok": polling,
            "mode": "polling",
            "polling": "alive" if polling else "stopped",
            "updates_processed": self.updates_processed,
        }

    async def stop_receiving(self) -> None:
        """Stop fetching, let stored updates finish a moment (the rest wait for the next
        start); sending still works."""
        self._receiving = False
        await self.poller.stop()
        await self.inbox.stop()

    async def stop(self) -> None:
        """Stop receiving (if not done yet), then close connections."""
        await self.stop_receiving()
        await self.application.shutdown()

    async def _publish_menus(self) -> None:
        services = self.services
        granted = await services.store.members.admin_identity_keys()
        admins = admin_chat_ids(services.settings.admins, granted)
        await publish_menus(self.bot, services.router.listed_commands(), admins)

    # receiving -----------------------------------------------------------------------

    async def _webhook(self, request: web.Request) -> web.Response:
        """Check the secret, queue the update, answer at once (processing happens after)."""
        if self.secret is not None:  # always set in webhook mode
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.secret.encode()):
                log.warning("telegram: webhook request with a wrong secret from %s", request.remote)
                return web.Response(status=403, text="forbidden")
        if not self._receiving:  # starting or stopping: Telegram will send it again
            return web.Response(status=503, text="not ready")
        try:
            data = await request.json()
        except (ValueError, RecursionError):  # e.g. 5,000 "[": not a traceback, one line
            log.warning("telegram: webhook body from %s is not JSON; refused", request.remote)
            return web.Response(status=400, text="not JSON")
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            log.warning("telegram: webhook body from %s is not an update; refused", request.remote)
            return web.Response(status=400, text="not an update")
        # stored before the 200: a crash after it loses nothing (a re-sent one is skipped)
        try:
            await self._accept(str(data["update_id"]), chat_key(data), json.dumps(data))
        except StoreUnavailable as exc:  # Telegram keeps it and sends it again later
            log.warning("telegram: update %s refused for now: %s", data["update_id"], exc)
            return web.Response(status=503, text="store unavailable")
        return web.Response(status=200)

    async def _accept(self, update_id: str, key: str, payload: str) -> bool:
        """Commit an update to the inbox; one Telegram sends again is skipped here. A full
        or busy store raises: the update stays with Telegram (webhook refused, offset kept),
        and its sender hears once why the answer waits."""
        try:
            added = await self.inbox.accept(update_id, key, payload)
        except StoreUnavailable:
            await self._apologise_for_payload(payload)
            raise
        if not added:
            log.info("telegram: update %s received twice; skipped", update_id)
            self.updates_processed += 1
        return added

    async def _accept_batch(self, entries: list[tuple[str, str, str]]) -> None:
        """Commit a fetched batch to the inbox in one trip (as :meth:`_accept` one update):
        a full or busy store raises, the batch stays with Telegram (the offset is kept) and
        each sender hears once why the answer waits."""
        rows = [InboxRow(self.platform.value, *entry) for entry in entries]
        try:
            fresh = await self.inbox.accept_many(rows)
        except StoreUnavailable:
            for row in rows:
                await self._apologise_for_payload(row.payload)
            raise
        skipped = len(rows) - len(fresh)
        if skipped:
            log.info("telegram: %d update(s) received twice; skipped", skipped)
            self.updates_processed += skipped

    async def _on_row(self, row: InboxRow) -> bool:
        """One stored update, read completely first; one that cannot be read is skipped
        with one short line (no message text in the log). True when the core marked it
        done in the inbox (the runner then does not)."""
        try:
            update = Update.de_json(json.loads(row.payload), self.bot)
            reading = read_update(update, self.bot.username)
        except Exception as exc:
            log.warning(
                "telegram: update %s cannot be read (%s); skipped",
                row.update_id,
                type(exc).__name__,
            )
            self.updates_processed += 1
            return False
        return await self._on_update(update, reading)

    async def _on_update(self, update: Update, reading: Reading) -> bool:
        marked = False
        try:
            marked = await self._process(update, reading)
        except StoreUnavailable:  # nothing was kept: the inbox runner tries it again later
            await self._apologise_once_for_store(update)
            raise
        except Exception:
            log.exception("telegram: processing update %s failed", update.update_id)
            await self._apologise(update)
        self.updates_processed += 1
        return marked

    async def _process(self, update: Update, reading: Reading) -> bool:
        """Hand the update to the core; True when the core marked it done (it does with an
        update id, see :meth:`Core.handle`)."""
        core = self.services.core
        if reading.left_chat is not None:
            await core.removed_from_chat("telegram", reading.left_chat)
        if reading.blocked_by is not None:
            await core.person_reachable("telegram", reading.blocked_by, reachable=False)
        if reading.unblocked_by is not None:
            await core.person_reachable("telegram", reading.unblocked_by, reachable=True)
        if reading.migrated is not None:
            await core.chat_migrated("telegram", *reading.migrated)
        if reading.query is not None:
            try:  # first, so that the button's spinner stops whatever happens next
                await reading.query.answer()
            except TelegramError as exc:
                log.warning(
                    "telegram: answering callback of update %s failed: %s", update.update_id, exc
                )
        incoming = reading.incoming
        if incoming is None:
            return False
        await core.handle(incoming, via=self)  # answered through the outbox's fast path
        return incoming.update_id is not None

    async def _apologise(self, update: Update, key: str = "error.internal") -> None:
        chat, user = update.effective_chat, update.effective_user
        if chat is None:
            return
        try:
            lang = await self._language_of(user)
            await self.bot.send_message(chat.id, escape(t(lang, key)), parse_mode=ParseMode.HTML)
        except Exception as exc:
            log.warning("telegram: could not apologise in chat %s: %s", chat.id, exc)

    async def _apologise_for_payload(self, payload: str) -> None:
        """The apology for an update the store could not even take (read from its JSON)."""
        try:
            update = Update.de_json(json.loads(payload), self.bot)
        except Exception as exc:
            log.warning("telegram: update cannot be read to apologise (%s)", type(exc).__name__)
            return
        await self._apologise_once_for_store(update)

    async def _apologise_once_for_store(self, update: Update) -> None:
        """Tell the person who wrote or tapped that the answer waits, once per update (not
        a chat the bot was added to or removed from)."""
        from_a_person = update.message is not None or update.callback_query is not None
        if from_a_person and self.inbox.first_apology(str(update.update_id)):
            await self._apologise(update, "error.store_unavailable")

    async def _language_of(self, user: User | None) -> str:
        """The member's language; their Telegram language when the store cannot say."""
        fallback = self.services.settings.language
        if user is None:
            return fallback
        try:
            member = await self.services.store.members.find_by_identity("telegram", str(user.id))
        except StoreUnavailable:
            member = None
        return member.language if member else normalize_language(user.language_code, fallback)

    # sending -------------------------------------------------------------------------

    async def _edit(self, chat_id: str, message_id: int, message: Outgoing) -> bool:
        """Edit the message whose button was pressed; False means "send a new one instead"."""
        parts = render_parts(message)
        if len(parts) != 1 or message.document is not None:
            return False
        try:
            await post(self.bot, "editMessageText", {
                "chat_id": chat_id, "message_id": message_id, "text": parts[0],
                "parse_mode": ParseMode.HTML, "reply_markup": keyboard_json(message.buttons),
            })  # fmt: skip
        except BadRequest as exc:
            if "message is not modified" in exc.message.lower():
                return True  # pressed twice: the message already shows this
            log.info("telegram: edit failed (%s); sending instead", exc.message)
            return False
        except RetryAfter:
            raise  # the chat must wait: so must the answer, edited or not
        except TelegramError as exc:
            log.info("telegram: edit failed (%s); sending instead", exc)
            return False
        return True

    async def _send_parts(
        self,
        chat_id: str,
        message: Outgoing,
        direct: bool = False,
        start_part: int = 0,
        on_part: OnPart | None = None,
    ) -> None:
        """Send the message part by part; each part takes its place in the rate limits (a
        direct reply its first one too: notifications from the outbox took theirs when
        claimed)."""
        limiter = self.services.worker.limiter
        await send_parts(
            self.bot, chat_id, message, limiter, direct=direct, start_part=start_part,
            on_part=on_part,
        )  # fmt: skip

    async def send(
        self,
        chat_id: str,
        chat_kind: ChatKind,
        message: Outgoing,
        *,
        reply_target: str | None = None,
        direct: bool = False,
        start_part: int = 0,
        on_part: OnPart | None = None,
    ) -> None:
        """Deliver a message from the outbox (an answer or a notification) part by part
        from ``start_part`` on; failures raised as bot.delivery.errors errors. An answer to
        a button press edits that message where it can."""
        done = start_part

        async def progress(parts: int) -> None:
            nonlocal done
            done = parts
            if on_part is not None:
                await on_part(parts)

        try:
            edit = edited_message(reply_target) if message.replace and not start_part else None
            if edit is not None and await self._edit(chat_id, edit, message):
                return
            await self._send_parts(chat_id, message, direct, start_part, progress)
        except ChatMigrated as exc:  # the group became a supergroup: follow it and retry once
            new_chat_id = str(exc.new_chat_id)
            await self.services.core.chat_migrated("telegram", chat_id, new_chat_id)
            try:  # the new chat holds no claimed place: its parts take theirs as replies do
                await self._send_parts(new_chat_id, message, True, done, progress)
            except TelegramError as again:
                raise translate(again) from again
        except TelegramError as exc:
            raise translate(exc) from exc
        except ValueError as exc:  # e.g. button data over 64 bytes: sending again won't help
            raise PermanentFailure(f"cannot render for Telegram: {exc}") from exc
