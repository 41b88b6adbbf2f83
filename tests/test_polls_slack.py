"""Date polls on Slack through the fake Web API: "Offene Abstimmungen" in the App Home,
the ballot sent to the DM from there, and an answer that edits that same message."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import pytest

from bot.settings import Settings
from storage.db import utcnow
from storage.polls import NewPoll
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


async def test_open_polls_in_the_app_home_and_a_vote_edits_the_ballot(slack: SlackWorld) -> None:
    fake, store = slack.fake, slack.services.store
    anna = await add_member(slack.services, "U1", "Anna Muster")
    soon = utcnow().replace(microsecond=0) + timedelta(days=2)
    poll = await store.polls.create(
        NewPoll(
            title="Treffen AG Wasserstoff",
            organiser_id=anna,
            audience_kind="members",
            audience_ref=None,
            deadline=soon,
            visibility="all",
            remind_at=None,
            options=[(soon + timedelta(days=2), None), (soon + timedelta(days=3), None)],
        ),
        [anna],
    )
    await slack.send.home_opened("U1")
    await slack.settle()
    home = str(fake.views["U1"]["blocks"])
    assert "Offene Abstimmungen" in home and "Treffen AG Wasserstoff" in home
    assert "noch nicht beantwortet" in home

    await slack.send.click_home("U1", "Abstimmen")
    await slack.settle()
    ballot = fake.last_in("DU1")
    assert "Terminabstimmung: Treffen AG Wasserstoff" in ballot.all_text()
    posted = len(fake.calls_to("chat.postMessage"))
    await slack.send.click("U1", ballot, "1 ✅ Ja")
    await slack.settle()
    assert await store.polls.answers(poll.id) == {anna: {0: "y"}}
    [update] = fake.calls_to("chat.update")
    assert (update["channel"], update["ts"]) == ("DU1", ballot.ts)
    assert len(fake.calls_to("chat.postMessage")) == posted  # no new message per vote
