"""A `MemoryStore` that counts `reserve` calls; overriding it also keeps the limiter on its awaited path."""

from __future__ import annotations

from collections.abc import Sequence

from venuekit.core.ratelimit import MemoryStore, Reservation


class CountingStore(MemoryStore):
    """Same state and answers as `MemoryStore`, plus `reserves`: how many reservations were asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.reserves = 0

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        self.reserves += 1
        return await super().reserve(items, now_ms)
