"""`LocalOrderBook`: price → quantity ladders kept from a snapshot plus absolute-quantity diffs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .updates import Level, OrderBookUpdate


@dataclass(frozen=True)
class BookDelta:
    """One decoded depth message (or a snapshot when `snapshot`), in the venue's sequence numbers.

    `first_id`/`last_id` are the first and final update ids the message covers (Binance `U`/`u`, Gate
    `U`/`u`, BingX `lastUpdateId` for both); `prev_id` is the venue's link to the previous message when it
    sends one (Binance `pu`).
    """

    symbol: str
    bids: tuple[Level, ...]
    asks: tuple[Level, ...]
    last_id: int
    first_id: int | None = None
    prev_id: int | None = None
    snapshot: bool = False
    timestamp: int = 0


class CrossedBook(Exception):
    """Best bid >= best ask after an update: the local book is wrong and must be rebuilt."""


@dataclass
class LocalOrderBook:
    """Absolute quantities per price; quantity 0 removes the level (absent levels are fine to remove)."""

    symbol: str
    bids: dict[Decimal, Decimal] = field(default_factory=dict)
    asks: dict[Decimal, Decimal] = field(default_factory=dict)
    sequence: int | None = None
    timestamp: int = 0

    def clear(self) -> None:
        self.bids.clear()
        self.asks.clear()
        self.sequence = None

    def reset(self, snapshot: BookDelta) -> None:
        self.clear()
        self.apply(snapshot)

    def apply(self, delta: BookDelta) -> None:
        """Apply levels and move the sequence to `delta.last_id`; raises `CrossedBook` if it now crosses."""
        _merge(self.bids, delta.bids)
        _merge(self.asks, delta.asks)
        self.sequence = delta.last_id
        self.timestamp = delta.timestamp or self.timestamp
        if self.crossed():
            raise CrossedBook(f"{self.symbol}: bid {self.best_bid()} >= ask {self.best_ask()}")

    def best_bid(self) -> Decimal | None:
        return max(self.bids) if self.bids else None

    def best_ask(self) -> Decimal | None:
        return min(self.asks) if self.asks else None

    def crossed(self) -> bool:
        bid, ask = self.best_bid(), self.best_ask()
        return bid is not None and ask is not None and bid >= ask

    def top(self, depth: int | None = None) -> tuple[tuple[Level, ...], tuple[Level, ...]]:
        bids = sorted(self.bids.items(), reverse=True)
        asks = sorted(self.asks.items())
        if depth is not None:
            bids, asks = bids[:depth], asks[:depth]
        return tuple(bids), tuple(asks)

    def snapshot(self, venue: str, symbol: str, depth: int | None = None) -> OrderBookUpdate:
        bids, asks = self.top(depth)
        return OrderBookUpdate(venue=venue, symbol=symbol, bids=bids, asks=asks, sequence=self.sequence,
                               timestamp=self.timestamp)


def _merge(side: dict[Decimal, Decimal], levels: Iterable[Level]) -> None:
    for price, qty in levels:
        if qty == 0:
            side.pop(price, None)
        else:
            side[price] = qty
