"""Order entry and order/fill queries."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from venuekit.core.errors import InvalidRequest
from venuekit.core.transport.client import RestClient

from ..enums import GateOrderType, GatePositionSide, GateSide, GateTimeInForce
from ..models import BatchCancelResult, CrossexOrder, CrossexTrade, OrderAction
from ._base import check_client_order_id, declare, page_params, positive, require_text

CREATE_ORDER = declare("orders.create_order", "POST", "/orders", OrderAction, places_order=True)
CANCEL_ORDER = declare("orders.cancel_order", "DELETE", "/orders/{order_id}", OrderAction, retry_safe=True)
AMEND_ORDER = declare("orders.amend_order", "PUT", "/orders/{order_id}", OrderAction)
GET_ORDER = declare("orders.get_order", "GET", "/orders/{order_id}", CrossexOrder)
LIST_OPEN_ORDERS = declare("orders.list_open_orders", "GET", "/open_orders", list[CrossexOrder])
LIST_HISTORY_ORDERS = declare("orders.list_history_orders", "GET", "/history_orders", list[CrossexOrder])
LIST_HISTORY_TRADES = declare("orders.list_history_trades", "GET", "/history_trades", list[CrossexTrade])
# Not in v1.0.0: SDK 7.2.123+.
BATCH_CANCEL = declare(
    "orders.batch_cancel_orders", "POST", "/batch_cancel_orders", list[BatchCancelResult], retry_safe=True
)

ENDPOINTS = (
    CREATE_ORDER, CANCEL_ORDER, AMEND_ORDER, GET_ORDER, LIST_OPEN_ORDERS, LIST_HISTORY_ORDERS,
    LIST_HISTORY_TRADES, BATCH_CANCEL,
)


class OrdersApi:
    """`client.orders`: `order_id` arguments also accept the client id (`text`) given at creation."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def create_order(
        self,
        *,
        symbol: str,
        side: GateSide,
        type: GateOrderType | None = None,
        qty: Decimal | None = None,
        price: Decimal | None = None,
        quote_qty: Decimal | None = None,
        time_in_force: GateTimeInForce | None = None,
        reduce_only: bool | None = None,
        position_side: GatePositionSide | None = None,
        text: str | None = None,
    ) -> OrderAction:
        """`POST /api/v4/crossex/orders`; `text` is the client order id (letters, digits, `-`, `_`)."""
        require_text("symbol", symbol)
        positive("qty", qty)
        positive("price", price)
        positive("quote_qty", quote_qty)
        check_client_order_id(text)
        if (type or GateOrderType.LIMIT) is GateOrderType.LIMIT and price is None:
            raise InvalidRequest("is required for LIMIT orders", field="price")
        if qty is None and quote_qty is None:
            raise InvalidRequest("qty or quote_qty is required", field="qty")
        if type is GateOrderType.MARKET and time_in_force is GateTimeInForce.POC:
            raise InvalidRequest("a MARKET order cannot be POC", field="time_in_force")
        body = {
            "text": text,
            "symbol": symbol,
            "side": side,
            "type": type,
            "time_in_force": time_in_force,
            "qty": qty,
            "price": price,
            "quote_qty": quote_qty,
            "reduce_only": None if reduce_only is None else ("true" if reduce_only else "false"),
            "position_side": position_side,
        }
        return await self._client.call(CREATE_ORDER, body={k: v for k, v in body.items() if v is not None})

    async def cancel_order(self, *, order_id: str) -> OrderAction:
        """`DELETE /api/v4/crossex/orders/{order_id}` with the documented `{}` body."""
        return await self._client.call(CANCEL_ORDER, body={}, path={"order_id": order_id})

    async def amend_order(
        self, *, order_id: str, qty: Decimal | None = None, price: Decimal | None = None
    ) -> OrderAction:
        """`PUT /api/v4/crossex/orders/{order_id}`: new quantity and/or price (limit orders only)."""
        positive("qty", qty)
        positive("price", price)
        if qty is None and price is None:
            raise InvalidRequest("give qty, price or both", field="qty")
        body = {k: v for k, v in {"qty": qty, "price": price}.items() if v is not None}
        return await self._client.call(AMEND_ORDER, body=body, path={"order_id": order_id})

    async def get_order(self, *, order_id: str) -> CrossexOrder:
        """`GET /api/v4/crossex/orders/{order_id}`: by order id or client `text`."""
        return await self._client.call(GET_ORDER, path={"order_id": order_id})

    async def list_open_orders(
        self, *, symbol: str | None = None, exchange_type: str | None = None, business_type: str | None = None
    ) -> list[CrossexOrder]:
        """`GET /api/v4/crossex/open_orders`."""
        params = {"symbol": symbol, "exchange_type": exchange_type, "business_type": business_type}
        return await self._client.call(LIST_OPEN_ORDERS, params)

    async def list_history_orders(
        self,
        *,
        symbol: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[CrossexOrder]:
        """`GET /api/v4/crossex/history_orders`: `start`/`end` are the `from`/`to` milliseconds."""
        params = {"symbol": symbol, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_HISTORY_ORDERS, params)

    async def list_history_trades(
        self,
        *,
        symbol: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[CrossexTrade]:
        """`GET /api/v4/crossex/history_trades`: fills."""
        params = {"symbol": symbol, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_HISTORY_TRADES, params)

    async def batch_cancel_orders(self, *, order_ids: Sequence[str]) -> list[BatchCancelResult]:
        """`POST /api/v4/crossex/batch_cancel_orders` (after v1.0.0): per-order accepted/label."""
        if not order_ids or any(not o for o in order_ids):
            raise InvalidRequest("needs one or more non-empty ids", field="order_ids")
        return await self._client.call(BATCH_CANCEL, body=[{"order_id": o} for o in order_ids])
