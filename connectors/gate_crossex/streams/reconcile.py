"""REST catch-up after a private (re)connect: what the stream may have missed, as replayed updates."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Final, TypeVar

from venuekit.core.errors import InvalidRequest, OrderNotFound
from venuekit.core.streams import (
    AccountUpdate,
    ExecType,
    FillUpdate,
    OrderUpdate,
    PositionUpdate,
    ReconcileContext,
)
from venuekit.core.types import Fill, Order, Position

from .. import mapping
from ..client import GateCrossExClient
from ..config import VENUE
from ..models import AccountAsset
from . import convert
from .convert import Unified

T = TypeVar("T")
SLACK_MS: Final = 5_000
"""Look this far before the previous connect: clocks differ and an order's creation precedes its last update."""
PAGE: Final = 1000
MAX_PAGES: Final = 20


class CrossExReconciler:
    """Open orders; orders and fills since the previous connect (CrossEx lists history across all symbols, so
    nothing depends on which symbols the stream has seen); orders last seen open that are in neither list;
    contract and margin positions; the account's assets (per exchange in isolated-exchange mode)."""

    def __init__(self, raw: GateCrossExClient, to_unified: Unified, exchanges: Callable[[], list[str]],
                 now_ms: Callable[[], int]) -> None:
        self.raw = raw
        self.to_unified = to_unified
        self.exchanges = exchanges
        self.now_ms = now_ms
        self.runs = 0

    async def reconcile(self, ctx: ReconcileContext) -> Sequence[AccountUpdate]:
        self.runs += 1
        raw, unified = self.raw, self.to_unified
        orders: dict[str, Order] = {o.order_id: mapping.order(o, unified) for o in await raw.orders.list_open_orders()}
        fills: list[Fill] = []
        if ctx.since_ms is not None:
            since = max(0, ctx.since_ms - SLACK_MS)
            for item in await _pages(lambda page: raw.orders.list_history_orders(start=since, page=page, limit=PAGE)):
                orders.setdefault(item.order_id, mapping.order(item, unified))
            for trade in await _pages(lambda page: raw.orders.list_history_trades(start=since, page=page,
                                                                                   limit=PAGE)):
                fills.append(mapping.fill(trade, unified))
        for order_id in ctx.open_orders:
            if order_id not in orders:
                try:
                    orders[order_id] = mapping.order(await raw.orders.get_order(order_id=order_id), unified)
                except OrderNotFound:
                    continue
        stamp = self.now_ms()
        out: list[AccountUpdate] = [
            OrderUpdate(venue=VENUE, order=o, exec_type=ExecType.SNAPSHOT, timestamp=o.updated_at or stamp,
                        replayed=True)
            for o in sorted(orders.values(), key=lambda o: (o.updated_at or 0, o.id))
        ]
        out += [FillUpdate(venue=VENUE, fill=f, timestamp=f.timestamp, replayed=True)
                for f in sorted(fills, key=lambda f: (f.timestamp, f.id))]
        out += [PositionUpdate(venue=VENUE, position=p, reason="RECONCILED", timestamp=p.updated_at or stamp,
                               replayed=True, version=p.updated_at) for p in await self._positions()]
        out += [convert.balance(a, stamp, replayed=True) for a in await self._assets()]
        return out

    async def _positions(self) -> list[Position]:
        found: list[Position | None] = [mapping.position(p, self.to_unified)
                                        for p in await self.raw.positions.list_positions()]
        found += [mapping.margin_position(p, self.to_unified) for p in await self.raw.margin.list_positions()]
        return [p for p in found if p is not None]

    async def _assets(self) -> list[AccountAsset]:
        """Cross-exchange mode answers without `exchange_type`; isolated-exchange mode needs one call per exchange."""
        try:
            return list((await self.raw.account.get_account()).assets)
        except InvalidRequest:
            assets: list[AccountAsset] = []
            for exchange in self.exchanges():
                assets += (await self.raw.account.get_account(exchange_type=exchange)).assets
            return assets


async def _pages(fetch: Callable[[int], Awaitable[list[T]]]) -> list[T]:
    """Every page (newest first) until a short one; at most `MAX_PAGES` pages."""
    rows: list[T] = []
    for page in range(1, MAX_PAGES + 1):
        batch = await fetch(page)
        rows += batch
        if len(batch) < PAGE:
            break
    return rows

