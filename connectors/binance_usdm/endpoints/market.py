"""Public market data (security NONE): ping, server time, exchangeInfo, mark price/funding, price ticker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from venuekit.core.errors import InvalidRequest
from venuekit.core.ratelimit import Cost

from ..limits import by_symbol, weight
from ..models import Empty, ExchangeInfo, OrderBook, PremiumIndex, ServerTime, TickerPrice
from ._common import Group, check_symbol, endpoint

PING = endpoint("market.ping", "GET", "/fapi/v1/ping", Empty, signed=False, security="NONE")
SERVER_TIME = endpoint("market.server_time", "GET", "/fapi/v1/time", ServerTime, signed=False, security="NONE")
EXCHANGE_INFO = endpoint("market.exchange_info", "GET", "/fapi/v1/exchangeInfo", ExchangeInfo, signed=False,
                         security="NONE")
PREMIUM_INDEX = endpoint("market.premium_index", "GET", "/fapi/v1/premiumIndex", PremiumIndex | list[PremiumIndex],
                         cost_fn=by_symbol(1, 10), signed=False, security="NONE")
TICKER_PRICE = endpoint("market.ticker_price", "GET", "/fapi/v1/ticker/price", TickerPrice | list[TickerPrice],
                        cost_fn=by_symbol(1, 2), signed=False, security="NONE")

#: Documented `limit` values and their request weight.
DEPTH_WEIGHTS: Final = {5: 2, 10: 2, 20: 2, 50: 2, 100: 5, 500: 10, 1000: 20}


def _depth_cost(params: Mapping[str, str]) -> tuple[Cost, ...]:
    return weight(DEPTH_WEIGHTS[int(params.get("limit", "500"))])


DEPTH = endpoint("market.depth", "GET", "/fapi/v1/depth", OrderBook, cost_fn=_depth_cost, signed=False,
                 security="NONE")

ENDPOINTS: Final = (PING, SERVER_TIME, EXCHANGE_INFO, PREMIUM_INDEX, TICKER_PRICE, DEPTH)


class MarketApi(Group):
    """`client.market`: unauthenticated reads."""

    async def ping(self) -> Empty:
        """`GET /fapi/v1/ping` → `{}`."""
        return await self._client.call(PING)

    async def server_time(self) -> ServerTime:
        """`GET /fapi/v1/time`: the clock the signed `timestamp` is checked against."""
        return await self._client.call(SERVER_TIME)

    async def exchange_info(self) -> ExchangeInfo:
        """`GET /fapi/v1/exchangeInfo`: symbols with their filters, and the live rate limits."""
        return await self._client.call(EXCHANGE_INFO)

    async def premium_index(self, *, symbol: str | None = None) -> list[PremiumIndex]:
        """`GET /fapi/v1/premiumIndex`: mark/index price and funding (weight 1 with symbol, 10 without)."""
        check_symbol(symbol, required=False)
        result: PremiumIndex | list[PremiumIndex] = await self._client.call(PREMIUM_INDEX, {"symbol": symbol})
        return result if isinstance(result, list) else [result]

    async def depth(self, *, symbol: str, limit: int | None = None) -> OrderBook:
        """`GET /fapi/v1/depth`: the book snapshot (weight 2–20 by `limit`: 5, 10, 20, 50, 100, 500, 1000)."""
        check_symbol(symbol)
        if limit is not None and limit not in DEPTH_WEIGHTS:
            raise InvalidRequest(f"must be one of {sorted(DEPTH_WEIGHTS)}", field="limit")
        return await self._client.call(DEPTH, {"symbol": symbol, "limit": limit})

    async def ticker_price(self, *, symbol: str | None = None) -> list[TickerPrice]:
        """`GET /fapi/v1/ticker/price` (docs mark it deprecated; weight 1 with symbol, 2 without)."""
        check_symbol(symbol, required=False)
        result: TickerPrice | list[TickerPrice] = await self._client.call(TICKER_PRICE, {"symbol": symbol})
        return result if isinstance(result, list) else [result]
