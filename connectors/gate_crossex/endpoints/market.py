"""Public rule data (symbols, risk limits), server time, and the later market endpoints."""

from __future__ import annotations

from collections.abc import Sequence

from venuekit.core.transport.client import RestClient

from ..config import API_PREFIX
from ..models import FundingInfo, MarketTicker, RiskLimit, ServerTime, Symbol
from ._base import csv, declare

LIST_SYMBOLS = declare("market.list_symbols", "GET", "/rule/symbols", list[Symbol], signed=False)
LIST_RISK_LIMITS = declare("market.list_risk_limits", "GET", "/rule/risk_limits", list[RiskLimit], signed=False)
SERVER_TIME = declare("market.server_time", "GET", "/spot/time", ServerTime, signed=False, prefix=API_PREFIX)
# Not in v1.0.0: SDK 7.2.123+. The SDK signs them, so do we.
LIST_TICKERS = declare("market.list_tickers", "GET", "/market/tickers", list[MarketTicker])
LIST_FUNDING_INFO = declare("market.list_funding_info", "GET", "/market/funding_info", list[FundingInfo])

ENDPOINTS = (LIST_SYMBOLS, LIST_RISK_LIMITS, SERVER_TIME, LIST_TICKERS, LIST_FUNDING_INFO)


class MarketApi:
    """`client.market`: what can be traded where, and at which limits."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def list_symbols(self, *, symbols: str | Sequence[str] | None = None) -> list[Symbol]:
        """`GET /api/v4/crossex/rule/symbols`: every pair on every underlying exchange (or `symbols`)."""
        return await self._client.call(LIST_SYMBOLS, {"symbols": csv("symbols", symbols)})

    async def list_risk_limits(self, *, symbols: str | Sequence[str]) -> list[RiskLimit]:
        """`GET /api/v4/crossex/rule/risk_limits`: tiers for FUTURE/MARGIN pairs (`symbols` required)."""
        return await self._client.call(LIST_RISK_LIMITS, {"symbols": csv("symbols", symbols)})

    async def server_time(self) -> ServerTime:
        """`GET /api/v4/spot/time`: Gate server time in milliseconds (CrossEx has no own time endpoint)."""
        return await self._client.call(SERVER_TIME)

    async def list_tickers(self, *, symbols: str | Sequence[str] | None = None) -> list[MarketTicker]:
        """`GET /api/v4/crossex/market/tickers` (after v1.0.0); margin symbols are not accepted."""
        return await self._client.call(LIST_TICKERS, {"symbols": csv("symbols", symbols)})

    async def list_funding_info(self, *, symbols: str | Sequence[str] | None = None) -> list[FundingInfo]:
        """`GET /api/v4/crossex/market/funding_info` (after v1.0.0): funding rate and next time."""
        return await self._client.call(LIST_FUNDING_INFO, {"symbols": csv("symbols", symbols)})
