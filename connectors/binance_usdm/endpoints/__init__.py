"""Binance USDⓈ-M endpoint groups; `ENDPOINTS` lists every endpoint the package implements."""

from __future__ import annotations

from typing import Any, Final

from venuekit.core.endpoint import Endpoint

from . import account, algo, config, market, orders, stream, trade
from .account import AccountApi
from .algo import AlgoApi
from .config import ConfigApi
from .market import MarketApi
from .order_params import NewOrder
from .orders import OrdersApi
from .stream import StreamApi
from .trade import TradeApi

#: The 27 seed endpoints plus the public, listen-key, v2/v3 account and algo-order extras.
ENDPOINTS: Final[tuple[Endpoint[Any], ...]] = (
    *market.ENDPOINTS,
    *trade.ENDPOINTS,
    *orders.ENDPOINTS,
    *account.ENDPOINTS,
    *config.ENDPOINTS,
    *stream.ENDPOINTS,
    *algo.ENDPOINTS,
)

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
