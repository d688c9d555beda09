"""REST catch-up after a user-data (re)connect: what the stream may have missed, as replayed updates.

Fills get the stream's ids (`<orderId>:<cumulative filled>`, see `fills.py`): an order's fills are
numbered by accumulating its fillHistory rows in time order, fetching the order's whole history when the
window since the last connect holds only part of it. Reconciled orders also seed the `FillTracker`, so the
next push of a partly filled order yields only the new part.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final, Protocol

from venuekit.core.streams import (
    AccountUpdate,
    BalanceUpdate,
    ExecType,
    FillUpdate,
    OrderUpdate,
    PositionUpdate,
    ReconcileContext,
)
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import Fill, Order, Position

from .. import convert as rest
from ..client import BingXClient
from ..config import VENUE
from .fills import FillTracker, Progress, fill_id

SLACK_MS: Final = 5_000
"""Look this far before the last connect: clocks differ and an order's creation precedes its last update."""
WINDOW_MS: Final = 7 * 86_400_000 - 60_000
"""fillHistory and fullOrder cover at most the last 7 days."""
PAGE: Final = 1000
ZERO = Decimal(0)


class UnifiedReads(Protocol):
    """The unified reads reconciliation uses (`BingX` provides them)."""

    symbols: SymbolMap

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]: ...

    async def fetch_order(self, symbol: str, order_id: str | None = None, *,
                          client_order_id: str | None = None) -> Order: ...

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]: ...

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]: ...


def _trade_key(f: Fill) -> tuple[int, int, str]:
    raw_id = str(getattr(f.raw, "trade_id", "") or "")
    return f.timestamp, int(raw_id) if raw_id.isdigit() else 0, raw_id


def numbered(order_id: str, fills: list[Fill]) -> list[Fill]:
    """An order's complete fill list, each fill re-identified by the cumulative quantity after it."""
    out, total = [], ZERO
    for f in sorted(fills, key=_trade_key):
        total += f.amount
        out.append(f.model_copy(update={"id": fill_id(order_id, total)}))
    return out


def seed_progress(order: Order) -> Progress:
    avg = order.average_price or ZERO
    profit = getattr(order.raw, "profit", None)
    return Progress(filled=order.filled, quote=avg * order.filled, fee=-order.fee.cost if order.fee else ZERO,
                    pnl=profit if isinstance(profit, Decimal) else ZERO)


class BingXReconciler:
    """Open orders (all symbols); orders last seen open; per symbol seen, asked for, with an open order or a
    position: the orders created and the fills made since the last connect; non-flat positions; wallet
    balances (`balance` of the swap account, the stream's `wb`). BingX lists history per symbol, so an
    order opened and closed during an outage on a symbol none of those name is found only if it was passed
    in `watch_account(symbols=[...])`."""

    def __init__(self, venue: UnifiedReads, raw: BingXClient, tracker: FillTracker) -> None:
        self.venue = venue
        self.raw = raw
        self.tracker = tracker
        self.runs = 0

    async def _fills(self, symbol: str, since: int, orders: dict[str, Order]) -> list[Fill]:
        venue_symbol = self.venue.symbols.to_venue(symbol)
        now = self.raw.clock.now_ms() + SLACK_MS
        page = await self.raw.swap_trade.fill_history(symbol=venue_symbol, start_ts=since, end_ts=now,
                                                      page_size=PAGE)
        by_order: dict[str, list[Fill]] = {}
        for entry in page.items:
            f = rest.fill_from_history(entry, self._to_unified, venue_symbol)
            by_order.setdefault(f.order_id, []).append(f)
        out: list[Fill] = []
        for order_id, seen in by_order.items():
            found = seen
            known = orders.get(order_id)
            if known is None:
                known = orders[order_id] = await self.venue.fetch_order(symbol, order_id)
            if sum((f.amount for f in found), ZERO) != known.filled:
                start = max(now - WINDOW_MS, (known.created_at or 0) - SLACK_MS)
                whole = await self.raw.swap_trade.fill_history(symbol=venue_symbol, order_id=order_id,
                                                               start_ts=start, end_ts=now, page_size=PAGE)
                found = [rest.fill_from_history(e, self._to_unified, venue_symbol) for e in whole.items]
            out.extend(numbered(order_id, found))
        return out

    def _to_unified(self, venue_symbol: str) -> str:
        return self.venue.symbols.to_unified(venue_symbol)

    async def reconcile(self, ctx: ReconcileContext) -> Sequence[AccountUpdate]:
        self.runs += 1
        orders: dict[str, Order] = {o.id: o for o in await self.venue.fetch_open_orders()}
        positions = await self.venue.fetch_positions()
        fills: list[Fill] = []
        if ctx.since_ms is not None:
            since = max(ctx.since_ms - SLACK_MS, self.raw.clock.now_ms() - WINDOW_MS)
            symbols = ctx.symbols | set(ctx.open_orders.values()) | {o.symbol for o in orders.values()}
            for symbol in sorted(symbols | {p.symbol for p in positions}):
                for o in await self.venue.fetch_orders(symbol, since=since):
                    orders.setdefault(o.id, o)
                fills.extend(await self._fills(symbol, since, orders))
            for order_id, symbol in ctx.open_orders.items():
                if order_id not in orders:
                    orders[order_id] = await self.venue.fetch_order(symbol, order_id)
        out: list[AccountUpdate] = []
        for f in sorted(fills, key=lambda f: (f.timestamp, f.id)):
            out.append(FillUpdate(venue=VENUE, fill=f, timestamp=f.timestamp, replayed=True))
        for o in sorted(orders.values(), key=lambda o: (o.updated_at or 0, o.id)):
            self.tracker.seed(o.id, seed_progress(o))
            out.append(OrderUpdate(venue=VENUE, order=o, exec_type=ExecType.SNAPSHOT,
                                   timestamp=o.updated_at or 0, replayed=True))
        for p in positions:
            out.append(PositionUpdate(venue=VENUE, position=p, reason="RECONCILED",
                                      timestamp=p.updated_at or 0, replayed=True, version=p.updated_at))
        for b in await self.raw.swap_account.balance():
            if b.balance is not None:
                out.append(BalanceUpdate(venue=VENUE, asset=b.asset, wallet_balance=b.balance,
                                         available=b.available_margin, reason="RECONCILED",
                                         timestamp=self.raw.clock.now_ms(), replayed=True, raw=b))
        return out
