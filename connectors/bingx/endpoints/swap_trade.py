"""`client.swap_trade`: the 41 endpoints of the swap trade document (seed 000), from four modules."""

from __future__ import annotations

from typing import Any, Final

from venuekit.core.endpoint import Endpoint

from . import swap_extra, swap_history, swap_orders, swap_positions
from .swap_extra import ExtrasMixin
from .swap_history import HistoryMixin
from .swap_orders import OrdersMixin
from .swap_positions import PositionsMixin

ENDPOINTS: Final[tuple[Endpoint[Any], ...]] = (
    *swap_orders.ENDPOINTS,
    *swap_positions.ENDPOINTS,
    *swap_history.ENDPOINTS,
    *swap_extra.ENDPOINTS,
)


class SwapTradeApi(OrdersMixin, PositionsMixin, HistoryMixin, ExtrasMixin):
    """Orders, settings, positions, history and BingX-only features of the USDT-M perpetual."""
