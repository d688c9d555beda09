"""Swap trade, history: liquidations, order history, fills (two forms), positions, margin changes, tiers."""

from __future__ import annotations

from typing import Final

from venuekit.core.endpoint import Endpoint

from ..enums import AutoCloseType, MarginCurrency, TradingUnit
from ..models.common import OneOrMany, Page
from ..models.swap_trade import (
    FillHistoryEntry,
    FillOrdersData,
    MaintMarginTier,
    MarginChange,
    OrdersData,
    PositionHistoryEntry,
    SwapOrder,
)
from ._base import ApiGroup, check_order_id, check_range, check_symbol, endpoint

G = "swap_trade"
LIMIT_MAX: Final = 1000

FORCE_ORDERS: Final[Endpoint[OrdersData]] = endpoint(
    f"{G}.force_orders", "GET", "/openApi/swap/v2/trade/forceOrders", OrdersData
)
ORDER_HISTORY: Final[Endpoint[OrdersData]] = endpoint(
    f"{G}.order_history", "GET", "/openApi/swap/v2/trade/allOrders", OrdersData
)
FILL_ORDERS: Final[Endpoint[FillOrdersData]] = endpoint(
    f"{G}.fill_orders", "GET", "/openApi/swap/v2/trade/allFillOrders", FillOrdersData
)
FULL_ORDERS: Final[Endpoint[OrdersData]] = endpoint(
    f"{G}.full_orders", "GET", "/openApi/swap/v1/trade/fullOrder", OrdersData
)
MAINT_MARGIN_RATIO: Final[Endpoint[list[MaintMarginTier]]] = endpoint(
    f"{G}.maint_margin_ratio", "GET", "/openApi/swap/v1/maintMarginRatio", OneOrMany[MaintMarginTier]
)
FILL_HISTORY: Final[Endpoint[Page[FillHistoryEntry]]] = endpoint(
    f"{G}.fill_history", "GET", "/openApi/swap/v2/trade/fillHistory", Page[FillHistoryEntry]
)
POSITION_HISTORY: Final[Endpoint[Page[PositionHistoryEntry]]] = endpoint(
    f"{G}.position_history", "GET", "/openApi/swap/v1/trade/positionHistory", Page[PositionHistoryEntry]
)
MARGIN_CHANGE_HISTORY: Final[Endpoint[Page[MarginChange]]] = endpoint(
    f"{G}.margin_change_history", "GET", "/openApi/swap/v1/positionMargin/history", Page[MarginChange]
)

ENDPOINTS: Final = (
    FORCE_ORDERS,
    ORDER_HISTORY,
    FILL_ORDERS,
    FULL_ORDERS,
    MAINT_MARGIN_RATIO,
    FILL_HISTORY,
    POSITION_HISTORY,
    MARGIN_CHANGE_HISTORY,
)


