"""Where limiter state lives: in memory by default; the same interface can sit on Redis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .sliding import SlidingLog, wait_ms


@dataclass(frozen=True, slots=True)
class Reservation:
    """One counter to charge: `key` names quota + scope value; at most `limit` units in any `span_ms`.

    `window_ms` is the venue's fixed window and `guard_ms` the send delay to absorb (at most `window_ms`):
    counting a sliding span of `window_ms + guard_ms` keeps every venue window under `limit` whatever its
    alignment, as long as each request reaches the venue within `guard_ms` of its grant.
    """

    key: str
    units: int
    limit: int
    window_ms: int
    guard_ms: int = 0

    @property
    def span_ms(self) -> int:
        return self.window_ms + self.guard_ms


class LimiterStore(Protocol):
    """Atomic operations a limiter needs; implementations must make `reserve` all-or-nothing.

    Counting is a sliding window: a unit granted at `t` counts against its key until `t + span_ms`
    (inclusive), so no `span_ms + 1` ms interval ever holds more than `limit` granted units.
    """

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        """Charge every item, or none: return 0 on success, else milliseconds until all of them fit."""
        ...

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        """The venue reports `used` units in its current fixed window (epoch-aligned, `window_ms` long).

        When fewer units were granted since that window's start, the difference is charged as if granted
        at that start (or at the newest grant, if later), so it ages out `span_ms` later like any grant.
        """
        ...

    async def block(self, key: str, until_ms: int, reason: str) -> None: ...

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        """Latest block among `keys` still in force, as (until_ms, reason)."""
        ...


class MemoryStore:
    """Per-process sliding-window logs and blocks; every operation is O(log n) in the grants of one span."""

    def __init__(self) -> None:
        self._logs: dict[str, SlidingLog] = {}
        self._blocks: dict[str, tuple[int, str]] = {}

    def _log(self, key: str) -> SlidingLog:
        log = self._logs.get(key)
        if log is None:
            log = self._logs[key] = SlidingLog()
        return log

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        return self.reserve_now(items, now_ms)

    def reserve_now(self, items: Sequence[Reservation], now_ms: int) -> int:
        """`reserve` without a coroutine: the same all-or-nothing charge, for the limiter's fast path."""
        logs = self._logs
        wait = 0
        for item in items:
            log = logs.get(item.key)
            if log is None:
                log = logs[item.key] = SlidingLog()
            wait = max(wait, wait_ms(log, item.units, item.limit, item.window_ms + item.guard_ms, now_ms))
        if wait:
            return wait
        for item in items:
            logs[item.key].add(now_ms, item.units)
        return 0

    def take_now(self, items: Sequence[Reservation], block_keys: Sequence[str], now_ms: int) -> bool:
        """Charge every item when no block is in force and all fit now; False when not (nothing charged)."""
        if self._blocks and self.blocked_now(block_keys, now_ms) is not None:
            return False
        return self.reserve_now(items, now_ms) == 0

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        self.observe_now(key, window_ms, used, now_ms)

    def observe_now(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        """`observe` without a coroutine."""
        log = self._log(key)
        log.trim(now_ms - 2 * window_ms)
        start = now_ms - now_ms % window_ms
        missing = used - log.used_since(start)
        if missing > 0:
            log.add(start, missing)

    async def block(self, key: str, until_ms: int, reason: str) -> None:
        current = self._blocks.get(key)
        if current is None or current[0] < until_ms:
            self._blocks[key] = (until_ms, reason)

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        return self.blocked_now(keys, now_ms)

    def blocked_now(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        """`blocked` without a coroutine."""
        found: tuple[int, str] | None = None
        for key in keys:
            entry = self._blocks.get(key)
            if entry is not None and entry[0] > now_ms and (found is None or entry[0] > found[0]):
                found = entry
        return found

    def usage(self, key: str, span_ms: int, now_ms: int) -> int:
        """Units that still count against `key` at `now_ms` for a span of `span_ms`."""
        log = self._logs.get(key)
        if log is None:
            return 0
        log.trim(now_ms - span_ms)
        return log.used()
