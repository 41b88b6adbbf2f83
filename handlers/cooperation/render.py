"""How requests, notices, introductions and lists read. Pure functions of what the service
found; people's text is kept apart from contact markers. Contacts appear only in an
introduction, rendered like the directory's (a Telegram link or a Slack mention)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.i18n import format_date, t
from bot.models import Button, Contact, Outgoing, without_markers
from handlers.cooperation import buttons as buttons_
from handlers.directory.render import reach_line
from handlers.members.render import region_label, shown_company
from storage.cooperation import CooperationRequest, Interested, Response, TopicCount
from storage.directory import DirectoryEntry
from storage.members import Member

CONNECT_BUTTONS = 10


class RequestLike(Protocol):
    """A posted request or a draft in the wizard."""

    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def region(self) -> str | None: ...
    @property
    def expires_at(self) -> datetime: ...


def kind_label(lang: str, kind: str) -> str:
    return t(lang, f"cooperation.kind.{kind}")


def scope_label(lang: str, region: str | None) -> str:
    if region is None:
        return t(lang, "cooperation.scope_network")
    return t(lang, "cooperation.scope_region", region=region_label(lang, region))


def interested_label(lang: str, count: int) -> str:
    if count == 0:
        return t(lang, "cooperation.interested_none")
    if count == 1:
        return t(lang, "cooperation.interested_one")
    return t(lang, "cooperation.interested_many", count=count)


def _title(lang: str, request: RequestLike) -> str:
    return t(
        lang,
        "cooperation.card_title",
        kind=kind_label(lang, request.kind),
        title=without_markers(request.title),
    )


def _body(lang: str, zone: ZoneInfo, request: RequestLike, request_id: int | None) -> list[str]:
    until = format_date(request.expires_at, lang, zone)
    scope = scope_label(lang, request.region)
    where = (
        t(lang, "cooperation.card_where", scope=scope, until=until, id=request_id)
        if request_id is not None
        else t(lang, "cooperation.card_where_draft", scope=scope, until=until)
    )
    return [
        without_markers(request.description),
        "",
        t(lang, "cooperation.card_tags", tags=without_markers(", ".join(request.tags))),
        where,
    ]


def answer_buttons(lang: str, request_id: int) -> list[list[Button]]:
    return [
        [
            buttons_.Interested(request_id).button(t(lang, "cooperation.btn_interested")),
            buttons_.NotForMe(request_id).button(t(lang, "cooperation.btn_decline")),
        ]
    ]


def notice(
    lang: str, *, zone: ZoneInfo, request: CooperationRequest, matched: list[str]
) -> Outgoing:
    """The one notice a matching member gets, with "Interested" and "Not for me"."""
    lines = _body(lang, zone, request, request.id)
    if matched:
        lines.append(t(lang, "cooperation.notice_why", tags=without_markers(", ".join(matched))))
    lines += ["", t(lang, "cooperation.notice_privacy"), t(lang, "cooperation.notice_footer")]
    return Outgoing(
        title=t(lang, "cooperation.notice_title", title=without_markers(request.title)),
        text="\n".join(lines),
        buttons=answer_buttons(lang, request.id),
    )


def preview(lang: str, zone: ZoneInfo, draft: RequestLike) -> Outgoing:
    """The draft as matching members will see it (without its number and buttons)."""
    lines = _body(lang, zone, draft, None)
    lines += ["", t(lang, "cooperation.notice_privacy")]
    return Outgoing(
        title=t(lang, "cooperation.notice_title", title=without_markers(draft.title)),
        text="\n".join(lines),
    )


def member_card(
    lang: str, zone: ZoneInfo, request: CooperationRequest, response: Response | None, admin: bool
) -> Outgoing:
    """A request someone else posted, opened from the list."""
    lines = _body(lang, zone, request, request.id)
    buttons: list[list[Button]] = []
    if response is not None and response.answer == "interested":
        lines += ["", t(lang, "cooperation.you_are_interested")]
    else:
        lines += ["", t(lang, "cooperation.notice_privacy")]
        buttons = answer_buttons(lang, request.id)
    if admin:
        remove = buttons_.RemoveAsk(request.id).button(
            t(lang, "cooperation.btn_remove", id=request.id)
        )
        buttons.append([remove])
    return Outgoing(title=_title(lang, request), text="\n".join(lines), buttons=buttons)


def person_lines(lang: str, member: Member | Interested, region: str | None = None) -> list[str]:
    """Name, company (and region) and competencies: what "interested" shares."""
    name = without_markers(member.name)
    shown = (shown_company(member.company), region_label(lang, region) if region else "")
    details = without_markers(", ".join(part for part in shown if part))
    lines = [t(lang, "cooperation.person", name=name, details=details) if details else name]
    if member.competencies:
        tags = without_markers(", ".join(member.competencies))
        lines.append(t(lang, "cooperation.person_competencies", competencies=tags))
    return lines


def interest_notice(lang: str, request: CooperationRequest, member: Member) -> Outgoing:
    """To the author: who is interested, and the button to connect. No contact yet."""
    lines = [*person_lines(lang, member, member.region), "", t(lang, "cooperation.interest_ask")]
    connect = buttons_.Connect(request.id, member.id).button(t(lang, "cooperation.btn_connect"))
    return Outgoing(
        title=t(lang, "cooperation.interest_title", title=without_markers(request.title)),
        text="\n".join(lines),
        buttons=[[connect]],
    )


def introduction(
    lang: str,
    request: CooperationRequest,
    other: Member,
    reach: dict[str, str],
    platform: str,
    *,
    for_author: bool,
    again: bool = False,
) -> Outgoing:
    """After both agreed: who the other is and how to reach them from ``platform``."""
    name = without_markers(other.name)
    if again:
        lead = t(lang, "cooperation.connected_already")
    elif for_author:
        lead = t(lang, "cooperation.intro_author", name=name)
    else:
        lead = t(lang, "cooperation.intro_member", name=name)
    entry = DirectoryEntry(
        member_id=other.id,
        name=other.name,
        company=other.company,
        region=other.region,
        competencies=other.competencies,
        reach=reach,
    )
    contacts: list[Contact] = []
    how = reach_line(lang, entry, platform, contacts) or t(lang, "cooperation.no_contact")
    lines = [lead, "", *person_lines(lang, other, other.region), how]
    if not again:
        lines += ["", t(lang, "cooperation.intro_next")]
    return Outgoing(
        title=t(lang, "cooperation.intro_title", title=without_markers(request.title)),
        text="\n".join(lines),
        contacts=contacts,
    )


def author_card(
    lang: str, zone: ZoneInfo, request: CooperationRequest, interested: list[Interested]
) -> Outgoing:
    """The author's own request: who is interested, connect buttons, closing buttons."""
    lines = _body(lang, zone, request, request.id)
    lines.append("")
    buttons: list[list[Button]] = []
    if not interested:
        lines.append(t(lang, "cooperation.manage_nobody"))
    else:
        lines.append(t(lang, "cooperation.manage_interested", count=len(interested)))
        for number, person in enumerate(interested, start=1):
            first, *rest = person_lines(lang, person)
            lines += [f"{number}. {first}", *(f"   {line}" for line in rest)]
            if person.connected_at is not None:
                lines.append(t(lang, "cooperation.manage_connected"))
            elif len(buttons) < CONNECT_BUTTONS:  # the others: on each interest notice
                label = t(lang, "cooperation.btn_connect_named", name=person.name)
                connect = buttons_.Connect(request.id, person.member_id).button(label[:60])
                buttons.append([connect])
    buttons.append(close_buttons(lang, request.id))
    return Outgoing(title=_title(lang, request), text="\n".join(lines), buttons=buttons)


