"""CrossEx endpoint groups; `ENDPOINTS` lists every endpoint this package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from venuekit.core.lazy import lazy_endpoints

if TYPE_CHECKING:
    from venuekit.core.endpoint import Endpoint

    from .account import AccountApi
    from .convert import ConvertApi
    from .margin import MarginApi
    from .market import MarketApi
    from .orders import OrdersApi
    from .positions import PositionsApi
    from .transfers import TransfersApi

    ENDPOINTS: tuple[Endpoint[Any], ...]

#: The group modules, in the order their endpoints appear in `ENDPOINTS`.
_GROUPS = ("market", "transfers", "orders", "convert", "account", "positions", "margin")
_EXPORTS: dict[str, str] = {
    "AccountApi": ".account",
    "ConvertApi": ".convert",
    "MarginApi": ".margin",
    "MarketApi": ".market",
    "OrdersApi": ".orders",
    "PositionsApi": ".positions",
    "TransfersApi": ".transfers",
}


__getattr__, __dir__ = lazy_endpoints(__name__, _GROUPS, _EXPORTS)


__all__ = [
    "ENDPOINTS",
    "AccountApi",
    "ConvertApi",
    "MarginApi",
    "MarketApi",
    "OrdersApi",
    "PositionsApi",
    "TransfersApi",
]
