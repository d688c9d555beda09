"""Order, batch-item, fill and force-order models of the trade endpoints."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.types import OptionalDecimal

from ..enums import OrderSide, PositionSide, WireOrderStatus
from .base import BinanceModel


class OrderResponse(BinanceModel):
    """One order as new/query/cancel/openOrders/allOrders/forceOrders return it."""

    order_id: str
    client_order_id: str
    symbol: str
    status: WireOrderStatus
    side: OrderSide
    position_side: PositionSide = PositionSide.BOTH
    type: str
    orig_type: str | None = None
    time_in_force: str | None = None
    price: Decimal
    avg_price: Decimal | None = None
    orig_qty: Decimal
    executed_qty: Decimal = Decimal(0)
    cum_qty: Decimal | None = None
    cum_quote: Decimal | None = None
    reduce_only: bool = False
    close_position: bool | None = None
    stop_price: OptionalDecimal = None
    activate_price: OptionalDecimal = None
    price_rate: OptionalDecimal = None
    working_type: str | None = None
    price_protect: bool | None = None
    price_match: str | None = None
    self_trade_prevention_mode: str | None = None
    good_till_date: int | None = None
    time: int | None = None
    update_time: int | None = None


class BatchError(BinanceModel):
    """A failed item inside a 200 batch response: `{"code": -2022, "msg": "…"}`."""

    code: str
    msg: str


BatchItem = OrderResponse | BatchError


class CountdownCancelAll(BinanceModel):
    symbol: str
    countdown_time: int


class UserTrade(BinanceModel):
    id: str
    order_id: str
    symbol: str
    side: OrderSide
    position_side: PositionSide = PositionSide.BOTH
    price: Decimal
    qty: Decimal
    quote_qty: Decimal
    realized_pnl: Decimal
    commission: Decimal
    commission_asset: str
    buyer: bool
    maker: bool
    time: int
