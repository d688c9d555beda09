"""Where limiter state lives: in memory by default; the same interface can sit on Redis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Reservation:
    """One counter to charge: `key` names quota + scope value, fixed windows of `window_ms`."""

    key: str
    units: int
    limit: int
    window_ms: int


class LimiterStore(Protocol):
    """Atomic operations a limiter needs; implementations must make `reserve` all-or-nothing."""

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        """Charge every item, or none: return 0 on success, else milliseconds to wait."""
        ...

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        """Raise a counter to what the venue reports as used in the current window."""
        ...

    async def block(self, key: str, until_ms: int, reason: str) -> None: ...

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        """Latest block among `keys` still in force, as (until_ms, reason)."""
        ...


class MemoryStore:
    """Per-process fixed-window counters; windows align to epoch like the venues' own."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, int]] = {}
        self._blocks: dict[str, tuple[int, str]] = {}

    def _used(self, key: str, window_start: int) -> int:
        entry = self._counts.get(key)
        return entry[1] if entry is not None and entry[0] == window_start else 0

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        wait = 0
        for item in items:
            start = now_ms - now_ms % item.window_ms
            if self._used(item.key, start) + item.units > item.limit:
                wait = max(wait, start + item.window_ms - now_ms)
        if wait:
            return wait
        for item in items:
            start = now_ms - now_ms % item.window_ms
            self._counts[item.key] = (start, self._used(item.key, start) + item.units)
        return 0

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        start = now_ms - now_ms % window_ms
        if used > self._used(key, start):
            self._counts[key] = (start, used)

    async def block(self, key: str, until_ms: int, reason: str) -> None:
        current = self._blocks.get(key)
        if current is None or current[0] < until_ms:
            self._blocks[key] = (until_ms, reason)

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        found: tuple[int, str] | None = None
        for key in keys:
            entry = self._blocks.get(key)
            if entry is not None and entry[0] > now_ms and (found is None or entry[0] > found[0]):
                found = entry
        return found

    def usage(self, key: str, window_ms: int, now_ms: int) -> int:
        return self._used(key, now_ms - now_ms % window_ms)
