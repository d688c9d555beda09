"""TWAP orders: a parent that places one market slice per `interval` seconds on the engine clock."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from venuekit.core.simulator import SimRejected
from venuekit.core.types.enums import OrderType, PositionSide, Side, TimeInForce

from .orders import OrderArgs, place
from .state import BingXState, OrderExtra
from .wire import dec

ZERO = Decimal(0)


@dataclass
class TwapOrder:
    main_order_id: str
    account_id: str
    symbol: str
    side: Side
    position_side: PositionSide
    price_type: str
    price_variance: Decimal
    trigger_price: Decimal
    interval_s: int
    per_order: Decimal
    total: Decimal
    created_ms: int
    next_ms: int
    executed: Decimal = ZERO
    status: str = "Running"
    updated_ms: int = 0
    slices: int = 0

    def max_duration_s(self) -> int:
        count = -(-self.total // self.per_order)
        return int(count) * self.interval_s


class TwapDesk:
    """Holds TWAP parents and, when the clock passes their next slice time, sends the slices."""

    def __init__(self, st: BingXState) -> None:
        self.st = st
        self.orders: dict[str, TwapOrder] = {}

    def add(self, twap: TwapOrder) -> None:
        self.orders[twap.main_order_id] = twap
        self.tick(twap.created_ms)

    def tick(self, now: int) -> None:
        for twap in self.orders.values():
            while twap.status == "Running" and twap.next_ms <= now:
                self._slice(twap)
                twap.next_ms += twap.interval_s * 1000

    def _price_ok(self, twap: TwapOrder) -> bool:
        """Buy slices wait while the best ask is above the limit; sell slices while the best bid is below."""
        bid, ask = self.st.exchange.best_bid_ask(twap.symbol)
        if twap.side is Side.BUY:
            return ask is not None and ask <= twap.trigger_price
        return bid is not None and bid >= twap.trigger_price

    def _slice(self, twap: TwapOrder) -> None:
        ex = self.st.exchange
        twap.updated_ms = ex.now_ms()
        if not self._price_ok(twap):
            return
        qty = min(twap.per_order, twap.total - twap.executed)
        args = OrderArgs(
            symbol=twap.symbol,
            bx_type="MARKET",
            order_type=OrderType.MARKET,
            side=twap.side,
            position_side=twap.position_side,
            quantity=qty,
            price=None,
            trigger=None,
            tif=TimeInForce.GTC,
            reduce_only=False,
            close_position=False,
            client_id=None,
            extra=OrderExtra(bx_type="MARKET"),
        )
        try:
            order = place(self.st, twap.account_id, args, main_order_id=twap.main_order_id)
        except SimRejected:
            twap.status = "Failed"
            return
        twap.slices += 1
        twap.executed += order.filled_qty
        if twap.executed >= twap.total:
            twap.status = "Finished"

    def cancel(self, twap: TwapOrder) -> None:
        twap.status = "Cancelled"
        twap.updated_ms = self.st.exchange.now_ms()

    def render(self, twap: TwapOrder, now: int) -> dict[str, Any]:
        end = now if twap.status == "Running" else twap.updated_ms
        return {
            "symbol": twap.symbol,
            "side": twap.side.value.upper(),
            "positionSide": twap.position_side.value.upper(),
            "priceType": twap.price_type,
            "priceVariance": dec(twap.price_variance),
            "triggerPrice": dec(twap.trigger_price),
            "interval": twap.interval_s,
            "amountPerOrder": dec(twap.per_order),
            "totalAmount": dec(twap.total),
            "orderStatus": twap.status,
            "executedQty": dec(twap.executed),
            "duration": max(0, (end - twap.created_ms) // 1000),
            "maxDuration": twap.max_duration_s(),
            "createdTime": twap.created_ms,
            "updateTime": twap.updated_ms or twap.created_ms,
            "mainOrderId": twap.main_order_id,
        }
