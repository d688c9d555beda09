"""Public swap market data (not in the seeds; shapes from the reference, section 5)."""

from __future__ import annotations

from typing import Final

from venuekit.core.endpoint import Endpoint

from ..models.common import OneOrMany
from ..models.market import (
    BookTickerData,
    Contract,
    FundingRateRecord,
    LastPrice,
    PremiumIndex,
    ServerTime,
    SwapTicker,
)
from ._base import ApiGroup, check_range, check_symbol, endpoint

SERVER_TIME: Final[Endpoint[ServerTime]] = endpoint(
    "market.server_time", "GET", "/openApi/swap/v2/server/time", ServerTime, signed=False
)
CONTRACTS: Final[Endpoint[list[Contract]]] = endpoint(
    "market.contracts", "GET", "/openApi/swap/v2/quote/contracts", OneOrMany[Contract], signed=False
)
TICKER: Final[Endpoint[list[SwapTicker]]] = endpoint(
    "market.ticker", "GET", "/openApi/swap/v2/quote/ticker", OneOrMany[SwapTicker], signed=False
)
PREMIUM_INDEX: Final[Endpoint[list[PremiumIndex]]] = endpoint(
    "market.premium_index", "GET", "/openApi/swap/v2/quote/premiumIndex", OneOrMany[PremiumIndex], signed=False
)
FUNDING_RATE_HISTORY: Final[Endpoint[list[FundingRateRecord]]] = endpoint(
    "market.funding_rate_history",
    "GET",
    "/openApi/swap/v2/quote/fundingRate",
    OneOrMany[FundingRateRecord],
    signed=False,
)
PRICE: Final[Endpoint[list[LastPrice]]] = endpoint(
    "market.price", "GET", "/openApi/swap/v1/ticker/price", OneOrMany[LastPrice], signed=False
)
BOOK_TICKER: Final[Endpoint[BookTickerData]] = endpoint(
    "market.book_ticker", "GET", "/openApi/swap/v2/quote/bookTicker", BookTickerData, signed=False
)

ENDPOINTS: Final = (SERVER_TIME, CONTRACTS, TICKER, PREMIUM_INDEX, FUNDING_RATE_HISTORY, PRICE, BOOK_TICKER)


class MarketApi(ApiGroup):
    """`client.market`: unsigned GETs counted against the 500-per-10-s market-data IP group."""

    async def server_time(self) -> ServerTime:
        return await self._call(SERVER_TIME)

    async def contracts(self, *, symbol: str | None = None) -> list[Contract]:
        check_symbol(symbol, required=False)
        return await self._call(CONTRACTS, {"symbol": symbol})

    async def ticker(self, *, symbol: str | None = None) -> list[SwapTicker]:
        """24 h statistics; one element when `symbol` is given (BingX then answers with an object)."""
        check_symbol(symbol, required=False)
        return await self._call(TICKER, {"symbol": symbol})

    async def premium_index(self, *, symbol: str | None = None) -> list[PremiumIndex]:
        """Mark price, index price, current funding rate and next funding time."""
        check_symbol(symbol, required=False)
        return await self._call(PREMIUM_INDEX, {"symbol": symbol})

    async def funding_rate_history(
        self, *, symbol: str, start_time: int | None = None, end_time: int | None = None, limit: int | None = None
    ) -> list[FundingRateRecord]:
        check_symbol(symbol)
        check_range("limit", limit, 1, 1000)
        return await self._call(
            FUNDING_RATE_HISTORY, {"symbol": symbol, "startTime": start_time, "endTime": end_time, "limit": limit}
        )

    async def price(self, *, symbol: str | None = None) -> list[LastPrice]:
        check_symbol(symbol, required=False)
        return await self._call(PRICE, {"symbol": symbol})

    async def book_ticker(self, *, symbol: str) -> BookTickerData:
        check_symbol(symbol)
        return await self._call(BOOK_TICKER, {"symbol": symbol})
