"""What one member's overview holds, as ids only: equal contents render once.

Two parts. The digest: everything of the week from topics and groups the member put on
"weekly overview", since they chose it (so nothing arrives twice). The highlights, only
for members who did not use the bot that week: new events, working-group updates, open
cooperation requests and date polls waiting for their answer, from all they follow (not
muted), leaving out what the digest lists already.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.calendar.recurrence import Occurrence
from storage.group_posts import Post
from storage.groups import Group
from storage.overview import NewEvent, OpenRequest, Reader, TopicNews
from storage.topics import Topic

MAX_HIGHLIGHTS = 5  # of each kind


@dataclass
class Week:
    """What the week brought, read once for every member of a schedule."""

    since: datetime
    until: datetime
    posts: list[Post]
    events: list[NewEvent]  # with a date still ahead (see ``dates``)
    dates: dict[int, Occurrence]
    news: list[TopicNews]
    requests: list[OpenRequest]
    topics: dict[int, Topic]
    groups: dict[int, Group]
    by_topic: dict[int, list[NewEvent]] = field(default_factory=dict)
    by_group: dict[int, list[NewEvent]] = field(default_factory=dict)
    posts_of: dict[int, list[Post]] = field(default_factory=dict)
    news_of: dict[int, list[TopicNews]] = field(default_factory=dict)
    rendered: dict[tuple[object, ...], object] = field(default_factory=dict)  # see render

    def __post_init__(self) -> None:
        """Each member looks up only their topics and groups, not the whole week."""
        for event in self.events:
            for topic_id in event.topic_ids:
                self.by_topic.setdefault(topic_id, []).append(event)
            if event.group_id is not None:
                self.by_group.setdefault(event.group_id, []).append(event)
        for post in self.posts:
            self.posts_of.setdefault(post.group_id, []).append(post)
        for news in self.news:
            self.news_of.setdefault(news.topic_id, []).append(news)


@dataclass(frozen=True)
class Section:
    kind: str  # "topic" or "group"
    ref: int
    events: tuple[int, ...] = ()
    news: tuple[int, ...] = ()
    posts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Content:
    sections: tuple[Section, ...] = ()
    events: tuple[int, ...] = ()
    posts: tuple[int, ...] = ()
    requests: tuple[int, ...] = ()
    polls: tuple[tuple[int, str], ...] = ()

    @property
    def size(self) -> int:
        inside = sum(len(s.events) + len(s.news) + len(s.posts) for s in self.sections)
        return inside + len(self.events) + len(self.posts) + len(self.requests) + len(self.polls)


@dataclass
class _Listed:
    events: set[int] = field(default_factory=set)
    posts: set[int] = field(default_factory=set)


def compose(reader: Reader, week: Week) -> Content:
    listed = _Listed()
    sections = []
    for follow in reader.follows:
        if follow.level != "digest":
            continue
        if follow.kind == "topic":
            events = tuple(
                e.event_id
                for e in week.by_topic.get(follow.ref, ())
                if e.created_at >= follow.since
            )
            news = tuple(
                n.broadcast_id
                for n in week.news_of.get(follow.ref, ())
                if n.at >= follow.since and n.region in (None, reader.region)
            )
            section = Section("topic", follow.ref, events=events, news=news)
        else:
            events = tuple(
                e.event_id
                for e in week.by_group.get(follow.ref, ())
                if e.created_at >= follow.since
            )
            posts = tuple(
                p.id for p in week.posts_of.get(follow.ref, ()) if p.created_at >= follow.since
            )
            section = Section("group", follow.ref, events=events, posts=posts)
        listed.events.update(section.events)
        listed.posts.update(section.posts)
        if section.events or section.news or section.posts:
            sections.append(section)
    sections.sort(key=lambda s: _name(week, s).casefold())
    if reader.last_seen is not None and reader.last_seen >= week.since:
        return Content(tuple(sections))
    return Content(tuple(sections), *_highlights(reader, week, listed))


def _highlights(
    reader: Reader, week: Week, listed: _Listed
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[tuple[int, str], ...]]:
    topics = {f.ref for f in reader.follows if f.kind == "topic"}
    groups = {f.ref for f in reader.follows if f.kind == "group"}
    followed = [e for g in groups for e in week.by_group.get(g, ())]
    followed += [e for t in topics for e in week.by_topic.get(t, ())]
    seen: set[int] = set()
    events = []
    for event in sorted(followed, key=lambda e: (e.created_at, e.event_id)):
        if event.event_id not in listed.events and event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event.event_id)
    latest = sorted(
        (p for g in groups for p in week.posts_of.get(g, ()) if p.id not in listed.posts),
        key=lambda p: (p.created_at, p.id),
    )
    posts = [p.id for p in latest]
    requests = [
        r.request_id
        for r in week.requests
        if r.author_id != reader.member_id
        and r.region in (None, reader.region)
        and (not r.topic_ids or topics.intersection(r.topic_ids))
    ]
    return (
        tuple(events[:MAX_HIGHLIGHTS]),
        tuple(posts[-MAX_HIGHLIGHTS:]),  # the latest updates
        tuple(requests[:MAX_HIGHLIGHTS]),
        tuple(reader.polls[:MAX_HIGHLIGHTS]),
    )


def _name(week: Week, section: Section) -> str:
    if section.kind == "topic":
        return week.topics[section.ref].name
    return week.groups[section.ref].name
