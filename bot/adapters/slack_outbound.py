"""Everything the Slack adapter sends: messages, edits, ephemeral notes, files, lookups.

Kept apart from the event handling so that both the replies to a sender and the outbox's
``send`` go through the same rendering and the same calls.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters.slack_blocks import Block, Payload, render
from bot.adapters.slack_errors import is_unreachable
from bot.i18n import t
from bot.models import ChatKind, Outgoing

log = logging.getLogger(__name__)

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


class SlackOutbound:
    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._people: dict[str, Person] = {}
        self._dm_channels: dict[str, str] = {}
        self._channel_names: dict[str, str] = {}

    # answers to the sender ---------------------------------------------------------------

    async def deliver(self, replies: list[Outgoing], target: ReplyTarget, lang: str) -> None:
        for message in replies:
            if target.home and message.replace:
                continue  # the re-published Home tab is the updated view
            if target.ephemeral:
                await self.ephemeral(target.channel, target.user, message)
            elif message.replace and target.message_ts:
                await self.update(target.channel, target.message_ts, message)
            else:
                await self._post_reply(target, message, lang)

    async def _post_reply(self, target: ReplyTarget, message: Outgoing, lang: str) -> None:
        try:
            await self.post(target.channel, message)
        except SlackApiError as exc:
            if not (target.response_url and is_unreachable(exc)):
                raise
            # a slash command in a channel the bot is not in: answer privately, say why
            await self.respond(target.response_url, message, t(lang, "slack.invite_bot"))

    async def apologise(self, target: ReplyTarget, lang: str) -> None:
        """A short apology in the person's language; never a stack trace."""
        apology = Outgoing(text=t(lang, "error.internal"))
        channel = target.channel or await self.dm_channel(target.user)
        if target.ephemeral:
            await self.ephemeral(channel, target.user, apology)
        else:
            await self.post(channel, apology)

    # messages ---------------------------------------------------------------------------

    async def post(self, channel: str, message: Outgoing) -> str | None:
        """Post a message (and its file); returns the first message's ts."""
        first_ts = None
        for payload in render(message):
            response = await self.client.chat_postMessage(
                channel=channel, unfurl_links=False, unfurl_media=False, **payload
            )
            first_ts = first_ts or response.get("ts")
        await self._upload(channel, message)
        return first_ts

    async def update(self, channel: str, ts: str, message: Outgoing) -> None:
        """Edit the message whose button was pressed; post anew where Slack will not edit."""
        first, *rest = render(message)
        try:
            await self.client.chat_update(channel=channel, ts=ts, **_with_blocks(first))
        except SlackApiError as exc:
            if exc.response.get("error") not in _NOT_EDITABLE:
                raise
            log.info("slack: cannot edit %s in %s (%s); posting", ts, channel, exc.response)
            await self.post(channel, message)
            return
        for payload in rest:
            await self.client.chat_postMessage(channel=channel, **payload)
        await self._upload(channel, message)

    async def ephemeral(self, channel: str, user: str, message: Outgoing) -> None:
        """Only ``user`` sees it: answers to clicks in shared channels."""
        for payload in render(message):
            await self.client.chat_postEphemeral(channel=channel, user=user, **payload)

    async def respond(self, response_url: str, message: Outgoing, note: str | None) -> None:
        """Answer a slash command through its response_url (works without channel access)."""
        webhook = AsyncWebhookClient(response_url, timeout=10)
        for payload in render(message):
            blocks: list[Block] = list(payload.get("blocks", []))
            text = payload["text"]
            if note:
                blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
                text = f"{text}\n{note}"
                note = None
            await webhook.send(text=text, blocks=blocks or None, response_type="ephemeral")

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

    async def publish_home(self, user: str, view: dict[str, object]) -> None:
        await self.client.views_publish(user_id=user, view=view)

    # lookups (cached for the life of the process) ---------------------------------------

    async def person(self, user: str) -> Person:
        """users.info with locale; a failed lookup is not fatal and not cached."""
        if user in self._people:
            return self._people[user]
        try:
            response = await self.client.users_info(user=user, include_locale=True)
        except Exception as exc:
            log.warning("slack: users.info for %s failed: %s", user, exc)
            return Person(None, None)
        data = response.get("user") or {}
        profile = data.get("profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or data.get("real_name")
        found = Person(data.get("locale"), name or data.get("name"))
        self._people[user] = found
        return found

    async def dm_channel(self, user: str) -> str:
        """The bot's DM channel with ``user`` (D…): the chat id identities are stored with."""
        if user not in self._dm_channels:
            response = await self.client.conversations_open(users=user)
            self._dm_channels[user] = response["channel"]["id"]
        return self._dm_channels[user]

    async def channel_name(self, channel: str) -> str | None:
        if channel not in self._channel_names:
            try:
                response = await self.client.conversations_info(channel=channel)
            except Exception as exc:
                log.info("slack: conversations.info for %s failed: %s", channel, exc)
                return None
            self._channel_names[channel] = response["channel"].get("name") or channel
        return self._channel_names[channel]


def _with_blocks(payload: Payload) -> Payload:
    """chat.update keeps old blocks unless told otherwise: always send the list."""
    return {"blocks": [], **payload}
