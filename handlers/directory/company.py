"""The structured company profile: processes, materials, certifications, industries, what
the company looks for and its size band, each optional, chosen from the staff's
vocabularies or typed (a typed entry that is not in a vocabulary is kept as proposed for
the staff to merge). Declared once as a form: asked field by field in a chat, one modal on
Slack; reached from ``/profil``. The free competencies stay where they were."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from bot.context import Context, MemberContext
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import CALLBACK_LIMIT, Outgoing
from bot.router import Router
from handlers.members.profile_view import ProfileSection, profile_section, show_profile
from handlers.validation import Invalid
from storage.facets import FACETS, fold

ACTION = "f.comp"
MAX_ENTRIES = 20
MAX_ENTRY_LENGTH = 60
TYPED = ("process", "material", "certification", "industry")  # members may add entries


class CompanyProfile(BaseModel):
    process: list[str] = []
    material: list[str] = []
    certification: list[str] = []
    industry: list[str] = []
    looking_for: list[str] = []
    size: str | None = None


def _vocabulary(facet: str):  # type: ignore[no-untyped-def]
    async def choices(ctx: Context, draft: Draft) -> list[Choice]:
        """The facet's accepted entries, then entries chosen or typed before (to untick)."""
        room = CALLBACK_LIMIT - len(f"{ACTION}|9:".encode())
        labels = [e.label for e in await ctx.store.facets.entries(facet, proposed=False)]
        taken = {fold(label) for label in labels}
        chosen = draft.raw.get(facet) or []
        labels += [label for label in chosen if fold(label) not in taken]
        if isinstance(chosen, str):  # the size band: one value
            labels += [chosen] if fold(chosen) not in taken else []
        return [Choice(label, label) for label in labels if len(label.encode()) <= room]

    return choices


def _reader(facet: str):  # type: ignore[no-untyped-def]
    async def read(ctx: Context, text: str, draft: Draft) -> list[str]:
        """Typed entries added to the ticked ones; a vocabulary entry typed in another
        spelling is that entry (so its button shows it ticked)."""
        entries = {fold(label): label for label in draft.raw.get(facet) or []}
        known = {fold(e.label): e.label for e in await ctx.store.facets.entries(facet)}
        for part in text.replace("\n", ",").replace(";", ",").split(","):
            label = " ".join(part.split())
            if label:
                entries.setdefault(fold(label), known.get(fold(label), label))
        values = list(entries.values())
        if len(values) > MAX_ENTRIES or any(len(v) > MAX_ENTRY_LENGTH for v in values):
            raise Invalid(
                "facets.bad_entries", {"max_entries": MAX_ENTRIES, "max_len": MAX_ENTRY_LENGTH}
            )
        return values

    return read


def _chosen(facet: str):  # type: ignore[no-untyped-def]
    def params(ctx: Context, draft: Draft) -> dict[str, object]:
        entries = ", ".join(draft.raw.get(facet) or [])
        return {"chosen": "\n\n" + ctx.t("facets.chosen", entries=entries) if entries else ""}

    return params


def _field(facet: str) -> Field:
    common: dict[str, Any] = {"optional": True, "choices": _vocabulary(facet)}
    if facet == "size":
        return Field(facet, Kind.CHOICE, f"facets.ask_{facet}", f"facets.facet.{facet}", **common)
    if facet in TYPED:
        common |= {"parse": _reader(facet), "params": _chosen(facet), "hint": "facets.hint_typed"}
    return Field(
        facet, Kind.MULTI, f"facets.ask_{facet}", f"facets.facet.{facet}", columns=2, **common
    )


async def current(ctx: MemberContext) -> dict[str, Any]:
    """The member's profile as the form's answers (facets without any left out: those
    are asked, the others shown in the preview to change)."""
    mine = await ctx.store.facets.of_member(ctx.member.id)
    values: dict[str, Any] = {f: [e.label for e in entries] for f, entries in mine.items()}
    if "size" in values:
        values["size"] = values["size"][0]
    return values


async def save(ctx: MemberContext, data: CompanyProfile) -> Outgoing:
    """The whole profile at once: typed entries not in a vocabulary become proposed ones."""
    facets = ctx.store.facets
    ids: list[int] = []
    for facet in FACETS:
        value = getattr(data, facet)
        for label in [value] if isinstance(value, str) else value or []:
            found = await facets.find(facet, label)
            if found is None and facet not in TYPED:
                raise Invalid("form.choice_gone")
            if found is None:
                found = await facets.add(facet, label, proposed=True, by=ctx.member.id)
            ids.append(found.id)
    await facets.set_member(ctx.member.id, ids)
    await ctx.store.audit.record(
        "member.company_profile", ctx.actor, member_id=ctx.member.id, entries=len(ids)
    )
    return await show_profile(ctx, ctx.t("facets.saved"))


FORM = Form(
    name="company_profile",
    action=ACTION,
    model=CompanyProfile,
    title="facets.form_title",
    confirm="facets.confirm",
    finish=save,
    fields=[_field(facet) for facet in FACETS],
)


@profile_section("facets")
async def section(ctx: MemberContext) -> ProfileSection:
    """The profile's facets, one line each, and the button that opens the form."""
    mine = await ctx.store.facets.of_member(ctx.member.id)
    lines = [
        ctx.t(
            "facets.profile_line",
            facet=ctx.t(f"facets.facet.{facet}"),
            entries=", ".join(e.label for e in mine[facet]),
        )
        for facet in FACETS
        if facet in mine
    ]
    return ProfileSection(lines, [ctx.button("facets.profile_button", "company.edit")])


async def start(ctx: MemberContext, arg: str = "") -> list[Outgoing]:
    return await FORM.begin(ctx, await current(ctx), edit=True)


def register(router: Router) -> None:
    router.action("company.edit")(start)
    FORM.install(router)
