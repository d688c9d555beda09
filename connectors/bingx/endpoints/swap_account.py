"""`client.swap_account`: balances, positions, fund flow and commission rates (seed 001)."""

from __future__ import annotations

from typing import Final

from venuekit.core.endpoint import Endpoint

from ..enums import IncomeType
from ..models.common import OneOrMany
from ..models.swap_account import CommissionData, CommissionRate, IncomeRecord, SwapBalance, SwapBalances, SwapPosition
from ._base import ApiGroup, check_range, check_symbol, endpoint

G = "swap_account"

BALANCE: Final[Endpoint[list[SwapBalance]]] = endpoint(
    f"{G}.balance", "GET", "/openApi/swap/v3/user/balance", SwapBalances
)
POSITIONS: Final[Endpoint[list[SwapPosition]]] = endpoint(
    f"{G}.positions", "GET", "/openApi/swap/v2/user/positions", OneOrMany[SwapPosition]
)
INCOME: Final[Endpoint[list[IncomeRecord]]] = endpoint(
    f"{G}.income", "GET", "/openApi/swap/v2/user/income", OneOrMany[IncomeRecord]
)
INCOME_EXPORT: Final[Endpoint[bytes]] = endpoint(
    f"{G}.income_export", "GET", "/openApi/swap/v2/user/income/export", bytes, shape="raw"
)
COMMISSION_RATE: Final[Endpoint[CommissionRate]] = endpoint(
    f"{G}.commission_rate", "GET", "/openApi/swap/v2/user/commissionRate", CommissionData
)

ENDPOINTS: Final = (BALANCE, POSITIONS, INCOME, INCOME_EXPORT, COMMISSION_RATE)


class SwapAccountApi(ApiGroup):
    async def balance(self) -> list[SwapBalance]:
        """One entry per margin asset (USDT, USDC)."""
        return await self._call(BALANCE)

    async def positions(self, *, symbol: str | None = None) -> list[SwapPosition]:
        check_symbol(symbol, required=False)
        return await self._call(POSITIONS, {"symbol": symbol})

    async def income(
        self,
        *,
        symbol: str | None = None,
        income_type: IncomeType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[IncomeRecord]:
        """Fund flow (PnL, funding, fees…); without a time range only the last 7 days, 3 months kept."""
        check_symbol(symbol, required=False)
        check_range("limit", limit, 1, 1000)
        return await self._call(
            INCOME,
            {
                "symbol": symbol,
                "incomeType": income_type,
                "startTime": start_time,
                "endTime": end_time,
                "limit": limit,
            },
        )

    async def income_export(
        self,
        *,
        symbol: str | None = None,
        income_type: IncomeType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> bytes:
        """The fund flow as a file: the response bytes, unparsed."""
        check_symbol(symbol, required=False)
        check_range("limit", limit, 1, 1000)
        return await self._call(
            INCOME_EXPORT,
            {
                "symbol": symbol,
                "incomeType": income_type,
                "startTime": start_time,
                "endTime": end_time,
                "limit": limit,
            },
        )

    async def commission_rate(self) -> CommissionRate:
        return await self._call(COMMISSION_RATE)
