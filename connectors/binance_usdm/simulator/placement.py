"""New-order parameters checked the way Binance does, then handed to the engine."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Final

from venuekit.core.simulator import SimOrder, SimRejected
from venuekit.core.simulator.errors import RejectReason
from venuekit.core.types.enums import OrderType, PositionMode, PositionSide, TimeInForce

from .errors import BinanceError, from_reject, mandatory
from .params import Params
from .pipeline import Ctx
from .shapes_orders import OrderExtras
from .wire import ORDER_TYPES, POSITION_SIDES, SIDES, TIME_IN_FORCE, plain

CLIENT_ID: Final = re.compile(r"^[\.A-Z\:/a-z0-9_-]{1,36}$")
WORKING_TYPES: Final = frozenset({"MARK_PRICE", "CONTRACT_PRICE"})
RESP_TYPES: Final = frozenset({"ACK", "RESULT"})
_NEEDS: Final[dict[OrderType, tuple[str, ...]]] = {
    OrderType.LIMIT: ("timeInForce", "quantity", "price"),
    OrderType.MARKET: ("quantity",),
    OrderType.STOP: ("quantity", "price", "stopPrice"),
    OrderType.TAKE_PROFIT: ("quantity", "price", "stopPrice"),
    OrderType.STOP_MARKET: ("stopPrice",),
    OrderType.TAKE_PROFIT_MARKET: ("stopPrice",),
    OrderType.TRAILING_STOP_MARKET: ("callbackRate",),
}


def _client_id(ctx: Ctx, params: Params) -> str:
    value = params.raw("newClientOrderId")
    if value is None:
        return ctx.state.client_order_id()
    if len(value) > 36:
        raise BinanceError(-4015, "Client order id length should be less than 36 chars")
    if not CLIENT_ID.match(value):
        raise BinanceError(-1100, "Illegal characters found in parameter 'newClientOrderId'; "
                           "legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.")
    return value


def _check_limits(ctx: Ctx, params: Params, order_type: OrderType, qty: Decimal | None) -> None:
    """PRICE_FILTER bounds and LOT_SIZE / MARKET_LOT_SIZE maxima the engine does not know."""
    inst = ctx.inst()
    spec = ctx.backend.spec_of(inst)
    for name in ("price", "stopPrice"):
        value = params.decimal(name)
        if value is None or value <= 0:
            continue
        if value < spec.min_price:
            raise BinanceError(-4013, "Price less than min price.")
        if value > spec.max_price:
            raise BinanceError(-4002, "Price greater than max price.")
    if qty is None:
        return
    market = order_type in (OrderType.MARKET, OrderType.STOP_MARKET, OrderType.TAKE_PROFIT_MARKET)
    cap = spec.market_max_qty if market else inst.max_qty
    if cap is not None and qty > cap:
        raise BinanceError(-4005, "Quantity greater than max quantity.")


def place(ctx: Ctx, params: Params, *, batch: bool = False) -> tuple[SimOrder, bool]:
    """Place one order from Binance parameters; returns (order, whether RESULT was asked for)."""
    ctx = dataclasses.replace(ctx, params=params)
    inst = ctx.inst()
    side = params.choice("side", SIDES, BinanceError(-1117, "Invalid side."))
    if side is None:
        raise mandatory("side")
    order_type = params.choice("type", ORDER_TYPES, BinanceError(-1116, "Invalid orderType."))
    if order_type is None:
        raise mandatory("type")
    if order_type is OrderType.TRAILING_STOP_MARKET:
        raise BinanceError(-1116, "Invalid orderType.")
    hedge = ctx.exchange.position_mode(ctx.account_id) is PositionMode.HEDGE
    close_position = params.boolean("closePosition")
    needs = _NEEDS[order_type] + (("quantity",) if batch and not close_position else ())
    for name in needs:
        if name == "quantity" and close_position:
            continue
        if name not in params:
            raise mandatory(name)
    position_side = params.choice("positionSide", POSITION_SIDES, BinanceError(-4060, "Invalid position side."))
    position_side = position_side or PositionSide.BOTH
    if "reduceOnly" in params and (hedge or close_position) and params.boolean("reduceOnly"):
        raise BinanceError(-1106, "Parameter 'reduceOnly' sent when not required.")
    reduce_only = params.boolean("reduceOnly")
    if close_position and "quantity" in params:
        raise BinanceError(-4137, "Quantity must be zero with closePosition equals true.")
    tif = params.choice("timeInForce", TIME_IN_FORCE, BinanceError(-1115, "Invalid timeInForce."))
    working = params.raw("workingType") or "CONTRACT_PRICE"
    if working not in WORKING_TYPES:
        raise BinanceError(-4031, "Invalid workingType.")
    resp_type = params.raw("newOrderRespType") or "ACK"
    if resp_type not in RESP_TYPES:
        raise BinanceError(-1136, "Invalid newOrderRespType.")
    qty = params.decimal("quantity")
    _check_limits(ctx, params, order_type, qty)
    client_id = _client_id(ctx, params)
    try:
        order = ctx.exchange.place_order(
            ctx.account_id,
            inst.symbol,
            side,
            order_type,
            qty,
            price=params.decimal("price"),
            trigger_price=params.decimal("stopPrice"),
            time_in_force=tif or TimeInForce.GTC,
            position_side=position_side,
            reduce_only=reduce_only,
            close_position=close_position,
            client_order_id=client_id,
        )
    except SimRejected as exc:
        if exc.reason is RejectReason.MIN_NOTIONAL:
            raise from_reject(exc, notional=plain(inst.min_notional)) from None
        raise
    ctx.state.extras[order.order_id] = OrderExtras(
        working_type=working,
        price_protect=(params.raw("priceProtect") or "false").lower() == "true",
        price_match=params.raw("priceMatch") or "NONE",
        stp_mode=params.raw("selfTradePreventionMode") or "NONE",
        good_till_date=params.integer("goodTillDate") or 0,
    )
    return order, resp_type == "RESULT"
