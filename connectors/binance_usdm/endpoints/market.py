"""Public market data (security NONE): ping, server time, exchangeInfo, mark price/funding, price ticker."""

from __future__ import annotations

from typing import Final

from ..limits import by_symbol
from ..models import Empty, ExchangeInfo, PremiumIndex, ServerTime, TickerPrice
from ._common import Group, check_symbol, endpoint

PING = endpoint("market.ping", "GET", "/fapi/v1/ping", Empty, signed=False, security="NONE")
SERVER_TIME = endpoint("market.server_time", "GET", "/fapi/v1/time", ServerTime, signed=False, security="NONE")
EXCHANGE_INFO = endpoint("market.exchange_info", "GET", "/fapi/v1/exchangeInfo", ExchangeInfo, signed=False,
                         security="NONE")
PREMIUM_INDEX = endpoint("market.premium_index", "GET", "/fapi/v1/premiumIndex", PremiumIndex | list[PremiumIndex],
                         cost_fn=by_symbol(1, 10), signed=False, security="NONE")
TICKER_PRICE = endpoint("market.ticker_price", "GET", "/fapi/v1/ticker/price", TickerPrice | list[TickerPrice],
                        cost_fn=by_symbol(1, 2), signed=False, security="NONE")

ENDPOINTS: Final = (PING, SERVER_TIME, EXCHANGE_INFO, PREMIUM_INDEX, TICKER_PRICE)


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

    async def ticker_price(self, *, symbol: str | None = None) -> list[TickerPrice]:
        """`GET /fapi/v1/ticker/price` (docs mark it deprecated; weight 1 with symbol, 2 without)."""
        check_symbol(symbol, required=False)
        result: TickerPrice | list[TickerPrice] = await self._client.call(TICKER_PRICE, {"symbol": symbol})
        return result if isinstance(result, list) else [result]
