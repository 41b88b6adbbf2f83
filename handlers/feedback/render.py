"""How feedback looks: the request, the stars, and the organiser's figures."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot.calendar.recurrence import Occurrence
from bot.i18n import format_datetime, quoted, t
from bot.models import Button, Outgoing
from handlers.events import render as event_render
from handlers.feedback import buttons
from storage.feedback import Figures

STAR = "⭐"


def stars_text(stars: int) -> str:
    return STAR * stars


def request(lang: str, zone: ZoneInfo, occ: Occurrence, until: datetime) -> Outgoing:
    """The one message after the date: five star buttons and the switch."""
    at = occ.epoch
    stars = [
        buttons.Stars(occ.event.id, at, n).button(t(lang, "feedback.btn_stars", n=n))
        for n in range(1, 6)
    ]
    return Outgoing(
        title=t(lang, "feedback.request_title", title=occ.event.title),
        text=t(
            lang,
            "feedback.request_text",
            title=occ.event.title,
            when=event_render.occurrence_when(lang, zone, occ),
            until=format_datetime(until, lang, zone),
        ),
        buttons=[stars, [buttons.Off().button(t(lang, "feedback.btn_off"))]],
    )


def average(lang: str, figures: Figures) -> str:
    value = figures.average
    return "–" if value is None else format_decimal(round(value, 1), "0.0", locale=lang)


def card_line(lang: str, figures: Figures) -> str | None:
    """The line on an admin's event card once there is feedback."""
    if not figures.count:
        return None
    return t(lang, "feedback.card_line", average=average(lang, figures), count=figures.count)


def figures_text(lang: str, figures: Figures) -> str:
    """Average, distribution 1-5, count and the comments (anonymous unless agreed)."""
    if not figures.count:
        return t(lang, "feedback.none_yet", asked=figures.asked)
    lines = [
        t(
            lang,
            "feedback.summary",
            count=figures.count,
            asked=figures.asked,
            average=average(lang, figures),
        ),
        "",
        t(lang, "feedback.distribution"),
    ]
    most = max(figures.distribution.values()) or 1
    for stars in range(5, 0, -1):
        n = figures.distribution[stars]
        bar = "█" * round(10 * n / most)
        lines.append(f"{stars} {STAR} {bar} {n}")
    if figures.comments:
        lines += ["", t(lang, "feedback.comments")]
        for comment in figures.comments:
            who = comment.name or t(lang, "feedback.anonymous")
            lines.append(f"• {stars_text(comment.stars)} {quoted(comment.text, lang)} – {who}")
    return "\n".join(lines)


def figures_message(lang: str, zone: ZoneInfo, occ: Occurrence, figures: Figures) -> Outgoing:
    text = event_render.occurrence_when(lang, zone, occ) + "\n\n" + figures_text(lang, figures)
    return Outgoing(title=t(lang, "feedback.figures_title", title=occ.event.title), text=text)


def figures_button(lang: str, occ: Occurrence) -> Button:
    return buttons.Figures(occ.event.id, occ.epoch).button(t(lang, "feedback.btn_figures"))
