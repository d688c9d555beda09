"""Stateless checks of a new order against the instrument rules and the account's situation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..types.enums import InstrumentStatus, OrderType, PositionSide, TimeInForce
from .errors import RejectReason, SimRejected
from .instruments import SimInstrument, is_multiple
from .orders import SimOrder

PRICED_TYPES = frozenset({OrderType.LIMIT, OrderType.STOP, OrderType.TAKE_PROFIT})
_SUPPORTED = PRICED_TYPES | {OrderType.MARKET, OrderType.STOP_MARKET, OrderType.TAKE_PROFIT_MARKET}


@dataclass(frozen=True)
class OrderRequest:
    """An order plus the facts about the account and book that decide whether it is accepted."""

    order: SimOrder
    hedge_mode: bool
    duplicate_client_id: bool
    reference_price: Decimal
    reducible: Decimal
    opening_qty: Decimal
    leverage: int
    available: Decimal
    would_cross: bool
    reject_post_only: bool
    would_trigger: bool


def _reject(reason: RejectReason, message: str) -> SimRejected:
    return SimRejected(reason, message)


def _check_quantity(order: SimOrder, inst: SimInstrument) -> None:
    if order.close_position and order.quantity == 0:
        return
    qty = order.quantity
    if qty <= 0:
        raise _reject(RejectReason.INVALID_QUANTITY, "quantity must be positive")
    if not is_multiple(qty, inst.step_size):
        raise _reject(RejectReason.QTY_STEP, f"quantity {qty} is not a multiple of {inst.step_size}")
    if qty < inst.min_qty:
        raise _reject(RejectReason.MIN_QTY, f"quantity {qty} is below the minimum {inst.min_qty}")
    if inst.max_qty is not None and qty > inst.max_qty:
        raise _reject(RejectReason.INVALID_QUANTITY, f"quantity {qty} is above the maximum {inst.max_qty}")


def _check_prices(order: SimOrder, inst: SimInstrument) -> None:
    if order.order_type in PRICED_TYPES:
        if order.price is None or order.price <= 0:
            raise _reject(RejectReason.INVALID_PRICE, "a positive price is required")
        if not is_multiple(order.price, inst.tick_size):
            raise _reject(RejectReason.PRICE_TICK, f"price {order.price} is not a multiple of {inst.tick_size}")
    else:
        order.price = None
    if order.is_conditional:
        trigger = order.trigger_price
        if trigger is None or trigger <= 0:
            raise _reject(RejectReason.INVALID_TRIGGER_PRICE, "a positive trigger price is required")
        if not is_multiple(trigger, inst.tick_size):
            raise _reject(RejectReason.PRICE_TICK, f"trigger price {trigger} is not a multiple of {inst.tick_size}")
    else:
        order.trigger_price = None


def validate_request(req: OrderRequest, inst: SimInstrument) -> None:
    """Raise `SimRejected` for the first rule the order breaks, in the order venues usually check."""
    order = req.order
    if inst.status is not InstrumentStatus.TRADING:
        raise _reject(RejectReason.SYMBOL_NOT_TRADING, f"{inst.symbol} is {inst.status.value}")
    if order.order_type not in _SUPPORTED:
        raise _reject(RejectReason.UNSUPPORTED_ORDER_TYPE, f"{order.order_type.value} is not supported")
    if req.hedge_mode == (order.position_side is PositionSide.BOTH):
        mode = "hedge" if req.hedge_mode else "one-way"
        raise _reject(RejectReason.POSITION_SIDE_MISMATCH, f"{order.position_side.value} is invalid in {mode} mode")
    if req.duplicate_client_id:
        raise _reject(RejectReason.DUPLICATE_CLIENT_ORDER_ID, f"client order id {order.client_order_id} exists")
    if order.close_position and not (order.is_market_like and order.order_type is not OrderType.MARKET):
        raise _reject(RejectReason.UNSUPPORTED_ORDER_TYPE, "close_position needs a stop or take-profit market")
    _check_quantity(order, inst)
    _check_prices(order, inst)
    if order.post_only and order.order_type is not OrderType.LIMIT:
        raise _reject(RejectReason.UNSUPPORTED_ORDER_TYPE, "post-only applies to limit orders")
    if order.post_only and order.time_in_force not in (TimeInForce.POST_ONLY, TimeInForce.GTC):
        raise _reject(RejectReason.UNSUPPORTED_ORDER_TYPE, "post-only cannot be IOC or FOK")
    notional = inst.notional(req.reference_price, order.quantity)
    if not order.is_closing and req.reference_price > 0 and notional < inst.min_notional:
        raise _reject(RejectReason.MIN_NOTIONAL, f"notional {notional} is below {inst.min_notional}")
    if order.is_closing and not order.is_conditional and req.reducible == 0:
        if order.reduce_only:
            raise _reject(RejectReason.REDUCE_ONLY_WOULD_INCREASE, "reduce-only order would open a position")
        raise _reject(RejectReason.NO_POSITION, "no position to close")
    if order.post_only and req.would_cross and req.reject_post_only:
        raise _reject(RejectReason.POST_ONLY_WOULD_TAKE, "post-only order would take liquidity")
    margin = inst.notional(req.reference_price, req.opening_qty) / req.leverage
    if not order.is_conditional and margin > req.available:
        raise _reject(RejectReason.INSUFFICIENT_MARGIN, f"needs {margin} margin, {req.available} available")
    if order.is_conditional and req.would_trigger:
        raise _reject(RejectReason.WOULD_IMMEDIATELY_TRIGGER, "order would trigger immediately")
