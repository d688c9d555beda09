"""Account assets and modes, fee rates, and the account book."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt


class AccountAsset(VenueModel):
    user_id: str | None = None
    coin: str
    exchange_type: str | None = None
    balance: OptDecimal = None
    upnl: OptDecimal = None
    equity: OptDecimal = None
    futures_initial_margin: OptDecimal = None
    futures_maintenance_margin: OptDecimal = None
    borrowing_initial_margin: OptDecimal = None
    borrowing_maintenance_margin: OptDecimal = None
    available_balance: OptDecimal = None
    liability: OptDecimal = None


class Account(VenueModel):
    user_id: str | None = None
    available_margin: OptDecimal = None
    margin_balance: OptDecimal = None
    initial_margin: OptDecimal = None
    maintenance_margin: OptDecimal = None
    initial_margin_rate: OptDecimal = None
    maintenance_margin_rate: OptDecimal = None
    position_mode: str | None = None
    account_limit: OptDecimal = None
    create_time: OptInt = None
    update_time: OptInt = None
    account_mode: str | None = None
    exchange_type: str | None = None
    assets: list[AccountAsset] = Field(default_factory=list)


class AccountUpdate(VenueModel):
    """202 Accepted: the requested modes echoed back."""

    position_mode: str | None = None
    account_mode: str | None = None
    exchange_type: str | None = None


class SpecialFee(VenueModel):
    symbol: str
    taker_fee_rate: OptDecimal = None
    maker_fee_rate: OptDecimal = None


class FeeRates(VenueModel):
    """One fee schedule; v1.0.0 returns one object, v1.0.2 one per exchange (with `exchange_type`)."""

    exchange_type: str | None = None
    spot_maker_fee: OptDecimal = None
    spot_taker_fee: OptDecimal = None
    spot_rpi_maker_fee: OptDecimal = None
    future_maker_fee: OptDecimal = None
    future_taker_fee: OptDecimal = None
    future_rpi_maker_fee: OptDecimal = None
    special_fee_list: list[SpecialFee] = Field(default_factory=list)


class AccountBookEntry(VenueModel):
    id: str
    user_id: str | None = None
    business_id: str | None = None
    type: str
    exchange_type: str | None = None
    coin: str
    change: OptDecimal = None
    balance: OptDecimal = None
    create_time: OptInt = None


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, dict) else value


# `GET /fee`: an object in v1.0.0, a per-exchange array since v1.0.2; always read as a list.
FeeRatesList = Annotated[list[FeeRates], BeforeValidator(_one_or_many)]
