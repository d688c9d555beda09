"""An order-book stream on the toy feed: a gap that forces a reconnect is counted once, and a duplicated
update the book already holds is dropped (counted) without a resync."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

import anyio

from venuekit.core.streams import OrderBookUpdate, Stream, StreamStatus

from .conftest import Toy

Event = OrderBookUpdate | StreamStatus


async def take(stream: Stream[OrderBookUpdate], n: int) -> list[Event]:
    out: list[Event] = []
    with anyio.fail_after(2):
        async for event in stream:
            out.append(event)
            if len(out) == n:
                break
    return out


async def until(predicate: Callable[[], object]) -> None:
    with anyio.fail_after(2):
        while not predicate():
            await anyio.sleep(0.005)


def shown(events: list[Event]) -> list[object]:
    return [e.state.value if isinstance(e, StreamStatus) else e.sequence for e in events]


async def test_a_gap_that_reconnects_is_counted_once(toy: Toy) -> None:
    server = toy.server
    async with toy.open_book() as stream:
        await take(stream, 1)
        for frame, sequence in (("snap 10", 10), ("d 11", 11)):  # one at a time: the queue conflates books
            server.push(frame)
            assert shown(await take(stream, 1)) == [sequence]
        server.push("d 13")
        assert shown(await take(stream, 3)) == ["gap", "reconnecting", "connected"]
        await until(lambda: server.outboxes)
        server.push("snap 20")
        assert shown(await take(stream, 2)) == ["resynced", 20]
    assert (stream.stats["gaps"], stream.stats["resyncs"], stream.stats["reconnects"]) == (1, 1, 1)


async def test_a_duplicated_update_is_dropped_without_a_resync(toy: Toy) -> None:
    server = toy.server
    server.faults.duplicate("d *")
    async with toy.open_book() as stream:
        await take(stream, 1)
        events: list[Event] = []
        for frame in ("snap 10", "d 11", "d 12"):
            server.push(frame)
            events += await take(stream, 1)
        await until(lambda: stream.stats["stale_dropped"])
        assert shown(events) == [10, 11, 12] and not len(stream.queue)
        last = events[-1]
        assert isinstance(last, OrderBookUpdate) and last.bids == ((D(100), D(1)), (D(99), D(12)))
    assert server.faults.fired() == 1
    assert (stream.stats["stale_dropped"], stream.stats["gaps"], stream.stats["reconnects"]) == (1, 0, 0)
