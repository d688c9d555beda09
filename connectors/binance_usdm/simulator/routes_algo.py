"""Algo (conditional) order routes, where Binance moved STOP/TAKE_PROFIT orders; backed by engine stop orders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from venuekit.core.simulator import SimOrder, SimRejected
from venuekit.core.types.enums import OrderStatus

from .errors import BinanceError, invalid, mandatory
from .params import Params
from .pipeline import Ctx, Spec
from .placement import place
from .wire import (
    AVG_PRICE_PLACES,
    ORDER_TYPE_NAMES,
    POSITION_SIDE_NAMES,
    SIDE_NAMES,
    TIME_IN_FORCE_NAMES,
    fixed,
    price_text,
    qty_text,
    wire_symbol,
)

ALGO_TYPES: Final = frozenset({"CONDITIONAL"})
_RENAMES: Final = {"triggerPrice": "stopPrice", "clientAlgoId": "newClientOrderId"}
_DROPPED: Final = frozenset({"algoType", "signature"})


def _status(order: SimOrder) -> str:
    if order.status is OrderStatus.CANCELED:
        return "CANCELED"
    if order.status is OrderStatus.EXPIRED:
        return "EXPIRED"
    if not order.triggered:
        return "NEW"
    return "FINISHED" if not order.is_open else "TRIGGERED"


def algo_row(ctx: Ctx, order: SimOrder) -> dict[str, object]:
    spec = ctx.backend.spec_for(order.symbol)
    extras = ctx.state.extras.get(order.order_id)
    return {
        "algoId": int(order.order_id),
        "clientAlgoId": order.client_order_id or "",
        "algoType": "CONDITIONAL",
        "orderType": ORDER_TYPE_NAMES[order.order_type],
        "symbol": wire_symbol(spec.inst),
        "side": SIDE_NAMES[order.side],
        "positionSide": POSITION_SIDE_NAMES[order.position_side],
        "timeInForce": TIME_IN_FORCE_NAMES[order.time_in_force],
        "quantity": qty_text(order.quantity, spec.qty_places),
        "algoStatus": _status(order),
        "triggerPrice": price_text(order.trigger_price, spec.price_places),
        "price": price_text(order.price, spec.price_places),
        "selfTradePreventionMode": extras.stp_mode if extras else "NONE",
        "workingType": extras.working_type if extras else "CONTRACT_PRICE",
        "priceMatch": "NONE",
        "closePosition": order.close_position,
        "priceProtect": extras.price_protect if extras else False,
        "reduceOnly": order.reduce_only,
        "createTime": order.created_ms,
        "updateTime": order.updated_ms,
        "triggerTime": order.trigger_ms or 0,
        "goodTillDate": 0,
        "actualOrderId": order.order_id if order.triggered else "",
        "executedQty": qty_text(order.filled_qty, spec.qty_places),
        "avgPrice": fixed(order.avg_price, max(AVG_PRICE_PLACES, spec.price_places)),
    }


def new_algo_order(ctx: Ctx) -> object:
    kind = ctx.params.need("algoType")
    if kind not in ALGO_TYPES:
        raise invalid("algoType")
    if "triggerPrice" not in ctx.params:
        raise mandatory("triggerPrice")
    order_type = ctx.params.need("type")
    if order_type not in ("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET"):
        raise BinanceError(-1116, "Invalid orderType.")
    translated = {
        _RENAMES.get(k, k): v for k, v in ctx.params.as_dict().items() if k not in _DROPPED
    }
    translated.setdefault("newOrderRespType", "RESULT")
    order, _ = place(ctx, Params(translated))
    ctx.state.algo_orders.add(order.order_id)
    ctx.state.acks.take(order)
    return algo_row(ctx, order)


def _find_algo(ctx: Ctx) -> SimOrder:
    algo_id = ctx.params.integer("algoId")
    client_id = ctx.params.raw("clientAlgoId")
    if algo_id is None and client_id is None:
        raise BinanceError(-1102, "Param 'algoId' or 'clientAlgoId' must be sent, but both were empty/null!")
    try:
        order = ctx.exchange.get_order(ctx.account_id, None, str(algo_id) if algo_id is not None else None,
                                       client_id)
    except SimRejected:
        raise BinanceError(-2013, "Order does not exist.") from None
    if order.order_id not in ctx.state.algo_orders:
        raise BinanceError(-2013, "Order does not exist.")
    return order


def query_algo_order(ctx: Ctx) -> object:
    return algo_row(ctx, _find_algo(ctx))


def cancel_algo_order(ctx: Ctx) -> object:
    order = _find_algo(ctx)
    if not order.is_untriggered:
        raise BinanceError(-2011, "Unknown order sent.")
    ctx.exchange.cancel_order(ctx.account_id, order.symbol, order.order_id)
    return {"algoId": int(order.order_id), "clientAlgoId": order.client_order_id or "", "code": "200",
            "msg": "success"}


def _algo_open(ctx: Ctx, symbol: str | None) -> list[SimOrder]:
    return [o for o in ctx.exchange.open_orders(ctx.account_id, symbol)
            if o.order_id in ctx.state.algo_orders and o.is_untriggered]


def cancel_all_algo(ctx: Ctx) -> object:
    inst = ctx.inst()
    for order in _algo_open(ctx, inst.symbol):
        ctx.exchange.cancel_order(ctx.account_id, inst.symbol, order.order_id)
    return {"code": 200, "msg": "The operation of cancel all open order is done."}


def open_algo_orders(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    return [algo_row(ctx, o) for o in _algo_open(ctx, inst.symbol if inst else None)]


def all_algo_orders(ctx: Ctx) -> object:
    inst = ctx.inst()
    limit = ctx.params.integer("limit") or 500
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    rows = [o for o in ctx.exchange.orders(ctx.account_id, inst.symbol, start, end)
            if o.order_id in ctx.state.algo_orders]
    return [algo_row(ctx, o) for o in rows[-limit:]]


def _symbol_weight(single: int, many: int) -> Callable[[Params], int]:
    return lambda p: single if "symbol" in p else many


ROUTES: Final = (
    Spec("POST", "/fapi/v1/algoOrder", "SIGNED", new_algo_order, 1, 1),
    Spec("DELETE", "/fapi/v1/algoOrder", "SIGNED", cancel_algo_order, 1),
    Spec("GET", "/fapi/v1/algoOrder", "SIGNED", query_algo_order, 1),
    Spec("DELETE", "/fapi/v1/algoOpenOrders", "SIGNED", cancel_all_algo, 1),
    Spec("GET", "/fapi/v1/openAlgoOrders", "SIGNED", open_algo_orders, _symbol_weight(1, 40)),
    Spec("GET", "/fapi/v1/allAlgoOrders", "SIGNED", all_algo_orders, 5),
)
