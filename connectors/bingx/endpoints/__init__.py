"""BingX endpoint groups; `ENDPOINTS` lists every `Endpoint` the package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from venuekit.core.lazy import lazy_endpoints

if TYPE_CHECKING:
    from venuekit.core.endpoint import Endpoint

    from .market import MarketApi
    from .specs import CancelReplace, NewOrder, OrderFields, TpSlSpec
    from .spot_fund import SpotFundApi
    from .swap_account import SwapAccountApi
    from .swap_trade import SwapTradeApi
    from .user_stream import UserStreamApi

    ENDPOINTS: tuple[Endpoint[Any], ...]

#: The group modules, in the order their endpoints appear in `ENDPOINTS`.
_GROUPS = ("market", "swap_trade", "swap_account", "spot_fund", "user_stream")
_EXPORTS: dict[str, str] = {
    "CancelReplace": ".specs",
    "MarketApi": ".market",
    "NewOrder": ".specs",
    "OrderFields": ".specs",
    "SpotFundApi": ".spot_fund",
    "SwapAccountApi": ".swap_account",
    "SwapTradeApi": ".swap_trade",
    "TpSlSpec": ".specs",
    "UserStreamApi": ".user_stream",
}


__getattr__, __dir__ = lazy_endpoints(__name__, _GROUPS, _EXPORTS)


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
