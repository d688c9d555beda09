"""Order entry and cancel routes: place/test/batch, cancel/batch cancel/cancel all, cancel-replace."""

from __future__ import annotations

from typing import Any

from venuekit.core.simulator import SimOrder, SimRejected

from .app import Ctx, Reply, RouteSpec
from .codes import BingXError, from_rejection, param_error
from .orders import dry_run, place, read_order
from .params import Params, require_list, sub_params
from .render import order_obj, placed_obj
from .wire import ok

SWAP = "/openApi/swap"
BATCH_MAX = 5
CANCEL_MAX = 10


def full(ctx: Ctx, order: SimOrder) -> dict[str, Any]:
    return order_obj(order, ctx.ex.instrument(order.symbol), ctx.st.extra(order.order_id, "LIMIT"))


def place_order(ctx: Ctx) -> Reply:
    args = read_order(ctx.ex, ctx.account_id, ctx.p)
    order = place(ctx.st, ctx.account_id, args)
    return ok({"order": placed_obj(order, args.extra)})


def test_order(ctx: Ctx) -> Reply:
    args = read_order(ctx.ex, ctx.account_id, ctx.p)
    order = dry_run(ctx.st, ctx.account_id, args)
    return ok({"order": placed_obj(order, args.extra)})


def batch_orders(ctx: Ctx) -> Reply:
    """Up to 5 orders; each is placed on its own and failures do not stop the others."""
    items = require_list(ctx.p.json("batchOrders", required=True), "batchOrders", BATCH_MAX)
    placed: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict):
            raise param_error("batchOrders items must be objects")
        sub = sub_params(item)
        try:
            args = read_order(ctx.ex, ctx.account_id, sub)
            order = place(ctx.st, ctx.account_id, args)
            placed.append(placed_obj(order, args.extra))
        except (BingXError, SimRejected) as exc:
            err = exc if isinstance(exc, BingXError) else from_rejection(exc, sub.opt("symbol"))
            failed.append(
                {"clientOrderId": sub.opt("clientOrderId") or "", "errorCode": err.code, "errorMessage": err.msg}
            )
    if not placed and failed:
        raise BingXError(int(failed[0]["errorCode"]), str(failed[0]["errorMessage"]))
    return ok({"orders": placed, **({"failed": failed} if failed else {})})


def _lookup_ids(p: Params) -> tuple[str | None, str | None]:
    order_id = p.opt("orderId")
    client_id = p.opt("clientOrderId") or p.opt("clientOrderID")
    if order_id is None and client_id is None:
        raise param_error("orderId or clientOrderId is required")
    return order_id, client_id


def cancel_order(ctx: Ctx) -> Reply:
    order_id, client_id = _lookup_ids(ctx.p)
    order = ctx.ex.cancel_order(ctx.account_id, ctx.p.req("symbol"), order_id, client_id)
    return ok({"order": full(ctx, order)})


