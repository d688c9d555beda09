"""CrossEx wire enums and their mapping to the unified enums; exchanges are data, never an enum."""

from __future__ import annotations

from enum import StrEnum

from venuekit.core.types import (
    InstrumentKind,
    InstrumentStatus,
    LiquidityRole,
    OrderStatus,
    OrderType,
    PositionMode,
    PositionSide,
    Side,
    TimeInForce,
)


class GateSide(StrEnum):
    BUY = "BUY"
    SELL = "SELL"


class GateOrderType(StrEnum):
    LIMIT = "LIMIT"
    MARKET = "MARKET"


class GateTimeInForce(StrEnum):
    GTC = "GTC"
    IOC = "IOC"
    FOK = "FOK"
    POC = "POC"


class GatePositionSide(StrEnum):
    NONE = "NONE"
    LONG = "LONG"
    SHORT = "SHORT"


class BusinessType(StrEnum):
    SPOT = "SPOT"
    FUTURE = "FUTURE"
    MARGIN = "MARGIN"


class GatePositionMode(StrEnum):
    SINGLE = "SINGLE"
    DUAL = "DUAL"


class AccountMode(StrEnum):
    CROSS_EXCHANGE = "CROSS_EXCHANGE"
    ISOLATED_EXCHANGE = "ISOLATED_EXCHANGE"


class ClosePositionMethod(StrEnum):
    """Full close: `DELETE` in the v1.0.0 document, `POST` in the current SDK (>= 7.2.32)."""

    DELETE = "DELETE"
    POST = "POST"


SIDE_TO_GATE = {Side.BUY: GateSide.BUY, Side.SELL: GateSide.SELL}
SIDE_FROM_GATE = {"BUY": Side.BUY, "SELL": Side.SELL}

TIF_TO_GATE = {
    TimeInForce.GTC: GateTimeInForce.GTC,
    TimeInForce.IOC: GateTimeInForce.IOC,
    TimeInForce.FOK: GateTimeInForce.FOK,
    TimeInForce.POST_ONLY: GateTimeInForce.POC,
}
TIF_FROM_GATE = {"GTC": TimeInForce.GTC, "IOC": TimeInForce.IOC, "FOK": TimeInForce.FOK, "POC": TimeInForce.POST_ONLY}

TYPE_FROM_GATE = {"LIMIT": OrderType.LIMIT, "MARKET": OrderType.MARKET}

POSITION_SIDE_TO_GATE = {
    PositionSide.BOTH: GatePositionSide.NONE,
    PositionSide.LONG: GatePositionSide.LONG,
    PositionSide.SHORT: GatePositionSide.SHORT,
}
POSITION_SIDE_FROM_GATE = {
    "NONE": PositionSide.BOTH,
    "BOTH": PositionSide.BOTH,
    "": PositionSide.BOTH,
    "LONG": PositionSide.LONG,
    "SHORT": PositionSide.SHORT,
}

POSITION_MODE_TO_GATE = {PositionMode.ONE_WAY: GatePositionMode.SINGLE, PositionMode.HEDGE: GatePositionMode.DUAL}

KIND_FROM_BUSINESS = {
    "SPOT": InstrumentKind.SPOT,
    "FUTURE": InstrumentKind.SWAP,
    "MARGIN": InstrumentKind.MARGIN,
}

STATE_FROM_GATE = {"live": InstrumentStatus.TRADING, "suspend": InstrumentStatus.HALTED}

ROLE_FROM_GATE = {"MAKER": LiquidityRole.MAKER, "TAKER": LiquidityRole.TAKER}

# The document shows order states only by example (FILLED, PARTIALLY_FILLED, and FAIL in the order push of
# a rejected order); the other final ones below are the usual spellings, CANCELED and CANCELLED accepted.
_FINAL_STATES = {
    "FILLED": OrderStatus.CLOSED,
    "CANCELED": OrderStatus.CANCELED,
    "CANCELLED": OrderStatus.CANCELED,
    "PARTIALLY_CANCELED": OrderStatus.CANCELED,
    "PARTIALLY_CANCELLED": OrderStatus.CANCELED,
    "EXPIRED": OrderStatus.EXPIRED,
    "REJECTED": OrderStatus.REJECTED,
    "FAIL": OrderStatus.REJECTED,
    "FAILED": OrderStatus.REJECTED,
}


def order_status(state: str) -> OrderStatus:
    """Venue order state → unified status; anything not final (NEW, PARTIALLY_FILLED, …) is open."""
    return _FINAL_STATES.get(state.upper(), OrderStatus.OPEN)
