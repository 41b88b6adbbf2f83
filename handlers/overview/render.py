"""The overview message: the digest by topic and group, then "while you were away", each
item with a button to open it (as many as a message carries well)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import Occurrence
from bot.i18n import t
from bot.markup import plain
from bot.models import Button, Outgoing
from handlers.cooperation.buttons import ViewRequest
from handlers.events import render as event_render
from handlers.events.buttons import Card
from handlers.groups.buttons import ViewGroup
from handlers.groups.render import DIGEST_EXCERPT, excerpt, update_line
from handlers.overview.compose import Content, Section, Week
from handlers.polls.buttons import Ballot
from handlers.topics import LEVEL_MARKS, NEXT_LEVEL, TopicLevel
from storage.group_posts import Post

T = TypeVar("T")

LIMIT = 3500  # well below Telegram's 4,096 characters per message
MAX_BUTTONS = 8
LABEL = 40


def _once(week: Week, key: tuple[object, ...], make: Callable[[], T]) -> T:
    """A line or button made once per week, language and zone: thousands of overviews
    share their items, and formatting dates and markup is the costly part."""
    if key not in week.rendered:
        week.rendered[key] = make()
    return week.rendered[key]  # type: ignore[return-value]


def _away_post(lang: str, zone: ZoneInfo, post: Post, group_name: str) -> str:
    return f"{group_name}: {update_line(lang, zone, post, DIGEST_EXCERPT // 2)[2:]}"


def overview(lang: str, zone: ZoneInfo, week_name: str, week: Week, content: Content) -> Outgoing:
    lines: list[str] = []
    buttons: list[Button] = []
    news = _once(week, ("news",), lambda: {n.broadcast_id: n for n in week.news})
    posts = _once(week, ("posts",), lambda: {p.id: p for p in week.posts})
    for section in content.sections:
        lines += ([""] if lines else []) + [_section_title(lang, week, section)]
        lines += _event_lines(lang, zone, week, section.events, buttons)
        lines += [
            _once(
                week,
                ("news", lang, i),
                lambda i=i: t(  # type: ignore[misc]
                    lang, "overview.news", text=excerpt(plain(news[i].text), DIGEST_EXCERPT)
                ),
            )
            for i in section.news
        ]
        lines += [
            _once(
                week,
                ("post", lang, zone.key, i),
                lambda i=i: update_line(lang, zone, posts[i], DIGEST_EXCERPT),  # type: ignore[misc]
            )
            for i in section.posts
        ]
        if section.kind == "group" and section.posts:
            group = week.groups[section.ref]
            _add(buttons, ViewGroup(group.id).button(_label("💬", group.name)))
    highlights = _highlight_lines(lang, zone, week, content, buttons)
    if highlights:
        lines += ([""] if lines else []) + [t(lang, "overview.away")] + highlights
    text, cut = _fit(lines)
    if cut:
        text += "\n\n" + t(lang, "overview.more", count=cut)
    text += "\n\n" + t(lang, "overview.footer")
    return Outgoing(
        title=t(lang, "overview.title", week=week_name),
        text=text,
        buttons=[[b] for b in buttons[:MAX_BUTTONS]],
    )


def _section_title(lang: str, week: Week, section: Section) -> str:
    if section.kind == "topic":
        return t(lang, "overview.topic", topic=week.topics[section.ref].name)
    return week.groups[section.ref].name


def _event_lines(
    lang: str, zone: ZoneInfo, week: Week, event_ids: tuple[int, ...], buttons: list[Button]
) -> list[str]:
    lines = []
    for event_id in event_ids:
        occ = week.dates[event_id]
        line, button = _once(
            week, ("event", lang, zone.key, event_id), functools.partial(_event, lang, zone, occ)
        )
        lines.append(line)
        _add(buttons, button)
    return lines


def _event(lang: str, zone: ZoneInfo, occ: Occurrence) -> tuple[str, Button]:
    when = event_render.short_when(lang, zone, occ)
    line = t(lang, "groups.digest_event", title=occ.event.title, when=when)
    return line, Card(occ.event.id, occ.epoch).button(_label("📅", occ.event.title))


def _highlight_lines(
    lang: str, zone: ZoneInfo, week: Week, content: Content, buttons: list[Button]
) -> list[str]:
    lines = _event_lines(lang, zone, week, content.events, buttons)
    posts: dict[int, Post] = _once(week, ("posts",), lambda: {p.id: p for p in week.posts})
    for post_id in content.posts:
        post = posts[post_id]
        group = week.groups[post.group_id]
        lines.append(
            _once(
                week,
                ("away-post", lang, zone.key, post_id),
                functools.partial(_away_post, lang, zone, post, group.name),
            )
        )
        _add(buttons, ViewGroup(group.id).button(_label("💬", group.name)))
    requests = {r.request_id: r for r in week.requests}
    for request_id in content.requests:
        title = requests[request_id].title
        lines.append(t(lang, "overview.request", title=title))
        _add(buttons, ViewRequest(request_id).button(_label("🤝", title)))
    for poll_id, title in content.polls:
        lines.append(t(lang, "overview.poll", title=title))
        _add(buttons, Ballot(poll_id).button(_label("🗳", title)))
    return lines


def _add(buttons: list[Button], button: Button) -> None:
    if all(b.arg != button.arg or b.action != button.action for b in buttons):
        buttons.append(button)


def _label(mark: str, name: str) -> str:
    return f"{mark} {excerpt(name, LABEL)}"


def _fit(lines: list[str]) -> tuple[str, int]:
    """The lines up to the length limit; how many item lines did not fit."""
    kept: list[str] = []
    size = cut = 0
    for line in lines:
        if size + len(line) + 1 > LIMIT:
            cut += 1 if line else 0
            continue
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept), cut


def level_mark(level: str | None) -> str:
    """A topic's mark by the member's level (▫️: not subscribed), as in /themen."""
    return LEVEL_MARKS.get(level or "", "▫️")


def level_button(lang: str, topic_id: int, level: str) -> Button:
    """The button that shows a subscription's level and sets the next one (Slack's Home
    uses the same as /themen)."""
    label = t(lang, "topics.level_button", level=t(lang, f"topics.level_{level}"))
    return TopicLevel(topic_id, NEXT_LEVEL[level]).button(label)
