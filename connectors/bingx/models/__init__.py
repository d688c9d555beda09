"""Typed BingX response models, one module per endpoint group."""

from .common import Ack, BingXModel, Page
from .market import BookTicker, Contract, FundingRateRecord, LastPrice, PremiumIndex, ServerTime, SwapTicker
from .swap_account import CommissionRate, IncomeRecord, SwapBalance, SwapPosition
from .swap_trade import FillHistoryEntry, FillOrder, SwapOrder, TpSl
from .user_stream import ListenKey, ListenKeyAck

__all__ = [
    "Ack",
    "BingXModel",
    "BookTicker",
    "CommissionRate",
    "Contract",
    "FillHistoryEntry",
    "FillOrder",
    "FundingRateRecord",
    "IncomeRecord",
    "LastPrice",
    "ListenKey",
    "ListenKeyAck",
    "Page",
    "PremiumIndex",
    "ServerTime",
    "SwapBalance",
    "SwapOrder",
    "SwapPosition",
    "SwapTicker",
    "TpSl",
]
