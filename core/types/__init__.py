"""Shared domain types returned by every venue's unified layer."""

from .account import Balance, Commission, FundingRate, IncomeEntry, Leverage, Position, Ticker
from .base import FrozenModel, VenueModel
from .enums import (
    InstrumentKind,
    InstrumentStatus,
    LiquidityRole,
    MarginMode,
    OrderStatus,
    OrderType,
    PositionMode,
    PositionSide,
    Side,
    TimeInForce,
)
from .fields import OptionalDecimal
from .instrument import Instrument
from .order import Fee, Fill, Order, OrderRequest

__all__ = [
    "Balance",
    "Commission",
    "Fee",
    "Fill",
    "FrozenModel",
    "FundingRate",
    "IncomeEntry",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Leverage",
    "LiquidityRole",
    "MarginMode",
    "OptionalDecimal",
    "Order",
    "OrderRequest",
    "OrderStatus",
    "OrderType",
    "Position",
    "PositionMode",
    "PositionSide",
    "Side",
    "Ticker",
    "TimeInForce",
    "VenueModel",
]
