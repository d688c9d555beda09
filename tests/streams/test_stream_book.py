"""Local book sequencing: snapshot + diffs, stale drops, bridging, gaps and crossed books force a resync."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from venuekit.core.streams import BookDelta, BookSynchronizer, LocalOrderBook, ResyncNeeded, contiguous_rules


def delta(first: int, last: int, bids: list[tuple[str, str]] = (), asks: list[tuple[str, str]] = (),  # type: ignore[assignment]
          *, snapshot: bool = False) -> BookDelta:
    return BookDelta("X", tuple((D(p), D(q)) for p, q in bids), tuple((D(p), D(q)) for p, q in asks),
                     last_id=last, first_id=first, snapshot=snapshot)


def test_zero_quantity_removes_and_absent_removal_is_fine() -> None:
    book = LocalOrderBook("X")
    book.reset(delta(0, 1, [("10", "1"), ("9", "2")], [("11", "1")], snapshot=True))
    book.apply(delta(2, 2, [("10", "0"), ("8", "0")], [("12", "3")]))
    assert book.top() == (((D(9), D(2)),), ((D(11), D(1)), (D(12), D(3))))
    assert book.sequence == 2


async def test_stream_snapshot_then_contiguous_updates() -> None:
    sync = BookSynchronizer("X", contiguous_rules())
    assert not await sync.feed(delta(5, 5, [("10", "1")]))  # no snapshot yet, no fetcher: ignored
    assert await sync.feed(delta(0, 7, [("10", "1")], [("11", "1")], snapshot=True))
    assert await sync.feed(delta(8, 9, [("10", "4")]))
    assert sync.book.top()[0] == ((D(10), D(4)),)
    with pytest.raises(ResyncNeeded, match="does not follow 9"):
        await sync.feed(delta(11, 11, [("10", "5")]))


async def test_crossed_book_forces_resync() -> None:
    sync = BookSynchronizer("X", contiguous_rules())
    await sync.feed(delta(0, 1, [("10", "1")], [("11", "1")], snapshot=True))
    with pytest.raises(ResyncNeeded, match="bid 12 >= ask 11"):
        await sync.feed(delta(2, 2, [("12", "1")]))


async def test_rest_snapshot_drops_stale_and_needs_a_bridge() -> None:
    snapshots = [delta(0, 20, [("10", "1")], [("11", "1")], snapshot=True)]

    async def fetch(symbol: str) -> BookDelta:
        return snapshots[0]

    sync = BookSynchronizer("X", contiguous_rules(), fetch)
    assert await sync.feed(delta(15, 18, [("10", "9")]))  # stale alone: snapshot applied, nothing else
    assert sync.book.top()[0] == ((D(10), D(1)),)
    sync.reset()
    assert await sync.feed(delta(19, 22, [("10", "2")]))  # bridges 20
    assert sync.book.sequence == 22 and sync.book.top()[0] == ((D(10), D(2)),)
    sync.reset()
    snapshots[0] = delta(0, 30, snapshot=True)
    assert not await sync.feed(delta(40, 41))  # snapshot older than the stream: keep buffering, refetch later


async def test_an_update_already_applied_is_dropped_and_counted() -> None:
    sync = BookSynchronizer("X", contiguous_rules())
    await sync.feed(delta(0, 7, [("10", "1")], [("11", "1")], snapshot=True))
    assert await sync.feed(delta(8, 9, [("10", "4")]))
    assert not await sync.feed(delta(8, 9, [("10", "4")]))  # the same message again
    assert not await sync.feed(delta(6, 7, [("10", "2")]))  # older than the book
    assert sync.stale_dropped == 2 and sync.book.sequence == 9
    assert sync.book.top()[0] == ((D(10), D(4)),)
    with pytest.raises(ResyncNeeded, match="does not follow 9"):
        await sync.feed(delta(11, 12, [("10", "5")]))
