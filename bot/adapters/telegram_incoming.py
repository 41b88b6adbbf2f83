"""Telegram updates -> :class:`Incoming`: private and group messages, commands, button presses."""

from __future__ import annotations

import json
from dataclasses import dataclass

from telegram import CallbackQuery, Chat, ChatMember, Message, Update, User

from bot.adapters.telegram_entities import to_markup
from bot.models import Button, ChatKind, Identity, Incoming, Platform


def numeric_id(value: object) -> str:
    """A Telegram chat or user id, which is always an integer; anything else is forged."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"not a Telegram id: {type(value).__name__}")
    return str(value)


def chat_kind(chat: Chat) -> ChatKind | None:
    """Private chats and (super)groups; channels have no sender and are not handled."""
    if chat.type == Chat.PRIVATE:
        return ChatKind.PRIVATE
    if chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        return ChatKind.GROUP
    return None


def identity(user: User) -> Identity:
    return Identity(
        platform=Platform.TELEGRAM, user_id=numeric_id(user.id), display_name=user.full_name
    )


def address_command(text: str, bot_username: str | None) -> str | None:
    """``/cmd@ThisBot args`` -> ``/cmd args``; None when the command is for another bot."""
    if not text.startswith("/"):
        return text
    first, separator, rest = text.partition(" ")
    command, at, addressee = first.partition("@")
    if not at:
        return text
    if bot_username is None or addressee.casefold() != bot_username.casefold():
        return None
    return command + separator + rest


def message_incoming(update: Update, message: Message, bot_username: str | None) -> Incoming | None:
    """A text (or captioned) message from a person, or None if it is not for the bot."""
    user = message.from_user
    kind = chat_kind(message.chat)
    text = message.text if message.text is not None else message.caption
    entities = message.entities if message.text is not None else message.caption_entities
    if user is None or user.is_bot or kind is None or text is None:
        return None
    addressed = address_command(to_markup(text, entities), bot_username)
    if addressed is None:
        return None
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=numeric_id(message.chat.id),
        chat_kind=kind,
        sender=identity(user),
        text=addressed,
        language_hint=user.language_code,
        message_id=str(message.message_id),
        update_id=str(update.update_id),
        chat_title=message.chat.title if kind == ChatKind.GROUP else None,
    )


def callback_incoming(update: Update, query: CallbackQuery) -> Incoming | None:
    """A button press; in a group the answer goes to the group the button was in."""
    if not query.data:
        return None
    action, arg = Button.decode(query.data)
    chat = query.message.chat if query.message is not None else None
    kind = chat_kind(chat) if chat is not None else ChatKind.PRIVATE
    if kind is None:
        return None
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=numeric_id(chat.id if chat is not None else query.from_user.id),
        chat_kind=kind,
        sender=identity(query.from_user),
        action=action,
        action_arg=arg,
        language_hint=query.from_user.language_code,
        message_id=str(query.message.message_id) if query.message is not None else None,
        update_id=str(update.update_id),
        chat_title=chat.title if chat is not None and kind == ChatKind.GROUP else None,
        reply_target=edit_target(query.message.message_id) if query.message is not None else None,
    )


def edit_target(message_id: int) -> str:
    """The reply target of a button press: the message whose button was pressed."""
    return json.dumps({"edit": int(message_id)})


def edited_message(reply_target: str | None) -> int | None:
    """The message an answer may edit, from its reply target (None: send a new one)."""
    if not reply_target:
        return None
    value = json.loads(reply_target).get("edit")
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class Reading:
    """What an update means to the bot, read completely before anything is done with it.

    Reading is pure, so an update whose fields have the wrong types (an ``int`` where a
    name belongs, a forged webhook body that PTB still parses) fails here and is skipped
    with one short line, instead of failing halfway through handling."""

    incoming: Incoming | None = None
    query: CallbackQuery | None = None  # answered first, so that the spinner stops
    left_chat: str | None = None  # the bot was removed from this group
    blocked_by: str | None = None  # this person blocked the bot (their private chat)
    unblocked_by: str | None = None  # this person unblocked (restarted) the bot
    migrated: tuple[str, str] | None = None  # a group became a supergroup: (old, new)


def read_update(update: Update, bot_username: str | None) -> Reading:
    """The one thing an update asks of the bot; an empty reading when it asks nothing."""
    change = update.my_chat_member
    if change is not None:
        gone = change.new_chat_member.status in (ChatMember.LEFT, ChatMember.BANNED)
        if change.chat.type != Chat.PRIVATE:
            return Reading(left_chat=numeric_id(change.chat.id)) if gone else Reading()
        person = numeric_id(change.from_user.id)
        return Reading(blocked_by=person) if gone else Reading(unblocked_by=person)
    message = update.message
    if message is not None:
        if message.migrate_to_chat_id is not None:
            return Reading(
                migrated=(str(int(message.chat.id)), str(int(message.migrate_to_chat_id)))
            )
        if message.migrate_from_chat_id is not None:
            return Reading(
                migrated=(numeric_id(message.migrate_from_chat_id), numeric_id(message.chat.id))
            )
        return Reading(incoming=message_incoming(update, message, bot_username))
    query = update.callback_query
    if query is not None:
        return Reading(incoming=callback_incoming(update, query), query=query)
    return Reading()
