"""How an event occurrence reads in a message, in one language and one time zone.

Shared by ``/termine``, the notifications about new, changed and cancelled events, and the
reminders, so that an event looks the same wherever it appears.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as format_pattern
from babel.dates import format_interval

from bot.calendar.recurrence import Occurrence
from bot.i18n import format_datetime, format_day, t, tn
from bot.models import Button
from handlers.events import buttons
from handlers.events.rule_text import describe_rule
from handlers.events.upcoming import upcoming
from storage import Store
from storage.events import Event
from storage.rsvps import Rsvp

LIST_ACTION = buttons.ListPage.action
RSVP_CODES = {"y": "yes", "m": "maybe", "n": "no"}
_LOCALES = {"de": "de_DE", "en": "en_GB"}
LABEL_LIMIT = 40  # a date's button in the list: number, day and the start of the title


@dataclass(frozen=True)
class ListRow:
    """One date in the compact list, with what the member needs to see at a glance."""

    occ: Occurrence
    answer: Rsvp | None  # the member's own answer
    free: int | None  # seats left; None when there is no limit


def when(lang: str, zone: ZoneInfo, start: datetime, end: datetime) -> str:
    """``Di., 08.12.2026, 18:00–20:00 Uhr``; the end in full when on another day."""
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.date() == local_end.date():
        day = format_day(local_start.date(), lang)
        skeleton, locale = ("Hm", "de_DE") if lang == "de" else ("hm", "en_GB")
        times = format_interval(local_start, local_end, skeleton, locale=locale)
        return f"{day}, {_plain_spaces(times)}"
    return f"{format_datetime(start, lang, zone)} – {format_datetime(end, lang, zone)}"


def occurrence_when(lang: str, zone: ZoneInfo, occ: Occurrence) -> str:
    """When a date takes place: a time range, or for all-day events the days (in the
    event's own zone: a date is the same date for everyone)."""
    if not occ.event.all_day:
        return when(lang, zone, occ.start, occ.end)
    first, last = all_day_dates(occ)
    days = format_day(first, lang)
    if last != first:
        days += f" – {format_day(last, lang)}"
    return f"{days}, {t(lang, 'events.all_day')}"


def all_day_dates(occ: Occurrence) -> tuple[date, date]:
    """First and last day of an all-day date (its end is midnight after the last day)."""
    zone = ZoneInfo(occ.event.timezone)
    first = occ.start.astimezone(zone).date()
    end = occ.end.astimezone(zone)
    last = end.date() - timedelta(days=1) if end.time() == time() else end.date()
    return first, max(first, last)


def start_text(lang: str, zone: ZoneInfo, occ: Occurrence) -> str:
    """The start alone: ``Di., 08.12.2026, 18:00 Uhr``, or the day of an all-day date."""
    if occ.event.all_day:
        return format_day(all_day_dates(occ)[0], lang)
    return format_datetime(occ.start, lang, zone)


def _plain_spaces(text: str) -> str:
    """Babel puts thin and narrow spaces into English ranges; chat apps show plain ones."""
    return text.replace("\u2009", " ").replace("\u202f", " ")


def details(
    lang: str,
    zone: ZoneInfo,
    occ: Occurrence,
    topics: list[str] | None = None,
    seats: str | None = None,
) -> str:
    """The body of an event message: when, where, format, topics, seats, description."""
    event = occ.event
    lines = [f"🗓 {occurrence_when(lang, zone, occ)}"]
    if occ.moved:
        lines.append(t(lang, "events.moved_note"))
    if event.location:
        lines.append(f"📍 {event.location}")
    if event.url:
        lines.append(f"🔗 {event.url}")
    lines.append(f"🏷 {t(lang, 'events.format.' + event.format)}")
    if event.rrule:
        first = event.start.astimezone(ZoneInfo(event.timezone))
        lines.append(f"🔁 {describe_rule(lang, event.rrule, first)}")
    if topics:
        lines.append(t(lang, "events.topics_line", topics=", ".join(topics)))
    if seats:
        lines.append(seats)
    if event.description:
        lines.append("")
        lines.append(event.description)
    return "\n".join(lines)


def title(lang: str, event: Event, occ: Occurrence | None = None) -> str:
    if event.cancelled or (occ is not None and occ.cancelled):
        return t(lang, "events.title_cancelled", title=event.title)
    if event.status == "changed":
        return t(lang, "events.title_changed", title=event.title)
    return event.title


def rsvp_buttons(
    lang: str,
    occ: Occurrence,
    admin: bool = False,
    listing: buttons.ListPage | None = None,
    writer: bool = False,
) -> list[list[Button]]:
    """Zusage / Vielleicht / Absage, the .ics file, and for admins the attendee list.
    ``listing`` (the list page) is carried along by a card opened from the list, so that
    after an answer the card still leads back to the same page. ``writer``: who may write
    to the date's people (admins, the moderators of the event's group) gets its button."""
    event_id, at = occ.event.id, occ.epoch
    page, topic = (listing.page, listing.topic) if listing else (None, 0)
    answers: list[tuple[Literal["y", "m", "n"], str]] = [
        ("y", "events.btn_yes"),
        ("m", "events.btn_maybe"),
        ("n", "events.btn_no"),
    ]
    rows = [
        [
            buttons.Rsvp(event_id, at, code, page, topic).button(t(lang, key))
            for code, key in answers
        ],
        [buttons.Ics(event_id).button(t(lang, "events.btn_ics"))],
    ]
    if admin:
        rows[1].append(buttons.Attendees(event_id, at).button(t(lang, "events.btn_attendees")))
    if writer and not occ.cancelled and not occ.event.cancelled:
        write = buttons.WriteToPeople(event_id, at).button(t(lang, "event_message.btn_write"))
        rows.append([write])
    return rows


async def answer_line(store: Store, lang: str, occ: Occurrence, member_id: int) -> str | None:
    """The member's own answer to one date, with their place if on the waiting list."""
    rsvp = await store.rsvps.get(occ.event.id, occ.key, member_id)
    if rsvp is None:
        return None
    if rsvp.waitlisted:
        waiting = [r.member_id for r in await store.rsvps.waitlist(occ.event.id, occ.key)]
        position = waiting.index(member_id) + 1 if member_id in waiting else len(waiting)
        return t(lang, "events.my_waitlist", position=position)
    return t(lang, f"events.my_{rsvp.status}")


async def next_dates(store: Store, limit: int) -> list[Occurrence]:
    """The next dates for a view outside the chat (the Slack App Home), soonest first."""
    return await upcoming(store, limit=limit)


async def list_rows(store: Store, member_id: int | None, found: list[Occurrence]) -> list[ListRow]:
    """The member's answers and the seats left for a page of dates: two queries."""
    dates = [(o.event.id, o.key) for o in found]
    limited = [(o.event.id, o.key) for o in found if o.event.capacity is not None]
    answers = await store.rsvps.answers_of(member_id, dates) if member_id is not None else {}
    taken = await store.rsvps.confirmed_counts(limited)
    rows = []
    for occ in found:
        key = (occ.event.id, occ.key)
        capacity = occ.event.capacity
        free = None if capacity is None else max(0, capacity - taken.get(key, 0))
        rows.append(ListRow(occ, answers.get(key), free))
    return rows


def short_when(lang: str, zone: ZoneInfo, occ: Occurrence) -> str:
    """``Di., 08.12., 18:00`` (the year only when it is not this one); all-day dates as
    ``Mi., 10.03., ganztägig``."""
    if occ.event.all_day:
        day = all_day_dates(occ)[0]
        moment = datetime.combine(day, time(), tzinfo=zone)
    else:
        moment = occ.start.astimezone(zone)
    this_year = moment.year == datetime.now(zone).year
    if lang == "de":
        pattern = "EEE, dd.MM." if this_year else "EEE, dd.MM.yyyy"
        text = format_pattern(
            moment, pattern + ("" if occ.event.all_day else ", HH:mm"), locale="de_DE"
        )
    else:
        pattern = "EEE d MMM" if this_year else "EEE d MMM yyyy"
        text = format_pattern(
            moment, pattern + ("" if occ.event.all_day else ", h:mm a"), locale="en_GB"
        )
    if occ.event.all_day:
        text += f", {t(lang, 'events.all_day')}"
    return _plain_spaces(text)


def event_number(lang: str, event: Event) -> str:
    """``Nr. 3``: the event's own number, the one ``/teilnehmer``, ``/terminabsagen``, the
    CLI and the dashboard take. Lists show it instead of a position, which would change
    whenever a date is added or passes."""
    return t(lang, "events.number", id=event.id)


def list_line(lang: str, zone: ZoneInfo, row: ListRow) -> str:
    """``Nr. 3 · Di., 08.12., 18:00 · KI-Stammtisch`` and below it the member's answer and
    the seats left, when there is either."""
    occ = row.occ
    line = " · ".join(
        [event_number(lang, occ.event), short_when(lang, zone, occ), title(lang, occ.event, occ)]
    )
    notes = []
    if row.answer is not None:
        status = "waitlist" if row.answer.waitlisted else row.answer.status
        notes.append(t(lang, f"events.list_mine_{status}"))
    if row.free is not None:
        notes.append(tn(lang, "events.list_seats", row.free) if row.free else
                     t(lang, "events.list_full"))  # fmt: skip
    return line + ("\n     " + " · ".join(notes) if notes else "")


def list_button(lang: str, zone: ZoneInfo, row: ListRow, listing: buttons.ListPage) -> Button:
    """The button that opens a date's card in place of the list, with the event's number
    as in its line."""
    occ = row.occ
    moment = occ.start.astimezone(ZoneInfo(occ.event.timezone) if occ.event.all_day else zone)
    day = format_pattern(moment, "dd.MM." if lang == "de" else "d MMM", locale=_LOCALES[lang])
    label = f"{event_number(lang, occ.event)} · {day} {occ.event.title}"
    if len(label) > LABEL_LIMIT:
        label = label[: LABEL_LIMIT - 1] + "…"
    return buttons.Card(occ.event.id, occ.epoch, listing.page, listing.topic).button(label)


def details_button(lang: str, occ: Occurrence) -> Button:
    """Opens a date's card as a message of its own (the Slack App Home's "Details")."""
    return buttons.Card(occ.event.id, occ.epoch).button(t(lang, "events.btn_details"))


FILE_NAME_LIMIT = 40  # characters of the title in an .ics file's name


def ics_file_name(title: str) -> str:
    """The title as a file name every phone and mail program keeps: ASCII words joined by
    dashes (``Fräsen & Schweißen`` → ``Fraesen-Schweissen.ics``), cut after a whole word so
    no name ends in half a word."""
    spelled = title
    for letter, ascii_spelling in _FILE_LETTERS.items():
        spelled = spelled.replace(letter, ascii_spelling)
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", plain)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > FILE_NAME_LIMIT:
            break
        kept.append(word)
    if not kept and words:  # one word longer than the limit: cut it, nothing else fits
        kept = [words[0][:FILE_NAME_LIMIT]]
    return "-".join(kept) + ".ics" if kept else "termin.ics"


_FILE_LETTERS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
