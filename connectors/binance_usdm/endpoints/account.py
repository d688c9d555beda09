"""Account reads (USER_DATA): balances, account info (v4 per seed, v2/v3 per current docs), positions, ledger."""

from __future__ import annotations

from typing import Final

from ..enums import IncomeType
from ..limits import weight
from ..models import (
    AccountInfo,
    AccountInfoV3,
    BalanceEntry,
    CommissionRate,
    IncomeRecord,
    PositionRisk,
    SymbolAdl,
    SymbolBrackets,
)
from ._common import Group, check_limit, check_symbol, check_window, endpoint

BALANCE = endpoint("account.balance", "GET", "/fapi/v2/balance", list[BalanceEntry], costs=weight(5))
ACCOUNT_INFORMATION = endpoint("account.account_information", "GET", "/fapi/v4/account", AccountInfo,
                               costs=weight(5))
ACCOUNT_INFORMATION_V2 = endpoint("account.account_information_v2", "GET", "/fapi/v2/account", AccountInfo,
                                  costs=weight(5))
ACCOUNT_INFORMATION_V3 = endpoint("account.account_information_v3", "GET", "/fapi/v3/account", AccountInfoV3,
                                  costs=weight(5))
POSITION_RISK = endpoint("account.position_risk", "GET", "/fapi/v2/positionRisk", list[PositionRisk],
                         costs=weight(5))
INCOME = endpoint("account.income", "GET", "/fapi/v1/income", list[IncomeRecord], costs=weight(30))
LEVERAGE_BRACKET = endpoint("account.leverage_bracket", "GET", "/fapi/v1/leverageBracket",
                            list[SymbolBrackets] | SymbolBrackets)
ADL_QUANTILE = endpoint("account.adl_quantile", "GET", "/fapi/v1/adlQuantile", list[SymbolAdl], costs=weight(5))
COMMISSION_RATE = endpoint("account.commission_rate", "GET", "/fapi/v1/commissionRate", CommissionRate,
                           costs=weight(20))

ENDPOINTS: Final = (BALANCE, ACCOUNT_INFORMATION, ACCOUNT_INFORMATION_V2, ACCOUNT_INFORMATION_V3, POSITION_RISK,
                    INCOME, LEVERAGE_BRACKET, ADL_QUANTILE, COMMISSION_RATE)


class AccountApi(Group):
    """`client.account`: balances, account snapshot, positions, income, brackets, ADL, fees."""

    async def balance(self) -> list[BalanceEntry]:
        """`GET /fapi/v2/balance` (weight 5)."""
        result: list[BalanceEntry] = await self._client.call(BALANCE)
        return result

    async def account_information(self) -> AccountInfo:
        """`GET /fapi/v4/account` (weight 5) exactly as the seed documents it."""
        return await self._client.call(ACCOUNT_INFORMATION)

    async def account_information_v2(self) -> AccountInfo:
        """`GET /fapi/v2/account`: the version the current docs list; same shape plus three flags."""
        return await self._client.call(ACCOUNT_INFORMATION_V2)

    async def account_information_v3(self) -> AccountInfoV3:
        """`GET /fapi/v3/account`: the current docs' newest version (fewer per-position fields)."""
        return await self._client.call(ACCOUNT_INFORMATION_V3)

    async def position_risk(self, *, symbol: str | None = None) -> list[PositionRisk]:
        """`GET /fapi/v2/positionRisk` (weight 5): one row per symbol and position side."""
        check_symbol(symbol, required=False)
        result: list[PositionRisk] = await self._client.call(POSITION_RISK, {"symbol": symbol})
        return result

    async def income(
        self,
        *,
        symbol: str | None = None,
        income_type: IncomeType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[IncomeRecord]:
        """`GET /fapi/v1/income` (weight 30): funding, PnL, commission, transfers… (7 days by default)."""
        check_symbol(symbol, required=False)
        check_limit(limit, 1000)
        check_window(start_time, end_time)
        result: list[IncomeRecord] = await self._client.call(INCOME, {
            "symbol": symbol, "incomeType": income_type, "startTime": start_time, "endTime": end_time,
            "limit": limit,
        })
        return result

    async def leverage_bracket(self, *, symbol: str | None = None) -> list[SymbolBrackets]:
        """`GET /fapi/v1/leverageBracket`: a list, or one object when `symbol` is sent (returned as a list)."""
        check_symbol(symbol, required=False)
        result: list[SymbolBrackets] | SymbolBrackets = await self._client.call(LEVERAGE_BRACKET, {"symbol": symbol})
        return result if isinstance(result, list) else [result]

    async def adl_quantile(self, *, symbol: str | None = None) -> list[SymbolAdl]:
        """`GET /fapi/v1/adlQuantile` (weight 5): ADL queue estimate 0-4 per position side."""
        check_symbol(symbol, required=False)
        result: list[SymbolAdl] = await self._client.call(ADL_QUANTILE, {"symbol": symbol})
        return result

    async def commission_rate(self, *, symbol: str) -> CommissionRate:
        """`GET /fapi/v1/commissionRate` (weight 20)."""
        check_symbol(symbol)
        return await self._client.call(COMMISSION_RATE, {"symbol": symbol})
