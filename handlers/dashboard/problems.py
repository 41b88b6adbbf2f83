"""A refused form as the page shows it: the message tied to the field it is about.

The page puts an error summary above the form (it takes the focus and links to the field)
and marks the field itself (``aria-invalid``, ``aria-describedby`` to the message next to
it), so a screen reader or a magnifier user finds what to correct. The shared parsers do
not know the web form's fields; each form names which of its fields a refusal's catalog key
belongs to, and a default for keys it does not list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.router import Invalid
from handlers.dashboard.tools import PageTools


@dataclass(frozen=True)
class Problem:
    """What the summary says, and the id of the input it links to (None: the form as a
    whole, e.g. a broadcast's audience that reached nobody)."""

    text: str
    field: str | None = None


EVENT_FIELDS: Mapping[str, str] = {
    "events.bad_title": "title",
    "error.too_long": "description",  # the place has a maxlength in the page
    "events.bad_start": "start",
    "events.bad_day": "start",
    "events.start_past": "start",
    "events.too_far": "start",
    "events.bad_timezone": "start",
    "events.end_before_start": "end",
    "events.too_long": "end",
    "error.one_line": "where",  # the title and the description say it in their own words
    "events.bad_format": "format",
    "events.bad_capacity": "capacity",
    "events.bad_repeat": "repeat",
    "events.bad_rrule": "rrule",
    "topics.unknown": "topics",
    "groups.gone": "group",
}
BROADCAST_FIELDS: Mapping[str, str] = {
    "topics.unknown": "topic_id",
    "broadcast.unknown_region": "region",
    "broadcast.empty_text": "text",
    "broadcast.text_too_long": "text",
}
TOPIC_FIELDS: Mapping[str, str] = {"topics.description_too_long": "topic-description"}
GROUP_FIELDS: Mapping[str, str] = {
    "error.too_long": "group-description",
    "groups.bad_policy": "join_policy",
    "topics.unknown": "group-topic",
}

# a refusal of a field of the date-poll form names its field itself; these come from
# the checks made again when the poll goes out, and from closing it
POLL_FIELDS: Mapping[str, str] = {
    "polls.remind_past": "remind",
    "polls.remind_late": "remind",
    "polls.deadline_past": "deadline",
    "polls.deadline_after_first": "deadline",
    "polls.option_passed": "options",
    "polls.nobody": "audience",
    "polls.unknown_member": "members",
    "groups.gone": "group",
    "form.choice_gone": "topic",
}
POLL_CLOSE_FIELDS: Mapping[str, str] = {
    "dashboard.polls.pick_date": "option",
    "polls.option_passed": "option",
    "events.bad_capacity": "capacity",
    "error.one_line": "where",
    "error.too_long": "where",
}


def problem_of(
    tools: PageTools,
    refused: Invalid,
    fields: Mapping[str, str],
    default: str | None = None,
) -> Problem:
    """The refusal in the admin's words, at the field its key belongs to."""
    return Problem(tools.t(refused.key, **refused.params), fields.get(refused.key, default))
