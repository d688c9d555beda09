"""`make demo`'s live part: each venue's `watch_account()` printed as order and fill updates arrive.

`AccountWatch` opens the streams before anything is placed, reads them in the background and prints every
order/fill update with the time since its order was sent; `settle()` waits until each placed order's final
state and all of its fills have come in over the stream (not over REST).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import TracebackType
from typing import Any, Self

from venuekit.core import Order, Venue
from venuekit.core.numbers import format_decimal as num
from venuekit.core.streams import AccountUpdate, FillUpdate, OrderUpdate, Stream, StreamStatus


@dataclass
class _Seen:
    """What one venue's stream delivered for the orders placed on it."""

    final: dict[str, Order] = field(default_factory=dict)
    filled: dict[str, Decimal] = field(default_factory=dict)
    other: int = 0


class AccountWatch:
    """`async with AccountWatch(venues) as watch:` … `watch.sending(venue)`; `await watch.settle(orders)`."""

    def __init__(self, venues: Sequence[Venue], *, say: Any = print) -> None:
        self._venues = list(venues)
        self._say = say
        self._sent: dict[str, float] = {}
        self._seen: dict[str, _Seen] = {v.name: _Seen() for v in self._venues}
        self._streams: list[Stream[AccountUpdate]] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._changed = asyncio.Event()

    async def __aenter__(self) -> Self:
        for venue in self._venues:
            stream = venue.watch_account()
            await stream.start()
            self._streams.append(stream)
            self._tasks.append(asyncio.create_task(self._read(venue.name, stream)))
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for stream in self._streams:
            await stream.aclose()

    def sending(self, venue: Venue) -> None:
        """Call right before placing an order on `venue`: latencies printed are counted from here."""
        self._sent[venue.name] = time.perf_counter()

    def answered(self, order: Order) -> None:
        """Print when the REST answer to the order came back, for comparison with the stream."""
        self._say(f"  +{self._since_sent(order.venue)}  {order.venue:<13} REST answer: order {order.id} "
                  f"{order.status.value}")

    def _since_sent(self, venue: str) -> str:
        sent = self._sent.get(venue)
        return "       -" if sent is None else f"{(time.perf_counter() - sent) * 1000:6.2f}ms"

    async def _read(self, venue: str, stream: Stream[AccountUpdate]) -> None:
        seen = self._seen[venue]
        async for event in stream:
            if isinstance(event, OrderUpdate):
                order = event.order
                self._say(f"  +{self._since_sent(venue)}  {venue:<13} order {order.id}  {order.status.value:<8} "
                          f"filled {num(order.filled)}/{num(order.amount)}{'  (replayed)' if event.replayed else ''}")
                if order.status.is_final:
                    seen.final[order.id] = order
            elif isinstance(event, FillUpdate):
                fill = event.fill
                self._say(f"  +{self._since_sent(venue)}  {venue:<13} fill  {fill.id}  {fill.side.value} "
                          f"{num(fill.amount)} @ {num(fill.price)}{'  (replayed)' if event.replayed else ''}")
                seen.filled[fill.order_id] = seen.filled.get(fill.order_id, Decimal(0)) + fill.amount
            elif not isinstance(event, StreamStatus):
                seen.other += 1
            self._changed.set()

    def _complete(self, order: Order) -> bool:
        seen = self._seen[order.venue]
        final = seen.final.get(order.id)
        return final is not None and seen.filled.get(order.id, Decimal(0)) == final.filled

    async def settle(self, orders: Sequence[Order], timeout: float = 3.0) -> bool:
        """Wait until every order's final update and all its fills came over the streams; False on timeout."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while not all(self._complete(o) for o in orders):
                    self._changed.clear()
                    await self._changed.wait()
        return all(self._complete(o) for o in orders)

    @property
    def other_updates(self) -> int:
        """Position and balance updates received (not printed)."""
        return sum(s.other for s in self._seen.values())
