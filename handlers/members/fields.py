"""The profile's questions, declared once for the registration and the profile edit."""

from __future__ import annotations

from bot.arguments import number
from bot.context import Context
from bot.forms import Choice, Draft, Field, Kind, words
from bot.router import Invalid
from handlers import validation
from handlers.members.render import OTHER_REGION


def _name(ctx: Context, text: str, draft: Draft) -> str:
    return validation.person_name(text)


def _company(ctx: Context, text: str, draft: Draft) -> str:
    """The company cannot be skipped: a typed "-" is not stored as its name."""
    if words.word(text) in words.SKIP:
        raise Invalid("reg.company_needed")
    return validation.single_line(text, validation.MAX_COMPANY)


def _competencies(ctx: Context, text: str, draft: Draft) -> list[str]:
    return validation.competencies(text)


async def _regions(ctx: Context, draft: Draft) -> list[Choice]:
    """The network's regions by their place (a name can be too long for a button's data)."""
    offered = [Choice(str(i), label=region) for i, region in enumerate(ctx.settings.regions)]
    return [*offered, Choice(OTHER_REGION, key="reg.region_other")]


def _region_typed(ctx: Context, text: str, draft: Draft) -> str:
    """A typed region naming none of the choices or several (the form matched them)."""
    labels = [*ctx.settings.regions, ctx.t("reg.region_other")]
    found = words.match(text, labels)
    if len(found) > 1:
        names = ", ".join(labels[i] for i in found)
        raise Invalid("form.ambiguous", {"answer": text.strip()[:60], "names": names})
    raise Invalid("reg.unknown_region", {"region": text.strip()[:40]})


def region_value(ctx: Context, region: str) -> str:
    """The choice of a stored region; one no longer offered stays itself (kept on skip)."""
    regions = ctx.settings.regions
    return str(regions.index(region)) if region in regions else region


def region_name(ctx: Context, value: str) -> str:
    """The region to store for a choice (or for a kept region no longer offered)."""
    index = number(value)
    if index is not None and index >= len(ctx.settings.regions):  # the list changed
        raise Invalid("form.choice_gone")
    return value if index is None else ctx.settings.regions[index]


NAME = Field(
    "name", Kind.TEXT, "reg.ask_name", "reg.field_name", parse=_name,
    max_length=validation.MAX_NAME,
)  # fmt: skip
COMPANY = Field(
    "company", Kind.TEXT, "reg.ask_company", "reg.field_company", parse=_company,
    max_length=validation.MAX_COMPANY,
)  # fmt: skip
REGION = Field(
    "region", Kind.CHOICE, "reg.ask_region", "reg.field_region", parse=_region_typed,
    choices=_regions, columns=2,
)  # fmt: skip
COMPETENCIES = Field(
    "competencies", Kind.LONG_TEXT, "reg.ask_competencies", "reg.field_competencies",
    parse=_competencies, optional=True, max_length=1000,
)  # fmt: skip
