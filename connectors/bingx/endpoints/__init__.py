"""BingX endpoint groups; `ENDPOINTS` lists every `Endpoint` the package implements."""

from __future__ import annotations

from typing import Any, Final

from venuekit.core.endpoint import Endpoint

from . import market, spot_fund, swap_account, swap_trade, user_stream
from .market import MarketApi
from .specs import CancelReplace, NewOrder, OrderFields, TpSlSpec
from .spot_fund import SpotFundApi
from .swap_account import SwapAccountApi
from .swap_trade import SwapTradeApi
from .user_stream import UserStreamApi

ENDPOINTS: Final[tuple[Endpoint[Any], ...]] = (
    *market.ENDPOINTS,
    *swap_trade.ENDPOINTS,
    *swap_account.ENDPOINTS,
    *spot_fund.ENDPOINTS,
    *user_stream.ENDPOINTS,
)

__all__ = [
    "ENDPOINTS",
    "CancelReplace",
    "MarketApi",
    "NewOrder",
    "OrderFields",
    "SpotFundApi",
    "SwapAccountApi",
    "SwapTradeApi",
    "TpSlSpec",
    "UserStreamApi",
]
