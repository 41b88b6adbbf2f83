"""/ueberblick: when the weekly overview comes (a weekday and an hour in the member's zone,
or off), by buttons or typed ("/ueberblick Freitag 17", "/ueberblick aus"); and its lines
in /profil, with the member's topic levels and a way to /themen."""

from __future__ import annotations

from typing import Annotated

from bot.arguments import Bounds, ButtonArgs, number
from bot.context import MemberContext
from bot.i18n import LANGUAGES, t
from bot.models import Outgoing
from bot.router import Invalid, Router, Section
from handlers.members.profile_view import ProfileSection, profile_section
from handlers.topics import LEVEL_MARKS

DAYS = range(7)
HOURS = (6, 7, 8, 9, 12, 17, 18, 20)  # the ones offered as buttons; any can be typed
OFF = 7  # the "day" that turns the overview off
_OFF_WORDS = {"aus", "off", "nein", "no"}


class OverviewDay(ButtonArgs, action="ov.day"):
    weekday: Annotated[int, Bounds(0, OFF)]


class OverviewHour(ButtonArgs, action="ov.hour"):
    hour: Annotated[int, Bounds(0, 23)]


async def settings_screen(ctx: MemberContext, notice: str | None = None) -> Outgoing:
    choice = await ctx.store.overview.choice(ctx.member.id)
    if choice is None:
        text = ctx.t("overview.settings_off")
    else:
        day, hour = choice
        text = ctx.t("overview.settings_on", day=ctx.t(f"overview.day.{day}"), hour=hour)
    days = [OverviewDay(d).button(ctx.t(f"overview.day.{d}")[:2]) for d in DAYS]
    hours = [OverviewHour(h).button(ctx.t("overview.hour_button", hour=h)) for h in HOURS]
    buttons = [days[:4], days[4:], hours[:4], hours[4:]]
    if choice is not None:
        buttons.append([ctx.button("overview.btn_off", OverviewDay(OFF))])
    return Outgoing(
        title=ctx.t("overview.settings_title"),
        text=f"{notice}\n\n{text}" if notice else text,
        buttons=buttons,
    )


def parse_choice(typed: str) -> tuple[int | None, int | None]:
    """``Freitag 17``, ``fr``, ``17``, ``aus``: (weekday or None for off, hour or None to
    keep); raises :class:`Invalid` for anything else."""
    words = typed.casefold().replace("uhr", " ").replace(":00", " ").split()
    if len(words) == 1 and words[0] in _OFF_WORDS:
        return None, None
    day: int | None = None
    hour: int | None = None
    for word in words:
        typed_hour = number(word, 0, 23)
        if typed_hour is not None and hour is None:
            hour = typed_hour
            continue
        found = {
            d for d in DAYS for name in _day_names(d) if len(word) >= 2 and name.startswith(word)
        }
        if len(found) != 1 or day is not None:
            raise Invalid("overview.bad_choice", {"text": typed})
        day = found.pop()
    if day is None and hour is None:
        raise Invalid("overview.bad_choice", {"text": typed})
    return day, hour


def _day_names(day: int) -> set[str]:
    return {t(lang, f"overview.day.{day}").casefold() for lang in LANGUAGES}


@profile_section("overview")
async def overview_lines(ctx: MemberContext) -> ProfileSection:
    """The overview's time and the topic levels, each with the way to change it."""
    choice = await ctx.store.overview.choice(ctx.member.id)
    if choice is None:
        line = ctx.t("overview.profile_off")
    else:
        day, hour = choice
        line = ctx.t("overview.profile_line", day=ctx.t(f"overview.day.{day}"), hour=hour)
    levels = [
        f"{LEVEL_MARKS[level]} {topic.name}"
        for topic, level in await ctx.store.topics.levels_for(ctx.member.id)
        if level is not None
    ]
    lines = [line]
    if levels:
        lines.append(ctx.t("overview.profile_topics", topics=", ".join(levels)))
    return ProfileSection(
        lines,
        [
            ctx.button("overview.btn_settings", "ov.show"),
            ctx.button("overview.btn_topics", "topics.list"),
        ],
    )


def register(router: Router) -> None:
    @router.command(
        "overview",
        "ueberblick",
        help_key="help.overview",
        order=32,
        section=Section.SETTINGS,
    )
    async def overview_command(ctx: MemberContext, args: str) -> Outgoing:
        if not args.strip():
            return await settings_screen(ctx)
        day, hour = parse_choice(args.strip())
        if day is None and hour is not None:  # only an hour: the day stays
            choice = await ctx.store.overview.choice(ctx.member.id)
            day = choice[0] if choice else 0
        await ctx.store.overview.choose(ctx.member.id, day, hour)
        return await settings_screen(ctx, ctx.t("profile.saved"))

    @router.action("ov.show")
    async def show(ctx: MemberContext, arg: str) -> Outgoing:
        return await settings_screen(ctx)

    @router.action(OverviewDay)
    async def choose_day(ctx: MemberContext, pressed: OverviewDay) -> Outgoing:
        weekday = None if pressed.weekday == OFF else pressed.weekday
        await ctx.store.overview.choose(ctx.member.id, weekday)
        return await settings_screen(ctx, ctx.t("profile.saved"))

    @router.action(OverviewHour)
    async def choose_hour(ctx: MemberContext, pressed: OverviewHour) -> Outgoing:
        choice = await ctx.store.overview.choice(ctx.member.id)
        weekday = choice[0] if choice else 0  # an hour turns an overview that was off on
        await ctx.store.overview.choose(ctx.member.id, weekday, pressed.hour)
        return await settings_screen(ctx, ctx.t("profile.saved"))
