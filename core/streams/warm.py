"""Build the validators of the shared update models when a stream opens, not on its first event.

The shared types use `defer_build=True` so importing venuekit stays fast; the price is ~5–10 ms on the first
construction of each model, which would otherwise land on a stream's first event.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from ..types import Balance, Fee, Fill, Order, Position
from .updates import (
    BalanceUpdate,
    BookTickerUpdate,
    FillUpdate,
    MarkPriceUpdate,
    OrderBookUpdate,
    OrderUpdate,
    PositionUpdate,
    StreamStatus,
    TradeUpdate,
)

ACCOUNT_MODELS: tuple[type[BaseModel], ...] = (
    StreamStatus, OrderUpdate, Order, FillUpdate, Fill, Fee, PositionUpdate, Position, BalanceUpdate, Balance,
)
MARKET_MODELS: tuple[type[BaseModel], ...] = (StreamStatus, MarkPriceUpdate, BookTickerUpdate, TradeUpdate)
BOOK_MODELS: tuple[type[BaseModel], ...] = (StreamStatus, OrderBookUpdate)

_built: set[type[BaseModel]] = set()


def build_models(models: Iterable[type[BaseModel]]) -> None:
    """Build each model's validator once per process (idempotent, cheap once done)."""
    for model in models:
        if model not in _built:
            model.model_rebuild(force=True)
            _built.add(model)
