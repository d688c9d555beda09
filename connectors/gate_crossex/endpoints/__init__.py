"""CrossEx endpoint groups; `ENDPOINTS` lists every endpoint this package implements.

Names load on first access (PEP 562), so the raw client imports a group, and its models, only when it is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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
    "ConvertApi",
    "MarginApi",
    "MarketApi",
    "OrdersApi",
    "PositionsApi",
    "TransfersApi",
]
