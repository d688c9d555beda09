"""Binance spellings of engine values: symbols, enums and decimal strings."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from venuekit.core.simulator.instruments import SimInstrument
from venuekit.core.simulator.orders import Lifecycle, SimOrder
from venuekit.core.types.enums import MarginMode, OrderType, PositionSide, Side, TimeInForce

SIDES: Final = {"BUY": Side.BUY, "SELL": Side.SELL}
SIDE_NAMES: Final = {v: k for k, v in SIDES.items()}
POSITION_SIDES: Final = {"BOTH": PositionSide.BOTH, "LONG": PositionSide.LONG, "SHORT": PositionSide.SHORT}
POSITION_SIDE_NAMES: Final = {v: k for k, v in POSITION_SIDES.items()}
ORDER_TYPES: Final = {
    "LIMIT": OrderType.LIMIT,
    "MARKET": OrderType.MARKET,
    "STOP": OrderType.STOP,
    "STOP_MARKET": OrderType.STOP_MARKET,
    "TAKE_PROFIT": OrderType.TAKE_PROFIT,
    "TAKE_PROFIT_MARKET": OrderType.TAKE_PROFIT_MARKET,
    "TRAILING_STOP_MARKET": OrderType.TRAILING_STOP_MARKET,
}
ORDER_TYPE_NAMES: Final = {v: k for k, v in ORDER_TYPES.items()}
TIME_IN_FORCE: Final = {
    "GTC": TimeInForce.GTC,
    "IOC": TimeInForce.IOC,
    "FOK": TimeInForce.FOK,
    "GTX": TimeInForce.POST_ONLY,
    "GTD": TimeInForce.GTC,
}
TIME_IN_FORCE_NAMES: Final = {
    TimeInForce.GTC: "GTC",
    TimeInForce.IOC: "IOC",
    TimeInForce.FOK: "FOK",
    TimeInForce.POST_ONLY: "GTX",
}
STATUS_NAMES: Final = {
    Lifecycle.NEW: "NEW",
    Lifecycle.PARTIALLY_FILLED: "PARTIALLY_FILLED",
    Lifecycle.FILLED: "FILLED",
    Lifecycle.CANCELED: "CANCELED",
    Lifecycle.EXPIRED: "EXPIRED",
    Lifecycle.REJECTED: "REJECTED",
}
MARGIN_TYPES: Final = {"ISOLATED": MarginMode.ISOLATED, "CROSSED": MarginMode.CROSS, "CROSS": MarginMode.CROSS}
MARGIN_TYPE_NAMES: Final = {MarginMode.ISOLATED: "isolated", MarginMode.CROSS: "cross"}
_TRIGGERED_AS: Final = {
    OrderType.STOP: OrderType.LIMIT,
    OrderType.TAKE_PROFIT: OrderType.LIMIT,
    OrderType.STOP_MARKET: OrderType.MARKET,
    OrderType.TAKE_PROFIT_MARKET: OrderType.MARKET,
}
AVG_PRICE_PLACES: Final = 5
AMOUNT_PLACES: Final = 8


def wire_symbol(inst: SimInstrument) -> str:
    """`BTCUSDT` for the engine instrument BTC/USDT."""
    return f"{inst.base}{inst.quote}"


def plain(value: Decimal) -> str:
    """Fixed-point text of a decimal, never in exponent form (`0`, `0.001`, `65000.1`)."""
    if value == 0:
        return "0"
    return format(value, "f")


def fixed(value: Decimal, places: int) -> str:
    """Text with exactly `places` decimals, as Binance renders balances and averages."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(abs(rounded) if rounded.is_zero() else rounded, "f")


def price_text(value: Decimal | None, places: int) -> str:
    """A price at the symbol's `pricePrecision`; zero (or absent) renders as "0"."""
    if value is None or value == 0:
        return "0"
    return fixed(value, places)


def qty_text(value: Decimal, places: int) -> str:
    return fixed(value, places)


def order_type_name(order: SimOrder) -> str:
    """Current type: a fired stop reports the LIMIT/MARKET order it became, as Binance does."""
    current = _TRIGGERED_AS.get(order.order_type, order.order_type) if order.triggered else order.order_type
    return ORDER_TYPE_NAMES[current]


def bool_text(value: bool) -> str:
    return "true" if value else "false"
