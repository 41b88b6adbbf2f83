"""The figures page ("Kennzahlen"): the events of a period (this or last quarter, this or
last year, any range of days) with whom they reached: the sums, per topic and per working
group, a bar chart of the people reached per date (HTML with drawn bars: its labels and
numbers are its own text), one row per date and the reach per region; and the funder
report of the same period as CSV or XLSX (counts only, never names)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aiohttp import web

from bot.router import Invalid
from handlers.dashboard.kit import SERVICES, page_tools, render
from handlers.dashboard.problems import Problem
from handlers.events.figures import (
    Period,
    day_range,
    figures_for,
    parse_day,
    previous_quarter,
    quarter_of,
    year_of,
)
from handlers.events.report import build_report, report_csv, report_xlsx
from storage.db import utcnow
from storage.event_figures import DateFigures

CHOICES = ("this_quarter", "last_quarter", "this_year", "last_year", "range")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ChartBar:
    figures: DateFigures
    share: float  # of the widest bar, 0 to 100


def chart(dates: list[DateFigures]) -> list[ChartBar]:
    """One bar per date, the people it reached, scaled to the date that reached most."""
    peak = max((d.people for d in dates), default=0) or 1
    return [ChartBar(d, round(d.people / peak * 100, 1)) for d in dates]


def chosen_period(request: web.Request, today: date) -> tuple[str, Period, Problem | None]:
    """The period the chooser asks for; a range that cannot be read falls back to this
    quarter, with the problem tied to its field."""
    choice = request.query.get("period", "this_quarter")
    if choice not in CHOICES:
        choice = "this_quarter"
    if choice == "last_quarter":
        return choice, previous_quarter(today), None
    if choice == "this_year":
        return choice, year_of(today), None
    if choice == "last_year":
        return choice, year_of(date(today.year - 1, 1, 1)), None
    if choice == "range":
        field = "from"
        try:
            first = parse_day(request.query.get("from", ""))
            field = "to"
            last = parse_day(request.query.get("to", ""))
            return choice, day_range(first, last), None
        except Invalid as refused:
            tools = page_tools(request)
            return choice, quarter_of(today), Problem(tools.t(refused.key, **refused.params), field)
    return "this_quarter", quarter_of(today), None


def _today(request: web.Request) -> date:
    return utcnow().astimezone(request.app[SERVICES].settings.zone).date()


async def figures_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    today = _today(request)
    choice, period, problem = chosen_period(request, today)
    figures = await figures_for(services.store, period, services.settings.zone)
    tools = page_tools(request)
    return render(
        request,
        "figures.html",
        status=400 if problem else 200,
        choice=choice,
        choices=CHOICES,
        period=period,
        period_label=period.label(tools.lang),
        range_from=request.query.get("from", "")[:10] or period.first.isoformat(),
        range_to=request.query.get("to", "")[:10] or period.last.isoformat(),
        problem=problem,
        figures=figures,
        bars=chart(figures.dates),
        query=f"period={choice}&from={period.first}&to={period.last}",
    )


async def report_download(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    _, period, problem = chosen_period(request, _today(request))
    if problem is not None:
        raise web.HTTPBadRequest(text=problem.text)
    now = utcnow()
    figures = await figures_for(services.store, period, services.settings.zone, now)
    tools = page_tools(request)
    report = build_report(
        tools.lang, services.settings.network_name, services.settings.zone, period, figures, now
    )
    kind = request.path.rsplit(".", 1)[-1]
    name = f"events-{period.first}-{period.last}.{kind}"
    body, content_type = (
        (report_xlsx(report), XLSX) if kind == "xlsx" else (report_csv(report), "text/csv")
    )
    return web.Response(
        body=body,
        content_type=content_type,
        charset="utf-8" if kind == "csv" else None,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/figures", figures_page)
    router.add_get("/figures/report.csv", report_download)
    router.add_get("/figures/report.xlsx", report_download)
