"""Account settings (TRADE): position mode, multi-assets mode, leverage, margin type, isolated margin."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.validation import require_positive, require_range

from ..enums import MarginType, PositionMarginType, PositionSide
from ..limits import weight
from ..models import (
    CodeMsg,
    LeverageChange,
    MultiAssetsModeState,
    PositionMarginChange,
    PositionMarginRecord,
    PositionModeState,
)
from ._common import Group, check_limit, check_symbol, check_window, endpoint

CHANGE_POSITION_MODE = endpoint("config.change_position_mode", "POST", "/fapi/v1/positionSide/dual", CodeMsg,
                                security="TRADE")
GET_POSITION_MODE = endpoint("config.get_position_mode", "GET", "/fapi/v1/positionSide/dual", PositionModeState,
                             costs=weight(30))
CHANGE_MULTI_ASSETS_MODE = endpoint("config.change_multi_assets_mode", "POST", "/fapi/v1/multiAssetsMargin",
                                    CodeMsg, security="TRADE")
GET_MULTI_ASSETS_MODE = endpoint("config.get_multi_assets_mode", "GET", "/fapi/v1/multiAssetsMargin",
                                 MultiAssetsModeState, costs=weight(30))
CHANGE_LEVERAGE = endpoint("config.change_leverage", "POST", "/fapi/v1/leverage", LeverageChange,
                           retry_safe=True, security="TRADE")
CHANGE_MARGIN_TYPE = endpoint("config.change_margin_type", "POST", "/fapi/v1/marginType", CodeMsg,
                              security="TRADE")
MODIFY_POSITION_MARGIN = endpoint("config.modify_position_margin", "POST", "/fapi/v1/positionMargin",
                                  PositionMarginChange, security="TRADE")
POSITION_MARGIN_HISTORY = endpoint("config.position_margin_history", "GET", "/fapi/v1/positionMargin/history",
                                   list[PositionMarginRecord], security="TRADE")

ENDPOINTS: Final = (CHANGE_POSITION_MODE, GET_POSITION_MODE, CHANGE_MULTI_ASSETS_MODE, GET_MULTI_ASSETS_MODE,
                    CHANGE_LEVERAGE, CHANGE_MARGIN_TYPE, MODIFY_POSITION_MARGIN, POSITION_MARGIN_HISTORY)


class ConfigApi(Group):
    """`client.config`: account-wide and per-symbol settings."""

    async def change_position_mode(self, *, dual_side_position: bool) -> CodeMsg:
        """`POST /fapi/v1/positionSide/dual`: true = hedge mode, false = one-way (every symbol)."""
        return await self._client.call(CHANGE_POSITION_MODE, {"dualSidePosition": dual_side_position})

    async def get_position_mode(self) -> PositionModeState:
        """`GET /fapi/v1/positionSide/dual` (weight 30)."""
        return await self._client.call(GET_POSITION_MODE)

    async def change_multi_assets_mode(self, *, multi_assets_margin: bool) -> CodeMsg:
        """`POST /fapi/v1/multiAssetsMargin`: true = multi-assets mode, false = single-asset."""
        return await self._client.call(CHANGE_MULTI_ASSETS_MODE, {"multiAssetsMargin": multi_assets_margin})

    async def get_multi_assets_mode(self) -> MultiAssetsModeState:
        """`GET /fapi/v1/multiAssetsMargin` (weight 30)."""
        return await self._client.call(GET_MULTI_ASSETS_MODE)

    async def change_leverage(self, *, symbol: str, leverage: int) -> LeverageChange:
        """`POST /fapi/v1/leverage`: initial leverage 1..125 for one symbol."""
        check_symbol(symbol)
        require_range("leverage", leverage, 1, 125)
        return await self._client.call(CHANGE_LEVERAGE, {"symbol": symbol, "leverage": leverage})

    async def change_margin_type(self, *, symbol: str, margin_type: MarginType) -> CodeMsg:
        """`POST /fapi/v1/marginType`: ISOLATED or CROSSED (-4046 when already so)."""
        check_symbol(symbol)
        return await self._client.call(CHANGE_MARGIN_TYPE, {"symbol": symbol, "marginType": MarginType(margin_type)})

    async def modify_position_margin(
        self,
        *,
        symbol: str,
        amount: Decimal,
        type: PositionMarginType,
        position_side: PositionSide | None = None,
    ) -> PositionMarginChange:
        """`POST /fapi/v1/positionMargin`: add (1) or reduce (2) an isolated position's margin."""
        check_symbol(symbol)
        require_positive("amount", amount, allow_none=False)
        return await self._client.call(MODIFY_POSITION_MARGIN, {
            "symbol": symbol, "positionSide": position_side, "amount": amount, "type": int(type),
        })

    async def position_margin_history(
        self,
        *,
        symbol: str,
        type: PositionMarginType | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
    ) -> list[PositionMarginRecord]:
        """`GET /fapi/v1/positionMargin/history`."""
        check_symbol(symbol)
        check_limit(limit, 1000)
        check_window(start_time, end_time)
        result: list[PositionMarginRecord] = await self._client.call(POSITION_MARGIN_HISTORY, {
            "symbol": symbol, "type": None if type is None else int(type), "startTime": start_time,
            "endTime": end_time, "limit": limit,
        })
        return result
