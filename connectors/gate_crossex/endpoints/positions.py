"""Contract (FUTURE) positions: leverage, full close, ADL rank, history."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from venuekit.core.numbers import format_decimal
from venuekit.core.transport.client import RestClient

from ..enums import GatePositionSide
from ..models import AdlRank, HistoricalPosition, LeverageAccepted, OrderAction, Position, SymbolLeverage
from ._base import csv, declare, page_params, positive, require_text

SET_LEVERAGE = declare("positions.set_leverage", "POST", "/positions/leverage", LeverageAccepted)
GET_LEVERAGE = declare("positions.get_leverage", "GET", "/positions/leverage", list[SymbolLeverage])
CLOSE_POSITION = declare("positions.close_position", "DELETE", "/position", OrderAction)
# The current SDK (>= 7.2.32) sends the full close as POST; same body, same daily quota.
CLOSE_POSITION_POST = declare(
    "positions.close_position_post", "POST", "/position", OrderAction, quota="positions.close_position"
)
LIST_POSITIONS = declare("positions.list_positions", "GET", "/positions", list[Position])
LIST_ADL_RANK = declare("positions.list_adl_rank", "GET", "/adl_rank", list[AdlRank])
LIST_HISTORY_POSITIONS = declare(
    "positions.list_history_positions", "GET", "/history_positions", list[HistoricalPosition]
)

ENDPOINTS = (
    SET_LEVERAGE, GET_LEVERAGE, CLOSE_POSITION, CLOSE_POSITION_POST, LIST_POSITIONS, LIST_ADL_RANK,
    LIST_HISTORY_POSITIONS,
)


def leverage_text(leverage: int | Decimal) -> str:
    """Leverage goes out as a string (`"10"`), as in the document's request examples."""
    value = Decimal(leverage)
    positive("leverage", value, required=True)
    return format_decimal(value)


def close_body(symbol: str, position_side: GatePositionSide | None) -> dict[str, object]:
    require_text("symbol", symbol)
    body: dict[str, object] = {"symbol": symbol}
    if position_side is not None:
        body["position_side"] = position_side
    return body


class PositionsApi:
    """`client.positions`: FUTURE symbols (`<EXCHANGE>_FUTURE_<BASE>_<QUOTE>`)."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def set_leverage(self, *, symbol: str, leverage: int | Decimal) -> LeverageAccepted:
        """`POST /api/v4/crossex/positions/leverage` (202 Accepted)."""
        require_text("symbol", symbol)
        body = {"symbol": symbol, "leverage": leverage_text(leverage)}
        return await self._client.call(SET_LEVERAGE, body=body)

    async def get_leverage(self, *, symbols: str | Sequence[str] | None = None) -> list[SymbolLeverage]:
        """`GET /api/v4/crossex/positions/leverage`."""
        return await self._client.call(GET_LEVERAGE, {"symbols": csv("symbols", symbols)})

    async def close_position(
        self, *, symbol: str, position_side: GatePositionSide | None = None
    ) -> OrderAction:
        """`DELETE /api/v4/crossex/position` (v1.0.0 form): close a small position in full (100/day)."""
        return await self._client.call(CLOSE_POSITION, body=close_body(symbol, position_side))

    async def close_position_post(
        self, *, symbol: str, position_side: GatePositionSide | None = None
    ) -> OrderAction:
        """`POST /api/v4/crossex/position` (current SDK form of the same full close)."""
        return await self._client.call(CLOSE_POSITION_POST, body=close_body(symbol, position_side))

    async def list_positions(
        self, *, symbol: str | None = None, exchange_type: str | None = None
    ) -> list[Position]:
        """`GET /api/v4/crossex/positions`."""
        return await self._client.call(LIST_POSITIONS, {"symbol": symbol, "exchange_type": exchange_type})

    async def list_adl_rank(self, *, symbol: str) -> list[AdlRank]:
        """`GET /api/v4/crossex/adl_rank`: CrossEx and underlying-exchange ADL rank (venue-only)."""
        require_text("symbol", symbol)
        return await self._client.call(LIST_ADL_RANK, {"symbol": symbol})

    async def list_history_positions(
        self,
        *,
        symbol: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[HistoricalPosition]:
        """`GET /api/v4/crossex/history_positions`: closed and partly closed positions."""
        params = {"symbol": symbol, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_HISTORY_POSITIONS, params)
