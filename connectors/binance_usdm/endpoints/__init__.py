"""Binance USDⓈ-M endpoint groups; `ENDPOINTS` lists every endpoint the package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from venuekit.core.lazy import lazy_endpoints

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


__getattr__, __dir__ = lazy_endpoints(__name__, _GROUPS, _EXPORTS)


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
