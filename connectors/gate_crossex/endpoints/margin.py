"""Margin (leveraged spot) pairs: leverage, positions, interest, collateral discount."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from venuekit.core.transport.client import RestClient

from ..models import (
    CoinDiscountRate,
    HistoricalMarginPosition,
    InterestRate,
    LeverageAccepted,
    MarginInterest,
    MarginPosition,
    SymbolLeverage,
)
from ._base import csv, declare, page_params, require_text
from .positions import leverage_text

SET_LEVERAGE = declare("margin.set_leverage", "POST", "/margin_positions/leverage", LeverageAccepted)
GET_LEVERAGE = declare("margin.get_leverage", "GET", "/margin_positions/leverage", list[SymbolLeverage])
LIST_POSITIONS = declare("margin.list_positions", "GET", "/margin_positions", list[MarginPosition])
LIST_HISTORY_POSITIONS = declare(
    "margin.list_history_positions", "GET", "/history_margin_positions", list[HistoricalMarginPosition]
)
LIST_HISTORY_INTERESTS = declare(
    "margin.list_history_interests", "GET", "/history_margin_interests", list[MarginInterest]
)
LIST_INTEREST_RATES = declare("margin.list_interest_rates", "GET", "/interest_rate", list[InterestRate])
LIST_COIN_DISCOUNT_RATES = declare(
    "margin.list_coin_discount_rates", "GET", "/coin_discount_rate", list[CoinDiscountRate]
)

ENDPOINTS = (
    SET_LEVERAGE, GET_LEVERAGE, LIST_POSITIONS, LIST_HISTORY_POSITIONS, LIST_HISTORY_INTERESTS,
    LIST_INTEREST_RATES, LIST_COIN_DISCOUNT_RATES,
)


class MarginApi:
    """`client.margin`: MARGIN symbols (`<EXCHANGE>_MARGIN_<BASE>_<QUOTE>`), dual-side only."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def set_leverage(self, *, symbol: str, leverage: int | Decimal) -> LeverageAccepted:
        """`POST /api/v4/crossex/margin_positions/leverage` (202 Accepted)."""
        require_text("symbol", symbol)
        body = {"symbol": symbol, "leverage": leverage_text(leverage)}
        return await self._client.call(SET_LEVERAGE, body=body)

    async def get_leverage(self, *, symbols: str | Sequence[str] | None = None) -> list[SymbolLeverage]:
        """`GET /api/v4/crossex/margin_positions/leverage`."""
        return await self._client.call(GET_LEVERAGE, {"symbols": csv("symbols", symbols)})

    async def list_positions(
        self, *, symbol: str | None = None, exchange_type: str | None = None
    ) -> list[MarginPosition]:
        """`GET /api/v4/crossex/margin_positions`."""
        return await self._client.call(LIST_POSITIONS, {"symbol": symbol, "exchange_type": exchange_type})

    async def list_history_positions(
        self,
        *,
        symbol: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[HistoricalMarginPosition]:
        """`GET /api/v4/crossex/history_margin_positions`."""
        params = {"symbol": symbol, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_HISTORY_POSITIONS, params)

    async def list_history_interests(
        self,
        *,
        symbol: str | None = None,
        exchange_type: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[MarginInterest]:
        """`GET /api/v4/crossex/history_margin_interests`: interest deductions (venue-only)."""
        params = {"symbol": symbol, **page_params(page, limit, start, end), "exchange_type": exchange_type}
        return await self._client.call(LIST_HISTORY_INTERESTS, params)

    async def list_interest_rates(
        self, *, coin: str | None = None, exchange_type: str | None = None
    ) -> list[InterestRate]:
        """`GET /api/v4/crossex/interest_rate`: hourly borrow rates per coin and exchange (venue-only)."""
        return await self._client.call(LIST_INTEREST_RATES, {"coin": coin, "exchange_type": exchange_type})

    async def list_coin_discount_rates(
        self, *, coin: str | None = None, exchange_type: str | None = None
    ) -> list[CoinDiscountRate]:
        """`GET /api/v4/crossex/coin_discount_rate`: collateral tiers in isolated-exchange mode (venue-only)."""
        params = {"coin": coin, "exchange_type": exchange_type}
        return await self._client.call(LIST_COIN_DISCOUNT_RATES, params)
