"""Price-time priority limit order book for one symbol."""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterator
from decimal import Decimal

from ..types.enums import Side
from .orders import ZERO, SimOrder


class _Ladder:
    """One side of the book: price levels kept sorted ascending, FIFO queues within a level."""

    def __init__(self) -> None:
        self.prices: list[Decimal] = []
        self.levels: dict[Decimal, deque[SimOrder]] = {}

    def add(self, price: Decimal, order: SimOrder) -> None:
        level = self.levels.get(price)
        if level is None:
            level = self.levels[price] = deque()
            bisect.insort(self.prices, price)
        level.append(order)

    def remove(self, price: Decimal, order: SimOrder) -> bool:
        level = self.levels.get(price)
        if level is None or order not in level:
            return False
        level.remove(order)
        if not level:
            del self.levels[price]
            self.prices.remove(price)
        return True


class OrderBook:
    """Resting limit orders; makers are matched best price first, then oldest first."""

    def __init__(self, symbol: str) -> None:
        self.symbol = symbol
        self._bids = _Ladder()
        self._asks = _Ladder()

    def _ladder(self, side: Side) -> _Ladder:
        return self._bids if side is Side.BUY else self._asks

    def add(self, order: SimOrder) -> None:
        if order.price is None:
            raise ValueError("only priced orders can rest in the book")
        self._ladder(order.side).add(order.price, order)

    def remove(self, order: SimOrder) -> bool:
        if order.price is None:
            return False
        return self._ladder(order.side).remove(order.price, order)

    def best_bid(self) -> Decimal | None:
        return self._bids.prices[-1] if self._bids.prices else None

    def best_ask(self) -> Decimal | None:
        return self._asks.prices[0] if self._asks.prices else None

    def best_opposite(self, taker_side: Side) -> Decimal | None:
        return self.best_ask() if taker_side is Side.BUY else self.best_bid()

    def mid(self) -> Decimal | None:
        bid, ask = self.best_bid(), self.best_ask()
        if bid is None or ask is None:
            return bid if ask is None else ask
        return (bid + ask) / 2

    def would_cross(self, side: Side, price: Decimal) -> bool:
        best = self.best_opposite(side)
        if best is None:
            return False
        return price >= best if side is Side.BUY else price <= best

    def matchable(self, taker_side: Side, limit: Decimal | None) -> Iterator[SimOrder]:
        """Makers a taker may trade with, in priority order; safe to remove makers while iterating."""
        ladder = self._asks if taker_side is Side.BUY else self._bids
        prices = list(ladder.prices) if taker_side is Side.BUY else list(reversed(ladder.prices))
        for price in prices:
            if limit is not None and (price > limit if taker_side is Side.BUY else price < limit):
                return
            yield from list(ladder.levels.get(price, ()))

    def available(self, taker_side: Side, limit: Decimal | None) -> Decimal:
        """Total maker quantity a taker could reach at `limit` (all of it for a market order)."""
        return sum((o.remaining_qty for o in self.matchable(taker_side, limit)), ZERO)

    def depth(self, levels: int | None = None) -> tuple[list[tuple[Decimal, Decimal]], list[tuple[Decimal, Decimal]]]:
        """Aggregated (price, quantity) levels: bids best-first, asks best-first."""
        bids = [(p, self._level_qty(self._bids, p)) for p in reversed(self._bids.prices)]
        asks = [(p, self._level_qty(self._asks, p)) for p in self._asks.prices]
        if levels is not None:
            bids, asks = bids[:levels], asks[:levels]
        return bids, asks

    def orders(self) -> list[SimOrder]:
        return [o for ladder in (self._bids, self._asks) for level in ladder.levels.values() for o in level]

    @staticmethod
    def _level_qty(ladder: _Ladder, price: Decimal) -> Decimal:
        return sum((o.remaining_qty for o in ladder.levels[price]), ZERO)
