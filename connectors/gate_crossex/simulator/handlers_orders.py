"""Order routes: create, cancel (single and batch), amend, query, open orders, order and trade history."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from typing import Any

from venuekit.core.simulator import RejectReason, SimOrder, SimRejected
from venuekit.core.types.enums import OrderStatus, OrderType, PositionMode, PositionSide, Side, TimeInForce

from .context import Ctx, Reply, decimal_field, string_field
from .errors import GateError, param_error
from .markets import MARGIN, PairSpec
from .render import order_json, trade_json
from .state import OrderMeta

MAX_TEXT = 32
_TEXT_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_TIF = {"GTC": TimeInForce.GTC, "IOC": TimeInForce.IOC, "FOK": TimeInForce.FOK, "POC": TimeInForce.POST_ONLY}
_BOOL = {"true": True, "false": False, True: True, False: False}
ZERO = Decimal(0)


def _choice(body: dict[str, Any], name: str, allowed: tuple[str, ...], label: str, default: str | None) -> str:
    value = body.get(name, default)
    if value in (None, "") and default is not None:
        value = default
    if not isinstance(value, str) or value.upper() not in allowed:
        raise GateError(label, f"{name} must be one of {', '.join(allowed)}")
    return value.upper()


def _client_text(body: dict[str, Any]) -> str | None:
    value = string_field(body, "text")
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise GateError("TRADE_CLIENT_ORDER_ID_LENGTH_ERROR", f"text is longer than {MAX_TEXT}")
    if not _TEXT_RE.match(value):
        raise GateError("TRADE_CLIENT_ORDER_ID_MATCH_ERROR", "text allows letters, digits, '-' and '_'")
    return value


def _engine_side(ctx: Ctx, spec: PairSpec, wire_side: str, side: Side, reduce_only: bool) -> tuple[PositionSide, bool]:
    """Engine leg and reduce-only flag: margin pairs are always LONG/SHORT; futures follow the account mode."""
    hedge = ctx.exchange.position_mode(ctx.account_id) is PositionMode.HEDGE
    if spec.business == MARGIN:
        if wire_side == "NONE":
            raise GateError("TRADE_MARGIN_INVALID_PZ_SIDE_ERROR", "margin orders need position_side LONG or SHORT")
        if hedge:
            return PositionSide(wire_side.lower()), reduce_only
        closing = (wire_side == "LONG") == (side is Side.SELL)
        return PositionSide.BOTH, reduce_only or closing
    if hedge == (wire_side == "NONE"):
        mode = "DUAL" if hedge else "SINGLE"
        raise GateError("TRADE_INVALID_POSITION_SIDE", f"position_side {wire_side} is invalid in {mode} mode")
    return (PositionSide(wire_side.lower()) if hedge else PositionSide.BOTH), reduce_only


def _check_reduce_only(ctx: Ctx, symbol: str, leg: PositionSide, side: Side) -> None:
    view = ctx.exchange.position(ctx.account_id, symbol, leg)
    if view.quantity == 0:
        raise GateError("TRADE_REDUCE_ONLY_POSITION_QTY_ERROR", "no position to reduce")
    if (view.quantity > 0) == (side is Side.BUY):
        raise GateError("TRADE_REDUCE_ONLY_SIDE_ERROR", "reduce-only order has the same direction as the position")


def _market_qty_from_quote(ctx: Ctx, spec: PairSpec, quote_qty: Decimal) -> Decimal:
    ask = ctx.exchange.best_bid_ask(spec.symbol)[1] or ctx.exchange.mark_price(spec.symbol)
    qty = (quote_qty / ask / spec.lot_size).to_integral_value(ROUND_DOWN) * spec.lot_size
    if qty <= 0:
        raise GateError("TRADE_INVALID_QUOTE_ORDER_QTY", "quote_qty buys less than one lot")
    return qty


def create_order(ctx: Ctx) -> Reply:
    body = ctx.body()
    client_text = _client_text(body)
    symbol = string_field(body, "symbol")
    if symbol is None:
        raise param_error("symbol is required")
    spec = ctx.venue.pair(symbol)
    if spec.state != "live":
        raise GateError("TRADE_SYM_NOT_SUPPORT", f"{symbol} is {spec.state}")
    side = Side.BUY if _choice(body, "side", ("BUY", "SELL"), "TRADE_INVALID_SIDE", None) == "BUY" else Side.SELL
    kind = _choice(body, "type", ("LIMIT", "MARKET"), "TRADE_INVALID_ORDER_TYPE", "LIMIT")
    tif = _choice(body, "time_in_force", tuple(_TIF), "TRADE_INVALID_TIME_IN_FORCE", "GTC")
    if kind == "MARKET" and tif == "POC":
        raise GateError("TRADE_INVALID_POC", "market orders cannot be POC")
    reduce_raw = body.get("reduce_only", False)
    if reduce_raw not in _BOOL:
        raise GateError("TRADE_INVALID_REDUCE_ONLY", "reduce_only must be true or false")
    wire_side = _choice(body, "position_side", ("NONE", "LONG", "SHORT"), "TRADE_INVALID_POSITION_SIDE", "NONE")
    qty = decimal_field(body, "qty", "TRADE_INVALID_ORDER_QTY")
    quote_qty = decimal_field(body, "quote_qty", "TRADE_INVALID_QUOTE_ORDER_QTY")
    price = decimal_field(body, "price", "TRADE_INVALID_LIMIT_PRICE")
    if kind == "LIMIT" and (price is None or price <= 0):
        raise GateError("TRADE_INVALID_LIMIT_PRICE", "limit orders need a positive price")
    if quote_qty is not None and quote_qty <= 0:
        raise GateError("TRADE_INVALID_QUOTE_ORDER_QTY", "quote_qty must be positive")
    leg, reduce_only = _engine_side(ctx, spec, wire_side, side, _BOOL[reduce_raw])
    engine_qty = qty
    if qty is None and kind == "MARKET" and spec.business == MARGIN and side is Side.BUY and quote_qty:
        engine_qty = _market_qty_from_quote(ctx, spec, quote_qty)
    if engine_qty is None or engine_qty <= 0:
        raise GateError("TRADE_INVALID_ORDER_QTY", "qty must be positive")
    cap = spec.max_market_size if kind == "MARKET" else spec.max_limit_size
    if engine_qty > cap:
        raise GateError("TRADE_ORDER_QUANTITY_MAX_ERROR", f"qty exceeds {cap}")
    if len(ctx.exchange.open_orders(ctx.account_id, symbol)) >= spec.max_num_orders:
        raise GateError("TRADE_MAX_ORDERS_ERROR", f"at most {spec.max_num_orders} open orders on {symbol}")
    if reduce_only:
        _check_reduce_only(ctx, symbol, leg, side)
    order = ctx.venue.engine(
        lambda: ctx.exchange.place_order(
            ctx.account_id,
            symbol,
            side,
            OrderType.MARKET if kind == "MARKET" else OrderType.LIMIT,
            engine_qty,
            price=price if kind == "LIMIT" else None,
            time_in_force=_TIF[tif],
            position_side=leg,
            reduce_only=reduce_only,
            client_order_id=client_text,
        )
    )
    leverage = ctx.exchange.leverage(ctx.account_id, symbol, None if leg is PositionSide.BOTH else leg)
    meta = OrderMeta(leverage=leverage, qty=qty or ZERO, quote_qty=quote_qty or ZERO)
    if order.status is OrderStatus.EXPIRED:
        meta.reason = f"{tif}_CANCEL" if kind == "LIMIT" else "MARKET_CANCEL"
    ctx.venue.state.orders[order.order_id] = meta
    return 200, {"order_id": order.order_id, "text": order.client_order_id or order.order_id}


def find_order(ctx: Ctx, ident: str) -> SimOrder:
    """An order of the caller by engine id or, failing that, by its `text`."""
    for kwargs in ({"order_id": ident}, {"client_order_id": ident}):
        try:
            return ctx.exchange.get_order(ctx.account_id, **kwargs)
        except SimRejected:
            continue
    raise GateError("TRADE_ORDER_NOT_FOUND_ERROR", f"order {ident} does not exist")


def _cancel(ctx: Ctx, ident: str) -> SimOrder:
    order = find_order(ctx, ident)
    if not order.is_open:
        raise GateError("TRADE_ORDER_NOT_FOUND_ERROR", f"order {ident} is in a terminal state")
    ctx.venue.engine(lambda: ctx.exchange.cancel_order(ctx.account_id, order_id=order.order_id))
    meta = ctx.venue.state.orders.get(order.order_id)
    if meta is not None:
        meta.reason = "USER_CANCEL"
    return order


def cancel_order(ctx: Ctx) -> Reply:
    order = _cancel(ctx, ctx.request.path_params["order_id"])
    return 200, {"order_id": order.order_id, "text": order.client_order_id or order.order_id}


def batch_cancel_orders(ctx: Ctx) -> Reply:
    """`POST /crossex/batch_cancel_orders` (SDK ≥7.2.123, not in the v1.0.0 document)."""
    raw = ctx.request.json() if ctx.request.body.strip() else None
    if not isinstance(raw, list):
        raise param_error("body must be a JSON array of {order_id, text}")
    results = []
    for entry in raw:
        item: dict[str, Any] = entry if isinstance(entry, dict) else {}
        ident = str(item.get("order_id") or item.get("text") or "")
        row: dict[str, Any] = {"order_id": str(item.get("order_id") or ""), "text": str(item.get("text") or "")}
        if not ident:
            row |= {"accepted": False, "label": "TRADE_ONE_OF_ORDER_ID_ERROR", "message": "order_id or text needed"}
        else:
            try:
                order = _cancel(ctx, ident)
                row |= {"order_id": order.order_id, "accepted": True, "label": "", "message": ""}
            except GateError as exc:
                row |= {"accepted": False, "label": exc.label, "message": exc.message}
        results.append(row)
    return 200, results


def amend_order(ctx: Ctx) -> Reply:
    body = ctx.body()
    order = find_order(ctx, ctx.request.path_params["order_id"])
    qty = decimal_field(body, "qty", "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR")
    price = decimal_field(body, "price", "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR")
    if order.order_type is OrderType.MARKET:
        raise GateError("TRADE_NOT_ALLOW_REPLACE", "market orders cannot be replaced")
    if not order.is_open:
        raise GateError("TRADE_ORDER_REPLACE_ALLOW_ERROR", f"order is {order.status.value}")
    if (qty is None and price is None) or (qty is not None and qty <= 0) or (price is not None and price <= 0):
        raise GateError("TRADE_ORDER_REPLACE_QTY_PRICE_ERROR", "give a positive qty and/or price")
    if (qty is None or qty == order.quantity) and (price is None or price == order.price):
        raise GateError("TRADE_ORDER_REPLACE_QTY_PRICE_SAME_ERROR", "qty and price are unchanged")
    overrides = {
        RejectReason.INVALID_QUANTITY: "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR",
        RejectReason.INVALID_PRICE: "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR",
        RejectReason.ORDER_NOT_OPEN: "TRADE_ORDER_REPLACE_ALLOW_ERROR",
    }
    ctx.venue.engine(
        lambda: ctx.exchange.amend_order(ctx.account_id, order_id=order.order_id, quantity=qty, price=price),
        overrides,
    )
    meta = ctx.venue.state.orders.get(order.order_id)
    if meta is not None and qty is not None:
        meta.qty = qty
    return 200, {"order_id": order.order_id, "text": order.client_order_id or order.order_id}


def get_order(ctx: Ctx) -> Reply:
    return 200, order_json(ctx.venue, find_order(ctx, ctx.request.path_params["order_id"]))


def _matches(ctx: Ctx, order_symbol: str) -> bool:
    spec = ctx.venue.pair(order_symbol)
    symbol, exchange, business = ctx.param("symbol"), ctx.param("exchange_type"), ctx.param("business_type")
    return (
        (symbol is None or symbol == order_symbol)
        and (exchange is None or exchange == spec.exchange)
        and (business is None or business == spec.business)
    )


def open_orders(ctx: Ctx) -> Reply:
    rows = [o for o in reversed(ctx.exchange.open_orders(ctx.account_id)) if _matches(ctx, o.symbol)]
    return 200, [order_json(ctx.venue, o) for o in rows]


def history_orders(ctx: Ctx) -> Reply:
    rows = [
        o
        for o in reversed(ctx.exchange.orders(ctx.account_id))
        if not o.is_open and _matches(ctx, o.symbol) and ctx.in_window(o.created_ms)
    ]
    return 200, [order_json(ctx.venue, o) for o in ctx.page(rows)]


def history_trades(ctx: Ctx) -> Reply:
    rows = [f for f in reversed(ctx.exchange.fills(ctx.account_id)) if _matches(ctx, f.symbol) and ctx.in_window(f.ts)]
    return 200, [trade_json(ctx.venue, f) for f in ctx.page(rows)]
