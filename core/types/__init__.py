"""Shared domain types returned by every venue's unified layer."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: public name -> defining module, imported on first access (PEP 562)
_EXPORTS: dict[str, str] = {
    "Balance": ".account",
    "Commission": ".account",
    "FundingRate": ".account",
    "IncomeEntry": ".account",
    "Leverage": ".account",
    "Position": ".account",
    "Ticker": ".account",
    "FrozenModel": ".base",
    "VenueModel": ".base",
    "InstrumentKind": ".enums",
    "InstrumentStatus": ".enums",
    "LiquidityRole": ".enums",
    "MarginMode": ".enums",
    "OrderStatus": ".enums",
    "OrderType": ".enums",
    "PositionMode": ".enums",
    "PositionSide": ".enums",
    "Side": ".enums",
    "TimeInForce": ".enums",
    "OptionalDecimal": ".fields",
    "Instrument": ".instrument",
    "Fee": ".order",
    "Fill": ".order",
    "Order": ".order",
    "OrderRequest": ".order",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


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
