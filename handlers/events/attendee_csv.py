"""Attendee lists as CSV, the same file from the command line and the web dashboard.

``excel`` is what German Excel opens as it is (semicolons, UTF-8 with BOM, cells that
would start a formula quoted); otherwise plain RFC 4180 (commas, CRLF, UTF-8).
"""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from storage.events import Event
from storage.rsvps import Attendee

CSV_HEADER = ["event_id", "title", "date", "name", "company", "answer", "waitlisted", "position"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str, excel: bool) -> str:
    """Excel runs a cell that starts like a formula; a name never should."""
    return "'" + value if excel and value.startswith(_FORMULA_START) else value


def attendee_csv(event: Event, rows: list[Attendee], *, excel: bool) -> bytes:
    zone = ZoneInfo(event.timezone)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for a in rows:
        writer.writerow(
            [
                event.id,
                _cell(event.title, excel),
                f"{a.occurrence.astimezone(zone):%Y-%m-%d %H:%M}",
                _cell(a.name, excel),
                _cell(a.company, excel),
                a.status,
                "yes" if a.waitlisted else "no",
                a.position or "",
            ]
        )
    return (("\ufeff" if excel else "") + buffer.getvalue()).encode("utf-8")
