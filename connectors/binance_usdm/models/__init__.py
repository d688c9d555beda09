"""Binance USDⓈ-M response models, one module per endpoint group."""

from .account import (
    AccountAsset,
    AccountInfo,
    AccountInfoV3,
    AccountPosition,
    AdlQuantile,
    BalanceEntry,
    Bracket,
    CommissionRate,
    IncomeRecord,
    PositionRisk,
    SymbolAdl,
    SymbolBrackets,
)
from .algo import AlgoCancel, AlgoOrder
from .base import BinanceModel, CodeMsg, Empty
from .config import (
    LeverageChange,
    MultiAssetsModeState,
    PositionMarginChange,
    PositionMarginRecord,
    PositionModeState,
)
from .market import (
    ExchangeInfo,
    ExchangeSymbol,
    OrderBook,
    PremiumIndex,
    RateLimit,
    ServerTime,
    SymbolFilter,
    TickerPrice,
)
from .orders import BatchError, BatchItem, CountdownCancelAll, OrderResponse, UserTrade
from .stream import ListenKey, ListenKeyKeepAlive

__all__ = [
    "AccountAsset",
    "AccountInfo",
    "AccountInfoV3",
    "AccountPosition",
    "AdlQuantile",
    "AlgoCancel",
    "AlgoOrder",
    "BalanceEntry",
    "BatchError",
    "BatchItem",
    "BinanceModel",
    "Bracket",
    "CodeMsg",
    "CommissionRate",
    "CountdownCancelAll",
    "Empty",
    "ExchangeInfo",
    "ExchangeSymbol",
    "IncomeRecord",
    "LeverageChange",
    "ListenKey",
    "ListenKeyKeepAlive",
    "MultiAssetsModeState",
    "OrderBook",
    "OrderResponse",
    "PositionMarginChange",
    "PositionMarginRecord",
    "PositionModeState",
    "PositionRisk",
    "PremiumIndex",
    "RateLimit",
    "ServerTime",
    "SymbolAdl",
    "SymbolBrackets",
    "SymbolFilter",
    "TickerPrice",
    "UserTrade",
]
