"""Venue-neutral enums of the unified layer; each venue maps its own spellings onto these."""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"

    @property
    def opposite(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


class PositionSide(StrEnum):
    """`BOTH` is one-way mode; `LONG`/`SHORT` are the two legs of hedge mode."""

    BOTH = "both"
    LONG = "long"
    SHORT = "short"


class OrderType(StrEnum):
    LIMIT = "limit"
    MARKET = "market"
    STOP = "stop"
    STOP_MARKET = "stop_market"
    TAKE_PROFIT = "take_profit"
    TAKE_PROFIT_MARKET = "take_profit_market"
    TRAILING_STOP_MARKET = "trailing_stop_market"


class TimeInForce(StrEnum):
    GTC = "GTC"
    IOC = "IOC"
    FOK = "FOK"
    POST_ONLY = "PO"


class OrderStatus(StrEnum):
    """Lifecycle in ccxt-compatible words: `open` covers new and partially filled."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELED = "canceled"
    EXPIRED = "expired"
    REJECTED = "rejected"

    @property
    def is_final(self) -> bool:
        return self is not OrderStatus.OPEN


class MarginMode(StrEnum):
    CROSS = "cross"
    ISOLATED = "isolated"


class PositionMode(StrEnum):
    ONE_WAY = "one_way"
    HEDGE = "hedge"


class InstrumentStatus(StrEnum):
    TRADING = "trading"
    HALTED = "halted"
    CLOSED = "closed"


class InstrumentKind(StrEnum):
    SPOT = "spot"
    SWAP = "swap"
    FUTURE = "future"
    MARGIN = "margin"


class LiquidityRole(StrEnum):
    MAKER = "maker"
    TAKER = "taker"
