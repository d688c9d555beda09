"""Transfers between the spot account and the CrossEx (per-exchange) accounts."""

from __future__ import annotations

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt


class TransferCoin(VenueModel):
    coin: str
    min_trans_amount: OptDecimal = None
    est_fee: OptDecimal = None
    precision: OptInt = None
    is_disabled: OptInt = None


class TransferResult(VenueModel):
    tx_id: str | None = None
    text: str | None = None


class TransferRecord(VenueModel):
    id: str
    text: str | None = None
    from_account_type: str | None = None
    to_account_type: str | None = None
    coin: str
    amount: OptDecimal = None
    actual_receive: OptDecimal = None
    status: str = ""
    fail_reason: str | None = None
    create_time: OptInt = None
    update_time: OptInt = None
