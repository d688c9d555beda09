"""BingX's own spellings (StrEnum) and their mapping to the unified enums."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Final

from venuekit.core.types import enums as u


class OrderSide(StrEnum):
    BUY = "BUY"
    SELL = "SELL"


class PositionSide(StrEnum):
    """`BOTH` in one-way mode; `LONG`/`SHORT` in hedge (dual-side) mode."""

    LONG = "LONG"
    SHORT = "SHORT"
    BOTH = "BOTH"


class OrderType(StrEnum):
    LIMIT = "LIMIT"
    MARKET = "MARKET"
    STOP_MARKET = "STOP_MARKET"
    TAKE_PROFIT_MARKET = "TAKE_PROFIT_MARKET"
    STOP = "STOP"
    TAKE_PROFIT = "TAKE_PROFIT"
    TRIGGER_LIMIT = "TRIGGER_LIMIT"
    TRIGGER_MARKET = "TRIGGER_MARKET"
    TRAILING_STOP_MARKET = "TRAILING_STOP_MARKET"
    TRAILING_TP_SL = "TRAILING_TP_SL"


class WorkingType(StrEnum):
    MARK_PRICE = "MARK_PRICE"
    CONTRACT_PRICE = "CONTRACT_PRICE"
    INDEX_PRICE = "INDEX_PRICE"


class TimeInForce(StrEnum):
    GTC = "GTC"
    IOC = "IOC"
    FOK = "FOK"
    POST_ONLY = "PostOnly"


class OrderStatus(StrEnum):
    NEW = "NEW"
    PENDING = "PENDING"
    PARTIALLY_FILLED = "PARTIALLY_FILLED"
    FILLED = "FILLED"
    CANCELLED = "CANCELLED"
    CANCELED = "CANCELED"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"
    RUNNING = "RUNNING"


class MarginType(StrEnum):
    ISOLATED = "ISOLATED"
    CROSSED = "CROSSED"


class MarginAdjustType(IntEnum):
    """`type` of positionMargin: 1 adds isolated margin, 2 removes it."""

    ADD = 1
    REDUCE = 2


class TradingUnit(StrEnum):
    COIN = "COIN"
    CONT = "CONT"


class CancelReplaceMode(StrEnum):
    STOP_ON_FAILURE = "STOP_ON_FAILURE"
    ALLOW_FAILURE = "ALLOW_FAILURE"


class CancelRestriction(StrEnum):
    ONLY_NEW = "ONLY_NEW"
    ONLY_PENDING = "ONLY_PENDING"
    ONLY_PARTIALLY_FILLED = "ONLY_PARTIALLY_FILLED"


class CancelAllAfterType(StrEnum):
    ACTIVATE = "ACTIVATE"
    CLOSE = "CLOSE"


class AutoCloseType(StrEnum):
    LIQUIDATION = "LIQUIDATION"
    ADL = "ADL"


class IncomeType(StrEnum):
    TRANSFER = "TRANSFER"
    REALIZED_PNL = "REALIZED_PNL"
    FUNDING_FEE = "FUNDING_FEE"
    TRADING_FEE = "TRADING_FEE"
    INSURANCE_CLEAR = "INSURANCE_CLEAR"
    TRIAL_FUND = "TRIAL_FUND"
    ADL = "ADL"
    SYSTEM_DEDUCTION = "SYSTEM_DEDUCTION"


class MarginCurrency(StrEnum):
    USDT = "USDT"
    USDC = "USDC"


class AssetMode(StrEnum):
    SINGLE_ASSET = "singleAssetMode"
    MULTI_ASSETS = "multiAssetsMode"


class TwapPriceType(StrEnum):
    CONSTANT = "constant"
    PERCENTAGE = "percentage"


class ReverseType(StrEnum):
    REVERSE = "Reverse"
    TRIGGER_REVERSE = "TriggerReverse"


class TransferType(StrEnum):
    """Directions of `POST /openApi/api/asset/v1/transfer` (seed 003) and the v3 record query."""

    FUND_SFUTURES = "FUND_SFUTURES"
    SFUTURES_FUND = "SFUTURES_FUND"
    FUND_PFUTURES = "FUND_PFUTURES"
    PFUTURES_FUND = "PFUTURES_FUND"
    SFUTURES_PFUTURES = "SFUTURES_PFUTURES"
    PFUTURES_SFUTURES = "PFUTURES_SFUTURES"


class AccountName(StrEnum):
    """`fromAccount`/`toAccount` of the newer transfer form and of transferRecord / supportCoins."""

    FUND = "fund"
    SPOT = "spot"
    STD_FUTURES = "stdFutures"
    COIN_M_PERP = "coinMPerp"
    USDT_M_PERP = "USDTMPerp"


class AccountType(StrEnum):
    """`accountType` of the asset overview (spellings as documented, including `sopt` and `eran`)."""

    SPOT = "sopt"
    STD_FUTURES = "stdFutures"
    COIN_M_PERP = "coinMPerp"
    USDT_M_PERP = "USDTMPerp"
    COPY_TRADING = "copyTrading"
    GRID = "grid"
    EARN = "eran"
    C2C = "c2c"


class UserAccountType(IntEnum):
    UID = 1
    PHONE = 2
    EMAIL = 3


class WalletType(IntEnum):
    FUND = 1
    STANDARD_FUTURES = 2
    PERPETUAL_FUTURES = 3


SIDE_TO_UNIFIED: Final = {OrderSide.BUY: u.Side.BUY, OrderSide.SELL: u.Side.SELL}
SIDE_FROM_UNIFIED: Final = {v: k for k, v in SIDE_TO_UNIFIED.items()}

POSITION_SIDE_TO_UNIFIED: Final = {
    PositionSide.LONG: u.PositionSide.LONG,
    PositionSide.SHORT: u.PositionSide.SHORT,
    PositionSide.BOTH: u.PositionSide.BOTH,
}
POSITION_SIDE_FROM_UNIFIED: Final = {v: k for k, v in POSITION_SIDE_TO_UNIFIED.items()}

ORDER_TYPE_FROM_UNIFIED: Final = {
    u.OrderType.LIMIT: OrderType.LIMIT,
    u.OrderType.MARKET: OrderType.MARKET,
    u.OrderType.STOP: OrderType.STOP,
    u.OrderType.STOP_MARKET: OrderType.STOP_MARKET,
    u.OrderType.TAKE_PROFIT: OrderType.TAKE_PROFIT,
    u.OrderType.TAKE_PROFIT_MARKET: OrderType.TAKE_PROFIT_MARKET,
    u.OrderType.TRAILING_STOP_MARKET: OrderType.TRAILING_STOP_MARKET,
}
ORDER_TYPE_TO_UNIFIED: Final = {
    **{v: k for k, v in ORDER_TYPE_FROM_UNIFIED.items()},
    OrderType.TRIGGER_LIMIT: u.OrderType.STOP,
    OrderType.TRIGGER_MARKET: u.OrderType.STOP_MARKET,
    OrderType.TRAILING_TP_SL: u.OrderType.TRAILING_STOP_MARKET,
}

TIF_FROM_UNIFIED: Final = {
    u.TimeInForce.GTC: TimeInForce.GTC,
    u.TimeInForce.IOC: TimeInForce.IOC,
    u.TimeInForce.FOK: TimeInForce.FOK,
    u.TimeInForce.POST_ONLY: TimeInForce.POST_ONLY,
}
TIF_TO_UNIFIED: Final = {v: k for k, v in TIF_FROM_UNIFIED.items()}

STATUS_TO_UNIFIED: Final = {
    OrderStatus.NEW: u.OrderStatus.OPEN,
    OrderStatus.PENDING: u.OrderStatus.OPEN,
    OrderStatus.PARTIALLY_FILLED: u.OrderStatus.OPEN,
    OrderStatus.RUNNING: u.OrderStatus.OPEN,
    OrderStatus.FILLED: u.OrderStatus.CLOSED,
    OrderStatus.CANCELLED: u.OrderStatus.CANCELED,
    OrderStatus.CANCELED: u.OrderStatus.CANCELED,
    OrderStatus.FAILED: u.OrderStatus.REJECTED,
    OrderStatus.EXPIRED: u.OrderStatus.EXPIRED,
}

MARGIN_TO_UNIFIED: Final = {MarginType.ISOLATED: u.MarginMode.ISOLATED, MarginType.CROSSED: u.MarginMode.CROSS}
MARGIN_FROM_UNIFIED: Final = {v: k for k, v in MARGIN_TO_UNIFIED.items()}
