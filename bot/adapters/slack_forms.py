"""A submitted Slack modal: handled before it is acknowledged, answered in the ack.

Everything else Slack sends is stored in the inbox, acknowledged, and handled afterwards.
A modal's submission cannot be: Slack takes the answer from the acknowledgement itself
(``response_action``: the errors next to the fields, or the preview as the next view), and
wants it within 3 seconds. So the core handles it at once, without writing that answer to
the outbox (it is the HTTP response, or the Socket Mode ack). What closes the modal instead
(the finish's messages, a refusal, a stale form) goes to the person's DM: written to the
outbox in the finish's own transaction (a crash right after the commit leaves it to the
worker) and sent by the fast path after the ack, so that the ack never waits for Slack's
chat.postMessage or a 429. A submission that fails before its ack is not acknowledged:
Slack shows an error in the modal, which can be sent again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from bot.adapters.base import Adapter
from bot.adapters.slack_modal import answer, read_submission
from bot.adapters.slack_outbound import ReplyTarget, SlackOutbound, write_target
from bot.models import ChatKind, Identity, Incoming, Platform

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)


class SubmittedForms:
    """bolt's ``view_submission`` listener, and the sends it leaves running."""

    def __init__(
        self, services: Services, out: SlackOutbound, sender: Adapter, command_prefix: str
    ) -> None:
        self.services = services
        self.out = out
        self.sender = sender  # the Slack adapter (the update's ``via``)
        self.command_prefix = command_prefix
        self._sending: set[asyncio.Task[Any]] = set()

    async def __call__(self, ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
        submission = read_submission(view)
        user = (body.get("user") or {}).get("id")
        if submission is None or not isinstance(user, str):
            await ack()
            return
        out = self.out
        person, channel = await asyncio.gather(out.person(user), out.dm_channel(user))
        incoming = Incoming(
            platform=Platform.SLACK,
            chat_id=channel,
            sender=Identity(
                platform=Platform.SLACK, user_id=user, display_name=person.display_name
            ),
            language_hint=person.locale,
            action=submission.action,
            action_arg=submission.step,
            form_values=submission.values,
            command_prefix=self.command_prefix,
            reply_target=write_target(ReplyTarget(channel, user, ChatKind.PRIVATE)),
        )
        replies, sending = await self.services.core.handle_in_place(
            incoming, self.sender, lambda reply: reply.form is not None
        )
        if sending is not None:
            task = asyncio.create_task(sending, name=f"slack-form-answer-{user}")
            self._sending.add(task)
            task.add_done_callback(self._sent)
        await ack(**answer(replies).ack)

    def _sent(self, task: asyncio.Task[Any]) -> None:
        self._sending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("slack: sending a form's answer failed: %s", task.exception())

    async def idle(self, within: float) -> None:
        """Wait for the answers being sent (tests, shutdown)."""
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=within)
