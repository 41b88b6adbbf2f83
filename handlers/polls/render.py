"""How a poll looks: the member's ballot, the organiser's tally, the result. Each is
rendered for one language and time zone; nothing here reads the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args
from zoneinfo import ZoneInfo

from bot.i18n import format_datetime, t
from bot.models import Button, Outgoing
from bot.parsing.dates import format_span
from handlers.polls import buttons
from storage.polls import ANSWERS, Poll, PollOption

CODES: tuple[buttons.Answer, ...] = get_args(buttons.Answer)
if CODES != ANSWERS:  # the buttons' answers and the store's must agree
    raise ImportError("handlers.polls.buttons.Answer differs from storage.polls.ANSWERS")

SCORES = {"y": 1.0, "m": 0.5, "n": 0.0}


@dataclass(frozen=True)
class Count:
    """One option's answers and score (yes counts 1, if need be ½)."""

    option: PollOption
    yes: int
    maybe: int
    no: int

    @property
    def score(self) -> float:
        return self.yes + self.maybe / 2


def counts(poll: Poll, answers: dict[int, dict[int, str]]) -> list[Count]:
    """Every option's count, best first (score, then more yes, then the earlier date)."""
    tally = {o.position: {a: 0 for a in ANSWERS} for o in poll.options}
    for given in answers.values():
        for position, answer in given.items():
            if position in tally:
                tally[position][answer] += 1
    found = [Count(o, tally[o.position]["y"], tally[o.position]["m"], tally[o.position]["n"])
             for o in poll.options]  # fmt: skip
    return sorted(found, key=lambda c: (-c.score, -c.yes, c.option.start))


def option_text(option: PollOption, lang: str, zone: ZoneInfo) -> str:
    return format_span(option.start, option.end, lang, zone)


def _score(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def ballot(
    lang: str,
    zone: ZoneInfo,
    poll: Poll,
    organiser: str,
    mine: dict[int, str],
    shown: dict[int, dict[str, int]] | None = None,
    title_key: str = "polls.ballot_title",
) -> Outgoing:
    """One member's ballot: a line and a row of three buttons per option, their answers
    marked; with ``shown`` (per option, how many answered each way) everyone's counts."""
    lines = [
        t(lang, "polls.ballot_text", organiser=organiser,
          deadline=format_datetime(poll.deadline, lang, zone)),
        "",
    ]  # fmt: skip
    rows: list[list[Button]] = []
    for option in poll.options:
        n = option.position + 1
        given = mine.get(option.position)
        answer = t(lang, f"polls.answer.{given}") if given else t(lang, "polls.answer.none")
        lines.append(
            t(lang, "polls.ballot_line", n=n, date=option_text(option, lang, zone), answer=answer)
        )
        if shown is not None and poll.visibility == "all":
            count = shown.get(option.position, {})
            lines.append(
                t(lang, "polls.ballot_counts", yes=count.get("y", 0), maybe=count.get("m", 0))
            )
        if poll.is_open:
            rows.append(
                [
                    buttons.Vote(poll.id, option.position, code).button(
                        t(lang, "polls.btn_answer", n=n, answer=t(lang, f"polls.answer.{code}"),
                          mark="● " if given == code else "")
                    )
                    for code in CODES
                ]
            )  # fmt: skip
    return Outgoing(title=t(lang, title_key, title=poll.title), text="\n".join(lines), buttons=rows)


def tally(
    lang: str,
    zone: ZoneInfo,
    poll: Poll,
    answers: dict[int, dict[int, str]],
    waiting: list[str],
) -> Outgoing:
    """The organiser's tally: best options first, who has not answered; while open the
    buttons to refresh and to end, once ended the dates to pick from (the best starred)."""
    found = counts(poll, answers)
    lines = [
        t(lang, "polls.tally_line", date=option_text(c.option, lang, zone), yes=c.yes,
          maybe=c.maybe, no=c.no, score=_score(c.score, lang))
        for c in found
    ]  # fmt: skip
    lines.append("")
    if waiting:
        lines.append(t(lang, "polls.tally_waiting", count=len(waiting), names=", ".join(waiting)))
    else:
        lines.append(t(lang, "polls.tally_all_answered"))
    rows: list[list[Button]] = []
    title_key = "polls.tally_title"
    if poll.is_open:
        rows.append(
            [
                buttons.Refresh(poll.id).button(t(lang, "polls.btn_refresh")),
                buttons.End(poll.id).button(t(lang, "polls.btn_end")),
            ]
        )
    elif poll.state == "ended":
        title_key = "polls.tally_ended_title"
        lines += ["", t(lang, "polls.tally_pick")]
        for index, count in enumerate(found):
            star = "⭐ " if index == 0 else ""
            label = star + option_text(count.option, lang, zone)
            rows.append([buttons.Pick(poll.id, count.option.position).button(label)])
    else:
        title_key = "polls.tally_ended_title"
    return Outgoing(title=t(lang, title_key, title=poll.title), text="\n".join(lines), buttons=rows)


def result(lang: str, zone: ZoneInfo, poll: Poll, option: PollOption, mine: str | None) -> Outgoing:
    """The decision, told once to everyone asked, with what it means for them."""
    text = t(lang, "polls.result_text", date=option_text(option, lang, zone))
    if mine in ("y", "m"):
        text += "\n" + t(lang, f"polls.result_yours.{mine}")
    return Outgoing(title=t(lang, "polls.result_title", title=poll.title), text=text)


def open_poll_line(lang: str, zone: ZoneInfo, poll: Poll, answered: bool) -> tuple[str, Button]:
    """One open poll in an overview: its title, deadline and whether the member answered,
    with the button that sends their ballot."""
    state = "polls.home_answered" if answered else "polls.home_waiting"
    text = t(lang, "polls.home_line", title=poll.title,
             deadline=format_datetime(poll.deadline, lang, zone), state=t(lang, state))  # fmt: skip
    return text, buttons.Ballot(poll.id).button(t(lang, "polls.btn_ballot"))
