"""Swap trade, orders: place (single, test, batch), cancel (single, batch, all, after), query, cancel-replace."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Unpack

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest

from ..config import VENUE
from ..enums import CancelAllAfterType, OrderType
from ..models.common import OneOrMany
from ..models.swap_trade import (
    BatchCancelData,
    CancelAllAfterData,
    CancelReplaceData,
    OrderData,
    OrdersData,
    SwapOrder,
)
from ._base import (
    ApiGroup,
    check_client_id,
    check_order_id,
    check_range,
    check_symbol,
    compact_json,
    endpoint,
    id_list,
    one_of,
)
from .specs import CancelReplace, NewOrder, OrderFields

G = "swap_trade"
BATCH_MAX: Final = 5
CANCEL_BATCH_MAX: Final = 10

TEST_ORDER: Final[Endpoint[OrderData]] = endpoint(
    f"{G}.test_order", "POST", "/openApi/swap/v2/trade/order/test", OrderData
)
PLACE_ORDER: Final[Endpoint[OrderData]] = endpoint(
    f"{G}.place_order", "POST", "/openApi/swap/v2/trade/order", OrderData, places_order=True
)
PLACE_ORDERS: Final[Endpoint[OrdersData]] = endpoint(
    f"{G}.place_orders", "POST", "/openApi/swap/v2/trade/batchOrders", OrdersData, places_order=True
)
CANCEL_ORDER: Final[Endpoint[OrderData]] = endpoint(
    f"{G}.cancel_order", "DELETE", "/openApi/swap/v2/trade/order", OrderData, retry_safe=True
)
CANCEL_ORDERS: Final[Endpoint[BatchCancelData]] = endpoint(
    f"{G}.cancel_orders", "DELETE", "/openApi/swap/v2/trade/batchOrders", BatchCancelData, retry_safe=True
)
CANCEL_ALL_OPEN_ORDERS: Final[Endpoint[BatchCancelData]] = endpoint(
    f"{G}.cancel_all_open_orders", "DELETE", "/openApi/swap/v2/trade/allOpenOrders", BatchCancelData, retry_safe=True
)
OPEN_ORDERS: Final[Endpoint[OrdersData]] = endpoint(
    f"{G}.open_orders", "GET", "/openApi/swap/v2/trade/openOrders", OrdersData
)
OPEN_ORDER: Final[Endpoint[OrderData]] = endpoint(
    f"{G}.open_order", "GET", "/openApi/swap/v2/trade/openOrder", OrderData
)
QUERY_ORDER: Final[Endpoint[OrderData]] = endpoint(f"{G}.query_order", "GET", "/openApi/swap/v2/trade/order", OrderData)
CANCEL_REPLACE: Final[Endpoint[CancelReplaceData]] = endpoint(
    f"{G}.cancel_replace", "POST", "/openApi/swap/v1/trade/cancelReplace", CancelReplaceData, places_order=True
)
BATCH_CANCEL_REPLACE: Final[Endpoint[list[CancelReplaceData]]] = endpoint(
    f"{G}.batch_cancel_replace",
    "POST",
    "/openApi/swap/v1/trade/batchCancelReplace",
    OneOrMany[CancelReplaceData],
    places_order=True,
)
CANCEL_ALL_AFTER: Final[Endpoint[CancelAllAfterData]] = endpoint(
    f"{G}.cancel_all_after", "POST", "/openApi/swap/v2/trade/cancelAllAfter", CancelAllAfterData
)

ENDPOINTS: Final = (
    TEST_ORDER,
    PLACE_ORDER,
    PLACE_ORDERS,
    CANCEL_ORDER,
    CANCEL_ORDERS,
    CANCEL_ALL_OPEN_ORDERS,
    OPEN_ORDERS,
    OPEN_ORDER,
    QUERY_ORDER,
    CANCEL_REPLACE,
    BATCH_CANCEL_REPLACE,
    CANCEL_ALL_AFTER,
)


def _by_id(symbol: str, order_id: str | None, client_order_id: str | None) -> dict[str, object]:
    check_symbol(symbol)
    one_of(order_id=order_id, client_order_id=client_order_id)
    check_order_id(order_id)
    check_client_id(client_order_id)
    return {"symbol": symbol, "orderId": order_id, "clientOrderId": client_order_id}


class OrdersMixin(ApiGroup):
    """Order placement, cancellation and lookup of `client.swap_trade`."""

    async def test_order(self, **order: Unpack[OrderFields]) -> SwapOrder:
        """Validate an order at BingX without placing it (same parameters and answer as `place_order`)."""
        return (await self._call(TEST_ORDER, NewOrder(**order).to_params())).order

    async def place_order(self, **order: Unpack[OrderFields]) -> SwapOrder:
        """Place one order. Quantities are in coins; `take_profit`/`stop_loss` travel as JSON text."""
        return (await self._call(PLACE_ORDER, NewOrder(**order).to_params())).order

    async def place_orders(self, orders: Sequence[NewOrder]) -> list[SwapOrder]:
        """Place up to 5 orders in one request; BingX processes them concurrently, in no set order."""
        check_range("batchOrders", len(orders), 1, BATCH_MAX)
        batch = compact_json([o.to_params() for o in orders])
        return (await self._call(PLACE_ORDERS, {"batchOrders": batch})).orders

    async def cancel_order(
        self, *, symbol: str, order_id: str | None = None, client_order_id: str | None = None
    ) -> SwapOrder:
        return (await self._call(CANCEL_ORDER, _by_id(symbol, order_id, client_order_id))).order

    async def cancel_orders(
        self, *, symbol: str, order_ids: Sequence[str] | None = None, client_order_ids: Sequence[str] | None = None
    ) -> BatchCancelData:
        """Cancel up to 10 orders by id (`orderIdList`) or by client id (`clientOrderIdList`)."""
        check_symbol(symbol)
        one_of(order_ids=order_ids, client_order_ids=client_order_ids)
        params: dict[str, object] = {"symbol": symbol}
        if order_ids is not None:
            check_range("orderIdList", len(order_ids), 1, CANCEL_BATCH_MAX)
            params["orderIdList"] = id_list(order_ids, "orderIdList")
        if client_order_ids is not None:
            check_range("clientOrderIdList", len(client_order_ids), 1, CANCEL_BATCH_MAX)
            for cid in client_order_ids:
                check_client_id(cid, "clientOrderIdList")
            params["clientOrderIdList"] = compact_json(list(client_order_ids))
        return await self._call(CANCEL_ORDERS, params)

    async def cancel_all_open_orders(
        self, *, symbol: str | None = None, type: OrderType | None = None
    ) -> BatchCancelData:
        check_symbol(symbol, required=False)
        return await self._call(CANCEL_ALL_OPEN_ORDERS, {"symbol": symbol, "type": type})

    async def open_orders(self, *, symbol: str | None = None, type: OrderType | None = None) -> list[SwapOrder]:
        check_symbol(symbol, required=False)
        return (await self._call(OPEN_ORDERS, {"symbol": symbol, "type": type})).orders

    async def open_order(
        self, *, symbol: str, order_id: str | None = None, client_order_id: str | None = None
    ) -> SwapOrder:
        """Status of one pending order."""
        return (await self._call(OPEN_ORDER, _by_id(symbol, order_id, client_order_id))).order

    async def query_order(
        self, *, symbol: str, order_id: str | None = None, client_order_id: str | None = None
    ) -> SwapOrder:
        """Details of one order, open or finished."""
        return (await self._call(QUERY_ORDER, _by_id(symbol, order_id, client_order_id))).order

    async def cancel_replace(self, request: CancelReplace) -> CancelReplaceData:
        """Cancel an order and place a new one on the same symbol in one request."""
        return await self._call(CANCEL_REPLACE, request.to_params())

    async def batch_cancel_replace(self, requests: Sequence[CancelReplace]) -> list[CancelReplaceData]:
        if not requests:
            raise InvalidRequest("at least one cancel-replace is required", field="batchOrders", venue=VENUE)
        batch = compact_json([r.to_params() for r in requests])
        return await self._call(BATCH_CANCEL_REPLACE, {"batchOrders": batch})

    async def cancel_all_after(self, *, type: CancelAllAfterType, time_out: int) -> CancelAllAfterData:
        """Dead-man switch: cancel every open order unless renewed within `time_out` seconds (10-120)."""
        if type is CancelAllAfterType.ACTIVATE:
            check_range("timeOut", time_out, 10, 120)
        return await self._call(CANCEL_ALL_AFTER, {"type": type, "timeOut": time_out})
