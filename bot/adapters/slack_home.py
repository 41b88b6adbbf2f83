"""The App Home tab: profile summary, topic toggles, quiet hours and the next events.

Built from the store's repositories each time the tab is opened or a toggle in it is
pressed, so it always shows what the database says.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.slack_blocks import (
    Block,
    action_blocks,
    bold,
    button_element,
    mrkdwn,
    section,
)
from bot.contact import not_active_text
from bot.i18n import t, tn
from bot.models import Button
from bot.settings import Settings
from handlers.events import render as event_render
from handlers.members.render import profile_body
from handlers.overview import render as overview_render
from handlers.polls import render as poll_render
from handlers.quiet import render as quiet_render
from storage import Store
from storage.members import Member

MAX_HOME_TOPICS = 40  # a Home view holds at most 100 blocks
MAX_HOME_LEVEL_ROWS = 12  # a level button row for this many subscribed topics (then /themen)
HOME_EVENTS = 5
HOME_POLLS = 5


async def next_events_blocks(
    store: Store, settings: Settings, member: Member, lang: str
) -> list[Block]:
    """The next dates as in ``/termine``: date, time, title, the member's own answer and
    the seats left, each with Zusage / Vielleicht / Absage and "Einzelheiten" (the card,
    sent to the DM, where it works like the one from the list).

    An answer given here goes through the core like any RSVP, and the tab is published
    again, so the answer shown is always the one stored.
    """
    zone = _member_zone(settings, member)
    found = await event_render.next_dates(store, HOME_EVENTS)
    blocks: list[Block] = [_header(t(lang, "slack.home.events"))]
    if not found:
        return [*blocks, section(mrkdwn(t(lang, "events.none")))]
    for row in await event_render.list_rows(store, member.id, found):
        first, _, notes = event_render.list_line(lang, zone, row).partition("\n")
        line = bold(first)
        if notes.strip():
            line += f"\n{mrkdwn(notes.strip())}"
        blocks.append(section(line))
        buttons = event_render.rsvp_buttons(lang, row.occ)[0]
        blocks += action_blocks([*buttons, event_render.details_button(lang, row.occ)])
    return blocks


async def open_polls_blocks(
    store: Store, settings: Settings, member: Member, lang: str
) -> list[Block]:
    """ "Offene Abstimmungen": the open date polls the member was asked in, each with the
    button that sends their ballot to the DM (where answering edits it)."""
    polls = await store.polls.open_for(member.id)
    if not polls:
        return []
    zone = _member_zone(settings, member)
    blocks: list[Block] = [_header(t(lang, "polls.home_title"))]
    for index, poll in enumerate(polls[:HOME_POLLS]):
        answered = bool(await store.polls.answers_of(poll.id, member.id))
        text, button = poll_render.open_poll_line(lang, zone, poll, answered)
        title, _, rest = text.partition("\n")
        block = section(f"{bold(title)}\n{mrkdwn(rest)}")
        block["accessory"] = button_element(button, index)
        blocks.append(block)
    return blocks


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:150], "emoji": True}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn(text)}]}


def _member_zone(settings: Settings, member: Member) -> ZoneInfo:
    return ZoneInfo(member.timezone) if member.timezone else settings.zone


def _profile_blocks(settings: Settings, member: Member, lang: str) -> list[Block]:
    body = profile_body(lang, _member_zone(settings, member), member)
    return [section(f"{bold(t(lang, 'profile.title'))}\n{mrkdwn(body)}")]


async def _topic_blocks(store: Store, member: Member, lang: str) -> list[Block]:
    topics = await store.topics.list()
    blocks: list[Block] = [_header(t(lang, "topics.title"))]
    if not topics:
        return [*blocks, section(mrkdwn(t(lang, "topics.none")))]
    levels = {topic.id: level for topic, level in await store.topics.levels_for(member.id)}
    level_rows = 0
    for index, topic in enumerate(topics[:MAX_HOME_TOPICS]):
        level = levels.get(topic.id)
        on = level is not None
        line = f"{overview_render.level_mark(level)} {bold(topic.name)}"
        if level:
            line += f" · {t(lang, f'topics.level_{level}')}"
        if topic.description:
            line += f"\n{mrkdwn(topic.description)}"
        label = t(lang, "slack.home.unsubscribe" if on else "slack.home.subscribe")
        button = Button(label=label, action="topics.toggle", arg=str(topic.id))
        block = section(line)
        block["accessory"] = button_element(button, index)
        blocks.append(block)
        if level and level_rows < MAX_HOME_LEVEL_ROWS:  # the level: the next one a press sets
            level_rows += 1
            blocks += action_blocks([overview_render.level_button(lang, topic.id, level)])
    if len(topics) > MAX_HOME_TOPICS:
        more = tn(lang, "slack.home.more_topics", len(topics) - MAX_HOME_TOPICS)
        blocks.append(_context(more))
    return blocks


async def _quiet_blocks(store: Store, settings: Settings, member: Member, lang: str) -> list[Block]:
    """The member's quiet hours with the same choices as ``/ruhezeiten``."""
    text = await quiet_render.status_text(store, settings, member, lang)
    return [_header(t(lang, "quiet.title")), section(mrkdwn(text)),
            *action_blocks(quiet_render.buttons(lang))]  # fmt: skip


async def build_home_view(
    store: Store, settings: Settings, member: Member | None, lang: str
) -> dict[str, Any]:
    """The whole Home view for one person (registered or not)."""
    network = settings.network_name
    blocks: list[Block] = [_header(t(lang, "slack.home.title", network=network))]
    if member is None:
        blocks.append(section(mrkdwn(t(lang, "slack.home.welcome", network=network))))
        return {"type": "home", "blocks": blocks}
    if member.status != "active":
        if member.status == "pending":
            blocks.append(section(mrkdwn(t(lang, "error.pending_approval"))))
        else:
            blocks.append(section(mrkdwn(not_active_text(settings, lang))))
        return {"type": "home", "blocks": blocks}
    blocks += _profile_blocks(settings, member, lang)
    blocks.append({"type": "divider"})
    blocks += await _topic_blocks(store, member, lang)
    blocks.append({"type": "divider"})
    blocks += await _quiet_blocks(store, settings, member, lang)
    polls = await open_polls_blocks(store, settings, member, lang)
    if polls:
        blocks.append({"type": "divider"})
        blocks += polls
    events = await next_events_blocks(store, settings, member, lang)
    if events:
        blocks.append({"type": "divider"})
        blocks += events
    blocks.append({"type": "divider"})
    blocks.append(_context(t(lang, "slack.home.hint")))
    return {"type": "home", "blocks": blocks[:100]}