def cancel_batch(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    ids = ctx.p.id_list("orderIdList")
    client_ids = ctx.p.id_list("clientOrderIdList") or ctx.p.id_list("clientOrderIDList")
    targets = [(i, None) for i in ids] + [(None, c) for c in client_ids]
    if not targets:
        raise param_error("orderIdList or clientOrderIdList is required")
    if len(targets) > CANCEL_MAX:
        raise param_error(f"orderIdList supports up to {CANCEL_MAX} ids")
    success: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for order_id, client_id in targets:
        try:
            success.append(full(ctx, ctx.ex.cancel_order(ctx.account_id, symbol, order_id, client_id)))
        except SimRejected as exc:
            err = from_rejection(exc, symbol)
            failed.append(
                {
                    "orderId": int(order_id) if order_id and order_id.isdigit() else 0,
                    "clientOrderId": client_id or "",
                    "errorCode": err.code,
                    "errorMessage": err.msg,
                }
            )
    return ok({"success": success, "failed": failed or None})


def cancel_all(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol")
    if symbol is not None:
        ctx.ex.instrument(symbol)
    wanted = (ctx.p.opt("type") or "").upper()
    orders = [
        o
        for o in ctx.ex.open_orders(ctx.account_id, symbol)
        if not wanted or ctx.st.extra(o.order_id, "LIMIT").bx_type == wanted
    ]
    for order in orders:
        ctx.ex.cancel_order(ctx.account_id, order.symbol, order.order_id)
    return ok({"success": [full(ctx, o) for o in orders], "failed": None})


def _cancel_replace_one(ctx: Ctx, p: Params) -> dict[str, Any]:
    """Cancel `cancelOrderId`/`cancelClientOrderId`, then place the new order (mode decides on failure)."""
    mode = (p.req("cancelReplaceMode")).upper()
    if mode not in ("STOP_ON_FAILURE", "ALLOW_FAILURE"):
        raise param_error(f"cancelReplaceMode is invalid: {mode}")
    symbol = p.req("symbol")
    order_id, client_id = p.opt("cancelOrderId"), p.opt("cancelClientOrderId")
    restriction = (p.opt("cancelRestrictions") or "").upper()
    result: dict[str, Any] = {"cancelResult": "false", "cancelMsg": "", "cancelResponse": None}
    try:
        if order_id is None and client_id is None:
            raise param_error("cancelOrderId or cancelClientOrderId is required")
        target = ctx.ex.get_order(ctx.account_id, symbol, order_id, client_id)
        wanted = restriction.removeprefix("ONLY_")
        partial = target.is_partially_filled
        if (wanted in ("NEW", "PENDING") and partial) or (wanted == "PARTIALLY_FILLED" and not partial):
            raise BingXError(80001, f"order status does not match cancelRestrictions {restriction}")
        canceled = ctx.ex.cancel_order(ctx.account_id, symbol, target.order_id)
        response = full(ctx, canceled)
        response.update({"cancelClientOrderId": client_id or "", "cancelOrderId": response["orderId"]})
        result.update(cancelResult="true", cancelResponse=response)
    except (BingXError, SimRejected) as exc:
        err = exc if isinstance(exc, BingXError) else from_rejection(exc, symbol)
        result["cancelMsg"] = err.msg
        if mode == "STOP_ON_FAILURE":
            result.update(replaceResult="false", replaceMsg="cancel failed", newOrderResponse=None)
            return result
    try:
        args = read_order(ctx.ex, ctx.account_id, p)
        order = place(ctx.st, ctx.account_id, args)
        new = placed_obj(order, args.extra)
        new["clientOrderId"] = new.pop("clientOrderID")
        result.update(replaceResult="true", replaceMsg="", newOrderResponse=new)
    except (BingXError, SimRejected) as exc:
        err = exc if isinstance(exc, BingXError) else from_rejection(exc, symbol)
        result.update(replaceResult="false", replaceMsg=err.msg, newOrderResponse=None)
    return result


def cancel_replace(ctx: Ctx) -> Reply:
    return ok(_cancel_replace_one(ctx, ctx.p))


def batch_cancel_replace(ctx: Ctx) -> Reply:
    items = require_list(ctx.p.json("batchOrders", required=True), "batchOrders", BATCH_MAX)
    results = []
    for item in items:
        if not isinstance(item, dict):
            raise param_error("batchOrders items must be objects")
        results.append(_cancel_replace_one(ctx, sub_params(item)))
    return ok(results)


def cancel_all_after(ctx: Ctx) -> Reply:
    """ACTIVATE arms (or extends) a countdown of `timeOut` seconds; CLOSE disarms it."""
    kind = ctx.p.req("type").upper()
    state = ctx.st.account(ctx.account_id)
    if kind == "CLOSE":
        state.cancel_after_ms = None
        return ok({"triggerTime": 0, "status": "CLOSED", "note": "cancel-all-after timer closed"}, debugMsg="")
    if kind != "ACTIVATE":
        raise param_error(f"type is invalid: {kind}")
    seconds = ctx.p.integer("timeOut", required=True) or 0
    if not 10 <= seconds <= 120:
        raise param_error("timeOut must be between 10 and 120 seconds")
    state.cancel_after_ms = ctx.now + seconds * 1000
    trigger_s = state.cancel_after_ms // 1000
    note = (
        f"All your perpetual pending orders will be closed automatically at {trigger_s} (epoch seconds), "
        "before that you can cancel the timer, or extend triggerTime time by this request"
    )
    return ok({"triggerTime": trigger_s, "status": "ACTIVATED", "note": note}, debugMsg="")


ROUTES = [
    RouteSpec("POST", f"{SWAP}/v2/trade/order/test", test_order, 5),
    RouteSpec("POST", f"{SWAP}/v2/trade/order", place_order, 5),
    RouteSpec("POST", f"{SWAP}/v2/trade/batchOrders", batch_orders, 5),
    RouteSpec("DELETE", f"{SWAP}/v2/trade/order", cancel_order, 5),
    RouteSpec("DELETE", f"{SWAP}/v2/trade/batchOrders", cancel_batch, 5),
    RouteSpec("DELETE", f"{SWAP}/v2/trade/allOpenOrders", cancel_all, 5),
    RouteSpec("POST", f"{SWAP}/v1/trade/cancelReplace", cancel_replace, 5),
    RouteSpec("POST", f"{SWAP}/v1/trade/batchCancelReplace", batch_cancel_replace, 2),
    RouteSpec("POST", f"{SWAP}/v2/trade/cancelAllAfter", cancel_all_after, 2),
]
