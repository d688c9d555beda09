"""Keeps a `LocalOrderBook` consistent with a venue's sequence rules; a gap or a crossed book → resync.

The venue supplies `SequenceRules` (three small predicates) and, when its snapshot comes over REST, a
snapshot fetcher. Procedure (Binance's documented one, which the others are special cases of): buffer
deltas until a snapshot is in hand, drop deltas older than it, require the first applied delta to bridge
it, then require every delta to follow the previous one. Venues whose stream sends its own snapshot
(BingX `action: all`, Gate `snapshot: true`) pass `BookDelta(snapshot=True)` and need no fetcher. Once in
sync, a delta the book already covers (a duplicated or replayed message: its last id is not past the
book's) is dropped and counted in `stale_dropped`; only ids jumping ahead are a gap.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .book import BookDelta, CrossedBook, LocalOrderBook

SnapshotFetcher = Callable[[str], Awaitable[BookDelta]]


@dataclass(frozen=True)
class SequenceRules:
    """`stale(snapshot_id, d)`: d is wholly before the snapshot (drop it). `bridges(snapshot_id, d)`: d may be
    the first delta applied on the snapshot. `follows(prev_last_id, d)`: d continues the previous delta."""

    stale: Callable[[int, BookDelta], bool]
    bridges: Callable[[int, BookDelta], bool]
    follows: Callable[[int, BookDelta], bool]


def contiguous_rules() -> SequenceRules:
    """Each message covers `first_id..last_id` and the next starts at `last_id + 1` (BingX, Gate)."""
    return SequenceRules(
        stale=lambda snap, d: d.last_id <= snap,
        bridges=lambda snap, d: (d.first_id if d.first_id is not None else d.last_id) <= snap + 1 <= d.last_id,
        follows=lambda prev, d: (d.first_id if d.first_id is not None else d.last_id) <= prev + 1 <= d.last_id,
    )


class ResyncNeeded(Exception):
    """The book can't be trusted; the stream discards it and starts over (status GAP, then RESYNCED)."""


class BookSynchronizer:
    """Feeds deltas into a book; `feed` returns True when the book changed and is consistent."""

    def __init__(self, symbol: str, rules: SequenceRules, fetch_snapshot: SnapshotFetcher | None = None,
                 *, max_buffer: int = 10_000) -> None:
        self.book = LocalOrderBook(symbol)
        self.rules = rules
        self.fetch_snapshot = fetch_snapshot
        self.max_buffer = max_buffer
        self._buffer: list[BookDelta] = []
        self._synced = False
        self._last_id: int | None = None
        self.stale_dropped = 0

    @property
    def synced(self) -> bool:
        return self._synced

    def reset(self) -> None:
        self.book.clear()
        self._buffer.clear()
        self._synced = False
        self._last_id = None

    async def feed(self, delta: BookDelta) -> bool:
        """Apply `delta`; raises `ResyncNeeded` on a gap, a crossed book or an unbridgeable snapshot."""
        try:
            if delta.snapshot:
                self.book.reset(delta)
                self._buffer.clear()
                self._synced, self._last_id = True, delta.last_id
                return True
            if self._synced:
                assert self._last_id is not None
                if delta.last_id <= self._last_id:
                    self.stale_dropped += 1
                    return False
                if not self.rules.follows(self._last_id, delta):
                    raise ResyncNeeded(f"{self.book.symbol}: update {delta.first_id}..{delta.last_id} "
                                       f"does not follow {self._last_id}")
                self.book.apply(delta)
                self._last_id = delta.last_id
                return True
            if self.fetch_snapshot is None:
                return False
            self._buffer.append(delta)
            if len(self._buffer) > self.max_buffer:
                raise ResyncNeeded(f"{self.book.symbol}: buffer overflow waiting for a snapshot")
            return await self._bootstrap()
        except CrossedBook as exc:
            raise ResyncNeeded(str(exc)) from exc

    async def _bootstrap(self) -> bool:
        assert self.fetch_snapshot is not None
        snapshot = await self.fetch_snapshot(self.book.symbol)
        pending = [d for d in self._buffer if not self.rules.stale(snapshot.last_id, d)]
        if pending and not self.rules.bridges(snapshot.last_id, pending[0]):
            if (pending[0].first_id or pending[0].last_id) > snapshot.last_id:
                self._buffer = pending
                return False
            raise ResyncNeeded(f"{self.book.symbol}: snapshot {snapshot.last_id} not bridged by "
                               f"{pending[0].first_id}..{pending[0].last_id}")
        self.book.reset(snapshot)
        last = snapshot.last_id
        for index, d in enumerate(pending):
            if index and not self.rules.follows(last, d):
                raise ResyncNeeded(f"{self.book.symbol}: buffered update {d.first_id} does not follow {last}")
            self.book.apply(d)
            last = d.last_id
        self._buffer.clear()
        self._synced, self._last_id = True, last
        return True
