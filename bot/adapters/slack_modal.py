"""A form (:class:`bot.models.FormView`) as a Slack modal, and a modal's submission read back.

The kernel (:mod:`bot.forms`) describes a whole form at once; here it becomes Block Kit:
one input block per field (``block_id`` and ``action_id`` = the field's name; a field of
several moments adds a date-and-time picker block per moment), and the
preview as a second view whose submit button confirms. A submission's state values come
back as the raw strings the kernel's parsers read (datetimes ``@<unix seconds>``, dates
``YYYY-MM-DD``, choices by value). Every text is cut to Slack's documented limits, so a
long German label never makes ``views.open`` fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.arguments import number
from bot.models import FieldView, FormView, Outgoing

View = dict[str, Any]

TITLE_LIMIT = 24  # a modal's title, submit and close
LABEL_LIMIT = 2000  # an input block's label and hint
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150
OPTIONS_LIMIT = 100  # static_select / multi_static_select
FEW_OPTIONS = 5  # up to this many: radio buttons / checkboxes, all visible at once
INPUT_LIMIT = 3000  # plain_text_input max_length
SECTION_LIMIT = 3000
BLOCKS_LIMIT = 100  # blocks in one modal
CALLBACK_ID_LIMIT = 255
METADATA_LIMIT = 3000
MOMENT_LIMIT = 253_402_300_799  # 9999-12-31 in unix seconds, as the kernel reads them
SUBMIT = ".submit"  # the fields view: the kernel answers with errors or the preview
CONFIRM = ".confirm"  # the preview view: the kernel finishes the form


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": cut(text, limit) or " ", "emoji": True}


def _callback_id(form: FormView, step: str) -> str:
    callback_id = f"{form.action}|{step}"
    if len(callback_id) > CALLBACK_ID_LIMIT:
        raise ValueError(f"form action too long for a callback_id: {form.action!r}")
    return callback_id


def _frame(form: FormView, step: str, blocks: list[dict[str, Any]]) -> View:
    return {
        "type": "modal",
        "callback_id": _callback_id(form, step),
        "title": _plain(form.title, TITLE_LIMIT),
        "submit": _plain(form.submit, TITLE_LIMIT),
        "blocks": blocks[:BLOCKS_LIMIT],
    }


def fields_view(form: FormView) -> View:
    """The modal with every field of the form to fill in."""
    return _frame(form, SUBMIT, [block for field in form.fields for block in _blocks(field)])


def preview_view(form: FormView) -> View:
    """The modal that shows what was entered; its submit button confirms."""
    text = form.preview or ""
    sections = [
        {"type": "section", "text": _plain(piece, SECTION_LIMIT)}
        for piece in _pieces(text, SECTION_LIMIT)
    ]
    return _frame(form, CONFIRM, sections)


def _pieces(text: str, limit: int) -> list[str]:
    """Text in pieces of at most ``limit`` characters, cut at line ends where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        at = text.rfind("\n", 0, limit)
        at = at if at > 0 else limit
        pieces.append(text[:at])
        text = text[at:].lstrip("\n")
    return [*pieces, text] if text or not pieces else pieces


def _options(choices: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {"text": _plain(label, OPTION_TEXT_LIMIT), "value": value[:OPTION_VALUE_LIMIT]}
        for value, label in choices[:OPTIONS_LIMIT]
    ]


def _blocks(field: FieldView) -> list[dict[str, Any]]:
    """A field's input block, and its date-and-time pickers after it (each optional: the
    kernel says whether enough were picked or typed, next to the block it concerns)."""
    pickers = [
        {
            "type": "input",
            "block_id": name,
            "label": _plain(label, LABEL_LIMIT),
            "optional": True,
            "element": {"action_id": name, "type": "datetimepicker"},
        }
        for name, label in field.pickers
    ]
    return [_input(field), *pickers]


def _input(field: FieldView) -> dict[str, Any]:
    """One field as an input block; its element by the field's kind."""
    block: dict[str, Any] = {
        "type": "input",
        "block_id": field.name,
        "label": _plain(field.label, LABEL_LIMIT),
        "optional": field.optional,
        "element": {"action_id": field.name, **_element(field)},
    }
    if field.hint:
        block["hint"] = _plain(field.hint, LABEL_LIMIT)
    return block


