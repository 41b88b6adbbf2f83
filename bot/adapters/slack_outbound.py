"""Everything the Slack adapter sends: messages, edits, ephemeral notes, files, lookups.

Kept apart from the event handling so that both the replies to a sender and the outbox's
``send`` go through the same rendering and the same calls.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters.parts import WHOLE, PartPlan, Step
from bot.adapters.slack_blocks import Block, Payload, render
from bot.adapters.slack_errors import is_unreachable
from bot.i18n import t
from bot.models import ChatKind, Outgoing

log = logging.getLogger(__name__)

V = TypeVar("V")
CACHE_SIZE = 2048  # people / channels remembered; the least recently used go first
PERSON_TTL = 3600.0  # a changed Slack language or name is picked up within the hour

# chat.update refuses these; a new message is the next best answer.
_NOT_EDITABLE = frozenset(
    {"message_not_found", "cant_update_message", "edit_window_closed", "msg_too_long"}
)


@dataclass
class Person:
    """What users.info tells us about someone: language hint and a name to show."""

    locale: str | None
    display_name: str | None


@dataclass
class ReplyTarget:
    """Where the answers to one request go."""

    channel: str
    user: str
    kind: ChatKind
    message_ts: str | None = None  # the message whose button was pressed
    ephemeral: bool = False  # clicks in shared channels: only the presser sees answers
    home: bool = False  # the click came from the App Home tab
    response_url: str | None = None  # slash commands: used when we may not post
    trigger_id: str | None = None  # slash commands and clicks: opens a modal (3 s valid)


def write_target(target: ReplyTarget) -> str:
    """A reply target as stored with the answers in the outbox."""
    return json.dumps(dataclasses.asdict(target))


def read_target(text: str) -> ReplyTarget:
    """The reply target an answer was stored with."""
    fields = json.loads(text)
    fields["kind"] = ChatKind(fields["kind"])
    return ReplyTarget(**fields)


class BoundedCache(Generic[V]):
    """A small LRU map whose entries also expire: lookups must not grow without end."""

    def __init__(self, size: int = CACHE_SIZE, ttl: float | None = None) -> None:
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> V | None:
        found = self._items.get(key)
        if found is None:
            return None
        stored_at, value = found
        if self.ttl is not None and time.monotonic() - stored_at > self.ttl:
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return value

    def put(self, key: str, value: V) -> None:
        self._items[key] = (time.monotonic(), value)
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)


class SlackOutbound:
    def __init__(self, client: AsyncWebClient, cache_size: int = CACHE_SIZE) -> None:
        self.client = client
        self._people: BoundedCache[Person] = BoundedCache(cache_size, PERSON_TTL)
        self._dm_channels: BoundedCache[str] = BoundedCache(cache_size)
        self._channel_names: BoundedCache[str] = BoundedCache(cache_size, PERSON_TTL)

    # answers to the sender ---------------------------------------------------------------

    async def deliver(
        self, message: Outgoing, target: ReplyTarget, lang: str, plan: PartPlan = WHOLE
    ) -> None:
        """An answer, where its request asked for it, part by part (see ``plan``)."""
        if target.home and message.replace:
            return  # the re-published Home tab is the updated view
        if target.ephemeral and not message.for_everyone:
            if target.response_url:  # a slash command: only the person who typed it
                steps = self._respond_steps(target.response_url, message, None)
            else:
                steps = self._ephemeral_steps(target.channel, target.user, message)
            if message.document is not None:  # files cannot be ephemeral: send it privately

                async def upload_privately() -> None:
                    await self._upload(await self.dm_channel(target.user), message)

                steps.append(upload_privately)
            await plan.run(steps)
        elif message.replace and target.message_ts:
            await self.update(target.channel, target.message_ts, message, plan)
        else:
            await self._post_reply(target, message, lang, plan)

    async def _post_reply(
        self, target: ReplyTarget, message: Outgoing, lang: str, plan: PartPlan
    ) -> None:
        try:
            await self.post(target.channel, message, plan)
        except SlackApiError as exc:
            if not (target.response_url and is_unreachable(exc)) or plan.start_part:
                raise
            # a slash command in a channel the bot is not in: answer privately, say why
            note = t(lang, "slack.invite_bot")
            await plan.run(self._respond_steps(target.response_url, message, note))

    async def apologise(self, target: ReplyTarget, lang: str, key: str = "error.internal") -> None:
        """A short apology in the person's language; never a stack trace."""
        apology = Outgoing(text=t(lang, key))
        channel = target.channel or await self.dm_channel(target.user)
        if target.ephemeral:
            await self.ephemeral(channel, target.user, apology)
        else:
            await self.post(channel, apology)

    # messages ---------------------------------------------------------------------------

    async def post(self, channel: str, message: Outgoing, plan: PartPlan = WHOLE) -> str | None:
        """Post a message (and its file) part by part; returns the first message's ts
        (None when the first part went out in an earlier try)."""
        first_ts: str | None = None
        steps: list[Step] = []
        for payload in render(message):

            async def post_one(payload: Payload = payload) -> None:
                nonlocal first_ts
                response = await self.client.chat_postMessage(
                    channel=channel, unfurl_links=False, unfurl_media=False, **payload
                )
                first_ts = first_ts or response.get("ts")

            steps.append(post_one)
        steps += self._upload_steps(channel, message)
        await plan.run(steps)
        return first_ts

    async def update(
        self, channel: str, ts: str, message: Outgoing, plan: PartPlan = WHOLE
    ) -> None:
        """Edit the message whose button was pressed; post anew where Slack will not edit."""
        first, *rest = render(message)
        if not plan.start_part:
            try:
                await self.client.chat_update(channel=channel, ts=ts, **_with_blocks(first))
            except SlackApiError as exc:
                if exc.response.get("error") not in _NOT_EDITABLE:
                    raise
                log.info("slack: cannot edit %s in %s (%s); posting", ts, channel, exc.response)
                await self.post(channel, message, plan)
                return
        steps: list[Step] = []
        for payload in rest:

            async def post_one(payload: Payload = payload) -> None:
                await self.client.chat_postMessage(channel=channel, **payload)

            steps.append(post_one)
        steps += self._upload_steps(channel, message)
        await plan.run(steps, first_index=1)

    async def ephemeral(self, channel: str, user: str, message: Outgoing) -> None:
        """Only ``user`` sees it: answers to clicks in shared channels."""
        await WHOLE.run(self._ephemeral_steps(channel, user, message))

    def _ephemeral_steps(self, channel: str, user: str, message: Outgoing) -> list[Step]:
        steps: list[Step] = []
        for payload in render(message):

            async def post_one(payload: Payload = payload) -> None:
                await self.client.chat_postEphemeral(channel=channel, user=user, **payload)

            steps.append(post_one)
        return steps

    async def respond(self, response_url: str, message: Outgoing, note: str | None) -> None:
        """Answer a slash command through its response_url (works without channel access)."""
        await WHOLE.run(self._respond_steps(response_url, message, note))

    def _respond_steps(self, response_url: str, message: Outgoing, note: str | None) -> list[Step]:
        webhook = AsyncWebhookClient(response_url, timeout=10)
        steps: list[Step] = []
        for payload in render(message):
            blocks: list[Block] = list(payload.get("blocks", []))
            text = payload["text"]
            if note:
                blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
                text = f"{text}\n{note}"
                note = None

            async def send_one(text: str = text, blocks: list[Block] = blocks) -> None:
                await webhook.send(text=text, blocks=blocks or None, response_type="ephemeral")

            steps.append(send_one)
        return steps

    def _upload_steps(self, channel: str, message: Outgoing) -> list[Step]:
        if message.document is None:
            return []

        async def upload() -> None:
            await self._upload(channel, message)

        return [upload]

    async def _upload(self, channel: str, message: Outgoing) -> None:
        document = message.document
        if document is None:
            return
        await self.client.files_upload_v2(
            channel=channel,
            file=document.content,
            filename=document.filename,
            title=document.filename,
        )

    async def open_modal(self, trigger_id: str, view: dict[str, object]) -> bool:
        """views.open with a request's trigger; False when Slack refuses it (a trigger
        lives 3 seconds: an answer sent late, e.g. after a restart, cannot open one)."""
        try:
            await self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as exc:
            error = exc.response.get("error")
            log.info("slack: views.open refused (%s); sending the form's message", error)
            return False
        return True

    async def publish_home(self, user: str, view: dict[str, object]) -> None:
        await self.client.views_publish(user_id=user, view=view)

    # lookups (cached, bounded) -----------------------------------------------------------

    async def person(self, user: str) -> Person:
        """users.info with locale; a failed lookup is not fatal and not cached."""
        cached = self._people.get(user)
        if cached is not None:
            return cached
        try:
            response = await self.client.users_info(user=user, include_locale=True)
        except Exception as exc:
            log.warning("slack: users.info for %s failed: %s", user, exc)
            return Person(None, None)
        data = response.get("user") or {}
        profile = data.get("profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or data.get("real_name")
        found = Person(data.get("locale"), name or data.get("name"))
        self._people.put(user, found)
        return found

    async def dm_channel(self, user: str) -> str:
        """The bot's DM channel with ``user`` (D…): the chat id identities are stored with."""
        channel = self._dm_channels.get(user)
        if channel is None:
            response = await self.client.conversations_open(users=user)
            channel = str(response["channel"]["id"])
            self._dm_channels.put(user, channel)
        return channel

    async def channel_name(self, channel: str) -> str | None:
        name = self._channel_names.get(channel)
        if name is None:
            try:
                response = await self.client.conversations_info(channel=channel)
            except Exception as exc:
                log.info("slack: conversations.info for %s failed: %s", channel, exc)
                return None
            name = str(response["channel"].get("name") or channel)
            self._channel_names.put(channel, name)
        return name


def _with_blocks(payload: Payload) -> Payload:
    """chat.update keeps old blocks unless told otherwise: always send the list."""
    return {"blocks": [], **payload}
