"""Binance USDⓈ-M futures: unified `BinanceUSDM`, raw `BinanceUSDMClient`, environments."""

from .client import BinanceUSDMClient
from .config import BASE_URLS, VENUE, Environment
from .endpoints import ENDPOINTS, NewOrder
from .unified import BinanceUSDM

__all__ = ["BASE_URLS", "ENDPOINTS", "VENUE", "BinanceUSDM", "BinanceUSDMClient", "Environment", "NewOrder"]
