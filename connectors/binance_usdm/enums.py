"""Binance USDⓈ-M wire enums and their mapping to the unified enums."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Final

from venuekit.core.types.enums import (
    MarginMode,
    OrderStatus,
    PositionMode,
    Side,
    TimeInForce,
)
from venuekit.core.types.enums import OrderType as UOrderType
from venuekit.core.types.enums import PositionSide as UPositionSide


class OrderSide(StrEnum):
    BUY = "BUY"
    SELL = "SELL"


class PositionSide(StrEnum):
    BOTH = "BOTH"
    LONG = "LONG"
    SHORT = "SHORT"


class OrderType(StrEnum):
    LIMIT = "LIMIT"
    MARKET = "MARKET"
    STOP = "STOP"
    STOP_MARKET = "STOP_MARKET"
    TAKE_PROFIT = "TAKE_PROFIT"
    TAKE_PROFIT_MARKET = "TAKE_PROFIT_MARKET"
    TRAILING_STOP_MARKET = "TRAILING_STOP_MARKET"


class TIF(StrEnum):
    """`GTX` is Binance's post-only (Good Till Crossing)."""

    GTC = "GTC"
    IOC = "IOC"
    FOK = "FOK"
    GTX = "GTX"
    GTD = "GTD"


class WorkingType(StrEnum):
    MARK_PRICE = "MARK_PRICE"
    CONTRACT_PRICE = "CONTRACT_PRICE"


class NewOrderRespType(StrEnum):
    ACK = "ACK"
    RESULT = "RESULT"


class WireOrderStatus(StrEnum):
    NEW = "NEW"
    PARTIALLY_FILLED = "PARTIALLY_FILLED"
    FILLED = "FILLED"
    CANCELED = "CANCELED"
    REJECTED = "REJECTED"
    EXPIRED = "EXPIRED"
    EXPIRED_IN_MATCH = "EXPIRED_IN_MATCH"


class MarginType(StrEnum):
    """Request spelling; responses use lower-case `isolated` / `cross`."""

    ISOLATED = "ISOLATED"
    CROSSED = "CROSSED"


class PositionMarginType(IntEnum):
    ADD = 1
    REDUCE = 2


class IncomeType(StrEnum):
    TRANSFER = "TRANSFER"
    WELCOME_BONUS = "WELCOME_BONUS"
    REALIZED_PNL = "REALIZED_PNL"
    FUNDING_FEE = "FUNDING_FEE"
    COMMISSION = "COMMISSION"
    INSURANCE_CLEAR = "INSURANCE_CLEAR"
    MARKET_MERCHANT_RETURN_REWARD = "MARKET_MERCHANT_RETURN_REWARD"


class AutoCloseType(StrEnum):
    LIQUIDATION = "LIQUIDATION"
    ADL = "ADL"


class AlgoType(StrEnum):
    CONDITIONAL = "CONDITIONAL"


SIDE_TO_WIRE: Final = {Side.BUY: OrderSide.BUY, Side.SELL: OrderSide.SELL}
SIDE_FROM_WIRE: Final = {v: k for k, v in SIDE_TO_WIRE.items()}

POSITION_SIDE_TO_WIRE: Final = {
    UPositionSide.BOTH: PositionSide.BOTH,
    UPositionSide.LONG: PositionSide.LONG,
    UPositionSide.SHORT: PositionSide.SHORT,
}
POSITION_SIDE_FROM_WIRE: Final = {v: k for k, v in POSITION_SIDE_TO_WIRE.items()}

ORDER_TYPE_TO_WIRE: Final = {u: OrderType[u.name] for u in UOrderType}
ORDER_TYPE_FROM_WIRE: Final[dict[str, UOrderType]] = {w.value: u for u, w in ORDER_TYPE_TO_WIRE.items()}

TIF_TO_WIRE: Final = {
    TimeInForce.GTC: TIF.GTC,
    TimeInForce.IOC: TIF.IOC,
    TimeInForce.FOK: TIF.FOK,
    TimeInForce.POST_ONLY: TIF.GTX,
}
TIF_FROM_WIRE: Final[dict[str, TimeInForce]] = {w.value: u for u, w in TIF_TO_WIRE.items()} | {"GTD": TimeInForce.GTC}

STATUS_FROM_WIRE: Final[dict[str, OrderStatus]] = {
    "NEW": OrderStatus.OPEN,
    "PARTIALLY_FILLED": OrderStatus.OPEN,
    "FILLED": OrderStatus.CLOSED,
    "CANCELED": OrderStatus.CANCELED,
    "REJECTED": OrderStatus.REJECTED,
    "EXPIRED": OrderStatus.EXPIRED,
    "EXPIRED_IN_MATCH": OrderStatus.EXPIRED,
}

MARGIN_MODE_TO_WIRE: Final = {MarginMode.CROSS: MarginType.CROSSED, MarginMode.ISOLATED: MarginType.ISOLATED}
MARGIN_MODE_FROM_WIRE: Final[dict[str, MarginMode]] = {
    "cross": MarginMode.CROSS,
    "crossed": MarginMode.CROSS,
    "isolated": MarginMode.ISOLATED,
}

POSITION_MODE_TO_DUAL: Final = {PositionMode.HEDGE: True, PositionMode.ONE_WAY: False}
