"""Swap trade, account settings and positions: margin type, leverage, position mode, margin, closing."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.endpoint import Endpoint

from ..enums import MarginAdjustType, MarginType, PositionSide
from ..models.common import Ack
from ..models.swap_trade import (
    CloseAllData,
    ClosePositionData,
    LeverageData,
    MarginTypeData,
    PositionMarginResult,
    PositionModeData,
    SetLeverageData,
)
from ._base import ApiGroup, check_order_id, check_positive, check_range, check_symbol, endpoint

G = "swap_trade"
DUAL = "/openApi/swap/v1/positionSide/dual"

MARGIN_TYPE: Final[Endpoint[MarginTypeData]] = endpoint(
    f"{G}.margin_type", "GET", "/openApi/swap/v2/trade/marginType", MarginTypeData
)
SET_MARGIN_TYPE: Final[Endpoint[Ack]] = endpoint(
    f"{G}.set_margin_type", "POST", "/openApi/swap/v2/trade/marginType", Ack, shape="data_or_top"
)
LEVERAGE: Final[Endpoint[LeverageData]] = endpoint(
    f"{G}.leverage", "GET", "/openApi/swap/v2/trade/leverage", LeverageData
)
SET_LEVERAGE: Final[Endpoint[SetLeverageData]] = endpoint(
    f"{G}.set_leverage", "POST", "/openApi/swap/v2/trade/leverage", SetLeverageData
)
ADJUST_ISOLATED_MARGIN: Final[Endpoint[PositionMarginResult]] = endpoint(
    f"{G}.adjust_isolated_margin",
    "POST",
    "/openApi/swap/v2/trade/positionMargin",
    PositionMarginResult,
    shape="data_or_top",
)
SET_POSITION_MODE: Final[Endpoint[PositionModeData]] = endpoint(
    f"{G}.set_position_mode", "POST", DUAL, PositionModeData
)
POSITION_MODE: Final[Endpoint[PositionModeData]] = endpoint(f"{G}.position_mode", "GET", DUAL, PositionModeData)
CLOSE_POSITION: Final[Endpoint[ClosePositionData]] = endpoint(
    f"{G}.close_position", "POST", "/openApi/swap/v1/trade/closePosition", ClosePositionData, places_order=True
)
CLOSE_ALL_POSITIONS: Final[Endpoint[CloseAllData]] = endpoint(
    f"{G}.close_all_positions", "POST", "/openApi/swap/v2/trade/closeAllPositions", CloseAllData, places_order=True
)

ENDPOINTS: Final = (
    MARGIN_TYPE,
    SET_MARGIN_TYPE,
    LEVERAGE,
    SET_LEVERAGE,
    ADJUST_ISOLATED_MARGIN,
    SET_POSITION_MODE,
    POSITION_MODE,
    CLOSE_POSITION,
    CLOSE_ALL_POSITIONS,
)


class PositionsMixin(ApiGroup):
    """Margin type, leverage, position mode, isolated margin and closing positions of `client.swap_trade`."""

    async def margin_type(self, *, symbol: str) -> MarginTypeData:
        check_symbol(symbol)
        return await self._call(MARGIN_TYPE, {"symbol": symbol})

    async def set_margin_type(self, *, symbol: str, margin_type: MarginType) -> Ack:
        """Answers `{"code":0,"msg":""}` without `data`."""
        check_symbol(symbol)
        return await self._call(SET_MARGIN_TYPE, {"symbol": symbol, "marginType": margin_type})

    async def leverage(self, *, symbol: str) -> LeverageData:
        check_symbol(symbol)
        return await self._call(LEVERAGE, {"symbol": symbol})

    async def set_leverage(self, *, symbol: str, side: PositionSide, leverage: int) -> SetLeverageData:
        """`side` is LONG or SHORT in hedge mode, BOTH in one-way mode."""
        check_symbol(symbol)
        check_range("leverage", leverage, 1, 1000)
        return await self._call(SET_LEVERAGE, {"symbol": symbol, "side": side, "leverage": leverage})

    async def adjust_isolated_margin(
        self,
        *,
        symbol: str,
        amount: Decimal,
        type: MarginAdjustType,
        position_side: PositionSide | None = None,
        position_id: str | None = None,
    ) -> PositionMarginResult:
        """Add (type 1) or remove (type 2) isolated margin; the answer's fields sit at the top level."""
        check_symbol(symbol)
        check_positive(amount=amount)
        check_order_id(position_id, "positionId")
        return await self._call(
            ADJUST_ISOLATED_MARGIN,
            {
                "symbol": symbol,
                "amount": amount,
                "type": type,
                "positionSide": position_side,
                "positionId": position_id,
            },
        )

    async def set_position_mode(self, *, dual_side_position: bool) -> PositionModeData:
        """`True` is hedge mode (LONG/SHORT legs), `False` one-way (BOTH); only without positions/orders."""
        return await self._call(SET_POSITION_MODE, {"dualSidePosition": dual_side_position})

    async def position_mode(self) -> PositionModeData:
        return await self._call(POSITION_MODE)

    async def close_position(self, *, position_id: str) -> ClosePositionData:
        """Close one position at market, by its position id."""
        check_order_id(position_id, "positionId")
        return await self._call(CLOSE_POSITION, {"positionId": position_id})

    async def close_all_positions(self, *, symbol: str | None = None) -> CloseAllData:
        """Close every position (of `symbol`, or all) with market orders."""
        check_symbol(symbol, required=False)
        return await self._call(CLOSE_ALL_POSITIONS, {"symbol": symbol})
