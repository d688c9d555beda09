"""Deadlines of in-flight requests on one asyncio loop, kept with a single timer.

aiohttp's `sock_read` timeout re-arms a loop timer on every chunk received: ~30k instructions per call, and
more as the timer heap grows with hundreds of calls in flight (docs/performance.md). Here a call costs a dict
insert and a delete; the one timer fires only when the earliest deadline is due, cancels the overdue tasks
the way `asyncio.timeout` does, and `expired()` tells their `except CancelledError` it was a timeout.
"""

from __future__ import annotations

import asyncio
from typing import Final

#: A deadline fires this much after its time, so a pool or connect timeout set to the same span wins the tie.
SLACK_S: Final = 0.02


class Deadlines:
    """`start(task, seconds)` before awaiting, `stop(task)` in `finally`; one per loop (its sender's)."""

    __slots__ = ("_due", "_expired", "_handle", "_loop", "_when")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._due: dict[asyncio.Task[object], tuple[float, int]] = {}
        self._expired: dict[asyncio.Task[object], int] = {}
        self._handle: asyncio.TimerHandle | None = None
        self._when = 0.0

    def __len__(self) -> int:
        return len(self._due)

    def start(self, task: asyncio.Task[object], seconds: float) -> None:
        """`task` must be done with its current exchange within `seconds`, or it is cancelled."""
        when = self._loop.time() + seconds + SLACK_S
        self._due[task] = (when, task.cancelling())
        if self._handle is None or when < self._when:
            self._arm(when)

    def stop(self, task: asyncio.Task[object]) -> None:
        """The exchange of `task` is over (done, failed or cancelled): forget its deadline."""
        self._due.pop(task, None)
        if self._expired:
            self._expired.pop(task, None)

    def expired(self, task: asyncio.Task[object]) -> bool:
        """True when a `CancelledError` in `task` is this deadline's (and takes that cancellation back).

        False when someone else cancelled `task` too: their cancellation stands.
        """
        cancelling = self._expired.pop(task, None)
        return cancelling is not None and task.uncancel() <= cancelling

    def _arm(self, when: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = self._loop.call_at(when, self._fire)
        self._when = when

    def _fire(self) -> None:
        self._handle = None
        now = self._loop.time()
        earliest: float | None = None
        for task, (when, cancelling) in list(self._due.items()):
            if when <= now:
                del self._due[task]
                if not task.done():
                    self._expired[task] = cancelling
                    task.cancel("venuekit: response deadline passed")
            elif earliest is None or when < earliest:
                earliest = when
        if earliest is not None:
            self._arm(earliest)
