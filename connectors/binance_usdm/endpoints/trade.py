"""Order placement and cancellation (TRADE): new, batch, cancel, cancel-all, cancel-multiple, countdown."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from venuekit.core.errors import InvalidRequest
from venuekit.core.signing.params import render_params

from ..enums import TIF, NewOrderRespType, OrderSide, OrderType, PositionSide, WorkingType
from ..limits import batch_orders_cost, order_weight, weight
from ..models import BatchItem, CodeMsg, CountdownCancelAll, OrderResponse
from ._common import Group, check_client_id, check_symbol, endpoint, order_id_param
from .order_params import NewOrder, check_order_params, order_params

MAX_BATCH_PLACE: Final = 5
MAX_BATCH_CANCEL: Final = 10

NEW_ORDER = endpoint("trade.new_order", "POST", "/fapi/v1/order", OrderResponse, costs=order_weight(1),
                     places_order=True, security="TRADE")
BATCH_ORDERS = endpoint("trade.batch_orders", "POST", "/fapi/v1/batchOrders", list[BatchItem],
                        cost_fn=batch_orders_cost, places_order=True, security="TRADE")
CANCEL_ORDER = endpoint("trade.cancel_order", "DELETE", "/fapi/v1/order", OrderResponse, retry_safe=True,
                        security="TRADE")
CANCEL_ALL_OPEN_ORDERS = endpoint("trade.cancel_all_open_orders", "DELETE", "/fapi/v1/allOpenOrders", CodeMsg,
                                  retry_safe=True, security="TRADE")
CANCEL_BATCH_ORDERS = endpoint("trade.cancel_batch_orders", "DELETE", "/fapi/v1/batchOrders", list[BatchItem],
                               retry_safe=True, security="TRADE")
COUNTDOWN_CANCEL_ALL = endpoint("trade.countdown_cancel_all", "POST", "/fapi/v1/countdownCancelAll",
                                CountdownCancelAll, costs=weight(10), retry_safe=True, security="TRADE")

ENDPOINTS: Final = (NEW_ORDER, BATCH_ORDERS, CANCEL_ORDER, CANCEL_ALL_OPEN_ORDERS, CANCEL_BATCH_ORDERS,
                    COUNTDOWN_CANCEL_ALL)


class TradeApi(Group):
    """`client.trade`: calls that create or remove orders."""

    async def new_order(
        self,
        *,
        symbol: str,
        side: OrderSide,
        type: OrderType,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
        time_in_force: TIF | None = None,
        position_side: PositionSide | None = None,
        reduce_only: bool | None = None,
        new_client_order_id: str | None = None,
        stop_price: Decimal | None = None,
        close_position: bool | None = None,
        activation_price: Decimal | None = None,
        callback_rate: Decimal | None = None,
        working_type: WorkingType | None = None,
        price_protect: bool | None = None,
        new_order_resp_type: NewOrderRespType | None = None,
        price_match: str | None = None,
        self_trade_prevention_mode: str | None = None,
        good_till_date: int | None = None,
    ) -> OrderResponse:
        """`POST /fapi/v1/order` (weight 1, one order-count unit). Place with a `newClientOrderId`."""
        params = order_params(
            symbol=symbol, side=side, type=type, quantity=quantity, price=price, time_in_force=time_in_force,
            position_side=position_side, reduce_only=reduce_only, new_client_order_id=new_client_order_id,
            stop_price=stop_price, close_position=close_position, activation_price=activation_price,
            callback_rate=callback_rate, working_type=working_type, price_protect=price_protect,
            new_order_resp_type=new_order_resp_type, price_match=price_match,
            self_trade_prevention_mode=self_trade_prevention_mode, good_till_date=good_till_date,
        )
        check_order_params(params)
        return await self._client.call(NEW_ORDER, params)

    async def batch_orders(self, *, orders: Sequence[NewOrder]) -> list[BatchItem]:
        """`POST /fapi/v1/batchOrders` (weight 5, max 5): results in order, failures as `BatchError`."""
        if not 1 <= len(orders) <= MAX_BATCH_PLACE:
            raise InvalidRequest(f"1..{MAX_BATCH_PLACE} orders per batch, got {len(orders)}", field="batchOrders")
        items: list[dict[str, str]] = []
        for order in orders:
            order.validate(max_callback_rate=Decimal(4))
            if order.quantity is None and not order.close_position:
                raise InvalidRequest("is required in batch orders", field="quantity")
            items.append(render_params(order.params()))
        result: list[BatchItem] = await self._client.call(BATCH_ORDERS, {"batchOrders": items})
        return result

    async def cancel_order(
        self, *, symbol: str, order_id: str | None = None, orig_client_order_id: str | None = None
    ) -> OrderResponse:
        """`DELETE /fapi/v1/order` by `orderId` or `origClientOrderId`."""
        check_symbol(symbol)
        check_client_id(orig_client_order_id, "origClientOrderId")
        if order_id is None and orig_client_order_id is None:
            raise InvalidRequest("orderId or origClientOrderId is required", field="orderId")
        return await self._client.call(CANCEL_ORDER, {
            "symbol": symbol, "orderId": order_id_param(order_id), "origClientOrderId": orig_client_order_id,
        })

    async def cancel_all_open_orders(self, *, symbol: str) -> CodeMsg:
        """`DELETE /fapi/v1/allOpenOrders` for one symbol."""
        check_symbol(symbol)
        return await self._client.call(CANCEL_ALL_OPEN_ORDERS, {"symbol": symbol})

    async def cancel_batch_orders(
        self,
        *,
        symbol: str,
        order_ids: Sequence[str] | None = None,
        orig_client_order_ids: Sequence[str] | None = None,
    ) -> list[BatchItem]:
        """`DELETE /fapi/v1/batchOrders`: up to 10 ids as JSON lists; failures come back as `BatchError`."""
        check_symbol(symbol)
        if not order_ids and not orig_client_order_ids:
            raise InvalidRequest("orderIdList or origClientOrderIdList is required", field="orderIdList")
        ids = [order_id_param(i) for i in order_ids] if order_ids else None
        cids = list(orig_client_order_ids) if orig_client_order_ids else None
        for name, values in (("orderIdList", ids), ("origClientOrderIdList", cids)):
            if values is not None and len(values) > MAX_BATCH_CANCEL:
                raise InvalidRequest(f"at most {MAX_BATCH_CANCEL} ids", field=name)
        for cid in cids or ():
            check_client_id(cid, "origClientOrderIdList")
        result: list[BatchItem] = await self._client.call(CANCEL_BATCH_ORDERS, {
            "symbol": symbol, "orderIdList": ids, "origClientOrderIdList": cids,
        })
        return result

    async def countdown_cancel_all(self, *, symbol: str, countdown_time: int) -> CountdownCancelAll:
        """`POST /fapi/v1/countdownCancelAll` (weight 10): cancel all after `countdown_time` ms; 0 stops."""
        check_symbol(symbol)
        if countdown_time < 0:
            raise InvalidRequest("must be >= 0 (0 stops the timer)", field="countdownTime")
        return await self._client.call(COUNTDOWN_CANCEL_ALL, {"symbol": symbol, "countdownTime": countdown_time})
