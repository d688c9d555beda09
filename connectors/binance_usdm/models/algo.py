"""Algo (conditional) order models of `/fapi/v1/algoOrder` and friends; lenient, fields as documented."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.types import OptionalDecimal

from ..enums import OrderSide, PositionSide
from .base import BinanceModel


class AlgoOrder(BinanceModel):
    algo_id: str
    client_algo_id: str | None = None
    algo_type: str | None = None
    order_type: str | None = None
    symbol: str
    side: OrderSide
    position_side: PositionSide | None = None
    time_in_force: str | None = None
    quantity: Decimal | None = None
    algo_status: str | None = None
    trigger_price: OptionalDecimal = None
    price: OptionalDecimal = None
    working_type: str | None = None
    close_position: bool | None = None
    price_protect: bool | None = None
    reduce_only: bool | None = None
    activate_price: OptionalDecimal = None
    callback_rate: OptionalDecimal = None
    create_time: int | None = None
    update_time: int | None = None
    trigger_time: int | None = None
    actual_order_id: str | None = None
    executed_qty: Decimal | None = None
    avg_price: Decimal | None = None


class AlgoCancel(BinanceModel):
    algo_id: str
    client_algo_id: str | None = None
    code: str
    msg: str
