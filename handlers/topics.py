"""Topic channels: listing with toggles, subscribing by name, and the admin commands.

:func:`create_topic` and :func:`archive_topic` are shared with the CLI, so that a topic
made in chat and one made on the command line are checked and recorded the same way.
"""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, RecordId
from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.names import find_topic, require_topic, unknown
from handlers.validation import Invalid, has_letters, line_breaks, one_line
from storage import Store
from storage.topics import DuplicateTopic, Topic

MAX_TOPIC_NAME = 60
MAX_DESCRIPTION = 500
_SUBSCRIBE = {"subscribe", "abonnieren", "abo", "sub"}
_UNSUBSCRIBE = {"unsubscribe", "abbestellen", "kündigen", "unsub"}
MAX_PAGE = 1000


class TopicPage(ButtonArgs, action="topics.page"):
    page: Annotated[int, Bounds(0, MAX_PAGE)]


class ToggleTopic(ButtonArgs, action="topics.toggle"):
    topic_id: RecordId
    page: Annotated[int, Bounds(0, MAX_PAGE)] = 0  # buttons from before paging have none


TopicLevelName = Literal["all", "digest", "muted"]


class TopicLevel(ButtonArgs, action="topics.level"):
    """Set a subscription's level: the button carries the level it sets, so a press that
    arrives twice sets it once."""

    topic_id: RecordId
    level: TopicLevelName
    page: Annotated[int, Bounds(0, MAX_PAGE)] = 0


NEXT_LEVEL: dict[str, TopicLevelName] = {"all": "digest", "digest": "muted", "muted": "all"}
LEVEL_MARKS = {"all": "✅", "digest": "🗞", "muted": "🔕"}


async def create_topic(store: Store, name: str, description: str, actor: str | None) -> Topic:
    """Validate and create a topic; raises :class:`Invalid` with a catalog key."""
    name = one_line(name)
    description = line_breaks(description).strip()
    if not 2 <= len(name) <= MAX_TOPIC_NAME or not has_letters(name):
        raise Invalid("topics.name_invalid", {"max": MAX_TOPIC_NAME})
    if len(description) > MAX_DESCRIPTION:
        raise Invalid("topics.description_too_long", {"max": MAX_DESCRIPTION})
    try:
        topic = await store.topics.create(name, description)
    except DuplicateTopic:
        raise Invalid("topics.duplicate", {"topic": name}) from None
    await store.audit.record("topic.created", actor, topic_id=topic.id, name=name)
    return topic


async def archive_topic(store: Store, name: str, actor: str | None) -> Topic:
    topic = await find_topic(store, name)
    if topic is None:
        raise unknown(name, await store.topics.list(), "topic")
    if topic.archived:
        raise Invalid("topics.already_archived", {"topic": topic.name})
    await store.topics.archive(topic.id)
    await store.audit.record("topic.archived", actor, topic_id=topic.id)
    return topic


PAGE_TOPICS = 8  # topics per screen at most
PAGE_CHARS = 2400  # and this many characters of topic lines: one message on every platform


def _mark(level: str | None) -> str:
    return LEVEL_MARKS.get(level or "", "▫️")


def _topic_line(topic: Topic, level: str | None) -> str:
    line = f"{_mark(level)} {topic.name}"
    return line + (f" – {topic.description}" if topic.description else "")


def _pages(lines: list[str]) -> list[range]:
    """The list cut into screens that each fit one message, the same cut on every press:
    at most :data:`PAGE_TOPICS` topics and :data:`PAGE_CHARS` characters (a screen holds
    at least one topic, however long its description)."""
    pages: list[range] = []
    start, size = 0, 0
    for index, line in enumerate(lines):
        if index > start and (index - start >= PAGE_TOPICS or size + len(line) > PAGE_CHARS):
            pages.append(range(start, index))
            start, size = index, 0
        size += len(line) + 1
    pages.append(range(start, len(lines)))
    return pages


async def topic_list(
    ctx: MemberContext,
    notice: str | None = None,
    replace: bool = False,
    page: int = 0,
    listed: list[tuple[Topic, str | None]] | None = None,
) -> Outgoing:
    """One screen of the topics with a toggle each (and, once subscribed, a button that
    steps through the levels: at once, weekly overview, muted), and "weiter"/"zurück"
    while there are more: a long list stays one message, edited in place on every press
    (``listed``: the open topics with the member's levels as the caller already read them,
    so a button press reads the list once)."""
    if listed is None:
        listed = await ctx.store.topics.levels_for(ctx.member.id)
    if not listed:
        return ctx.reply("topics.none", replace=replace)
    lines = [_topic_line(topic, level) for topic, level in listed]
    pages = _pages(lines)
    page = min(max(page, 0), len(pages) - 1)
    shown = pages[page]
    buttons = []
    for i in shown:
        topic, level = listed[i]
        row = [ToggleTopic(topic.id, page).button(f"{_mark(level)} {topic.name}")]
        if level is not None:
            wanted = NEXT_LEVEL[level]
            label = ctx.t("topics.level_button", level=ctx.t(f"topics.level_{level}"))
            row.append(TopicLevel(topic.id, wanted, page).button(label))
        buttons.append(row)
    turn = []
    if page > 0:
        turn.append(ctx.button("topics.previous", TopicPage(page - 1)))
    if page + 1 < len(pages):
        turn.append(ctx.button("topics.next", TopicPage(page + 1)))
    if turn:
        buttons.append(turn)
    text = ctx.t("topics.intro") + " " + ctx.t("topics.levels_hint")
    if len(pages) > 1:
        text += " " + ctx.t("topics.page", page=page + 1, pages=len(pages))
    text += "\n\n" + "\n".join(lines[i] for i in shown)
    if notice:
        text = f"{notice}\n\n{text}"
    return Outgoing(title=ctx.t("topics.title"), text=text, buttons=buttons, replace=replace)