def _element(field: FieldView) -> dict[str, Any]:
    kind, initial = field.kind, field.initial
    if kind in ("choice", "yes_no") and field.choices:
        options = _options(field.choices)
        few = len(options) <= FEW_OPTIONS
        element: dict[str, Any] = {"type": "radio_buttons" if few else "static_select"}
        element["options"] = options
        chosen = [o for o in options if o["value"] == initial]
        if chosen:
            element["initial_option"] = chosen[0]
        return element
    if kind == "multi" and field.choices:
        options = _options(field.choices)
        few = len(options) <= FEW_OPTIONS
        element = {"type": "checkboxes" if few else "multi_static_select", "options": options}
        picked = set(initial) if isinstance(initial, list) else set()
        chosen = [o for o in options if o["value"] in picked]
        if chosen:
            element["initial_options"] = chosen
        return element
    if kind == "datetime":
        element = {"type": "datetimepicker"}
        moment = number(initial[1:], 0, MOMENT_LIMIT) if isinstance(initial, str) else None
        if moment is not None and str(initial).startswith("@"):
            element["initial_date_time"] = moment
        return element
    if kind == "date":
        element = {"type": "datepicker"}
        if isinstance(initial, str) and len(initial) == 10:
            element["initial_date"] = initial
        return element
    limit = max(1, min(field.max_length, INPUT_LIMIT))
    element = {"type": "plain_text_input", "max_length": limit}
    if kind == "long_text":
        element["multiline"] = True
    if isinstance(initial, str) and initial:
        element["initial_value"] = initial[:limit]
    return element


# submissions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """A submitted modal as the kernel reads it: the form's action and step, the values."""

    action: str
    step: str
    values: dict[str, str | list[str] | None]


def read_submission(view: dict[str, Any]) -> Submission | None:
    """The form, step and raw values of a submitted view; None if it is not one of ours."""
    action, _, step = str(view.get("callback_id") or "").rpartition("|")
    if not action or step not in (SUBMIT, CONFIRM):
        return None
    state = view.get("state") or {}
    blocks = state.get("values") if isinstance(state, dict) else None
    values: dict[str, str | list[str] | None] = {}
    for block_id, elements in (blocks or {}).items():
        if isinstance(elements, dict):
            for element in elements.values():
                if isinstance(element, dict):
                    values[str(block_id)] = _value(element)
    return Submission(action, step, values)


def _value(element: dict[str, Any]) -> str | list[str] | None:
    """One element's state as the raw text the field's parser reads."""
    kind = element.get("type")
    if kind in ("static_select", "radio_buttons"):
        option = element.get("selected_option")
        return _text(option.get("value")) if isinstance(option, dict) else None
    if kind in ("multi_static_select", "checkboxes"):
        options = element.get("selected_options")
        picked = options if isinstance(options, list) else []
        return [str(o["value"]) for o in picked if isinstance(o, dict) and "value" in o]
    if kind == "datetimepicker":
        moment = element.get("selected_date_time")
        return f"@{moment}" if isinstance(moment, int) and not isinstance(moment, bool) else None
    if kind == "datepicker":
        return _text(element.get("selected_date"))
    return _text(element.get("value"))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


# the answer to a submission --------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """How a submission is acknowledged (bolt's ``ack`` arguments), and the replies that
    go to the person's DM instead (the modal closes)."""

    ack: dict[str, Any]
    to_dm: list[Outgoing]


def answer(replies: list[Outgoing]) -> Answer:
    """The kernel's replies to a submission: errors next to the fields, or the preview
    as the modal's next view; anything else (the finish's messages, a refusal, a stale
    form) closes the modal and goes to the DM."""
    for reply in replies:
        form = reply.form
        if form is None:
            continue
        rest = [r for r in replies if r is not reply]
        if form.preview is not None:
            return Answer({"response_action": "update", "view": preview_view(form)}, rest)
        if form.errors:
            errors = {name: cut(text, LABEL_LIMIT) for name, text in form.errors.items()}
            return Answer({"response_action": "errors", "errors": errors}, rest)
        return Answer({"response_action": "update", "view": fields_view(form)}, rest)
    return Answer({}, replies)
