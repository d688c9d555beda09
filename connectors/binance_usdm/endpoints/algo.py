"""Algo (conditional) orders: where STOP/TAKE_PROFIT/TRAILING orders moved (change log 2025-11-06)."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.errors import InvalidRequest
from venuekit.core.validation import require_positive

from ..enums import TIF, AlgoType, OrderSide, OrderType, PositionSide, WorkingType
from ..limits import by_symbol, order_weight, weight
from ..models import AlgoCancel, AlgoOrder, CodeMsg
from ._common import Group, check_client_id, check_limit, check_symbol, check_window, endpoint, order_id_param

NEW_ALGO_ORDER = endpoint("algo.new_algo_order", "POST", "/fapi/v1/algoOrder", AlgoOrder, costs=order_weight(1),
                          places_order=True, security="TRADE")
CANCEL_ALGO_ORDER = endpoint("algo.cancel_algo_order", "DELETE", "/fapi/v1/algoOrder", AlgoCancel,
                             retry_safe=True, security="TRADE")
QUERY_ALGO_ORDER = endpoint("algo.query_algo_order", "GET", "/fapi/v1/algoOrder", AlgoOrder)
CANCEL_ALL_ALGO_OPEN_ORDERS = endpoint("algo.cancel_all_algo_open_orders", "DELETE", "/fapi/v1/algoOpenOrders",
                                       CodeMsg, retry_safe=True, security="TRADE")
OPEN_ALGO_ORDERS = endpoint("algo.open_algo_orders", "GET", "/fapi/v1/openAlgoOrders", list[AlgoOrder],
                            cost_fn=by_symbol(1, 40))
ALL_ALGO_ORDERS = endpoint("algo.all_algo_orders", "GET", "/fapi/v1/allAlgoOrders", list[AlgoOrder],
                           costs=weight(5))

ENDPOINTS: Final = (NEW_ALGO_ORDER, CANCEL_ALGO_ORDER, QUERY_ALGO_ORDER, CANCEL_ALL_ALGO_OPEN_ORDERS,
                    OPEN_ALGO_ORDERS, ALL_ALGO_ORDERS)

_CONDITIONAL = frozenset({OrderType.STOP, OrderType.STOP_MARKET, OrderType.TAKE_PROFIT,
                          OrderType.TAKE_PROFIT_MARKET, OrderType.TRAILING_STOP_MARKET})


def _algo_ref(algo_id: str | None, client_algo_id: str | None) -> dict[str, object]:
    check_client_id(client_algo_id, "clientAlgoId")
    if algo_id is None and client_algo_id is None:
        raise InvalidRequest("algoId or clientAlgoId is required", field="algoId")
    return {"algoId": order_id_param(algo_id), "clientAlgoId": client_algo_id}


class AlgoApi(Group):
    """`client.algo`: conditional orders on the algo service (weights not in our sources: 1/1/1/1/1-40/5)."""

    async def new_algo_order(
        self,
        *,
        symbol: str,
        side: OrderSide,
        type: OrderType,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
        trigger_price: Decimal | None = None,
        time_in_force: TIF | None = None,
        position_side: PositionSide | None = None,
        reduce_only: bool | None = None,
        close_position: bool | None = None,
        working_type: WorkingType | None = None,
        price_protect: bool | None = None,
        activate_price: Decimal | None = None,
        callback_rate: Decimal | None = None,
        client_algo_id: str | None = None,
    ) -> AlgoOrder:
        """`POST /fapi/v1/algoOrder` with `algoType=CONDITIONAL`."""
        check_symbol(symbol)
        check_client_id(client_algo_id, "clientAlgoId")
        if OrderType(type) not in _CONDITIONAL:
            raise InvalidRequest(f"{type} is not a conditional order type", field="type")
        for name, value in (("quantity", quantity), ("price", price), ("triggerPrice", trigger_price),
                            ("activatePrice", activate_price), ("callbackRate", callback_rate)):
            require_positive(name, value)
        if type is not OrderType.TRAILING_STOP_MARKET and trigger_price is None:
            raise InvalidRequest(f"is required for {type}", field="triggerPrice")
        return await self._client.call(NEW_ALGO_ORDER, {
            "algoType": AlgoType.CONDITIONAL, "symbol": symbol, "side": side, "positionSide": position_side,
            "type": type, "timeInForce": time_in_force, "quantity": quantity, "price": price,
            "triggerPrice": trigger_price, "workingType": working_type, "closePosition": close_position,
            "priceProtect": price_protect, "reduceOnly": reduce_only, "activatePrice": activate_price,
            "callbackRate": callback_rate, "clientAlgoId": client_algo_id,
        })

    async def cancel_algo_order(self, *, algo_id: str | None = None, client_algo_id: str | None = None) -> AlgoCancel:
        """`DELETE /fapi/v1/algoOrder` by `algoId` or `clientAlgoId`."""
        return await self._client.call(CANCEL_ALGO_ORDER, _algo_ref(algo_id, client_algo_id))

    async def query_algo_order(self, *, algo_id: str | None = None, client_algo_id: str | None = None) -> AlgoOrder:
        """`GET /fapi/v1/algoOrder`."""
        return await self._client.call(QUERY_ALGO_ORDER, _algo_ref(algo_id, client_algo_id))

    async def cancel_all_algo_open_orders(self, *, symbol: str) -> CodeMsg:
        """`DELETE /fapi/v1/algoOpenOrders` for one symbol."""
        check_symbol(symbol)
        return await self._client.call(CANCEL_ALL_ALGO_OPEN_ORDERS, {"symbol": symbol})

    async def open_algo_orders(self, *, symbol: str | None = None) -> list[AlgoOrder]:
        """`GET /fapi/v1/openAlgoOrders`."""
        check_symbol(symbol, required=False)
        result: list[AlgoOrder] = await self._client.call(OPEN_ALGO_ORDERS, {"symbol": symbol})
        return result

    async def all_algo_orders(
        self,
        *,
        symbol: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[AlgoOrder]:
        """`GET /fapi/v1/allAlgoOrders`."""
        check_symbol(symbol)
        check_limit(limit, 1000)
        check_window(start_time, end_time)
        result: list[AlgoOrder] = await self._client.call(ALL_ALGO_ORDERS, {
            "symbol": symbol, "startTime": start_time, "endTime": end_time, "limit": limit,
        })
        return result
