"""REST catch-up after a user-data (re)connect: what the stream may have missed, as replayed updates."""

from __future__ import annotations

from collections.abc import Sequence
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
from venuekit.core.types import Fill, Order, Position

from ..config import VENUE
from ..endpoints.account import AccountApi

SLACK_MS: Final = 5_000
"""Look this far before the last event seen: clocks differ and order creation precedes its last update."""


class UnifiedReads(Protocol):
    """The unified reads reconciliation uses (`BinanceUSDM` provides them)."""

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]: ...

    async def fetch_order(self, symbol: str, order_id: str | None = None, *,
                          client_order_id: str | None = None) -> Order: ...

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]: ...

    async def fetch_fills(self, symbol: str | None = None, *, since: int | None = None,
                          limit: int | None = None) -> list[Fill]: ...

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]: ...


class BinanceReconciler:
    """Open orders (all symbols); orders last seen open; per symbol seen, asked for, with an open order or a
    position: the orders and fills since the last connect; non-flat positions; wallet balances (`balance` is
    Binance's wallet balance, the stream's `wb`). Orders opened and closed during an outage on a symbol none
    of those name are not found (Binance lists history per symbol): pass `symbols=` to cover them."""

    def __init__(self, venue: UnifiedReads, account: AccountApi) -> None:
        self.venue = venue
        self.account = account
        self.runs = 0

    async def reconcile(self, ctx: ReconcileContext) -> Sequence[AccountUpdate]:
        self.runs += 1
        orders: dict[str, Order] = {o.id: o for o in await self.venue.fetch_open_orders()}
        positions = await self.venue.fetch_positions()
        fills: list[Fill] = []
        if ctx.since_ms is not None:
            since = max(0, ctx.since_ms - SLACK_MS)
            symbols = ctx.symbols | set(ctx.open_orders.values()) | {o.symbol for o in orders.values()}
            for symbol in sorted(symbols | {p.symbol for p in positions}):
                for o in await self.venue.fetch_orders(symbol, since=since):
                    orders.setdefault(o.id, o)
                fills.extend(await self.venue.fetch_fills(symbol, since=since))
            for order_id, symbol in ctx.open_orders.items():
                if order_id not in orders:
                    orders[order_id] = await self.venue.fetch_order(symbol, order_id)
        out: list[AccountUpdate] = []
        for o in sorted(orders.values(), key=lambda o: (o.updated_at or 0, o.id)):
            out.append(OrderUpdate(venue=VENUE, order=o, exec_type=ExecType.SNAPSHOT,
                                   timestamp=o.updated_at or 0, replayed=True))
        for f in sorted(fills, key=lambda f: (f.timestamp, f.id)):
            out.append(FillUpdate(venue=VENUE, fill=f, timestamp=f.timestamp, replayed=True))
        for p in positions:
            out.append(PositionUpdate(venue=VENUE, position=p, reason="RECONCILED",
                                      timestamp=p.updated_at or 0, replayed=True, version=p.updated_at))
        for b in await self.account.balance():
            out.append(BalanceUpdate(venue=VENUE, asset=b.asset, wallet_balance=b.balance,
                                     cross_wallet_balance=b.cross_wallet_balance, available=b.available_balance,
                                     reason="RECONCILED", timestamp=b.update_time, replayed=True, raw=b))
        return out
