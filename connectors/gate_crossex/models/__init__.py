"""Pydantic response models of the CrossEx API, one module per endpoint group."""

from .account import Account, AccountAsset, AccountBookEntry, AccountUpdate, FeeRates, FeeRatesList, SpecialFee
from .convert import ConvertQuote, ConvertResult
from .margin import CoinDiscountRate, HistoricalMarginPosition, InterestRate, MarginInterest, MarginPosition
from .market import FundingInfo, MarketTicker, RiskLimit, RiskLimitTier, ServerTime, Symbol
from .orders import BatchCancelResult, CrossexOrder, CrossexTrade, OrderAction
from .positions import AdlRank, HistoricalPosition, LeverageAccepted, Position, SymbolLeverage
from .transfers import TransferCoin, TransferRecord, TransferResult

__all__ = [
    "Account",
    "AccountAsset",
    "AccountBookEntry",
    "AccountUpdate",
    "AdlRank",
    "BatchCancelResult",
    "CoinDiscountRate",
    "ConvertQuote",
    "ConvertResult",
    "CrossexOrder",
    "CrossexTrade",
    "FeeRates",
    "FeeRatesList",
    "FundingInfo",
    "HistoricalMarginPosition",
    "HistoricalPosition",
    "InterestRate",
    "LeverageAccepted",
    "MarginInterest",
    "MarginPosition",
    "MarketTicker",
    "OrderAction",
    "Position",
    "RiskLimit",
    "RiskLimitTier",
    "ServerTime",
    "SpecialFee",
    "Symbol",
    "SymbolLeverage",
    "TransferCoin",
    "TransferRecord",
    "TransferResult",
]
