"""Work that happens as engine time passes: cancel-all-after deadlines and take-profit/stop-loss brackets."""

from __future__ import annotations

import json
from decimal import Decimal

from venuekit.core.simulator import SimOrder, SimRejected
from venuekit.core.types.enums import PositionSide, Side, TimeInForce

from .codes import BingXError
from .orders import ORDER_TYPES, OrderArgs, place, truncate
from .state import BingXState, OrderExtra

BRACKET_TYPES = ("TAKE_PROFIT_MARKET", "STOP_MARKET", "TAKE_PROFIT", "STOP")


def fire_cancel_timers(st: BingXState, now: int) -> None:
    """Cancel every open order of accounts whose cancel-all-after countdown has run out."""
    for account_id, state in st.accounts.items():
        if state.cancel_after_ms is not None and now >= state.cancel_after_ms:
            state.cancel_after_ms = None
            st.exchange.cancel_all(account_id)


def place_brackets(st: BingXState) -> None:
    """Once an order with takeProfit/stopLoss has filled, send its closing trigger orders."""
    pending, st.pending_brackets = st.pending_brackets, []
    for account_id, order_id in pending:
        parent = st.exchange.get_order(account_id, order_id=order_id)
        extra = st.extras[order_id]
        if parent.is_open:
            st.pending_brackets.append((account_id, order_id))
            continue
        if parent.filled_qty == 0 or extra.brackets_done:
            continue
        extra.brackets_done = True
        for raw in (extra.take_profit, extra.stop_loss):
            if raw:
                _send_bracket(st, parent, raw)


def _send_bracket(st: BingXState, parent: SimOrder, raw: str) -> None:
    account_id, symbol, side, leg = parent.account_id, parent.symbol, parent.side, parent.position_side
    filled = parent.filled_qty
    try:
        spec = json.loads(raw, parse_float=Decimal)
    except ValueError:
        return
    bx_type = str(spec.get("type", "")).upper() if isinstance(spec, dict) else ""
    if bx_type not in BRACKET_TYPES or not isinstance(spec, dict):
        return
    inst = st.exchange.instrument(symbol)
    stop = spec.get("stopPrice")
    price = spec.get("price")
    qty = spec.get("quantity")
    args = OrderArgs(
        symbol=symbol,
        bx_type=bx_type,
        order_type=ORDER_TYPES[bx_type],
        side=Side.SELL if side is Side.BUY else Side.BUY,
        position_side=leg,
        quantity=truncate(Decimal(qty), inst.step_size) if qty else filled,
        price=truncate(Decimal(price), inst.tick_size) if price and not bx_type.endswith("MARKET") else None,
        trigger=truncate(Decimal(stop), inst.tick_size) if stop else None,
        tif=TimeInForce.GTC,
        reduce_only=leg is PositionSide.BOTH,
        close_position=False,
        client_id=None,
        extra=OrderExtra(bx_type=bx_type, working_type=str(spec.get("workingType", "MARK_PRICE"))),
    )
    try:
        place(st, account_id, args)
    except (SimRejected, BingXError):
        return
