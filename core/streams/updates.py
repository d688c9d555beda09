"""Venue-neutral stream events: user data, market data and the stream's own lifecycle."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import Field

from ..types import Balance, Fill, FrozenModel, Order, Position, Side

Level = tuple[Decimal, Decimal]


class ExecType(StrEnum):
    """Why an order update was sent (Binance/BingX `x`; other venues map onto these)."""

    NEW = "new"
    TRADE = "trade"
    CANCELED = "canceled"
    EXPIRED = "expired"
    AMENDMENT = "amendment"
    TRIGGERED = "triggered"
    CALCULATED = "calculated"
    REJECTED = "rejected"
    SNAPSHOT = "snapshot"
    """State read over REST by reconciliation, not a pushed execution."""


class OrderUpdate(FrozenModel):
    """The order's state after this execution; `fill` is set when the execution was a trade."""

    venue: str
    order: Order
    exec_type: ExecType
    fill: Fill | None = None
    timestamp: int
    replayed: bool = False
    """True when reconciliation over REST produced it (the push was missed)."""


class FillUpdate(FrozenModel):
    """One execution of one of the account's orders; each fill id is delivered once."""

    venue: str
    fill: Fill
    timestamp: int
    replayed: bool = False


class PositionUpdate(FrozenModel):
    """A position leg after a change; `position.size == 0` means the leg is now flat."""

    venue: str
    position: Position
    reason: str | None = None
    timestamp: int
    replayed: bool = False
    version: int | None = None
    """The venue's time (or sequence) of this state when it says (a push's event time, a REST row's update
    time): an update older than the last one delivered for the leg is a late push and is withheld."""


class BalanceUpdate(FrozenModel):
    """A wallet balance after a change; `change` is the venue's delta when it reports one."""

    venue: str
    asset: str
    wallet_balance: Decimal
    cross_wallet_balance: Decimal | None = None
    available: Decimal | None = None
    change: Decimal | None = None
    reason: str | None = None
    timestamp: int
    replayed: bool = False
    version: int | None = None
    """As `PositionUpdate.version`, per asset; None when the venue gives no time for this state."""
    raw: Any = Field(default=None, repr=False, exclude=True)

    @classmethod
    def from_balance(cls, balance: Balance, timestamp: int, *, replayed: bool = True) -> BalanceUpdate:
        return cls(venue=balance.venue, asset=balance.asset, wallet_balance=balance.total, available=balance.free,
                   timestamp=timestamp, replayed=replayed, raw=balance.raw)


class MarkPriceUpdate(FrozenModel):
    venue: str
    symbol: str
    mark_price: Decimal
    index_price: Decimal | None = None
    funding_rate: Decimal | None = None
    next_funding_time: int | None = None
    timestamp: int


class BookTickerUpdate(FrozenModel):
    venue: str
    symbol: str
    bid_price: Decimal
    bid_amount: Decimal
    ask_price: Decimal
    ask_amount: Decimal
    update_id: int | None = None
    timestamp: int


class TradeUpdate(FrozenModel):
    """A public trade; `side` is the taker's side."""

    venue: str
    symbol: str
    id: str
    price: Decimal
    amount: Decimal
    side: Side
    timestamp: int


class OrderBookUpdate(FrozenModel):
    """A consistent local book after applying updates up to `sequence`: best levels first, top `depth`."""

    venue: str
    symbol: str
    bids: tuple[Level, ...]
    asks: tuple[Level, ...]
    sequence: int | None = None
    timestamp: int


class StreamState(StrEnum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    RESYNCED = "resynced"
    GAP = "gap"
    CLOSED = "closed"


class StreamStatus(FrozenModel):
    """Lifecycle event delivered in-band so a consumer knows when its view may have been stale."""

    venue: str
    stream: str
    state: StreamState
    detail: str = ""
    attempt: int = 0
    timestamp: int


AccountUpdate = OrderUpdate | FillUpdate | PositionUpdate | BalanceUpdate
MarketUpdate = MarkPriceUpdate | BookTickerUpdate | TradeUpdate | OrderBookUpdate
