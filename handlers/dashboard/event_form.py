"""The event form: what the network team fills in, read field by field by the readers of
``/neuertermin`` and the CLI (:mod:`handlers.events.inputs`), so web, chat and command line
accept the same input and refuse it with the same message; repetition is chosen in words
("Monatlich am 2. Dienstag") or, on the web only, as an RRULE.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.arguments import record_id
from bot.calendar.recurrence import HORIZON
from bot.i18n import t
from handlers.events.inputs import (
    read_capacity,
    read_day,
    read_description,
    read_duration,
    read_end,
    read_format,
    read_place,
    read_rule,
    read_start,
    read_title,
    repeat_rule,
)
from handlers.events.rule_text import describe_rule
from handlers.validation import Invalid
from storage.db import utcnow
from storage.events import FORMATS, Event, EventFields

REPEATS = ("none", "weekly", "biweekly", "monthly", "custom")
DEFAULT_LENGTH = "2h"


@dataclass
class EventForm:
    """The form's values as typed (shown again after a refusal)."""

    title: str = ""
    description: str = ""
    start: str = ""  # datetime-local: 2026-12-08T18:00
    end: str = ""
    all_day: bool = False
    where: str = ""
    topic_ids: list[int] = field(default_factory=list)
    group_id: int | None = None
    format: str = "meetup"
    capacity: str = ""
    repeat: str = "none"
    rrule: str = ""

    @classmethod
    def from_post(cls, data: Any) -> EventForm:
        def text(name: str, limit: int = 4000) -> str:
            value = data.get(name, "")
            return value[:limit] if isinstance(value, str) else ""

        topic_ids = [
            topic_id
            for v in data.getall("topics", [])
            if isinstance(v, str) and (topic_id := record_id(v))
        ]
        group = text("group", 20)
        repeat = text("repeat", 20)
        return cls(
            title=text("title", 500),
            description=text("description"),
            start=text("start", 40),
            end=text("end", 40),
            all_day=bool(data.get("all_day")),
            where=text("where", 1000),
            topic_ids=topic_ids,
            group_id=record_id(group),
            format=text("format", 20) or "meetup",
            capacity=text("capacity", 20),
            repeat=repeat if repeat in REPEATS else "none",
            rrule=text("rrule", 300),
        )

    @classmethod
    def from_event(cls, event: Event, topic_ids: list[int]) -> EventForm:
        zone = ZoneInfo(event.timezone)
        local_start, local_end = event.start.astimezone(zone), event.end.astimezone(zone)
        if event.all_day:
            local_end -= timedelta(days=1)
        repeat, rule = "none", ""
        if event.rrule:
            presets = {kind: repeat_rule(kind, local_start) for kind in REPEATS[1:4]}
            repeat = next((k for k, r in presets.items() if r == event.rrule), "custom")
            rule = event.rrule if repeat == "custom" else ""
        return cls(
            title=event.title,
            description=event.description,
            start=f"{local_start:%Y-%m-%dT%H:%M}",
            end=f"{local_end:%Y-%m-%dT%H:%M}",
            all_day=event.all_day,
            where=event.url or event.location,
            topic_ids=topic_ids,
            group_id=event.group_id,
            format=event.format,
            capacity=str(event.capacity or ""),
            repeat=repeat,
            rrule=rule,
        )


def repeat_labels(lang: str, form: EventForm, zone: ZoneInfo) -> dict[str, str]:
    """The choices in words: for the start typed so far ("Monatlich am 2. Dienstag"),
    else in general terms."""
    try:
        local = datetime.fromisoformat(form.start).replace(tzinfo=zone)
    except ValueError:
        local = None
    labels = {}
    for kind in REPEATS:
        rule = repeat_rule(kind, local) if local is not None else None
        if kind in ("none", "custom") or local is None or rule is None:
            labels[kind] = t(lang, f"dashboard.events.repeat.{kind}")
        else:
            labels[kind] = describe_rule(lang, rule, local)
    return labels


def _local_text(value: str) -> str:
    return value.replace("T", " ").strip()


def _times(form: EventForm, zone: ZoneInfo, keep: Event | None) -> tuple[datetime, datetime]:
    now = utcnow()
    if not form.start.strip():
        raise Invalid("dashboard.required.start", {})
    if form.all_day:
        first = read_day(form.start[:10])
        last = read_day(form.end[:10]) if form.end.strip() else first
        start = datetime.combine(first, time.min, tzinfo=zone)
        end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
        unchanged = keep is not None and keep.all_day and start == keep.start
        if not unchanged and first < now.astimezone(zone).date():
            raise Invalid("events.start_past", {})
        if start > now + HORIZON:
            raise Invalid("events.too_far", {"days": HORIZON.days})
        return start, end
    text = _local_text(form.start)
    if (
        keep is not None
        and not keep.all_day
        and text == _local_text(f"{keep.start.astimezone(zone):%Y-%m-%dT%H:%M}")
    ):
        start = keep.start  # a series that began long ago keeps its first date
    else:
        start = read_start(text, zone, now)
    if form.end.strip():
        return start, read_end(_local_text(form.end), start, zone)
    return start, read_duration(DEFAULT_LENGTH, start)


def read_form(
    form: EventForm,
    timezone: str,
    organiser: str | None,
    known_topics: set[int],
    known_groups: set[int],
    keep: Event | None = None,
) -> EventFields:
    """The form as event fields, each value read like the wizard reads it; raises
    :class:`Invalid`. ``keep`` is the event being edited (its unchanged start stays)."""
    title = read_title(form.title)
    description = read_description(form.description)
    zone = ZoneInfo(timezone)
    start, end = _times(form, zone, keep)
    location, url = read_place(form.where)
    if form.format not in FORMATS:
        read_format(form.format, {})
    rule = None
    kept_rule = keep.rrule if keep is not None and keep.ical is not None else None
    if kept_rule and form.repeat == "custom" and form.rrule.strip() == kept_rule:
        rule = kept_rule  # the calendar's own rule, as it came (it may say more than ours)
    elif form.repeat == "custom":
        rule = read_rule(form.rrule)
    elif form.repeat != "none":
        rule = repeat_rule(form.repeat, start.astimezone(zone))
    if any(topic_id not in known_topics for topic_id in form.topic_ids):
        raise Invalid("topics.gone", {})
    if form.group_id is not None and form.group_id not in known_groups:
        raise Invalid("groups.gone", {})
    return EventFields(
        title=title,
        description=description,
        start=start,
        end=end,
        timezone=timezone,
        location=location,
        url=url,
        format=form.format,
        capacity=read_capacity(form.capacity) if form.capacity.strip() else None,
        rrule=rule,
        organiser=organiser,
        topic_ids=form.topic_ids,
        group_id=form.group_id,
        all_day=form.all_day,
        uid=keep.uid if keep else None,
        source=keep.source if keep else None,
        fingerprint=keep.fingerprint if keep else None,
        ical=_kept_calendar(keep, start, end, rule, form.all_day),
    )


def _kept_calendar(
    keep: Event | None, start: datetime, end: datetime, rule: str | None, all_day: bool
) -> str | None:
    """An imported event keeps its calendar's dates (extra, moved, cancelled ones) while
    only its words are edited; new times or a new rule make it the bot's own series."""
    if keep is None or keep.ical is None:
        return None
    if (start, end, rule, all_day) != (keep.start, keep.end, keep.rrule, keep.all_day):
        return None
    return keep.ical
