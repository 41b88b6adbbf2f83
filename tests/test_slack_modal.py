"""Forms as Slack modals, end to end: a slash command or a button opens the form with
views.open, a submission is answered in its HTTP response (errors next to the fields, the
preview as the next view), the confirmed preview closes the modal and the result arrives
in the DM; stale, forged and no-longer-allowed submissions get a clear message.

The wizards are ported to forms elsewhere; a small test-only form is installed on the
router of the running app here.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from bot.adapters.slack_modal import fields_view, preview_view, read_submission
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import FieldView, FormView, Outgoing
from bot.router import Access, Invalid
from bot.settings import Settings
from tests.fake_slack import APP_TOKEN, TEAM_ID, modal_error
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


class Visit(BaseModel):
    title: str
    notes: str | None = None
    region: str
    topics: list[str] = []
    guests: int | None = None
    catering: bool = False
    day: date
    when: datetime
    room: str | None = None


RESULTS: list[Visit] = []
LONG_TOPIC = "Pulverbeschichtung für Luftfahrt, Raumfahrt und Verteidigung " * 3


def _title(ctx: Context, text: str, draft: Draft) -> str:
    if len(text.strip()) < 2:
        raise Invalid("form.required")
    return text.strip()


def _day(ctx: Context, text: str, draft: Draft) -> date:
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError as error:
        raise Invalid("broadcast.bad_time", {"value": text.strip()}) from error


def _when(ctx: Context, text: str, draft: Draft) -> datetime:
    try:
        moment = datetime.strptime(text.strip(), "%d.%m.%Y %H:%M").replace(tzinfo=ctx.zone)
    except ValueError as error:
        raise Invalid("broadcast.bad_time", {"value": text.strip()}) from error
    if moment < datetime.now(ctx.zone):
        raise Invalid("broadcast.time_past")
    return moment


def _guests(ctx: Context, text: str, draft: Draft) -> int:
    if not text.strip().isdigit():
        raise Invalid("form.required")
    return int(text.strip())


async def _finish(ctx: Context, visit: Visit) -> Outgoing:
    RESULTS.append(visit)
    return Outgoing(text=f"Gespeichert: {visit.title}")


FORM = Form(
    name="visit",
    action="f.visit",
    model=Visit,
    title="broadcast.time_past",  # a title longer than Slack's 24 characters
    finish=_finish,
    access=Access.ADMIN,
    fields=[
        Field(
            "title",
            Kind.TEXT,
            "form.required",
            "form.yes",
            parse=_title,
            max_length=120,
            hint="form.required",
        ),
        Field("notes", Kind.LONG_TEXT, "form.skip", "form.skip", optional=True, max_length=9000),
        Field(
            "region",
            Kind.CHOICE,
            "form.no",
            "form.no",
            choices=[
                Choice("olpe", "Kreis Olpe 🌲"),
                Choice("si", "Siegen-Wittgenstein"),
                Choice("hsk", "Hochsauerlandkreis"),
                Choice("mk", "Märkischer Kreis"),
            ],
        ),
        Field(
            "topics",
            Kind.MULTI,
            "form.next",
            "form.next",
            choices=[Choice(f"t{i}", f"Thema {i}") for i in range(6)] + [Choice("lt", LONG_TOPIC)],
            optional=True,
        ),
        Field("guests", Kind.NUMBER, "form.keep", "form.keep", parse=_guests, optional=True),
        Field("catering", Kind.YES_NO, "form.change", "form.change"),
        Field("day", Kind.DATE, "form.discard", "form.discard", parse=_day),
        Field("when", Kind.DATETIME, "form.confirm", "form.confirm", parse=_when),
        Field(
            "room",
            Kind.CHOICE,
            "form.open",
            "form.open",
            choices=[Choice(f"r{i}", f"Raum {i}") for i in range(120)],
            when=lambda draft: bool(draft.raw.get("catering")),
        ),
    ],
)


def _later(days: int) -> datetime:
    return (datetime.now() + timedelta(days=days)).replace(second=0, microsecond=0)


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        _install(world)
        await add_member(world.services, "UADMIN", "Chefin")
        yield world


def _install(world: SlackWorld) -> None:
    """The test form and its command on the router of the running app."""
    router = world.services.router
    FORM.install(router)

    @router.command("besuch", access=Access.ADMIN)
    async def start(ctx: Context, args: str) -> list[Outgoing]:
        return await FORM.begin(ctx, {"guests": 12, "when": _later(10)})

    RESULTS.clear()


async def _opened(slack: SlackWorld, user: str = "UADMIN") -> dict[str, Any]:
    reply = await slack.send.command(user, "besuch")
    assert reply.status == 200 and reply.body == ""
    await slack.settle()
    assert slack.fake.modals, [c.method for c in slack.fake.calls]
    return slack.fake.modals[-1]


def _valid(**changes: Any) -> dict[str, Any]:
    day = _later(20).date()
    values = {
        "title": "Werksbesuch bei Müller & Söhne GmbH & Co. KG",
        "notes": "Treffpunkt: Tor 2 / Halle „Süd“ 🏭\nBitte Sicherheitsschuhe mitbringen.",
        "region": "olpe",
        "topics": ["t1", "lt"],
        "guests": "12",
        "catering": "yes",
        "day": day.isoformat(),
        "when": int(_later(20).timestamp()),
        "room": "r7",
    }
    return {**values, **changes}


def _blocks(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {block["block_id"]: block for block in view["blocks"] if block["type"] == "input"}


async def test_the_slash_command_opens_the_whole_form_as_a_modal(slack: SlackWorld) -> None:
    view = await _opened(slack)
    [call] = slack.fake.calls_to("views.open")
    assert str(call["trigger_id"]).startswith("trigger.")
    methods = [c.method for c in slack.fake.calls]
    before = methods[: methods.index("views.open")]  # nothing slow before the modal opens
    assert set(before) <= {"auth.test", "users.info", "conversations.open"}
    assert modal_error(view) == []
    assert not slack.fake.messages_in("DUADMIN")  # no chat questionnaire besides
    assert view["callback_id"] == "f.visit|.submit"
    assert view["title"]["text"] == "Dieser Zeitpunkt liegt…"  # cut to Slack's 24
    assert view["submit"]["text"] == "Vorschau"
    blocks = _blocks(view)
    assert list(blocks) == ["title", "notes", "region", "topics", "guests", "catering", "day",
                            "when", "room"]  # fmt: skip
    kinds = {name: block["element"]["type"] for name, block in blocks.items()}
    assert kinds == {
        "title": "plain_text_input",
        "notes": "plain_text_input",
        "region": "radio_buttons",
        "topics": "multi_static_select",
        "guests": "plain_text_input",
        "catering": "radio_buttons",
        "day": "datepicker",
        "when": "datetimepicker",
        "room": "static_select",
    }
    assert blocks["notes"]["element"]["multiline"] and blocks["notes"]["optional"]
    assert blocks["notes"]["element"]["max_length"] == 3000
    assert blocks["title"]["element"]["max_length"] == 120 and not blocks["title"]["optional"]
    assert blocks["title"]["label"]["text"] == "Ja"
    assert blocks["title"]["hint"]["text"] == "Bitte füllen Sie dieses Feld aus."
    assert blocks["room"]["optional"]  # asked only when catering: optional in the modal
    assert len(blocks["room"]["element"]["options"]) == 100
    region = blocks["region"]["element"]["options"]
    assert region[0] == {"text": {"type": "plain_text", "text": "Kreis Olpe 🌲", "emoji": True},
                         "value": "olpe"}  # fmt: skip
    long_topic = blocks["topics"]["element"]["options"][-1]["text"]["text"]
    assert len(long_topic) == 75 and long_topic.endswith("…")
    assert [o["value"] for o in blocks["catering"]["element"]["options"]] == ["yes", "no"]
    assert blocks["guests"]["element"]["initial_value"] == "12"
    assert blocks["when"]["element"]["initial_date_time"] == int(_later(10).timestamp())


async def test_errors_stand_next_to_their_fields(slack: SlackWorld) -> None:
    view = await _opened(slack)
    impossible = f"{date.today().year + 1}-02-30"
    past = int((datetime.now() - timedelta(days=1)).timestamp())
    values = _valid(title="", day=impossible, when=past, region="atlantis")
    reply = await slack.send.submit("UADMIN", view, values)
    assert reply.status == 200 and reply.seconds < 3
    answer = json.loads(reply.body)
    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert set(errors) == {"title", "day", "when", "region"}
    assert errors["title"] == "Bitte füllen Sie dieses Feld aus."
    assert (
        errors["day"]
        == f"„30.02.{date.today().year + 1}“ verstehe ich nicht als Datum mit Uhrzeit."
    )
    assert errors["when"] == "Dieser Zeitpunkt liegt in der Vergangenheit."
    assert "gibt es nicht mehr" in errors["region"]  # a forged choice
    assert not RESULTS and not slack.fake.messages_in("DUADMIN")


async def test_a_valid_submission_shows_the_preview_whose_submit_finishes(
    slack: SlackWorld,
) -> None:
    view = await _opened(slack)
    values = _valid()
    reply = await slack.send.submit("UADMIN", view, values)
    answer = json.loads(reply.body)
    assert answer["response_action"] == "update"
    preview = answer["view"]
    assert modal_error(preview) == []
    assert preview["callback_id"] == "f.visit|.confirm"
    assert preview["submit"]["text"] == "✅ Bestätigen"
    shown = "\n".join(block["text"]["text"] for block in preview["blocks"])
    assert "Bitte prüfen Sie Ihre Angaben" in shown
    assert "Werksbesuch bei Müller & Söhne GmbH & Co. KG" in shown
    assert "Kreis Olpe 🌲" in shown and "Raum 7" in shown
    assert not RESULTS

    done = await slack.send.submit("UADMIN", preview, {})
    assert done.status == 200 and done.body == ""  # the modal closes
    await slack.settle()
    assert slack.fake.last_in("DUADMIN").text.startswith(
        "Gespeichert: Werksbesuch bei Müller &amp; Söhne GmbH &amp; Co. KG"
    )
    [visit] = RESULTS
    assert visit.day == _later(20).date() and visit.topics == ["t1", "lt"]
    assert visit.when.timestamp() == values["when"] and visit.guests == 12
    assert visit.catering and visit.room == "r7" and visit.notes == values["notes"]

    again = await slack.send.submit("UADMIN", preview, {})  # the form is over: stale
    assert again.status == 200 and again.body == ""
    await slack.settle()
    assert "schon beantwortet oder nicht mehr gültig" in slack.fake.last_in("DUADMIN").text
    assert len(RESULTS) == 1


class Statements:
    """Stands in front of the store's connection and notes every write and commit, so a
    test can see which transaction a row was written in."""

    def __init__(self, connection: Any, seen: list[str]) -> None:
        object.__setattr__(self, "_connection", connection)
        object.__setattr__(self, "_seen", seen)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._connection, name, value)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._connection, name)
        if name not in ("execute", "executemany", "execute_fetchall", "commit"):
            return attribute

        def noted(*args: Any, **kwargs: Any) -> Any:
            sql = "COMMIT" if name == "commit" else str(args[0]).strip()[:40]
            self._seen.append(sql)
            return attribute(*args, **kwargs)

        return noted


async def test_the_finishs_message_is_written_in_the_finishs_own_transaction(
    slack: SlackWorld,
) -> None:
    """A crash right after the finish commits cannot lose its message: the DM's outbox row
    is part of that commit (the worker sends it), not written in a transaction after it."""
    view = await _opened(slack)
    preview = json.loads((await slack.send.submit("UADMIN", view, _valid())).body)["view"]
    await slack.settle()
    seen: list[str] = []
    db = slack.services.store.db
    db._conn = Statements(db._conn, seen)  # type: ignore[assignment]
    done = await slack.send.submit("UADMIN", preview, {})
    assert done.status == 200 and done.body == ""
    written = next(i for i, sql in enumerate(seen) if sql.startswith("INSERT INTO outbox"))
    assert "COMMIT" in seen and written < seen.index("COMMIT"), seen
    await slack.settle()
    assert slack.fake.last_in("DUADMIN").text.startswith("Gespeichert: Werksbesuch")
    assert len(RESULTS) == 1


async def test_a_forged_submission_gets_a_clear_message(slack: SlackWorld) -> None:
    view = await _opened(slack)
    forged = {**view, "callback_id": "f.nothing|.submit"}
    reply = await slack.send.submit("UADMIN", forged, _valid())
    assert reply.status == 200 and reply.body == ""  # the modal closes; the DM says why
    await slack.settle()
    assert "Dieser Knopf ist nicht mehr gültig" in slack.fake.last_in("DUADMIN").text

    await add_member(slack.services, "U1", "Anna")
    await slack.services.store.members.grant_admin("slack:U1")
    never_opened = await slack.send.submit("U1", view, _valid())
    assert never_opened.body == ""
    await slack.settle()
    assert "schon beantwortet oder nicht mehr gültig" in slack.fake.last_in("DU1").text

    await slack.send.submit("U2", view, _valid())  # Bob may not use the form at all
    await slack.settle()
    assert "reserved for the network team" in slack.fake.last_in("DU2").text
    assert not RESULTS


async def test_a_role_taken_away_after_opening_is_refused(slack: SlackWorld) -> None:
    store = slack.services.store
    await add_member(slack.services, "U1", "Anna")
    await store.members.grant_admin("slack:U1")
    view = await _opened(slack, "U1")
    await store.members.revoke_admin(["slack:U1"])
    reply = await slack.send.submit("U1", view, _valid())
    assert reply.status == 200 and reply.body == ""
    await slack.settle()
    assert "dem Netzwerk-Team vorbehalten" in slack.fake.last_in("DU1").text
    assert not RESULTS


async def test_an_expired_trigger_sends_a_button_that_opens_the_form(slack: SlackWorld) -> None:
    slack.fake.fail("views.open", "expired_trigger_id")
    await slack.send.command("UADMIN", "besuch")
    await slack.settle()
    assert not slack.fake.modals
    message = slack.fake.last_in("DUADMIN")
    await slack.send.click("UADMIN", message, "Formular öffnen")
    await slack.settle()
    assert len(slack.fake.calls_to("views.open")) == 2
    [view] = slack.fake.modals
    assert view["callback_id"] == "f.visit|.submit"


async def test_a_form_started_by_a_dm_asks_field_by_field(slack: SlackWorld) -> None:
    await slack.send.dm("UADMIN", "besuch")
    await slack.settle()
    assert not slack.fake.calls_to("views.open")
    assert "Bitte füllen Sie dieses Feld aus." in slack.fake.last_in("DUADMIN").text


async def test_socket_mode_answers_a_submission_in_its_acknowledgement(
    make_settings: Callable[..., Settings],
) -> None:
    fake = standard_fake()
    overrides = {"slack_app_token": APP_TOKEN, "admins": ["slack:UADMIN"]}
    async with running_slack(make_settings, fake, **overrides) as world:
        _install(world)
        await add_member(world.services, "UADMIN", "Chefin")
        await fake.socket_send(fake.socket_command("UADMIN", "besuch", "env-1"))
        await fake.socket_acked(["env-1"])
        await world.settle()
        [view] = fake.modals
        submission = {
            "envelope_id": "env-2",
            "type": "interactive",
            "accepts_response_payload": True,
            "payload": {
                "type": "view_submission",
                "team": {"id": TEAM_ID},
                "user": {"id": "UADMIN", "team_id": TEAM_ID},
                "api_app_id": "A0FAKE",
                "view": {**view, "id": "V1", "state": {"values": {}}},
            },
        }
        await fake.socket_send(submission)
        await fake.socket_acked(["env-2"])
        [ack] = [a for a in fake.socket_acks if a["envelope_id"] == "env-2"]
        assert ack["payload"]["response_action"] == "errors"
        assert ack["payload"]["errors"]["title"] == "Bitte füllen Sie dieses Feld aus."


def test_the_modal_keeps_within_slacks_limits() -> None:
    fields = [
        FieldView(
            name=f"f{i}",
            kind=kind,
            label="Beschreibung " * 300,
            hint="Hinweis " * 400,
            choices=[(f"v{n}", "Möglichkeit " * 10) for n in range(150)],
            max_length=100_000,
        )
        for i, kind in enumerate(["text", "choice", "multi", "yes_no", "long_text"])
    ]
    form = FormView(
        action="f.x",
        title="Kooperationsgesuch für Pulverbeschichtung",
        submit="Weiter zur Vorschau und Bestätigung",
        fields=fields,
        preview="Zeile mit Inhalt\n" * 1000,
    )
    view = fields_view(form)
    assert modal_error(view) == []
    assert view["title"]["text"] == "Kooperationsgesuch für…"
    assert view["submit"]["text"] == "Weiter zur Vorschau und…"
    preview = preview_view(form)
    assert modal_error(preview) == [] and len(preview["blocks"]) == 6
    assert "\n".join(b["text"]["text"] for b in preview["blocks"]) == form.preview


def test_a_view_that_is_not_a_form_is_not_read_as_one() -> None:
    assert read_submission({"callback_id": "f.x|.other"}) is None
    assert read_submission({"callback_id": ""}) is None
    forged = {"callback_id": "f.x|.submit", "state": {"values": {"a": {"a": {"type": "x"}},
              "b": "junk", "c": {"c": {"type": "datetimepicker", "selected_date_time": True}}}}}  # fmt: skip
    submission = read_submission(forged)
    assert submission is not None and submission.values == {"a": None, "c": None}
