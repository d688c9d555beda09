"""BingX endpoint groups; `ENDPOINTS` lists every `Endpoint` the package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    if name == "ENDPOINTS":
        value: Any = tuple(ep for group in _GROUPS for ep in import_module(f".{group}", __name__).ENDPOINTS)
    elif name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), "ENDPOINTS", *_EXPORTS})


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
