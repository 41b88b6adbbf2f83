"""A message the platform receives in several parts (long text, a file after the text),
sent part by part so that a retry resumes where the last try stopped.

``start_part`` is how many parts went out before (``outbox.parts_sent``); ``on_part(k)``
is awaited once ``k`` parts are out and another one follows: the caller records the
progress there. Between two parts the next one waits for its own place in the rate
limits (``pace``): a message of N parts counts as N sends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

OnPart = Callable[[int], Awaitable[None]]
Step = Callable[[], Awaitable[object]]


@dataclass(frozen=True)
class PartPlan:
    """Where to start and what to do between parts."""

    start_part: int = 0
    on_part: OnPart | None = None
    pace: Callable[[], Awaitable[None]] | None = None  # waits for the next part's place
    gate: Callable[[], AbstractAsyncContextManager[None]] | None = None  # around each part

    async def run(self, steps: Sequence[Step], first_index: int = 0) -> None:
        """Run ``steps`` (parts ``first_index`` … of the message) from ``start_part`` on."""
        begin = max(self.start_part, first_index)
        for index in range(begin, first_index + len(steps)):
            if index > self.start_part:  # a part went out just before, in this try
                await self.between(index)
            async with self.gate() if self.gate is not None else contextlib.nullcontext():
                await steps[index - first_index]()

    async def between(self, done: int) -> None:
        """``done`` parts are out and another follows: record, then wait for its place."""
        if self.on_part is not None:
            await self.on_part(done)
        if self.pace is not None:
            await self.pace()


WHOLE = PartPlan()  # from the first part on, nothing between parts
