"""Binance's local-book rules (streams.md §B7) and the REST snapshot they align to."""

from __future__ import annotations

from typing import Final

from venuekit.core.streams import BookDelta, SequenceRules

from ..endpoints.market import MarketApi

SNAPSHOT_LIMIT: Final = 1000


def _stale(snapshot_id: int, d: BookDelta) -> bool:
    """Step 4: drop any event where `u` < lastUpdateId."""
    return d.last_id < snapshot_id


def _bridges(snapshot_id: int, d: BookDelta) -> bool:
    """Step 5: first event has `U <= lastUpdateId <= u`; ccxt also accepts `pu == lastUpdateId`."""
    first = d.first_id if d.first_id is not None else d.last_id
    return first <= snapshot_id <= d.last_id or d.prev_id == snapshot_id


def _follows(prev_last_id: int, d: BookDelta) -> bool:
    """Step 6: each event's `pu` equals the previous event's `u`."""
    return d.prev_id == prev_last_id


BINANCE_RULES: Final = SequenceRules(stale=_stale, bridges=_bridges, follows=_follows)


class DepthSnapshots:
    """`GET /fapi/v1/depth?limit=1000` as a snapshot `BookDelta` (weight 20)."""

    def __init__(self, market: MarketApi, limit: int = SNAPSHOT_LIMIT) -> None:
        self.market = market
        self.limit = limit
        self.fetched = 0

    async def __call__(self, venue_symbol: str) -> BookDelta:
        snap = await self.market.depth(symbol=venue_symbol, limit=self.limit)
        self.fetched += 1
        return BookDelta(symbol=venue_symbol, bids=tuple(snap.bids), asks=tuple(snap.asks),
                         last_id=snap.last_update_id, snapshot=True, timestamp=snap.transaction_time or 0)

