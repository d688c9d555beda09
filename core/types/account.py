"""Positions, balances and account-level records in venue-neutral form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from .base import FrozenModel
from .enums import MarginMode, PositionSide, Side


class Position(FrozenModel):
    """An open position; `size` is positive, direction is in `side`."""

    venue: str
    symbol: str
    side: Side
    position_side: PositionSide = PositionSide.BOTH
    size: Decimal
    entry_price: Decimal | None = None
    mark_price: Decimal | None = None
    unrealized_pnl: Decimal | None = None
    realized_pnl: Decimal | None = None
    leverage: Decimal | None = None
    margin_mode: MarginMode | None = None
    margin: Decimal | None = None
    liquidation_price: Decimal | None = None
    notional: Decimal | None = None
    updated_at: int | None = None
    raw: Any = Field(default=None, repr=False, exclude=True)


class Balance(FrozenModel):
    """One asset of one account: `total = free + used`."""

    venue: str
    asset: str
    total: Decimal
    free: Decimal
    used: Decimal
    unrealized_pnl: Decimal | None = None
    raw: Any = Field(default=None, repr=False, exclude=True)


class Leverage(FrozenModel):
    venue: str
    symbol: str
    long: Decimal | None = None
    short: Decimal | None = None
    margin_mode: MarginMode | None = None


class IncomeEntry(FrozenModel):
    """A ledger entry: funding, realised PnL, commission, transfer…, `type` in the venue's words."""

    venue: str
    id: str | None = None
    symbol: str | None = None
    type: str
    amount: Decimal
    asset: str
    timestamp: int
    info: str | None = None
    raw: Any = Field(default=None, repr=False, exclude=True)


class FundingRate(FrozenModel):
    venue: str
    symbol: str
    rate: Decimal
    mark_price: Decimal | None = None
    index_price: Decimal | None = None
    next_funding_time: int | None = None
    timestamp: int | None = None


class Ticker(FrozenModel):
    venue: str
    symbol: str
    last: Decimal | None = None
    bid: Decimal | None = None
    ask: Decimal | None = None
    mark: Decimal | None = None
    timestamp: int | None = None


class Commission(FrozenModel):
    venue: str
    symbol: str | None = None
    maker: Decimal
    taker: Decimal
