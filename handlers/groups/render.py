"""How working groups and their updates read, in one language and one time zone.

Shared by ``/gruppen``, the group's view, the fanned-out updates, join requests and the
weekly digest, so an update looks the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot import markup
from bot.i18n import format_date, t
from bot.models import Button, Outgoing
from handlers.groups import buttons
from handlers.groups.buttons import LEVEL_CODES
from handlers.members.render import with_company
from storage.group_posts import Post
from storage.groups import Group, GroupMember, Membership
from storage.members import Member

LIST = "grp.list"
WITHDRAW = buttons.Withdraw.action  # with the post's id

EXCERPT = 200
DIGEST_EXCERPT = 300
DIGEST_LIMIT = 3500  # well below Telegram's 4,096 characters per message
LEVEL_ICONS = {"all": "🔔", "digest": "🗞", "muted": "🔕"}


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The text on one line, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "…"


def author(lang: str, post: Post) -> str:
    if post.author_name is None:
        return t(lang, "groups.unknown_author")
    return with_company(post.author_name, post.author_company or "")


def update_message(lang: str, group: Group, post: Post, with_buttons: bool = False) -> Outgoing:
    """An update as members and bound chats receive it, attributed to its author."""
    view = buttons.ViewGroup(group.id).button(t(lang, "groups.btn_view"))
    return Outgoing(
        title=t(lang, "groups.update_title", author=author(lang, post), group=group.name),
        text=post.body,
        buttons=[[view]] if with_buttons else [],
        markup=True,  # a member's formatting, one rule on every platform (bot/markup.py)
    )


def update_line(lang: str, zone: ZoneInfo, post: Post, limit: int = EXCERPT) -> str:
    day = format_date(post.created_at, lang, zone)
    return f"• {day} – {author(lang, post)}: {excerpt(markup.plain(post.body), limit)}"


def join_request(lang: str, group: Group, member: Member) -> Outgoing:
    return Outgoing(
        text=t(
            lang,
            "groups.request_text",
            who=with_company(member.name, member.company),
            group=group.name,
        ),
        buttons=[
            [
                buttons.Approve(group.id, member.id).button(t(lang, "groups.btn_approve")),
                buttons.Decline(group.id, member.id).button(t(lang, "groups.btn_decline")),
            ]
        ],
    )


@dataclass
class GroupState:
    """What one member sees of one group."""

    group: Group
    member_count: int
    posts: list[Post]
    membership: Membership | None = None
    requested: bool = False
    moderated: bool = True  # False: no moderators, the network team decides on requests
    moderators: list[str] = field(default_factory=list)
    withdrawable: set[int] = field(default_factory=set)
    open_requests: int = 0
    admin: bool = False


def _facts(lang: str, state: GroupState) -> list[str]:
    group = state.group
    lines = [group.description] if group.description else []
    lines.append(
        t(
            lang,
            "groups.facts",
            count=state.member_count,
            policy=t(lang, f"groups.policy_{group.join_policy}"),
        )
    )
    if state.membership is not None:
        role = "moderator" if state.membership.moderator else "member"
        lines.append(t(lang, f"groups.you_{role}"))
    elif state.requested:
        lines.append(
            t(lang, "groups.you_requested" if state.moderated else "groups.you_requested_team")
        )
    return lines


def _posts(lang: str, zone: ZoneInfo, posts: Iterable[Post]) -> list[str]:
    lines = [update_line(lang, zone, post) for post in posts]
    if not lines:
        return ["", t(lang, "groups.no_updates")]
    return ["", t(lang, "groups.latest"), *lines]


def _membership_buttons(lang: str, state: GroupState, view: bool) -> list[Button]:
    gid = state.group.id
    row = [] if view else [buttons.ViewGroup(gid).button(t(lang, "groups.btn_view"))]
    if state.membership is not None:
        row.append(buttons.LeaveGroup(gid).button(t(lang, "groups.btn_leave")))
    elif state.requested:
        row.append(buttons.LeaveGroup(gid).button(t(lang, "groups.btn_cancel_request")))
    else:
        key = "groups.btn_join" if state.group.join_policy == "open" else "groups.btn_request"
        row.insert(0, buttons.JoinGroup(gid).button(t(lang, key)))
    return row


def card(
    lang: str, zone: ZoneInfo, state: GroupState, notice: str | None = None, replace: bool = False
) -> Outgoing:
    """A group in the ``/gruppen`` list: facts, the last updates, join or leave."""
    lines = _facts(lang, state) + _posts(lang, zone, state.posts)
    if notice:
        lines = [notice, "", *lines]
    return Outgoing(
        title=state.group.name,
        text="\n".join(lines),
        buttons=[_membership_buttons(lang, state, view=False)],
        replace=replace,
    )


def view(
    lang: str, zone: ZoneInfo, state: GroupState, notice: str | None = None, replace: bool = False
) -> Outgoing:
    """A group's own view: moderators, the member's level, withdrawing, moderation."""
    group, gid = state.group, state.group.id
    lines = _facts(lang, state)
    if state.moderators:
        lines.append(t(lang, "groups.moderators_line", names=", ".join(state.moderators)))
    rows: list[list[Button]] = []
    if state.membership is not None:
        level = state.membership.level
        lines.append(t(lang, "groups.level_line", level=t(lang, f"groups.level_{level}")))
        rows.append(
            [
                buttons.SetLevel(gid, code).button(
                    ("✅ " if code == level else LEVEL_ICONS[code] + " ")
                    + t(lang, f"groups.level_{code}")
                )
                for code in LEVEL_CODES
            ]
        )
    lines += _posts(lang, zone, state.posts)
    for post in state.posts:
        if post.id in state.withdrawable:
            label = t(lang, "groups.btn_withdraw", text=excerpt(markup.plain(post.body), 24))
            rows.append([buttons.Withdraw(post.id).button(label)])
    if state.open_requests:
        label = t(lang, "groups.btn_requests", count=state.open_requests)
        rows.append([buttons.Requests(gid).button(label)])
    if state.admin:
        rows.append([buttons.Moderators(gid).button(t(lang, "groups.btn_moderators"))])
    rows.append(_membership_buttons(lang, state, view=True))
    if notice:
        lines = [notice, "", *lines]
    return Outgoing(title=group.name, text="\n".join(lines), buttons=rows, replace=replace)


def moderator_picker(
    lang: str, group: Group, members: list[GroupMember], notice: str | None = None
) -> Outgoing:
    """Admins name moderators with one button per member (⭐ = moderator)."""
    rows = [
        [
            buttons.ToggleModerator(group.id, m.member_id).button(
                ("⭐ " if m.role == "moderator" else "▫️ ") + with_company(m.name, m.company)
            )
        ]
        for m in members
    ]
    text = t(lang, "groups.moderators_intro", group=group.name)
    if not members:
        text = t(lang, "groups.moderators_nobody", group=group.name)
    if notice:
        text = f"{notice}\n\n{text}"
    return Outgoing(title=group.name, text=text, buttons=rows, replace=notice is not None)
