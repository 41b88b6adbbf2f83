"""Editing one's own profile: a form of one field at a time, its current value shown and
kept on skip. Showing it is :mod:`handlers.members.profile_view`, the language
:mod:`handlers.members.language`."""

from __future__ import annotations

from pydantic import BaseModel

from bot.context import MemberContext
from bot.forms import Form
from bot.models import Outgoing
from bot.router import HandlerResult, Router
from handlers.members.fields import COMPANY, COMPETENCIES, NAME, REGION, region_name, region_value
from handlers.members.language import language_buttons
from handlers.members.profile_view import show_profile


class ProfileEdit(BaseModel):
    name: str
    company: str
    region: str
    competencies: list[str] | None = None


async def _saved(ctx: MemberContext, edit: ProfileEdit) -> Outgoing:
    """Store what changed; the profile shown after it is the check."""
    changed = edit.model_dump() | {"region": region_name(ctx, edit.region)}
    changed["competencies"] = edit.competencies or []
    for name, value in changed.items():
        if value != getattr(ctx.member, name):
            await ctx.store.members.update_field(ctx.member.id, name, value)
    return await show_profile(ctx, ctx.t("profile.saved"))


FORM = Form(
    name="profile", action="f.prof", model=ProfileEdit, title="profile.title", finish=_saved,
    fields=[NAME, COMPANY, REGION, COMPETENCIES],
)  # fmt: skip


async def edit_profile(ctx: MemberContext, asked: str) -> list[Outgoing]:
    """One field, its current value shown and kept on skip (a native form shows all)."""
    if asked not in ProfileEdit.model_fields:
        return [ctx.reply("input.stale_button")]
    current = {name: getattr(ctx.member, name) for name in ProfileEdit.model_fields}
    current["region"] = region_value(ctx, ctx.member.region)
    return await FORM.begin(ctx, current, edit=True, only=asked)


def register(router: Router) -> None:
    FORM.install(router)

    @router.action("profile.edit")
    async def edit(ctx: MemberContext, asked: str) -> HandlerResult:
        if asked == "language":
            return ctx.reply("language.ask", buttons=language_buttons(ctx))
        return await edit_profile(ctx, asked)
