"""Order and fill queries (USER_DATA): one order, open orders, order history, trades, force orders."""

from __future__ import annotations

from typing import Final

from venuekit.core.errors import InvalidRequest

from ..enums import AutoCloseType
from ..limits import by_symbol, weight
from ..models import OrderResponse, UserTrade
from ._common import Group, check_client_id, check_limit, check_symbol, check_window, endpoint, order_id_param

QUERY_ORDER = endpoint("orders.query_order", "GET", "/fapi/v1/order", OrderResponse)
QUERY_OPEN_ORDER = endpoint("orders.query_open_order", "GET", "/fapi/v1/openOrder", OrderResponse)
OPEN_ORDERS = endpoint("orders.open_orders", "GET", "/fapi/v1/openOrders", list[OrderResponse],
                       cost_fn=by_symbol(1, 40))
ALL_ORDERS = endpoint("orders.all_orders", "GET", "/fapi/v1/allOrders", list[OrderResponse], costs=weight(5))
USER_TRADES = endpoint("orders.user_trades", "GET", "/fapi/v1/userTrades", list[UserTrade], costs=weight(5))
FORCE_ORDERS = endpoint("orders.force_orders", "GET", "/fapi/v1/forceOrders", list[OrderResponse],
                        cost_fn=by_symbol(20, 50))

ENDPOINTS: Final = (QUERY_ORDER, QUERY_OPEN_ORDER, OPEN_ORDERS, ALL_ORDERS, USER_TRADES, FORCE_ORDERS)

SEVEN_DAYS_MS: Final = 7 * 24 * 3600 * 1000


def _by_id(symbol: str, order_id: str | None, orig_client_order_id: str | None) -> dict[str, object]:
    check_symbol(symbol)
    check_client_id(orig_client_order_id, "origClientOrderId")
    if order_id is None and orig_client_order_id is None:
        raise InvalidRequest("orderId or origClientOrderId is required", field="orderId")
    return {"symbol": symbol, "orderId": order_id_param(order_id), "origClientOrderId": orig_client_order_id}


class OrdersApi(Group):
    """`client.orders`: read-only order and trade queries."""

    async def query_order(
        self, *, symbol: str, order_id: str | None = None, orig_client_order_id: str | None = None
    ) -> OrderResponse:
        """`GET /fapi/v1/order`: any order (old canceled/expired unfilled ones are purged after 7 days)."""
        return await self._client.call(QUERY_ORDER, _by_id(symbol, order_id, orig_client_order_id))

    async def query_open_order(
        self, *, symbol: str, order_id: str | None = None, orig_client_order_id: str | None = None
    ) -> OrderResponse:
        """`GET /fapi/v1/openOrder`: an open order; a filled or canceled one answers "Order does not exist"."""
        return await self._client.call(QUERY_OPEN_ORDER, _by_id(symbol, order_id, orig_client_order_id))

    async def open_orders(self, *, symbol: str | None = None) -> list[OrderResponse]:
        """`GET /fapi/v1/openOrders`: weight 1 with a symbol, 40 without."""
        check_symbol(symbol, required=False)
        result: list[OrderResponse] = await self._client.call(OPEN_ORDERS, {"symbol": symbol})
        return result

    async def all_orders(
        self,
        *,
        symbol: str,
        order_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[OrderResponse]:
        """`GET /fapi/v1/allOrders` (weight 5): orders >= `order_id`, or the most recent; ≤ 7-day window."""
        check_symbol(symbol)
        check_limit(limit, 1000)
        check_window(start_time, end_time)
        if start_time is not None and end_time is not None and end_time - start_time > SEVEN_DAYS_MS:
            raise InvalidRequest("the window may not exceed 7 days", field="endTime")
        result: list[OrderResponse] = await self._client.call(ALL_ORDERS, {
            "symbol": symbol, "orderId": order_id_param(order_id), "startTime": start_time, "endTime": end_time,
            "limit": limit,
        })
        return result

    async def user_trades(
        self,
        *,
        symbol: str,
        start_time: int | None = None,
        end_time: int | None = None,
        from_id: str | None = None,
        limit: int | None = None,
    ) -> list[UserTrade]:
        """`GET /fapi/v1/userTrades` (weight 5): fills of one symbol; `from_id` excludes a time window."""
        check_symbol(symbol)
        check_limit(limit, 1000)
        check_window(start_time, end_time)
        if from_id is not None and (start_time is not None or end_time is not None):
            raise InvalidRequest("cannot be sent with startTime or endTime", field="fromId")
        if start_time is not None and end_time is not None and end_time - start_time > SEVEN_DAYS_MS:
            raise InvalidRequest("the window may not exceed 7 days", field="endTime")
        result: list[UserTrade] = await self._client.call(USER_TRADES, {
            "symbol": symbol, "startTime": start_time, "endTime": end_time,
            "fromId": order_id_param(from_id) if from_id is not None else None, "limit": limit,
        })
        return result

    async def force_orders(
        self,
        *,
        symbol: str | None = None,
        auto_close_type: AutoCloseType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[OrderResponse]:
        """`GET /fapi/v1/forceOrders`: liquidation / ADL orders; weight 20 with a symbol, 50 without."""
        check_symbol(symbol, required=False)
        check_limit(limit, 100)
        check_window(start_time, end_time)
        result: list[OrderResponse] = await self._client.call(FORCE_ORDERS, {
            "symbol": symbol, "autoCloseType": auto_close_type, "startTime": start_time, "endTime": end_time,
            "limit": limit,
        })
        return result
