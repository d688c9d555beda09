"""BingX USDT-M perpetual swap (plus spot/fund account): raw client, unified venue, environments."""

from .client import BingXClient
from .config import BASE_URLS, Environment
from .endpoints import ENDPOINTS, CancelReplace, NewOrder, TpSlSpec
from .unified import BingX

__all__ = [
    "BASE_URLS",
    "ENDPOINTS",
    "BingX",
    "BingXClient",
    "CancelReplace",
    "Environment",
    "NewOrder",
    "TpSlSpec",
]
