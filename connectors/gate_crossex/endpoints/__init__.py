"""CrossEx endpoint groups; `ENDPOINTS` lists every endpoint this package implements."""

from __future__ import annotations

from typing import Any

from venuekit.core.endpoint import Endpoint

from . import account, convert, margin, market, orders, positions, transfers
from .account import AccountApi
from .convert import ConvertApi
from .margin import MarginApi
from .market import MarketApi
from .orders import OrdersApi
from .positions import PositionsApi
from .transfers import TransfersApi

ENDPOINTS: tuple[Endpoint[Any], ...] = (
    *market.ENDPOINTS,
    *transfers.ENDPOINTS,
    *orders.ENDPOINTS,
    *convert.ENDPOINTS,
    *account.ENDPOINTS,
    *positions.ENDPOINTS,
    *margin.ENDPOINTS,
)

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
