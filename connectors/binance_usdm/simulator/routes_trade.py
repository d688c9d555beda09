"""Order routes: new, batch, query, cancel (one, all, batch), modify, countdown, open/all orders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from venuekit.core.simulator import SimOrder, SimRejected
from venuekit.core.simulator.errors import RejectReason
from venuekit.core.types.enums import OrderType

from .errors import BinanceError, from_reject, invalid, mandatory, unknown_order
from .params import Params, page
from .pipeline import Ctx, Spec
from .placement import place
from .shapes_orders import order_ack, order_query
from .wire import SIDES

MAX_BATCH_PLACE: Final = 5
MAX_BATCH_CANCEL: Final = 10
UNKNOWN_ORDER_SENT: Final = (-2011, "Unknown order sent.")
_CANCEL_MISSES: Final = frozenset({RejectReason.ORDER_NOT_FOUND, RejectReason.ORDER_NOT_OPEN})


def _ack(ctx: Ctx, order: SimOrder) -> dict[str, object]:
    return order_ack(order, ctx.backend.spec_for(order.symbol), ctx.state.extras.get(order.order_id))


def _query(ctx: Ctx, order: SimOrder) -> dict[str, object]:
    return order_query(order, ctx.backend.spec_for(order.symbol), ctx.state.extras.get(order.order_id))


def _ids(params: Params) -> tuple[str | None, str | None]:
    order_id = params.integer("orderId")
    client_id = params.raw("origClientOrderId")
    if order_id is None and client_id is None:
        raise BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")
    return (str(order_id) if order_id is not None else None), client_id


def _find(ctx: Ctx) -> SimOrder:
    inst = ctx.inst()
    order_id, client_id = _ids(ctx.params)
    try:
        return ctx.exchange.get_order(ctx.account_id, inst.symbol, order_id, client_id)
    except SimRejected:
        raise unknown_order() from None


def new_order(ctx: Ctx) -> object:
    order, result = place(ctx, ctx.params)
    snapshot = ctx.state.acks.take(order)
    return _ack(ctx, order if result else snapshot)


def _batch_items(params: Params) -> list[Params]:
    raw = params.json_list("batchOrders")
    assert raw is not None
    if not 1 <= len(raw) <= MAX_BATCH_PLACE:
        raise BinanceError(-4082, "Invalid number of batch place orders.")
    items = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise mandatory("batchOrders")
        items.append(Params({str(k): _text(v) for k, v in entry.items()}))
    return items


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def batch_size(params: Params) -> int:
    try:
        return len(params.json_list("batchOrders") or [])
    except BinanceError:
        return 1


def batch_orders(ctx: Ctx) -> object:
    out: list[object] = []
    for item in _batch_items(ctx.params):
        try:
            order, result = place(ctx, item, batch=True)
            snapshot = ctx.state.acks.take(order)
            out.append(_ack(ctx, order if result else snapshot))
        except SimRejected as exc:
            out.append(from_reject(exc).body())
        except BinanceError as exc:
            out.append(exc.body())
    return out


def query_order(ctx: Ctx) -> object:
    return _query(ctx, _find(ctx))


def query_open_order(ctx: Ctx) -> object:
    order = _find(ctx)
    if not order.is_open:
        raise unknown_order()
    return _query(ctx, order)


def cancel_order(ctx: Ctx) -> object:
    inst = ctx.inst()
    order_id, client_id = _ids(ctx.params)
    try:
        order = ctx.exchange.cancel_order(ctx.account_id, inst.symbol, order_id, client_id)
    except SimRejected as exc:
        if exc.reason in _CANCEL_MISSES:
            raise BinanceError(*UNKNOWN_ORDER_SENT) from None
        raise
    return _ack(ctx, order)


def cancel_all(ctx: Ctx) -> object:
    inst = ctx.inst()
    ctx.exchange.cancel_all(ctx.account_id, inst.symbol)
    return {"code": "200", "msg": "The operation of cancel all open order is done."}


def _id_list(params: Params, name: str) -> list[object] | None:
    values = params.json_list(name, required=False)
    if values is not None and len(values) > MAX_BATCH_CANCEL:
        raise BinanceError(-4032, "Exceed maximum cancel order size.")
    return values


def cancel_batch(ctx: Ctx) -> object:
    inst = ctx.inst()
    order_ids = _id_list(ctx.params, "orderIdList")
    client_ids = _id_list(ctx.params, "origClientOrderIdList")
    if order_ids is None and client_ids is None:
        raise BinanceError(
            -1102, "Param 'origClientOrderIdList' or 'orderIdList' must be sent, but both were empty/null!"
        )
    targets: list[tuple[str | None, str | None]] = [(str(i), None) for i in order_ids or []]
    targets += [(None, str(c)) for c in client_ids or []]
    out: list[object] = []
    for order_id, client_id in targets:
        try:
            order = ctx.exchange.cancel_order(ctx.account_id, inst.symbol, order_id, client_id)
            out.append(_ack(ctx, order))
        except SimRejected:
            out.append({"code": UNKNOWN_ORDER_SENT[0], "msg": UNKNOWN_ORDER_SENT[1]})
    return out


def modify_order(ctx: Ctx) -> object:
    order = _find(ctx)
    side = ctx.params.choice("side", SIDES, BinanceError(-1117, "Invalid side."))
    if side is None:
        raise mandatory("side")
    quantity = ctx.params.need_decimal("quantity")
    price = ctx.params.need_decimal("price")
    if not order.is_open:
        raise unknown_order()
    if order.order_type is not OrderType.LIMIT:
        raise BinanceError(-5025, "Only limit order is supported.")
    if side is not order.side:
        raise invalid("side")
    if quantity == order.quantity and price == order.price:
        raise BinanceError(-5027, "No need to modify the order.")
    amended = ctx.exchange.amend_order(ctx.account_id, order.symbol, order.order_id, quantity, price)
    return _ack(ctx, amended)


def countdown_cancel_all(ctx: Ctx) -> object:
    inst = ctx.inst()
    countdown = ctx.params.need_int("countdownTime")
    if countdown < 0:
        raise invalid("countdownTime")
    key = (ctx.account_id, inst.symbol)
    if countdown == 0:
        ctx.state.countdowns.pop(key, None)
    else:
        ctx.state.countdowns[key] = ctx.now + countdown
    return {"symbol": ctx.params.need("symbol"), "countdownTime": str(countdown)}


def open_orders(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    orders = ctx.exchange.open_orders(ctx.account_id, inst.symbol if inst else None)
    return [_query(ctx, o) for o in orders]


def _limit(params: Params, default: int, most: int) -> int:
    limit = params.integer("limit")
    if limit is None:
        return default
    if not 1 <= limit <= most:
        raise invalid("limit")
    return limit


def all_orders(ctx: Ctx) -> object:
    inst = ctx.inst()
    limit = _limit(ctx.params, 500, 1000)
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    from_id = ctx.params.integer("orderId")
    rows = ctx.exchange.orders(ctx.account_id, inst.symbol, start, end)
    return [_query(ctx, o) for o in page(rows, from_id, lambda o: int(o.order_id), limit)]


def _symbol_weight(single: int, many: int) -> Callable[[Params], int]:
    return lambda p: single if "symbol" in p else many


ROUTES: Final = (
    Spec("POST", "/fapi/v1/order", "SIGNED", new_order, 1, 1),
    Spec("PUT", "/fapi/v1/order", "SIGNED", modify_order, 1, 1),
    Spec("GET", "/fapi/v1/order", "SIGNED", query_order, 1),
    Spec("DELETE", "/fapi/v1/order", "SIGNED", cancel_order, 1),
    Spec("POST", "/fapi/v1/batchOrders", "SIGNED", batch_orders, 5, batch_size),
    Spec("DELETE", "/fapi/v1/batchOrders", "SIGNED", cancel_batch, 1),
    Spec("DELETE", "/fapi/v1/allOpenOrders", "SIGNED", cancel_all, 1),
    Spec("POST", "/fapi/v1/countdownCancelAll", "SIGNED", countdown_cancel_all, 10),
    Spec("GET", "/fapi/v1/openOrder", "SIGNED", query_open_order, 1),
    Spec("GET", "/fapi/v1/openOrders", "SIGNED", open_orders, _symbol_weight(1, 40)),
    Spec("GET", "/fapi/v1/allOrders", "SIGNED", all_orders, 5),
)
