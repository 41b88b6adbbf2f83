"""Telegram's message entities -> the bot's small markup (see bot/markup.py).

A client's formatting (bold, italic, underline, strikethrough, code, pre, text links)
arrives as entities beside plain text, with offsets in UTF-16 units. Read into markup,
it survives to every platform the text goes to. The text between entities stays as typed,
so a member's own ``*stars*`` follow the same rule as on Slack. Web addresses and
``@mentions`` are already in the text and stay as they are; a mention of a person
without a username becomes their name.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import MessageEntity

_MARKERS = {
    MessageEntity.BOLD: ("*", "*"),
    MessageEntity.ITALIC: ("_", "_"),
    MessageEntity.UNDERLINE: ("__", "__"),
    MessageEntity.STRIKETHROUGH: ("~", "~"),
    MessageEntity.CODE: ("`", "`"),
    MessageEntity.PRE: ("```\n", "\n```"),
}


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _piece(units: bytes, begin: int, end: int) -> str:
    return units[begin * 2 : end * 2].decode("utf-16-le")


def _wrapped(text: str, entity: MessageEntity) -> str:
    """One entity's text with its markup; whitespace at the edges stays outside, since the
    markup's markers stand next to words."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if entity.type == MessageEntity.TEXT_LINK and entity.url:
        label = " ".join(core.replace("[", "(").replace("]", ")").split())
        return f"{lead}[{label}]({entity.url}){trail}"
    if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None:
        return f"{lead}{entity.user.full_name}{trail}"
    if entity.type in (MessageEntity.CODE, MessageEntity.PRE):
        opening, closing = _MARKERS[entity.type]
        return f"{lead}{opening}{core.replace('`', 'ˋ')}{closing}{trail}"
    opening, closing = _MARKERS[entity.type]
    return f"{lead}{opening}{core}{closing}{trail}"


_READ = {*_MARKERS, MessageEntity.TEXT_LINK, MessageEntity.TEXT_MENTION}


def to_markup(text: str, entities: Sequence[MessageEntity] | None) -> str:
    """The text with its formatting entities as markup; unchanged without any."""
    wanted = sorted(
        (e for e in entities or () if e.type in _READ and e.length > 0),
        key=lambda e: (e.offset, -e.length, e.type == MessageEntity.TEXT_LINK),
    )
    if not wanted:
        return text
    return _render(_utf16(text), 0, len(_utf16(text)) // 2, wanted)


def _render(units: bytes, begin: int, end: int, entities: list[MessageEntity]) -> str:
    """The units between ``begin`` and ``end`` with the entities inside (sorted by start,
    longest first), nested ones rendered within their parent."""
    out: list[str] = []
    position = begin
    i = 0
    while i < len(entities):
        entity = entities[i]
        stop = entity.offset + entity.length
        inner = []
        j = i + 1
        while j < len(entities) and entities[j].offset < stop:
            if entities[j].offset + entities[j].length <= stop:
                inner.append(entities[j])
            j += 1
        if entity.offset < position:  # overlapping, not nested: ignored
            i = j
            continue
        out.append(_piece(units, position, entity.offset))
        if entity.type in (MessageEntity.CODE, MessageEntity.PRE, MessageEntity.TEXT_LINK):
            content = _piece(units, entity.offset, stop)  # literal, or a link's plain label
        else:
            content = _render(units, entity.offset, stop, inner)
        out.append(_wrapped(content, entity))
        position = stop
        i = j
    out.append(_piece(units, position, end))
    return "".join(out)
