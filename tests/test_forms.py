"""The form kernel on its own: a small declared form driven through a core, in a chat
(typed answers, buttons, errors, skip, change one field, discard, stale buttons, restart)
and as a native form (submission with errors, preview, confirm)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from bot.context import Context
from bot.core import Core
from bot.delivery.notify import Notifier
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Access, Invalid, Router
from bot.settings import Settings
from storage import Store
from tests.helpers import Person


class Visit(BaseModel):
    title: str
    region: str
    guests: int | None = None
    catering: bool = False
    dishes: list[str] = []
    when: datetime


RESULTS: list[Visit] = []


def _guests(ctx: Context, text: str, draft: Draft) -> int:
    digits = "".join(c for c in text if c.isascii() and c.isdigit())
    if not digits or len(digits) > 3:
        raise Invalid("form.required")
    return int(digits)


def _when(ctx: Context, text: str, draft: Draft) -> datetime:
    try:
        local = datetime.strptime(text.strip(), "%d.%m.%Y %H:%M")
    except ValueError as error:
        raise Invalid("form.required") from error
    return local.replace(tzinfo=ctx.zone)


def _title(ctx: Context, text: str, draft: Draft) -> str:
    if len(text.strip()) < 2:
        raise Invalid("form.required")
    return text.strip()


async def _finish(ctx: Context, visit: Visit) -> Outgoing:
    if visit.title == "refuse":
        raise Invalid("form.choice_gone")
    RESULTS.append(visit)
    return Outgoing(text=f"saved {visit.title}")


REGIONS = [
    Choice("olpe", "Kreis Olpe 🌲"),
    Choice("si", "Siegen-Wittgenstein"),
    Choice("o", "Other"),
    Choice("ob", "Oberbergischer Kreis"),
]
FORM = Form(
    name="visit",
    action="f.visit",
    model=Visit,
    title="form.open",
    finish=_finish,
    access=Access.ANYONE,
    fields=[
        Field("title", Kind.TEXT, "form.yes", "form.yes", parse=_title),
        Field("region", Kind.CHOICE, "form.no", "form.no", choices=REGIONS),
        Field("guests", Kind.NUMBER, "form.skip", "form.skip", parse=_guests, optional=True),
        Field("catering", Kind.YES_NO, "form.keep", "form.keep"),
        Field(
            "dishes",
            Kind.MULTI,
            "form.next",
            "form.next",
            choices=[Choice("soup", "Suppe"), Choice("cake", "Kuchen")],
            when=lambda draft: bool(draft.raw.get("catering")),
            optional=True,
        ),
        Field("when", Kind.DATETIME, "form.change", "form.change", parse=_when),
    ],
)


class Order(BaseModel):
    parts: list[str]
    note: str
    labels: list[str] = []


def _labels(ctx: Context, text: str, draft: Draft) -> list[str]:
    typed = [part.strip() for part in text.split(",") if part.strip()]
    return [*(draft.raw.get("labels") or []), *typed]


async def _note_params(ctx: Context, draft: Draft) -> dict[str, object]:
    return {"value": ", ".join(draft.raw.get("parts") or [])}  # may look things up


async def _order_preview(ctx: Context, draft: Draft, listing: str) -> list[Outgoing]:
    card = Outgoing(title="Karte", text="*Teile* für Müller & Söhne", markup=True)
    return [Outgoing(text="So sieht es aus:"), card]


ORDERS: list[Order] = []


async def _ordered(ctx: Context, order: Order) -> Outgoing:
    ORDERS.append(order)
    return Outgoing(text=f"ordered {', '.join(order.parts)}")


ORDER = Form(
    name="order",
    action="f.order",
    model=Order,
    title="form.open",
    finish=_ordered,
    access=Access.ANYONE,
    preview=_order_preview,
    fields=[
        Field("parts", Kind.MULTI, "form.skip", "form.skip", choices=REGIONS[:2]),
        Field("note", Kind.TEXT, "form.current", "form.keep", params=_note_params),
        Field(
            "labels",
            Kind.MULTI,
            "form.next",
            "form.next",
            choices=[Choice("eilig", "Eilig")],
            parse=_labels,
            optional=True,
        ),
    ],
)


class Note(BaseModel):
    ref: int  # not asked: given by begin's initial values
    text: str
    mood: str


NOTES: list[Note] = []


async def _note_finish(ctx: Context, note: Note) -> Outgoing:
    NOTES.append(note)
    return Outgoing(text=f"noted {note.text}")


async def _note_preview(ctx: Context, draft: Draft, listing: str) -> Outgoing:
    return Outgoing(title="Notiz", text=f"Vorschau\n{listing}")


async def _note_discarded(ctx: Context, draft: Draft) -> Outgoing:
    return Outgoing(text=f"discarded {draft.raw.get('ref')}")


NOTE = Form(
    name="note",
    action="f.note",
    model=Note,
    title="form.open",
    finish=_note_finish,
    access=Access.ANYONE,
    fields=[
        Field("text", Kind.TEXT, "form.yes", "form.next", parse=_title),
        Field(
            "mood",
            Kind.CHOICE,
            "form.no",
            "form.skip",
            choices=[Choice("ok", "Gut"), Choice("bad", "Schlecht")],
        ),
    ],
    preview=_note_preview,
    unclear="form.which_field",
    discarded=_note_discarded,
)


@pytest.fixture
async def core(settings: Settings) -> AsyncIterator[Core]:
    store = await Store.open(settings.db_path)
    router = Router()
    FORM.install(router)
    ORDER.install(router)

    @router.command("order", access=Access.ANYONE)
    async def order(ctx: Context, args: str) -> list[Outgoing]:
        return await ORDER.begin(ctx)

    NOTE.install(router)

    @router.command("visit", access=Access.ANYONE)
    async def start(ctx: Context, args: str) -> list[Outgoing]:
        return await FORM.begin(ctx)

    @router.command("note", access=Access.ANYONE)
    async def note(ctx: Context, args: str) -> list[Outgoing]:
        return await NOTE.begin(ctx, {"ref": 7}, extra={"came_from": args})

    @router.command("noteedit", access=Access.ANYONE)
    async def note_edit(ctx: Context, args: str) -> list[Outgoing]:
        current = {"ref": 7, "text": "Alt", "mood": "ok"}
        return await NOTE.begin(ctx, current, edit=True, only=args)

    @router.command("where", access=Access.ANYONE)
    async def where(ctx: Context, args: str) -> list[Outgoing]:
        return await NOTE.resume(ctx)

    RESULTS.clear()
    NOTES.clear()
    yield Core(store, settings, router, Notifier(store, settings.language))
    await store.close()


def _moment(days: int) -> tuple[str, datetime]:
    moment = (datetime.now() + timedelta(days=days)).replace(
        hour=18, minute=30, second=0, microsecond=0
    )
    return moment.strftime("%d.%m.%Y %H:%M"), moment


async def test_chat_asks_field_by_field_and_finishes_typed(core: Core) -> None:
    anna = Person(core, "anna", "de")
    await anna.say("/visit")
    assert "Ja" in anna.texts()  # the first prompt (catalog key form.yes)
    await anna.say(" ")
    assert "Da kam nichts an" in anna.texts()  # re-asked with the error
    await anna.say("Werksbesuch bei Müller & Söhne GmbH & Co. KG")
    await anna.say("olpe")  # a word of the label, folded: "Kreis Olpe 🌲"
    await anna.say("-")  # skipped
    await anna.press("Ja")  # catering yes -> the conditional dishes field comes
    await anna.press("Suppe")
    assert "✅ Suppe" in anna.last[0].button_list()[0].label and anna.last[0].replace
    await anna.press("Weiter")
    typed, moment = _moment(30)
    await anna.say("32.13.2020 99:99")
    assert "Bitte füllen Sie" in anna.texts()
    await anna.say(typed)
    assert "Bitte prüfen Sie" in anna.texts() and "Kreis Olpe" in anna.texts()
    await anna.press("Bestätigen")
    assert anna.texts() == "saved Werksbesuch bei Müller & Söhne GmbH & Co. KG"
    (visit,) = RESULTS
    assert visit.region == "olpe" and visit.guests is None and visit.catering
    assert visit.dishes == ["soup"] and visit.when.replace(tzinfo=None) == moment
    await anna.say("hallo")  # the form is over
    assert "Bitte prüfen" not in anna.texts()


async def test_change_one_field_keeps_the_rest(core: Core) -> None:
    ben = Person(core, "ben", "de")
    await ben.say("/visit")
    await ben.say("Stammtisch")
    await ben.say("2")  # the second choice by its number
    await ben.say("12 Gäste")
    await ben.say("nein")
    typed, _ = _moment(10)
    await ben.say(typed)
    assert "Gäste" not in ben.texts()
    await ben.press("Ändern")
    await ben.press("Ja")  # the field labelled form.yes: the title
    assert "Bisher: Stammtisch" in ben.texts()
    await ben.say("-")  # keeps it
    assert "Bitte prüfen" in ben.texts() and "Stammtisch" in ben.texts()
    await ben.say("Ja")  # the title field's label is "Ja" too: "ja" confirms first
    assert ben.texts() == "saved Stammtisch"
    assert RESULTS[0].guests == 12 and RESULTS[0].region == "si"


async def test_stale_buttons_ambiguous_and_discard(core: Core) -> None:
    cem = Person(core, "cem", "de")
    await cem.say("/visit")
    await cem.say("Treffen")
    region_message = cem.last
    await cem.say("o")  # "Other" and a word of "Kreis Olpe": asks which
    assert "passt zu mehreren" in cem.texts() and len(cem.last[0].button_list()) == 2
    await cem.press("Other")
    cem.last = region_message
    await cem.press("Siegen")  # answered already
    assert "schon beantwortet" in cem.texts()
    await cem.say("5")
    await cem.press("Nein")
    await cem.say(_moment(3)[0])
    await cem.press("Verwerfen")
    assert "abgebrochen" in cem.texts().lower() or cem.texts()
    await cem.say("Ja")
    assert RESULTS == []


async def test_a_refusal_in_finish_keeps_the_form(core: Core) -> None:
    dana = Person(core, "dana", "de")
    await dana.say("/visit")
    for answer in ("refuse", "1", "-", "nein", _moment(5)[0]):
        await dana.say(answer)
    await dana.press("Bestätigen")
    assert "gibt es nicht mehr" in dana.texts()
    assert await core.store.conversations.get("console", "dana") is not None


async def test_a_restart_resumes_at_the_same_field(core: Core, settings: Settings) -> None:
    eva = Person(core, "eva", "de")
    await eva.say("/visit")
    await eva.say("Besuch")
    await core.store.close()
    core.store = await Store.open(settings.db_path)
    await eva.say("Siegen")
    assert "Überspringen" in eva.last[0].button_list()[0].label


async def test_native_form_errors_next_to_fields_then_preview(core: Core) -> None:
    fay = Person(core, "fay", "de")
    opened = await fay.say("/visit", form_trigger=True)
    view = opened[0].form
    assert view is not None and [f.name for f in view.fields][:2] == ["title", "region"]
    assert view.fields[1].choices[0] == ("olpe", "Kreis Olpe 🌲")
    values: dict[str, Any] = {"title": "", "region": "gone", "when": "@0x", "catering": "no"}
    answer = await fay.say("", action="f.visit", action_arg=".submit", form_values=values)
    errors = answer[0].form.errors if answer[0].form else {}
    assert set(errors) == {"title", "region", "when"}
    when = int((datetime.now() + timedelta(days=20)).timestamp())
    values = {"title": "Werkstatt „Pulver“ / Tür", "region": "si", "catering": "yes",
              "dishes": ["cake"], "when": f"@{when}", "guests": None}  # fmt: skip
    answer = await fay.say("", action="f.visit", action_arg=".submit", form_values=values)
    assert answer[0].form is not None and answer[0].form.preview
    assert "Siegen-Wittgenstein" in answer[0].form.preview
    done = await fay.say("", action="f.visit", action_arg=".confirm", form_values={})
    assert done[0].text == "saved Werkstatt „Pulver“ / Tür"
    assert RESULTS[0].dishes == ["cake"] and RESULTS[0].catering


async def test_a_form_action_that_does_not_fit_a_button_is_refused() -> None:
    with pytest.raises(ValueError):
        Form(name="x", action="f." + "x" * 60, model=Visit, fields=[], title="t", finish=_finish)


async def test_a_required_multiple_choice_needs_one_ticked(core: Core) -> None:
    gia = Person(core, "gia", "de")
    await gia.say("/order")
    await gia.press("Weiter")
    assert "Bitte füllen Sie dieses Feld aus" in gia.texts()
    await gia.say("weiter")
    assert "Bitte füllen Sie dieses Feld aus" in gia.texts()
    await gia.press("Kreis Olpe")
    await gia.press("Kreis Olpe")  # ticked and unticked again: still none
    await gia.say("fertig")
    assert "Bitte füllen Sie dieses Feld aus" in gia.texts()
    await gia.press("Siegen")
    await gia.press("Weiter")
    assert "Bisher: si" in gia.texts()  # the prompt's parameters, from an async function


async def test_a_preview_of_messages_gets_the_buttons_on_its_last(core: Core) -> None:
    hal = Person(core, "hal", "de")
    await hal.say("/order")
    await hal.press("Siegen")
    await hal.press("Weiter")
    await hal.say("Bitte bis Freitag")
    await hal.press("Eilig")
    intro, card = await hal.say("Müller & Söhne, 1/2")  # typed entries besides the ticked
    assert intro.text == "So sieht es aus:" and not intro.buttons
    assert card.title == "Karte" and card.markup
    assert [b.label for b in card.button_list()][:2] == ["✅ Bestätigen", "✏️ Ändern"]
    await hal.press("Bestätigen")
    assert hal.texts() == "ordered si"
    assert ORDERS[-1].labels == ["eilig", "Müller & Söhne", "1/2"]


async def test_a_native_preview_of_messages_is_one_plain_text(core: Core) -> None:
    ida = Person(core, "ida", "de")
    [opened] = await ida.say("/order", form_trigger=True)
    assert opened.form is not None
    assert [(f.kind, f.choices) for f in opened.form.fields[::2]] == [
        ("multi", [("olpe", "Kreis Olpe 🌲"), ("si", "Siegen-Wittgenstein")]),
        ("text", []),  # entries typed besides the choices: one text
    ]
    values: dict[str, Any] = {"parts": ["olpe"], "note": "„Eilig“ / bitte", "labels": "a, b"}
    answer = await ida.say("", action="f.order", action_arg=".submit", form_values=values)
    view = answer[0].form
    assert (
        view is not None and view.preview == "So sieht es aus:\n\nKarte\n\nTeile für Müller & Söhne"
    )
    await ida.say("", action="f.order", action_arg=".confirm", form_values={})
    assert ORDERS[-1].labels == ["a", "b"]


async def test_hidden_values_a_titled_preview_and_the_preview_hooks(core: Core) -> None:
    gus = Person(core, "gus", "de")
    await gus.say("/note link")
    await gus.say("Werksbesuch „Halle 3“ / Müller & Söhne GmbH & Co. KG 🏭")
    [refused] = await gus.say("Mittel")  # no such choice: one message with the buttons
    assert "keine der Möglichkeiten" in refused.text
    assert [b.label for b in refused.button_list()] == ["Gut", "Schlecht"]
    [question] = await gus.say("/where")  # the open question again
    assert question.text == "Nein" and question.buttons
    [preview] = await gus.say("gut")
    assert preview.title == "Notiz" and preview.text.startswith("Vorschau")
    state = await core.store.conversations.get("console", "gus")
    assert state is not None and state.data["came_from"] == "link"  # kept beside the answers
    assert "ref" not in preview.text  # not asked, not listed
    [unclear, again] = await gus.say("vielleicht")
    assert unclear.text == "Was möchten Sie ändern?" and again.title == "Notiz"
    [shown] = await gus.say("/where")
    assert shown.title == "Notiz"
    await gus.press("Bestätigen")
    assert NOTES[0].ref == 7 and NOTES[0].mood == "ok"
    await gus.say("/note")
    await gus.say("Kurz")
    await gus.press("Schlecht")
    await gus.press("Verwerfen")
    assert gus.texts() == "discarded 7"
    assert len(NOTES) == 1 and await core.store.conversations.get("console", "gus") is None


async def test_only_one_field_shows_the_current_value_and_finishes_on_its_answer(
    core: Core,
) -> None:
    hal = Person(core, "hal", "de")
    await hal.say("/noteedit text")
    assert "Bisher: Alt" in hal.texts()
    keep = hal.last
    await hal.say("-")  # kept, and saved without a preview
    assert hal.texts() == "noted Alt" and NOTES[-1].mood == "ok"
    hal.last = keep
    await hal.press("Beibehalten")  # the question is over
    assert "schon beantwortet" in hal.texts() and len(NOTES) == 1
    await hal.say("/noteedit mood")
    await hal.press("Schlecht")
    assert NOTES[-1] == Note(ref=7, text="Alt", mood="bad")
    await hal.say("/noteedit text")
    await hal.say(" ")
    assert "Da kam nichts an" in hal.texts() and "Bisher: Alt" in hal.texts()
    await hal.say("Neu: Pulverbeschichtung für Luftfahrt")
    assert NOTES[-1].text == "Neu: Pulverbeschichtung für Luftfahrt"


# what a form can add: a sample before the preview, a confirm label by the answers, a value
# the preview remembers, async prompt params, choices that run out or go -----------------


class Purchase(BaseModel):
    shop: str
    item: str
    wish: str | None = None
    shown: int | None = None  # what the preview showed, remembered for finish


ITEMS = [Choice("pretzel", "Brezel"), Choice("strudel", "Apfelstrudel")]
PURCHASES: list[Purchase] = []


async def _items(ctx: Context, draft: Draft) -> list[Choice]:
    return [] if draft.raw.get("shop") == "empty" else list(ITEMS)


async def _item_params(ctx: Context, draft: Draft) -> dict[str, object]:
    return {"value": f"„{draft.get('shop', '–')}“ / Müller & Söhne"}


async def _strudel_gone(ctx: Context, value: str, draft: Draft) -> None:
    if value == "strudel":
        raise Invalid("form.required")


async def _sample(ctx: Context, draft: Draft) -> list[Outgoing]:
    return [Outgoing(text=f"Muster: {draft['item']}")]


async def _purchase_preview(ctx: Context, draft: Draft, listing: str) -> str:
    await PURCHASE.remember(ctx, "shown", len(ITEMS))
    return listing


async def _purchase_finish(ctx: Context, order: Purchase) -> Outgoing:
    PURCHASES.append(order)
    return Outgoing(text=f"bestellt {order.item}")


PURCHASE = Form(
    name="purchase",
    action="f.buy",
    model=Purchase,
    title="form.open",
    finish=_purchase_finish,
    access=Access.ANYONE,
    fields=[
        Field(
            "shop",
            Kind.CHOICE,
            "form.yes",
            "form.yes",
            choices=[Choice("bakery", "Bäckerei"), Choice("empty", "Leerladen")],
        ),
        Field(
            "item",
            Kind.CHOICE,
            "form.current",
            "form.no",
            choices=_items,
            params=_item_params,
            empty="form.choice_gone",
            gone=_strudel_gone,
        ),
        Field(
            "wish",
            Kind.TEXT,
            "form.skip",
            "form.skip",
            when=lambda d: d.raw.get("item") == "strudel",
        ),
    ],
    sample=_sample,
    preview=_purchase_preview,
    confirm=lambda draft: "form.keep" if draft.raw.get("item") == "pretzel" else "form.confirm",
    stale="form.required",
)


@pytest.fixture
async def purchase_core(settings: Settings) -> AsyncIterator[Core]:
    store = await Store.open(settings.db_path)
    router = Router()
    PURCHASE.install(router)

    @router.command("purchase", access=Access.ANYONE)
    async def start(ctx: Context, args: str) -> list[Outgoing]:
        return await PURCHASE.begin(ctx)

    PURCHASES.clear()
    ITEMS[:] = [Choice("pretzel", "Brezel"), Choice("strudel", "Apfelstrudel")]
    yield Core(store, settings, router, Notifier(store, settings.language))
    await store.close()


async def test_a_choice_with_nothing_to_offer_asks_the_field_before_again(
    purchase_core: Core,
) -> None:
    gül = Person(purchase_core, "gül", "de")
    await gül.say("/purchase")
    await gül.press("Leerladen")
    assert "Diese Auswahl gibt es nicht mehr" in gül.texts()  # the field's `empty` text
    assert [b.label for b in gül.last[-1].button_list()] == ["Bäckerei", "Leerladen"]
    await gül.press("Bäckerei")
    assert "Bisher: „bakery“ / Müller & Söhne" in gül.texts()  # async params


async def test_a_pressed_choice_that_went_says_why_and_asks_again(purchase_core: Core) -> None:
    hans = Person(purchase_core, "hans", "de")
    await hans.say("/purchase")
    await hans.say("Bäckerei")
    question = hans.last
    ITEMS.pop()  # the strudel is sold out since the buttons were shown
    await hans.press("Apfelstrudel")
    assert "Bitte füllen Sie" in hans.texts()  # the field's `gone` reason
    assert [b.label for b in hans.last[-1].button_list()] == ["Brezel"]
    ITEMS.pop()
    hans.last = question
    await hans.press("Brezel")  # gone too, with no reason of its own: the kernel's
    assert "Diese Auswahl gibt es nicht mehr" in hans.texts()


async def test_sample_confirm_by_answer_remember_and_stale_key(purchase_core: Core) -> None:
    ida = Person(purchase_core, "ida", "de")
    await ida.say("/purchase")
    await ida.press("Bäckerei")
    await ida.press("Brezel")
    sample, preview = ida.last
    assert sample.text == "Muster: pretzel" and "Nein: Brezel" in preview.text
    assert preview.button_list()[0].label == "Beibehalten"  # the confirm key of a pretzel
    ITEMS.append(Choice("bun", "Brötchen"))  # the preview showed 2; finish gets that number
    await ida.press("Beibehalten")
    assert ida.texts() == "bestellt pretzel" and PURCHASES[0].shown == 2
    await ida.tap(preview.button_list()[0])
    assert ida.texts() == "Bitte füllen Sie dieses Feld aus."  # the form's stale key
    with pytest.raises(ValueError):
        await PURCHASE.remember(None, "item", "x")  # type: ignore[arg-type]


async def test_a_native_form_requires_a_conditional_field_that_applies(purchase_core: Core) -> None:
    jan = Person(purchase_core, "jan", "de")
    opened = await jan.say("/purchase", form_trigger=True)
    assert opened[0].form is not None and opened[0].form.fields[2].optional  # in the modal
    values: dict[str, Any] = {"shop": "bakery", "item": "strudel", "wish": ""}
    answer = await jan.say("", action="f.buy", action_arg=".submit", form_values=values)
    assert answer[0].form is not None and set(answer[0].form.errors) == {"wish"}
    values = {"shop": "bakery", "item": "pretzel", "wish": ""}  # not asked for a pretzel
    answer = await jan.say("", action="f.buy", action_arg=".submit", form_values=values)
    assert answer[0].form is not None and answer[0].form.preview


async def test_a_native_form_leaves_out_an_optional_choice_with_nothing_to_offer(
    settings: Settings,
) -> None:
    """A Slack modal cannot show a select without options: an optional choice that has
    none (a vocabulary nobody uses yet) is left out, and the submission still finishes."""
    store = await Store.open(settings.db_path)
    router = Router()
    finished: list[Order] = []

    async def _done(ctx: Context, order: Order) -> Outgoing:
        finished.append(order)
        return Outgoing(text="ok")

    async def _nothing(ctx: Context, draft: Draft) -> list[Choice]:
        return []

    form = Form(
        name="sparse",
        action="f.sparse",
        model=Order,
        title="form.open",
        finish=_done,
        access=Access.ANYONE,
        fields=[
            Field("note", Kind.TEXT, "form.current", "form.keep"),
            Field("parts", Kind.MULTI, "form.skip", "form.skip", choices=_nothing, optional=True),
        ],
    )
    form.install(router)

    @router.command("sparse", access=Access.ANYONE)
    async def start(ctx: Context, args: str) -> list[Outgoing]:
        return await form.begin(ctx)

    core = Core(store, settings, router, Notifier(store, settings.language))
    try:
        kim = Person(core, "kim", "de")
        [opened] = await kim.say("/sparse", form_trigger=True)
        assert opened.form is not None
        assert [f.name for f in opened.form.fields] == ["note"]
        values: dict[str, Any] = {"note": "Hallo"}
        answer = await kim.say("", action="f.sparse", action_arg=".submit", form_values=values)
        assert answer[0].form is not None and answer[0].form.preview
        await kim.say("", action="f.sparse", action_arg=".confirm", form_values={})
        assert [o.parts for o in finished] == [[]]
    finally:
        await store.close()
