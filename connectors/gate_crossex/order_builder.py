"""Unified `OrderRequest` → keyword arguments of `orders.create_order`, with CrossEx's rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.errors import InvalidRequest, NotSupported
from venuekit.core.types import Instrument, InstrumentKind, OrderRequest, OrderType, PositionSide, Side

from .config import VENUE
from .enums import POSITION_SIDE_TO_GATE, SIDE_TO_GATE, TIF_TO_GATE, GateOrderType, GateTimeInForce

_PASSTHROUGH = frozenset({"quote_qty"})


def order_kwargs(request: OrderRequest, inst: Instrument, client_order_id: str) -> dict[str, Any]:
    """LIMIT/MARKET only; spot and margin market buys are sized in quote (`params={"quote_qty": …}`)."""
    if request.type not in (OrderType.LIMIT, OrderType.MARKET):
        raise NotSupported(f"{request.type} orders are not offered by CrossEx (LIMIT and MARKET only)", venue=VENUE)
    if request.take_profit_price is not None or request.stop_loss_price is not None:
        raise NotSupported("attached take-profit/stop-loss orders are not offered by CrossEx", venue=VENUE)
    unknown = set(request.params) - _PASSTHROUGH
    if unknown:
        raise InvalidRequest(f"unknown extra parameter(s) {sorted(unknown)}", field="params")
    market = request.type is OrderType.MARKET
    tif: GateTimeInForce | None = None
    if request.post_only:
        if market:
            raise InvalidRequest("a market order cannot be post-only", field="post_only")
        tif = GateTimeInForce.POC
    elif request.time_in_force is not None:
        tif = TIF_TO_GATE[request.time_in_force]
    qty: Decimal | None = request.amount
    quote_qty = request.params.get("quote_qty")
    if quote_qty is not None:
        quote_qty = Decimal(str(quote_qty))
    if market and request.side is Side.BUY and inst.kind is not InstrumentKind.SWAP:
        if quote_qty is None:
            raise InvalidRequest("spot/margin market buys need params={'quote_qty': …}", field="quote_qty")
        qty = None
    position_side = request.position_side
    if inst.kind is InstrumentKind.MARGIN and position_side not in (PositionSide.LONG, PositionSide.SHORT):
        raise InvalidRequest("margin orders need position_side LONG or SHORT", field="position_side")
    return {
        "symbol": inst.venue_symbol,
        "side": SIDE_TO_GATE[request.side],
        "type": GateOrderType.MARKET if market else GateOrderType.LIMIT,
        "qty": qty,
        "price": None if market else request.price,
        "quote_qty": quote_qty,
        "time_in_force": tif,
        "reduce_only": True if request.reduce_only else None,
        "position_side": POSITION_SIDE_TO_GATE[position_side] if position_side is not None else None,
        "text": client_order_id,
    }
