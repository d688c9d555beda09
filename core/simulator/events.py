"""Typed engine events and a synchronous publish/subscribe bus for building streams on top."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..types.enums import Side
from .accounts import PositionView
from .orders import SimFill, SimOrder

_log = logging.getLogger(__name__)


class ExecType(StrEnum):
    """Why an order event was published (Binance's execution type, BingX's order update reason)."""

    NEW = "NEW"
    TRADE = "TRADE"
    CANCELED = "CANCELED"
    EXPIRED = "EXPIRED"
    AMENDMENT = "AMENDMENT"
    TRIGGERED = "TRIGGERED"


@dataclass(frozen=True)
class OrderEvent:
    ts: int
    account_id: str
    order: SimOrder
    exec_type: ExecType
    fill: SimFill | None = None


@dataclass(frozen=True)
class FillEvent:
    ts: int
    account_id: str
    fill: SimFill


@dataclass(frozen=True)
class PositionEvent:
    ts: int
    account_id: str
    position: PositionView
    reason: str


@dataclass(frozen=True)
class BalanceEvent:
    """A wallet balance changed by `change`; `reason` is ORDER, FUNDING_FEE, DEPOSIT, TRANSFER, ..."""

    ts: int
    account_id: str
    wallet: str
    asset: str
    balance: Decimal
    change: Decimal
    reason: str


@dataclass(frozen=True)
class FundingEvent:
    ts: int
    symbol: str
    rate: Decimal
    mark_price: Decimal


@dataclass(frozen=True)
class MarkPriceEvent:
    ts: int
    symbol: str
    mark_price: Decimal
    funding_rate: Decimal
    next_funding_ms: int


@dataclass(frozen=True)
class TradeEvent:
    """A public trade print; `taker_side` is the aggressor."""

    ts: int
    symbol: str
    trade_id: str
    price: Decimal
    quantity: Decimal
    taker_side: Side


@dataclass(frozen=True)
class BookEvent:
    """The book of `symbol` changed; depth streams re-read `Exchange.book`."""

    ts: int
    symbol: str


SimEvent = (
    OrderEvent | FillEvent | PositionEvent | BalanceEvent | FundingEvent | MarkPriceEvent | TradeEvent | BookEvent
)
Subscriber = Callable[[SimEvent], None]


class EventBus:
    """Calls subscribers in order; a failing subscriber is logged and recorded, never breaks the engine."""

    def __init__(self) -> None:
        self._subscribers: list[tuple[Subscriber, tuple[type, ...]]] = []
        self.errors: list[BaseException] = []

    def subscribe(self, callback: Subscriber, *types: type) -> Callable[[], None]:
        """Register `callback` (optionally only for the given event classes); returns an unsubscribe."""
        entry = (callback, types)
        self._subscribers.append(entry)

        def unsubscribe() -> None:
            if entry in self._subscribers:
                self._subscribers.remove(entry)

        return unsubscribe

    def publish(self, event: SimEvent) -> None:
        for callback, types in list(self._subscribers):
            if types and not isinstance(event, types):
                continue
            try:
                callback(event)
            except Exception as exc:
                _log.exception("simulator event subscriber failed")
                self.errors.append(exc)
