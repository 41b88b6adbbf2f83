"""Texts and buttons of broadcasts: the message members get, audience and count lines,
the admin's report and the status list. Pure functions of what the service found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot import markup
from bot.i18n import format_datetime, quoted, t
from bot.models import Button, Outgoing
from handlers.broadcast.buttons import Unreachable
from handlers.members.render import region_label
from storage.broadcasts import Audience, Broadcast, DeliveryCounts
from storage.groups import Group

SNIPPET = 60


def number(lang: str, value: int) -> str:
    """1.234 for German readers, 1,234 for English ones."""
    return format_decimal(value, locale="de_DE" if lang == "de" else "en_GB")


def member_message(lang: str, text: str, network: str) -> Outgoing:
    """The broadcast as members see it: the staff's text in the small markup, a title and
    a footer in the member's language saying how to turn announcements off."""
    footer = markup.escape(t(lang, "broadcast.footer"))
    return Outgoing(
        title=t(lang, "broadcast.message_title", network=network),
        text=f"{text}\n\n{footer}",
        markup=True,
    )


@dataclass(frozen=True)
class AudienceNames:
    """The names an audience's ids stand for (looked up by the service)."""

    topic: str | None = None
    group: str | None = None
    event: str | None = None
    event_start: datetime | None = None  # the date's effective start
    zone: ZoneInfo | None = None  # the zone the date is shown in


def event_date_label(lang: str, names: AudienceNames) -> str:
    """The event's title and the date's start, e.g. „Wasserstoff-Tag“ (Do, 04.03.2027, …)."""
    title = quoted(names.event or "?", lang)
    if names.event_start is None or names.zone is None:
        return title
    return f"{title} ({format_datetime(names.event_start, lang, names.zone)})"


def event_message(lang: str, text: str, names: AudienceNames) -> Outgoing:
    """A message to an event's people: the event and date in the title, and a footer
    saying why they get it (their answer, not an announcement setting)."""
    footer = markup.escape(t(lang, "event_message.footer"))
    return Outgoing(
        title=t(lang, "event_message.title", event=event_date_label(lang, names)),
        text=f"{text}\n\n{footer}",
        markup=True,
    )


def audience_label(lang: str, audience: Audience, names: AudienceNames) -> str:
    topic = names.topic or "?"
    if audience.kind == "event":
        key = f"event_message.audience.{audience.people}"
        return t(lang, key, event=event_date_label(lang, names))
    if audience.kind == "group":
        return t(lang, "broadcast.audience.group_is", group=names.group or "?")
    if audience.kind == "topic+region":
        region = region_label(lang, audience.region or "")
        return t(lang, "broadcast.audience.topic_region", topic=topic, region=region)
    if audience.kind == "topic":
        return t(lang, "broadcast.audience.topic_is", topic=topic)
    if audience.kind == "region":
        region = region_label(lang, audience.region or "")
        return t(lang, "broadcast.audience.region_is", region=region)
    return t(lang, "broadcast.audience.everyone")


def platform_counts(lang: str, by_platform: dict[str, int]) -> str:
    """``Telegram: 1.000, Slack: 234``."""
    return ", ".join(
        f"{t(lang, f'broadcast.platform.{platform}')}: {number(lang, count)}"
        for platform, count in sorted(by_platform.items())
    )


def counts_line(lang: str, counts: DeliveryCounts) -> str:
    """Sent, pending, unreachable, failed; and withdrawn when a cancel stopped some."""
    line = t(
        lang,
        "broadcast.counts",
        sent=number(lang, counts.sent),
        pending=number(lang, counts.pending),
        unreachable=number(lang, counts.unreachable),
        failed=number(lang, counts.failed),
    )
    if counts.withdrawn:
        withdrawn = t(lang, "broadcast.counts_withdrawn", withdrawn=number(lang, counts.withdrawn))
        line = f"{line} · {withdrawn}"
    return line


def snippet(text: str) -> str:
    """The start of the text, on one line, for lists."""
    line = " ".join(markup.plain(text).split())
    return line if len(line) <= SNIPPET else line[: SNIPPET - 1] + "…"


def unreachable_button(lang: str, broadcast_id: int, count: int) -> Button:
    label = t(lang, "broadcast.btn_unreachable", count=number(lang, count))
    return Unreachable(broadcast_id).button(label)


def report(
    lang: str, broadcast: Broadcast, counts: DeliveryCounts, names: AudienceNames
) -> Outgoing:
    """To the admin who sent it, when every row is final."""
    text = "\n".join(
        [
            t(
                lang,
                "broadcast.report_to",
                audience=audience_label(lang, broadcast.audience, names),
            ),
            t(lang, "broadcast.report_start", start=snippet(broadcast.text)),
            "",
            counts_line(lang, counts),
        ]
    )
    buttons = [[unreachable_button(lang, broadcast.id, counts.unreachable)]]
    return Outgoing(
        title=t(lang, "broadcast.report_title", id=broadcast.id),
        text=text,
        buttons=buttons if counts.unreachable else [],
    )


def late_note(
    lang: str, zone: ZoneInfo, broadcast: Broadcast, now: datetime, queued: int
) -> Outgoing:
    return Outgoing(
        text=t(
            lang,
            "broadcast.late_note",
            id=broadcast.id,
            planned=format_datetime(broadcast.send_at, lang, zone),
            now=format_datetime(now, lang, zone),
            count=number(lang, queued),
        )
    )


def group_archived_note(lang: str, zone: ZoneInfo, broadcast: Broadcast, group: Group) -> Outgoing:
    """To whoever scheduled a broadcast to a group that was archived before it went out."""
    return Outgoing(
        text=t(
            lang,
            "broadcast.group_archived_note",
            id=broadcast.id,
            group=group.name,
            planned=format_datetime(broadcast.send_at, lang, zone),
        )
    )


def state_line(lang: str, zone: ZoneInfo, broadcast: Broadcast, counts: DeliveryCounts) -> str:
    """Where a broadcast stands, with the moment that matters for that state. A cancelled
    one shows the rows withdrawn now: a send in flight at the cancel may still have gone out."""

    def when(moment: datetime | None) -> str:
        return format_datetime(moment or broadcast.send_at, lang, zone)

    if broadcast.status == "scheduled":
        return t(lang, "broadcast.state.scheduled", when=when(broadcast.send_at))
    if broadcast.status == "sending":
        return t(lang, "broadcast.state.sending", when=when(broadcast.queued_at))
    if broadcast.status == "cancelled":
        return t(
            lang,
            "broadcast.state.cancelled",
            when=when(broadcast.cancelled_at),
            withdrawn=number(lang, counts.withdrawn),
        )
    key = "broadcast.state.done_late" if broadcast.late else "broadcast.state.done"
    return t(lang, key, when=when(broadcast.finished_at))


def status_entry(
    lang: str,
    zone: ZoneInfo,
    broadcast: Broadcast,
    counts: DeliveryCounts,
    audience: str,
) -> str:
    """One broadcast in the status list (chat and CLI)."""
    lines = [
        t(lang, "broadcast.entry_head", id=broadcast.id, audience=audience),
        f"   {state_line(lang, zone, broadcast, counts)}",
        f"   {quoted(snippet(broadcast.text), lang)}",
    ]
    if broadcast.status != "scheduled":
        lines.append(f"   {counts_line(lang, counts)}")
    return "\n".join(lines)
