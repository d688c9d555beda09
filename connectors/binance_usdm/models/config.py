"""Account-settings models: position mode, multi-assets mode, leverage, margin type, position margin."""

from __future__ import annotations

from decimal import Decimal

from ..enums import PositionSide
from .base import BinanceModel


class PositionModeState(BinanceModel):
    dual_side_position: bool


class MultiAssetsModeState(BinanceModel):
    multi_assets_margin: bool


class LeverageChange(BinanceModel):
    leverage: int
    max_notional_value: Decimal
    symbol: str


class PositionMarginChange(BinanceModel):
    """`{"amount": 100.0, "code": 200, "msg": "…", "type": 1}`."""

    amount: Decimal
    code: str
    msg: str
    type: int


class PositionMarginRecord(BinanceModel):
    amount: Decimal
    asset: str
    symbol: str
    time: int
    type: int
    position_side: PositionSide = PositionSide.BOTH
