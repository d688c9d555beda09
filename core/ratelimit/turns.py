"""First come, first served among the tasks of one process that wait for the same quota counters.

A task takes its turn when it is first in line on every counter it needs; only such tasks ask the
store and sleep for the wait it computes, so a crowd of waiters never wakes all at once. Tasks in line
for unrelated counters do not hold each other up, and because every line is in arrival order, the
earliest waiter is always first on all of its lines (no deadlock).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import anyio


class Turn:
    """One waiting task's place: the counters it waits for and the event that says it is first on all."""

    __slots__ = ("event", "keys")

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self.event: anyio.Event | None = None


class Turns:
    """Per-counter queues of `Turn`s (one per waiting `acquire`); emptied queues stay for the next turn."""

    def __init__(self) -> None:
        self._lines: dict[str, deque[Turn]] = {}

    def __len__(self) -> int:
        return sum(len(line) for line in self._lines.values())

    def idle(self, keys: Sequence[str]) -> bool:
        """True when no task is in line for any of `keys`: a newcomer may be served at once."""
        return not any(map(self._lines.get, keys))

    def _first(self, turn: Turn) -> bool:
        return all(self._lines[k][0] is turn for k in turn.keys)

    def enter(self, keys: Sequence[str]) -> Turn:
        """Join the end of the line of every key; the turn is ready at once when no one is ahead."""
        turn = Turn(keys)
        lines = self._lines
        first = True
        for key in keys:
            line = lines.get(key)
            if line is None:
                line = lines[key] = deque()
            elif line:
                first = False
            line.append(turn)
        if not first:
            turn.event = anyio.Event()
        return turn

    async def wait(self, turn: Turn, timeout_s: float) -> bool:
        """Wait until `turn` is first on all its lines; False when `timeout_s` passed first."""
        if turn.event is None:
            return True
        with anyio.move_on_after(max(0.0, timeout_s)):
            await turn.event.wait()
        return turn.event.is_set()

    def leave(self, turn: Turn) -> None:
        """Step out of every line (done, failed or cancelled) and hand the turn to whoever is now first."""
        for key in turn.keys:
            line = self._lines[key]
            if line[0] is turn:
                line.popleft()
            else:
                line.remove(turn)
            if not line:
                continue
            nxt = line[0]
            if nxt.event is not None and not nxt.event.is_set() and self._first(nxt):
                nxt.event.set()