class HistoryMixin(ApiGroup):
    """Historical queries of `client.swap_trade`."""

    async def force_orders(
        self,
        *,
        symbol: str | None = None,
        currency: MarginCurrency | None = None,
        auto_close_type: AutoCloseType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[SwapOrder]:
        """The account's liquidation / ADL orders."""
        check_symbol(symbol, required=False)
        check_range("limit", limit, 1, LIMIT_MAX)
        return (
            await self._call(
                FORCE_ORDERS,
                {
                    "symbol": symbol,
                    "currency": currency,
                    "autoCloseType": auto_close_type,
                    "startTime": start_time,
                    "endTime": end_time,
                    "limit": limit,
                },
            )
        ).orders

    async def order_history(
        self,
        *,
        limit: int,
        symbol: str | None = None,
        currency: MarginCurrency | None = None,
        order_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
    ) -> list[SwapOrder]:
        """Finished (filled or cancelled) orders; `order_id` returns those after it."""
        check_symbol(symbol, required=False)
        check_range("limit", limit, 1, LIMIT_MAX)
        check_order_id(order_id)
        return (
            await self._call(
                ORDER_HISTORY,
                {
                    "symbol": symbol,
                    "currency": currency,
                    "orderId": order_id,
                    "startTime": start_time,
                    "endTime": end_time,
                    "limit": limit,
                },
            )
        ).orders

    async def fill_orders(
        self,
        *,
        trading_unit: TradingUnit,
        start_ts: int,
        end_ts: int,
        symbol: str | None = None,
        order_id: str | None = None,
        currency: MarginCurrency | None = None,
    ) -> FillOrdersData:
        """Executions between `start_ts` and `end_ts` (ms; this endpoint names them startTs/endTs)."""
        check_symbol(symbol, required=False)
        check_order_id(order_id)
        return await self._call(
            FILL_ORDERS,
            {
                "symbol": symbol,
                "orderId": order_id,
                "currency": currency,
                "tradingUnit": trading_unit,
                "startTs": start_ts,
                "endTs": end_ts,
            },
        )

    async def full_orders(
        self,
        *,
        limit: int,
        symbol: str | None = None,
        order_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
    ) -> list[SwapOrder]:
        """Orders of every status over at most 7 days (default: the last 7 days)."""
        check_symbol(symbol, required=False)
        check_range("limit", limit, 1, LIMIT_MAX)
        check_order_id(order_id)
        return (
            await self._call(
                FULL_ORDERS,
                {
                    "symbol": symbol,
                    "orderId": order_id,
                    "startTime": start_time,
                    "endTime": end_time,
                    "limit": limit,
                },
            )
        ).orders

    async def maint_margin_ratio(self, *, symbol: str) -> list[MaintMarginTier]:
        check_symbol(symbol)
        return await self._call(MAINT_MARGIN_RATIO, {"symbol": symbol})

    async def fill_history(
        self,
        *,
        symbol: str,
        start_ts: int,
        end_ts: int,
        currency: MarginCurrency | None = None,
        order_id: str | None = None,
        last_fill_id: str | None = None,
        page_index: int | None = None,
        page_size: int | None = None,
    ) -> Page[FillHistoryEntry]:
        """Execution details, ascending by fill time, over at most the last 7 days."""
        check_symbol(symbol)
        check_order_id(order_id)
        check_order_id(last_fill_id, "lastFillId")
        check_range("pageIndex", page_index, 1, 10**6)
        check_range("pageSize", page_size, 1, LIMIT_MAX)
        return await self._call(
            FILL_HISTORY,
            {
                "symbol": symbol,
                "currency": currency,
                "orderId": order_id,
                "lastFillId": last_fill_id,
                "startTs": start_ts,
                "endTs": end_ts,
                "pageIndex": page_index,
                "pageSize": page_size,
            },
        )

    async def position_history(
        self,
        *,
        symbol: str,
        start_ts: int,
        end_ts: int,
        currency: MarginCurrency | None = None,
        position_id: str | None = None,
        page_index: int | None = None,
        page_size: int | None = None,
    ) -> Page[PositionHistoryEntry]:
        check_symbol(symbol)
        check_order_id(position_id, "positionId")
        check_range("pageIndex", page_index, 1, 10**6)
        check_range("pageSize", page_size, 1, LIMIT_MAX)
        return await self._call(
            POSITION_HISTORY,
            {
                "symbol": symbol,
                "currency": currency,
                "positionId": position_id,
                "startTs": start_ts,
                "endTs": end_ts,
                "pageIndex": page_index,
                "pageSize": page_size,
            },
        )

    async def margin_change_history(
        self, *, symbol: str, position_id: str, start_time: int, end_time: int, page_index: int, page_size: int
    ) -> Page[MarginChange]:
        """Isolated margin changes of one position over the last 30 days."""
        check_symbol(symbol)
        check_order_id(position_id, "positionId")
        check_range("pageIndex", page_index, 1, 10**6)
        check_range("pageSize", page_size, 1, LIMIT_MAX)
        return await self._call(
            MARGIN_CHANGE_HISTORY,
            {
                "symbol": symbol,
                "positionId": position_id,
                "startTime": start_time,
                "endTime": end_time,
                "pageIndex": page_index,
                "pageSize": page_size,
            },
        )
