"""Gate CrossEx: one Gate account trading on several exchanges (Binance, OKX, Gate, …) over APIv4."""

from .client import GateCrossExClient
from .config import VENUE, Environment
from .enums import AccountMode, ClosePositionMethod
from .unified import GateCrossEx

__all__ = ["VENUE", "AccountMode", "ClosePositionMethod", "Environment", "GateCrossEx", "GateCrossExClient"]