async def _subscribe_by_name(ctx: MemberContext, name: str, subscribe: bool) -> Outgoing:
    topic = await require_topic(ctx.store, name)
    if subscribe:
        changed = await ctx.store.topics.subscribe(ctx.member.id, topic.id)
        key = "topics.subscribed" if changed else "topics.already_subscribed"
    else:
        changed = await ctx.store.topics.unsubscribe(ctx.member.id, topic.id)
        key = "topics.unsubscribed" if changed else "topics.not_subscribed"
    return ctx.reply(key, topic=topic.name)


def register(router: Router) -> None:
    @router.command("topics", "themen", help_key="help.topics", order=10)
    async def topics(ctx: MemberContext, args: str) -> Outgoing:
        if not args:
            return await topic_list(ctx)
        verb, _, name = args.partition(" ")
        verb = verb.casefold()
        if verb in _SUBSCRIBE | _UNSUBSCRIBE and name.strip():
            return await _subscribe_by_name(ctx, name.strip(), verb in _SUBSCRIBE)
        return ctx.reply("topics.usage")

    @router.action("topics.list")
    async def list_button(ctx: MemberContext, arg: str) -> Outgoing:
        return await topic_list(ctx)

    @router.action(TopicPage)
    async def turn_page(ctx: MemberContext, pressed: TopicPage) -> Outgoing:
        return await topic_list(ctx, replace=True, page=pressed.page)

    @router.action(ToggleTopic)
    async def toggle(ctx: MemberContext, pressed: ToggleTopic) -> Outgoing:
        wanted, page = pressed.topic_id, pressed.page
        listed = await ctx.store.topics.levels_for(ctx.member.id)  # open topics only
        found = [(topic, level) for topic, level in listed if topic.id == wanted]
        if not found:  # gone or archived
            return await topic_list(
                ctx, ctx.t("topics.gone"), replace=True, page=page, listed=listed
            )
        [(topic, level)] = found
        new_level: str | None
        if level is not None:
            await ctx.store.topics.unsubscribe(ctx.member.id, topic.id)
            notice = ctx.t("topics.unsubscribed", topic=topic.name)
            new_level = None
        else:
            await ctx.store.topics.subscribe(ctx.member.id, topic.id)
            notice = ctx.t("topics.subscribed", topic=topic.name)
            new_level = "all"
        # the transaction holds the write lock: nothing else changed the list meanwhile
        listed = [(t, new_level if t.id == topic.id else lv) for t, lv in listed]
        return await topic_list(ctx, notice, replace=True, page=page, listed=listed)

    @router.action(TopicLevel)
    async def set_level(ctx: MemberContext, pressed: TopicLevel) -> Outgoing:
        listed = await ctx.store.topics.levels_for(ctx.member.id)
        found = [topic for topic, level in listed if topic.id == pressed.topic_id and level]
        if not found:  # gone, archived or unsubscribed meanwhile
            notice = ctx.t("topics.gone")
            return await topic_list(ctx, notice, replace=True, page=pressed.page, listed=listed)
        [topic] = found
        await ctx.store.topics.set_level(ctx.member.id, topic.id, pressed.level)
        notice = ctx.t(
            "topics.level_set", topic=topic.name, level=ctx.t(f"topics.level_{pressed.level}")
        )
        listed = [(t, pressed.level if t.id == topic.id else lv) for t, lv in listed]
        return await topic_list(ctx, notice, replace=True, page=pressed.page, listed=listed)

    @router.command("newtopic", "neuesthema", access=Access.ADMIN, help_key="help.newtopic")
    async def new_topic(ctx: Context, args: str) -> Outgoing:
        name, _, description = args.partition("|")
        if not name.strip():
            return ctx.reply("topics.new_usage")
        topic = await create_topic(ctx.store, name, description, ctx.actor)
        return ctx.reply("topics.created", topic=topic.name)

    @router.command(
        "archivetopic", "themaarchivieren", access=Access.ADMIN, help_key="help.archivetopic"
    )
    async def archive(ctx: Context, args: str) -> Outgoing:
        if not args.strip():
            return ctx.reply("topics.archive_usage")
        topic = await archive_topic(ctx.store, args.strip(), ctx.actor)
        return ctx.reply("topics.archived", topic=topic.name)
