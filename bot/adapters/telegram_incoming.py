"""Telegram updates -> :class:`Incoming`: private and group messages, commands, button presses."""

from __future__ import annotations

from telegram import CallbackQuery, Chat, Message, Update, User

from bot.models import Button, ChatKind, Identity, Incoming, Platform


def chat_kind(chat: Chat) -> ChatKind | None:
    """Private chats and (super)groups; channels have no sender and are not handled."""
    if chat.type == Chat.PRIVATE:
        return ChatKind.PRIVATE
    if chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        return ChatKind.GROUP
    return None


def identity(user: User) -> Identity:
    return Identity(platform=Platform.TELEGRAM, user_id=str(user.id), display_name=user.full_name)


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
    if user is None or user.is_bot or kind is None or text is None:
        return None
    addressed = address_command(text, bot_username)
    if addressed is None:
        return None
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=str(message.chat.id),
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
        chat_id=str(chat.id if chat is not None else query.from_user.id),
        chat_kind=kind,
        sender=identity(query.from_user),
        action=action,
        action_arg=arg,
        language_hint=query.from_user.language_code,
        message_id=str(query.message.message_id) if query.message is not None else None,
        update_id=str(update.update_id),
        chat_title=chat.title if chat is not None and kind == ChatKind.GROUP else None,
    )
