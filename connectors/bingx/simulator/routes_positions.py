"""Position settings and actions: margin type, leverage, isolated margin, position mode, closes, reverse."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import SimRejected
from venuekit.core.simulator.errors import RejectReason
from venuekit.core.types.enums import MarginMode, OrderType, PositionMode, PositionSide, Side

from . import codes
from .app import Ctx, Reply, RouteSpec
from .codes import BingXError, param_error
from .orders import POSITION_SIDES
from .render import BX_POSITION_SIDE
from .routes_orders import SWAP
from .state import PositionRecord
from .wire import dec, id_num, num, ok

MARGIN_TYPES = {"ISOLATED": MarginMode.ISOLATED, "CROSSED": MarginMode.CROSS}


def get_margin_type(ctx: Ctx) -> Reply:
    mode = ctx.ex.margin_mode(ctx.account_id, ctx.p.req("symbol"))
    return ok({"marginType": "ISOLATED" if mode is MarginMode.ISOLATED else "CROSSED"})


def set_margin_type(ctx: Ctx) -> Reply:
    raw = ctx.p.req("marginType").upper()
    if raw not in MARGIN_TYPES:
        raise param_error(f"marginType is invalid: {raw}")
    ctx.ex.set_margin_mode(ctx.account_id, ctx.p.req("symbol"), MARGIN_TYPES[raw])
    return ok(with_data=False)


def get_leverage(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    inst = ctx.ex.instrument(symbol)
    long_lev = ctx.ex.leverage(ctx.account_id, symbol, PositionSide.LONG)
    short_lev = ctx.ex.leverage(ctx.account_id, symbol, PositionSide.SHORT)
    available = ctx.ex.balance(ctx.account_id).get(inst.settle)
    free = available.available if available else Decimal(0)
    mark = ctx.ex.mark_price(symbol)
    max_value = Decimal(inst.max_qty or 0) * mark
    data: dict[str, Any] = {
        "longLeverage": long_lev,
        "shortLeverage": short_lev,
        "maxLongLeverage": inst.max_leverage,
        "maxShortLeverage": inst.max_leverage,
    }
    for side, lev in (("Long", long_lev), ("Short", short_lev)):
        value = free * lev
        data[f"available{side}Vol"] = dec(value / mark if mark else Decimal(0), inst.quantity_precision)
        data[f"available{side}Val"] = dec(value, 4)
        data[f"maxPosition{side}Val"] = dec(max_value or value, 4)
    return ok(data)


def set_leverage(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    side = ctx.p.req("side").upper()
    if side not in POSITION_SIDES:
        raise param_error(f"side is invalid: {side}")
    leverage = ctx.p.integer("leverage", required=True) or 0
    ctx.ex.set_leverage(ctx.account_id, symbol, leverage, POSITION_SIDES[side])
    return ok({"leverage": leverage, "symbol": symbol})


def _leg_of(ctx: Ctx, symbol: str, position_side: str | None, position_id: str | None) -> PositionSide:
    if position_id:
        rec = ctx.st.find_position(ctx.account_id, position_id)
        if rec is None or rec.symbol != symbol:
            raise SimRejected(RejectReason.NO_POSITION, f"position {position_id} not found")
        return rec.leg
    hedge = ctx.ex.position_mode(ctx.account_id) is PositionMode.HEDGE
    raw = (position_side or ("LONG" if hedge else "BOTH")).upper()
    if raw not in POSITION_SIDES:
        raise param_error(f"positionSide is invalid: {raw}")
    return POSITION_SIDES[raw]


def position_margin(ctx: Ctx) -> Reply:
    """Add (type 1) or reduce (type 2) isolated margin; BingX answers with top-level amount/type."""
    symbol = ctx.p.req("symbol")
    amount = ctx.p.dec("amount", required=True) or Decimal(0)
    kind = ctx.p.integer("type", required=True)
    if kind not in (1, 2):
        raise param_error("type must be 1 (add) or 2 (reduce)")
    leg = _leg_of(ctx, symbol, ctx.p.opt("positionSide"), ctx.p.opt("positionId"))
    ctx.ex.adjust_isolated_margin(ctx.account_id, symbol, leg, amount, add=kind == 1)
    return {"code": 0, "msg": "", "amount": num(amount), "type": kind}


def _dual(ctx: Ctx) -> dict[str, str]:
    hedge = ctx.ex.position_mode(ctx.account_id) is PositionMode.HEDGE
    return {"dualSidePosition": "true" if hedge else "false"}


def get_dual(ctx: Ctx) -> Reply:
    return ok(_dual(ctx))


def set_dual(ctx: Ctx) -> Reply:
    wanted = ctx.p.flag("dualSidePosition") if "dualSidePosition" in ctx.p else None
    if wanted is None:
        raise param_error("dualSidePosition field is required")
    ctx.ex.set_position_mode(ctx.account_id, PositionMode.HEDGE if wanted else PositionMode.ONE_WAY)
    return ok(_dual(ctx))


def close_all_positions(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol")
    success: list[Any] = []
    failed: list[dict[str, Any]] = []
    for pos in ctx.ex.positions(ctx.account_id, symbol):
        try:
            orders = ctx.ex.close_position(ctx.account_id, pos.symbol, pos.position_side)
            success += [id_num(o.order_id) for o in orders]
        except SimRejected as exc:
            failed.append({"symbol": pos.symbol, "errorMessage": exc.message})
    return ok({"success": success, "failed": failed or None})


def _record(ctx: Ctx, position_id: str) -> PositionRecord:
    rec = ctx.st.find_position(ctx.account_id, position_id)
    if rec is None:
        raise BingXError(codes.POSITION_NOT_EXIST, "position not exist")
    return rec


def close_position(ctx: Ctx) -> Reply:
    rec = _record(ctx, ctx.p.req("positionId"))
    [order] = ctx.ex.close_position(ctx.account_id, rec.symbol, rec.leg)
    data = {
        "orderId": id_num(order.order_id),
        "positionId": rec.position_id,
        "symbol": rec.symbol,
        "side": "Ask" if order.side is Side.SELL else "Bid",
        "type": "Market",
        "positionSide": BX_POSITION_SIDE[rec.leg],
        "origQty": dec(order.quantity, ctx.ex.instrument(rec.symbol).quantity_precision),
    }
    return ok(data, timestamp=ctx.now)


def reverse(ctx: Ctx) -> Reply:
    """Immediate reverse: close the leg and open the same size the other way (TriggerReverse unsupported)."""
    kind = ctx.p.req("type")
    if kind != "Reverse":
        raise param_error(f"type {kind} is not supported; use Reverse")
    symbol = ctx.p.req("symbol")
    pid = ctx.p.opt("positionId")
    legs = [r for r in ctx.st.open_positions.values() if r.account_id == ctx.account_id and r.symbol == symbol]
    legs = [r for r in legs if pid is None or r.position_id == pid]
    if len(legs) != 1:
        raise BingXError(codes.POSITION_NOT_EXIST, "position not exist" if not legs else "positionId is required")
    rec = legs[0]
    view = ctx.ex.position(ctx.account_id, symbol, rec.leg)
    side = Side.SELL if view.quantity > 0 else Side.BUY
    if rec.leg is PositionSide.BOTH:
        order = ctx.ex.place_order(ctx.account_id, symbol, side, OrderType.MARKET, view.size * 2)
    else:
        ctx.ex.close_position(ctx.account_id, symbol, rec.leg)
        other = PositionSide.SHORT if rec.leg is PositionSide.LONG else PositionSide.LONG
        order = ctx.ex.place_order(ctx.account_id, symbol, side, OrderType.MARKET, view.size, position_side=other)
    new = ctx.st.record_for(ctx.account_id, symbol, order.position_side)
    return ok(
        {
            "symbol": symbol,
            "orderId": id_num(order.order_id),
            "positionId": new.position_id if new else "",
            "positionSide": BX_POSITION_SIDE[new.direction if new else order.position_side],
            "quantity": dec(view.size),
        },
        timestamp=ctx.now,
    )


def auto_add_margin(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    rec = _record(ctx, ctx.p.req("positionId"))
    if rec.symbol != symbol:
        raise BingXError(codes.POSITION_NOT_EXIST, "position not exist")
    rec.auto_add_margin = ctx.p.flag("functionSwitch")
    amount = ctx.p.dec("amount")
    if amount is not None and amount > 0 and rec.auto_add_margin:
        ctx.ex.adjust_isolated_margin(ctx.account_id, symbol, rec.leg, amount, add=True)
    return ok(
        {
            "symbol": symbol,
            "positionId": rec.position_id,
            "functionSwitch": "true" if rec.auto_add_margin else "false",
            "amount": dec(amount) if amount is not None else "",
        }
    )


ROUTES = [
    RouteSpec("GET", f"{SWAP}/v2/trade/marginType", get_margin_type, 2),
    RouteSpec("POST", f"{SWAP}/v2/trade/marginType", set_margin_type, 2),
    RouteSpec("GET", f"{SWAP}/v2/trade/leverage", get_leverage, 5),
    RouteSpec("POST", f"{SWAP}/v2/trade/leverage", set_leverage, 5),
    RouteSpec("POST", f"{SWAP}/v2/trade/positionMargin", position_margin, 2),
    RouteSpec("POST", f"{SWAP}/v1/positionSide/dual", set_dual, 2),
    RouteSpec("GET", f"{SWAP}/v1/positionSide/dual", get_dual, 2),
    RouteSpec("POST", f"{SWAP}/v2/trade/closeAllPositions", close_all_positions, 5),
    RouteSpec("POST", f"{SWAP}/v1/trade/closePosition", close_position, 5),
    RouteSpec("POST", f"{SWAP}/v1/trade/reverse", reverse, 2),
    RouteSpec("POST", f"{SWAP}/v1/trade/autoAddMargin", auto_add_margin, 2),
]
