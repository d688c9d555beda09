"""Order and fill queries: open orders, one order, order history, full orders, force orders, fills."""

from __future__ import annotations

from venuekit.core.simulator import SimRejected
from venuekit.core.simulator.errors import RejectReason

from .app import Ctx, Reply, RouteSpec
from .codes import param_error
from .render import fill_history_obj, fill_obj
from .routes_orders import SWAP, full
from .wire import ok

HISTORY_MAX = 1000


def _symbol(ctx: Ctx, required: bool = False) -> str | None:
    symbol = ctx.p.opt("symbol", required=required)
    if symbol is not None:
        ctx.ex.instrument(symbol)
    return symbol


def open_orders(ctx: Ctx) -> Reply:
    symbol = _symbol(ctx)
    wanted = (ctx.p.opt("type") or "").upper()
    orders = [
        full(ctx, o)
        for o in ctx.ex.open_orders(ctx.account_id, symbol)
        if not wanted or ctx.st.extra(o.order_id, "LIMIT").bx_type == wanted
    ]
    return ok({"orders": orders})


def _one(ctx: Ctx, open_only: bool) -> Reply:
    symbol = _symbol(ctx, required=True)
    order_id = ctx.p.opt("orderId")
    client_id = ctx.p.opt("clientOrderId") or ctx.p.opt("clientOrderID")
    if order_id is None and client_id is None:
        raise param_error("orderId or clientOrderId is required")
    order = ctx.ex.get_order(ctx.account_id, symbol, order_id, client_id)
    if open_only and not order.is_open:
        raise SimRejected(RejectReason.ORDER_NOT_FOUND, "order is not pending")
    return ok({"order": full(ctx, order)})


def open_order(ctx: Ctx) -> Reply:
    return _one(ctx, open_only=True)


def query_order(ctx: Ctx) -> Reply:
    return _one(ctx, open_only=False)


def _history(ctx: Ctx) -> list[dict[str, object]]:
    symbol = _symbol(ctx)
    limit = ctx.p.integer("limit", default=500) or 500
    if not 1 <= limit <= HISTORY_MAX:
        raise param_error(f"limit must be 1..{HISTORY_MAX}")
    after = ctx.p.opt("orderId")
    rows = ctx.ex.orders(ctx.account_id, symbol, ctx.p.integer("startTime"), ctx.p.integer("endTime"))
    if after is not None:
        rows = [o for o in rows if int(o.order_id) >= int(after)]
    return [full(ctx, o) for o in rows[:limit]]


def all_orders(ctx: Ctx) -> Reply:
    return ok({"orders": _history(ctx)})


def force_orders(ctx: Ctx) -> Reply:
    """Liquidation/ADL orders; the engine never liquidates, so the list is empty but well-formed."""
    _symbol(ctx)
    return ok({"orders": []})


def _window(ctx: Ctx) -> tuple[int, int]:
    start = ctx.p.integer("startTs", required=True)
    end = ctx.p.integer("endTs", required=True)
    assert start is not None and end is not None
    if end < start:
        raise param_error("endTs must not be before startTs")
    return start, end


def fill_orders(ctx: Ctx) -> Reply:
    unit = (ctx.p.req("tradingUnit")).upper()
    if unit not in ("COIN", "CONT"):
        raise param_error(f"tradingUnit is invalid: {unit}")
    start, end = _window(ctx)
    fills = ctx.ex.fills(ctx.account_id, _symbol(ctx), ctx.p.opt("orderId"), start_ms=start, end_ms=end)
    return ok({"fill_orders": [fill_obj(f, ctx.ex.instrument(f.symbol)) for f in fills]})


def fill_history(ctx: Ctx) -> Reply:
    symbol = _symbol(ctx)
    start, end = _window(ctx)
    fills = ctx.ex.fills(ctx.account_id, symbol, ctx.p.opt("orderId"), start_ms=start, end_ms=end)
    last = ctx.p.integer("lastFillId")
    if last is not None:
        fills = [f for f in fills if int(f.trade_id) > last]
    page = ctx.p.integer("pageIndex", default=1) or 1
    size = ctx.p.integer("pageSize", default=50) or 50
    if page < 1 or not 1 <= size <= HISTORY_MAX:
        raise param_error("pageIndex must be >= 1 and pageSize 1..1000")
    chunk = fills[(page - 1) * size : page * size]
    rows = [fill_history_obj(f, ctx.ex.instrument(f.symbol)) for f in chunk]
    return ok({"fill_history_orders": rows, "total": len(fills)})


ROUTES = [
    RouteSpec("GET", f"{SWAP}/v2/trade/openOrders", open_orders, 5),
    RouteSpec("GET", f"{SWAP}/v2/trade/openOrder", open_order, 5),
    RouteSpec("GET", f"{SWAP}/v2/trade/order", query_order, 5),
    RouteSpec("GET", f"{SWAP}/v2/trade/allOrders", all_orders, 5),
    RouteSpec("GET", f"{SWAP}/v1/trade/fullOrder", all_orders, 5),
    RouteSpec("GET", f"{SWAP}/v2/trade/forceOrders", force_orders, 10),
    RouteSpec("GET", f"{SWAP}/v2/trade/allFillOrders", fill_orders, 5),
    RouteSpec("GET", f"{SWAP}/v2/trade/fillHistory", fill_history, 5),
]
