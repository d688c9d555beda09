"""Server-time offset per venue: measured before the first private call, re-synced on skew errors."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import anyio

ServerTimeFetcher = Callable[[], Awaitable[int]]


def local_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerClock:
    """Venue time as `local time + offset`; the offset is measured at the midpoint of a round trip."""

    def __init__(self, fetch_server_ms: ServerTimeFetcher | None = None, *, offset_ms: int = 0) -> None:
        self._fetch = fetch_server_ms
        self.offset_ms = offset_ms
        self.synced = fetch_server_ms is None
        self.sync_count = 0
        self._lock: anyio.Lock | None = None

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000 + self.offset_ms

    async def ensure_synced(self) -> None:
        if not self.synced:
            await self.resync()

    async def resync(self) -> None:
        """Measure the offset again; concurrent callers share one measurement."""
        if self._fetch is None:
            return
        if self._lock is None:
            self._lock = anyio.Lock()
        count = self.sync_count
        async with self._lock:
            if self.sync_count != count:
                return
            before = local_ms()
            server = await self._fetch()
            after = local_ms()
            self.offset_ms = server - (before + after) // 2
            self.synced = True
            self.sync_count += 1
