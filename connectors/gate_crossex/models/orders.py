"""Orders and fills. The document spells some fields two ways; every spelling is accepted:
`text`/`client_order_id`, `time_in_force`/`tif`, `fee_coin`/`fee_currency`."""

from __future__ import annotations

from venuekit.core.types import VenueModel

from ._types import OptBool, OptDecimal, OptInt, opt


class OrderAction(VenueModel):
    """Answer of create / amend / cancel / full close: ids only (`order_id` is a number in some examples)."""

    order_id: str | None = None
    text: str | None = opt("text", "client_order_id")


class CrossexOrder(VenueModel):
    user_id: str | None = None
    order_id: str
    text: str | None = opt("text", "client_order_id")
    state: str = ""
    symbol: str
    side: str
    type: str = "LIMIT"
    attribute: str | None = None
    exchange_type: str | None = None
    business_type: str | None = None
    qty: OptDecimal = None
    quote_qty: OptDecimal = None
    price: OptDecimal = None
    time_in_force: str | None = opt("time_in_force", "tif")
    executed_qty: OptDecimal = None
    executed_amount: OptDecimal = None
    executed_avg_price: OptDecimal = None
    fee_coin: str | None = opt("fee_coin", "fee_currency")
    fee: OptDecimal = None
    reduce_only: OptBool = None
    leverage: OptDecimal = None
    reason: str | None = None
    last_executed_qty: OptDecimal = None
    last_executed_price: OptDecimal = None
    last_executed_amount: OptDecimal = None
    position_side: str | None = None
    create_time: OptInt = None
    update_time: OptInt = None


class CrossexTrade(VenueModel):
    user_id: str | None = None
    transaction_id: str
    order_id: str
    text: str | None = opt("text", "client_order_id")
    symbol: str
    exchange_type: str | None = None
    business_type: str | None = None
    side: str
    qty: OptDecimal = None
    price: OptDecimal = None
    fee: OptDecimal = None
    fee_coin: str | None = opt("fee_coin", "fee_currency")
    fee_rate: OptDecimal = None
    match_role: str | None = None
    rpnl: OptDecimal = None
    position_mode: str | None = None
    position_side: str | None = None
    create_time: OptInt = None


class BatchCancelResult(VenueModel):
    """`POST /crossex/batch_cancel_orders` (not in the v1.0.0 document; SDK >= 7.2.123)."""

    order_id: str | None = None
    text: str | None = opt("text", "client_order_id")
    accepted: OptBool = None
    label: str | None = None
    message: str | None = None
