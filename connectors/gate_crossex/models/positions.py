"""Contract (FUTURE) positions, leverage, ADL rank and position history."""

from __future__ import annotations

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt, opt


class SymbolLeverage(VenueModel):
    """Leverage is a number in one example and a string in another; both read as Decimal."""

    symbol: str
    leverage: OptDecimal = None


class Position(VenueModel):
    user_id: str | None = None
    position_id: str | None = None
    symbol: str
    position_side: str | None = None
    initial_margin: OptDecimal = None
    maintenance_margin: OptDecimal = None
    position_qty: OptDecimal = None
    position_value: OptDecimal = None
    upnl: OptDecimal = None
    upnl_rate: OptDecimal = None
    entry_price: OptDecimal = opt("entry_price", "avg_price")
    mark_price: OptDecimal = None
    leverage: OptDecimal = None
    max_leverage: OptDecimal = None
    risk_limit: OptDecimal = None
    fee: OptDecimal = None
    funding_fee: OptDecimal = None
    funding_time: OptInt = None
    create_time: OptInt = None
    update_time: OptInt = None
    closed_pnl: OptDecimal = None


class AdlRank(VenueModel):
    user_id: str | None = None
    symbol: str
    crossex_adl_rank: OptInt = None
    exchange_adl_rank: OptInt = None


class HistoricalPosition(VenueModel):
    position_id: str | None = None
    user_id: str | None = None
    symbol: str
    closed_type: str | None = None
    closed_pnl: OptDecimal = None
    closed_pnl_rate: OptDecimal = None
    open_avg_price: OptDecimal = None
    closed_avg_price: OptDecimal = None
    max_position_qty: OptDecimal = None
    closed_qty: OptDecimal = None
    closed_value: OptDecimal = None
    fee: OptDecimal = None
    liq_fee: OptDecimal = None
    funding_fee: OptDecimal = None
    position_side: str | None = None
    position_mode: str | None = None
    leverage: OptDecimal = None
    business_type: str | None = opt("business_type", "bussiness_type")
    create_time: OptInt = None
    update_time: OptInt = None


class LeverageAccepted(VenueModel):
    """202 answer of a leverage change: the request echoed (kept as text; the example shows placeholders)."""

    symbol: str | None = None
    leverage: str | None = None
