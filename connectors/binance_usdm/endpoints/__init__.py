"""Binance USDⓈ-M endpoint groups; `ENDPOINTS` lists every endpoint the package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from venuekit.core.endpoint import Endpoint

    from .account import AccountApi
    from .algo import AlgoApi
    from .config import ConfigApi
    from .market import MarketApi
    from .order_params import NewOrder
    from .orders import OrdersApi
    from .stream import StreamApi
    from .trade import TradeApi

    #: The 27 seed endpoints plus the public, listen-key, v2/v3 account and algo-order extras.
    ENDPOINTS: tuple[Endpoint[Any], ...]

#: The group modules, in the order their endpoints appear in `ENDPOINTS`.
_GROUPS = ("market", "trade", "orders", "account", "config", "stream", "algo")
_EXPORTS: dict[str, str] = {
    "AccountApi": ".account",
    "AlgoApi": ".algo",
    "ConfigApi": ".config",
    "MarketApi": ".market",
    "NewOrder": ".order_params",
    "OrdersApi": ".orders",
    "StreamApi": ".stream",
    "TradeApi": ".trade",
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
    "AccountApi",
    "AlgoApi",
    "ConfigApi",
    "MarketApi",
    "NewOrder",
    "OrdersApi",
    "StreamApi",
    "TradeApi",
]
