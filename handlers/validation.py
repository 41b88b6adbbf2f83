"""Checks for what people type, returning the catalog key of the complaint."""

from __future__ import annotations

from bot.arguments import number
from bot.forms import words
from bot.router import Invalid

__all__ = ["Invalid", "competencies", "match_choice", "person_name", "single_line"]

MAX_NAME = 100
MAX_COMPANY = 120
MAX_TAGS = 20
MAX_TAG_LENGTH = 50


def single_line(text: str, max_length: int) -> str:
    """A non-empty, one-line text of at most ``max_length`` characters, trimmed."""
    value = text.strip()
    if not value:
        raise Invalid("error.empty", {})
    if "\n" in value or "\r" in value:
        raise Invalid("error.one_line", {})
    value = " ".join(value.split())
    if len(value) > max_length:
        raise Invalid("error.too_long", {"max": max_length})
    return value


def has_letters(text: str) -> bool:
    """Whether a name has at least one letter: "😀" or "🤖🤖" names nobody."""
    return any(character.isalpha() for character in text)


def person_name(text: str, max_length: int = MAX_NAME) -> str:
    """A one-line name with letters in it."""
    value = single_line(text, max_length)
    if not has_letters(value):
        raise Invalid("error.no_letters", {})
    return value


def competencies(text: str) -> list[str]:
    """Comma-separated tags, de-duplicated ignoring case; a skip word (``-``, ``–``, ``—``,
    ``keine``, ``überspringen``…: the forms' own set) means none."""
    if not text.strip() or words.word(text) in words.SKIP:
        return []
    tags: dict[str, str] = {}
    for part in text.replace("\n", ",").replace(";", ",").split(","):
        tag = " ".join(part.split())
        if any(c.isalnum() for c in tag):  # a stray "-" or "…" between commas is no tag
            tags.setdefault(tag.casefold(), tag)
    values = list(tags.values())
    if len(values) > MAX_TAGS or any(len(tag) > MAX_TAG_LENGTH for tag in values):
        raise Invalid("reg.bad_competencies", {"max_tags": MAX_TAGS, "max_len": MAX_TAG_LENGTH})
    return values


def match_choice(text: str, choices: list[str]) -> str | None:
    """The choice the text names (ignoring case), or its 1-based number."""
    wanted = " ".join(text.casefold().split())
    for choice in choices:
        if choice.casefold() == wanted:
            return choice
    index = number(wanted, 1, len(choices))
    return None if index is None else choices[index - 1]
