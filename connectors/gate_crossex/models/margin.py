"""Margin (leveraged spot) positions, interest and collateral discount rates."""

from __future__ import annotations

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt, opt


class MarginPosition(VenueModel):
    user_id: str | None = None
    position_id: str | None = None
    symbol: str
    position_side: str | None = None
    initial_margin: OptDecimal = None
    maintenance_margin: OptDecimal = None
    asset_qty: OptDecimal = None
    asset_coin: str | None = None
    position_value: OptDecimal = None
    liability: OptDecimal = None
    liability_coin: str | None = None
    interest: OptDecimal = None
    max_position_qty: OptDecimal = None
    entry_price: OptDecimal = None
    index_price: OptDecimal = None
    upnl: OptDecimal = None
    upnl_rate: OptDecimal = None
    leverage: OptDecimal = None
    max_leverage: OptDecimal = None
    create_time: OptInt = None
    update_time: OptInt = None


class HistoricalMarginPosition(VenueModel):
    """The example spells `bussiness_type`; the schema `business_type`: both accepted."""

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
    liq_fee: OptDecimal = None
    position_side: str | None = None
    leverage: OptDecimal = None
    interest: OptDecimal = None
    business_type: str | None = opt("business_type", "bussiness_type")
    create_time: OptInt = None
    update_time: OptInt = None


class MarginInterest(VenueModel):
    """The schema says `userId`, the example `user_id`: both accepted."""

    user_id: str | None = opt("user_id", "userId")
    symbol: str
    interest_id: str | None = None
    liability_id: str | None = None
    liability: OptDecimal = None
    liability_coin: str | None = None
    interest: OptDecimal = None
    interest_rate: OptDecimal = None
    interest_type: str | None = None
    create_time: OptInt = None
    exchange_type: str | None = None


class InterestRate(VenueModel):
    coin: str
    exchange_type: str | None = None
    hour_interest_rate: OptDecimal = None
    time: OptInt = None


class CoinDiscountRate(VenueModel):
    coin: str
    exchange_type: str | None = None
    tier: OptInt = None
    min_value: OptDecimal = None
    max_value: OptDecimal = None
    discount_rate: OptDecimal = None