def close_buttons(lang: str, request_id: int) -> list[Button]:
    return [
        buttons_.Close(request_id, "found").button(t(lang, "cooperation.btn_found")),
        buttons_.Close(request_id, "not_needed").button(t(lang, "cooperation.btn_not_needed")),
    ]


def own_entry(lang: str, zone: ZoneInfo, request: CooperationRequest, interested: int) -> str:
    return t(
        lang,
        "cooperation.list_own_entry",
        id=request.id,
        kind=kind_label(lang, request.kind),
        title=without_markers(request.title),
        interested=interested_label(lang, interested),
        until=format_date(request.expires_at, lang, zone),
    )


def list_entry(lang: str, zone: ZoneInfo, request: CooperationRequest) -> str:
    return t(
        lang,
        "cooperation.list_entry",
        id=request.id,
        kind=kind_label(lang, request.kind),
        title=without_markers(request.title),
        tags=without_markers(", ".join(request.tags)),
        scope=scope_label(lang, request.region),
        date=format_date(request.created_at, lang, zone),
    )


def list_page(
    lang: str,
    zone: ZoneInfo,
    *,
    own: list[tuple[CooperationRequest, int]],
    others: list[CooperationRequest],
    total: int,
    heading: str,
    topics: list[TopicCount],
    state: tuple[buttons_.Scope, int | None],
    offset: int,
    more: bool,
) -> Outgoing:
    """``/gesuche``: the member's own open requests, then others' (newest first), with a
    button per request, topic filters and "more". ``state`` is (scope, topic) of the list."""
    blocks: list[str] = []
    buttons: list[Button] = []
    if own:
        entries = [own_entry(lang, zone, request, count) for request, count in own]
        blocks.append("\n".join([t(lang, "cooperation.list_own"), *entries]))
        buttons += [
            buttons_.ViewRequest(r.id).button(t(lang, "cooperation.btn_manage", id=r.id))
            for r, _ in own
        ]
    if others:
        entries = [list_entry(lang, zone, request) for request in others]
        blocks.append("\n".join([heading, *entries]))
        buttons += [
            buttons_.ViewRequest(r.id).button(t(lang, "cooperation.btn_view", id=r.id))
            for r in others
        ]
    else:
        blocks.append(t(lang, "cooperation.list_empty") if state[1] is None else heading)
    blocks.append(t(lang, "cooperation.list_hint"))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    scope, topic_id = state
    if more:
        more_page = buttons_.ListPage(scope, topic_id, offset + len(others))
        rows.append([more_page.button(t(lang, "cooperation.btn_more"))])
    filters = [
        buttons_.ListPage(scope, tc.topic_id, 0).button(
            t(lang, "cooperation.btn_topic", topic=tc.name[:40], count=tc.count)
        )
        for tc in topics
        if tc.topic_id != topic_id
    ][:6]
    if topic_id is not None:
        every_topic = buttons_.ListPage(scope, None, 0)
        filters.insert(0, every_topic.button(t(lang, "cooperation.btn_all_topics")))
    rows += [filters[i : i + 2] for i in range(0, len(filters), 2)]
    rows.append([Button(label=t(lang, "cooperation.btn_new"), action="coop.new")])
    return Outgoing(title=t(lang, "cooperation.list_title"), text="\n\n".join(blocks), buttons=rows)


def question(lang: str, request: CooperationRequest, interested: int) -> Outgoing:
    """Two weeks after posting: still open?"""
    text = t(
        lang,
        "cooperation.question",
        title=without_markers(request.title),
        interested=interested_label(lang, interested),
    )
    still = buttons_.StillOpen(request.id).button(t(lang, "cooperation.btn_still_open"))
    return Outgoing(text=text, buttons=[[still], close_buttons(lang, request.id)])


def author_note(lang: str, key: str, request: CooperationRequest) -> Outgoing:
    """Expired, removed or closed: one line naming the request."""
    return Outgoing(text=t(lang, key, title=without_markers(request.title)))
