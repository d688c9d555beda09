"""TWAP routes: place, open list, history, detail, cancel."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.types.enums import PositionSide

from . import codes
from .app import Ctx, Reply, RouteSpec
from .codes import BingXError, param_error
from .orders import SIDES
from .routes_orders import SWAP
from .twap import TwapOrder
from .wire import ok

PRICE_TYPES = ("constant", "percentage")
MIN_INTERVAL_S = 5
MAX_INTERVAL_S = 120


def place_twap(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    inst = ctx.ex.instrument(symbol)
    side = ctx.p.req("side").upper()
    pos = ctx.p.req("positionSide").upper()
    price_type = ctx.p.req("priceType")
    if side not in SIDES or pos not in ("LONG", "SHORT") or price_type not in PRICE_TYPES:
        raise param_error("side, positionSide or priceType is invalid")
    interval = ctx.p.integer("interval", required=True) or 0
    if not MIN_INTERVAL_S <= interval <= MAX_INTERVAL_S:
        raise param_error(f"interval must be {MIN_INTERVAL_S}..{MAX_INTERVAL_S} seconds")
    per_order = ctx.p.dec("amountPerOrder", required=True) or Decimal(0)
    total = ctx.p.dec("totalAmount", required=True) or Decimal(0)
    if per_order < inst.min_qty or total < per_order:
        raise param_error("amountPerOrder must be >= the minimum quantity and <= totalAmount")
    main_id = str(ctx.st.new_position_id())
    twap = TwapOrder(
        main_order_id=main_id,
        account_id=ctx.account_id,
        symbol=symbol,
        side=SIDES[side],
        position_side=PositionSide(pos.lower()),
        price_type=price_type,
        price_variance=ctx.p.dec("priceVariance", required=True) or Decimal(0),
        trigger_price=ctx.p.dec("triggerPrice", required=True) or Decimal(0),
        interval_s=interval,
        per_order=per_order,
        total=total,
        created_ms=ctx.now,
        next_ms=ctx.now,
    )
    ctx.twap.add(twap)
    return ok({"mainOrderId": main_id}, timestamp=ctx.now)


def _mine(ctx: Ctx) -> list[TwapOrder]:
    return [t for t in ctx.twap.orders.values() if t.account_id == ctx.account_id]


def open_twaps(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol")
    rows = [ctx.twap.render(t, ctx.now) for t in _mine(ctx) if t.status == "Running" and symbol in (None, t.symbol)]
    return ok({"list": rows, "total": len(rows)}, timestamp=ctx.now)


def history_twaps(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol")
    page = ctx.p.integer("pageIndex", required=True) or 1
    size = ctx.p.integer("pageSize", required=True) or 100
    start = ctx.p.integer("startTime", required=True) or 0
    end = ctx.p.integer("endTime", required=True) or 0
    rows = [
        t for t in _mine(ctx) if t.status != "Running" and symbol in (None, t.symbol) and start <= t.created_ms <= end
    ]
    chunk = rows[(page - 1) * size : page * size]
    return ok({"list": [ctx.twap.render(t, ctx.now) for t in chunk], "total": len(rows)}, timestamp=ctx.now)


def _find(ctx: Ctx) -> TwapOrder:
    main_id = ctx.p.req("mainOrderId")
    twap = ctx.twap.orders.get(main_id)
    if twap is None or twap.account_id != ctx.account_id:
        raise BingXError(codes.ORDER_NOT_EXIST, "order not exist")
    return twap


def twap_detail(ctx: Ctx) -> Reply:
    return ok(ctx.twap.render(_find(ctx), ctx.now), timestamp=ctx.now)


def cancel_twap(ctx: Ctx) -> Reply:
    twap = _find(ctx)
    if twap.status != "Running":
        raise BingXError(codes.ORDER_FILLED, f"twap order is {twap.status}")
    ctx.twap.cancel(twap)
    return ok(ctx.twap.render(twap, ctx.now), timestamp=ctx.now)


ROUTES = [
    RouteSpec("POST", f"{SWAP}/v1/twap/order", place_twap, 2),
    RouteSpec("GET", f"{SWAP}/v1/twap/openOrders", open_twaps, 2),
    RouteSpec("GET", f"{SWAP}/v1/twap/historyOrders", history_twaps, 2),
    RouteSpec("GET", f"{SWAP}/v1/twap/orderDetail", twap_detail, 2),
    RouteSpec("POST", f"{SWAP}/v1/twap/cancelOrder", cancel_twap, 2),
]
