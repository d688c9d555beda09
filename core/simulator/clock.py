"""Clocks for the simulator: wall time for servers, a manual clock for deterministic tests."""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class SimClock(Protocol):
    """Anything that tells the simulator the current time in integer milliseconds."""

    def now_ms(self) -> int: ...


class WallClock:
    """Real time since the epoch, in milliseconds."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class ManualClock:
    """A clock that only moves when told to, so tests control every timestamp."""

    def __init__(self, start_ms: int = 1_700_000_000_000) -> None:
        self._now = start_ms

    def now_ms(self) -> int:
        return self._now

    def advance(self, ms: int) -> int:
        """Move forward by `ms` (never backwards) and return the new time."""
        if ms < 0:
            raise ValueError("a ManualClock cannot go backwards")
        self._now += ms
        return self._now

    def set(self, ms: int) -> None:
        self._now = ms
