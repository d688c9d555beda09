"""Engine rejections: one venue-neutral reason enum that each venue maps to its own error codes."""

from __future__ import annotations

from enum import StrEnum


class RejectReason(StrEnum):
    UNKNOWN_SYMBOL = "unknown_symbol"
    SYMBOL_NOT_TRADING = "symbol_not_trading"
    UNKNOWN_ACCOUNT = "unknown_account"
    INVALID_QUANTITY = "invalid_quantity"
    INVALID_PRICE = "invalid_price"
    INVALID_TRIGGER_PRICE = "invalid_trigger_price"
    INVALID_AMOUNT = "invalid_amount"
    PRICE_TICK = "price_tick"
    QTY_STEP = "qty_step"
    MIN_QTY = "min_qty"
    MIN_NOTIONAL = "min_notional"
    INSUFFICIENT_MARGIN = "insufficient_margin"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    DUPLICATE_CLIENT_ORDER_ID = "duplicate_client_order_id"
    POST_ONLY_WOULD_TAKE = "post_only_would_take"
    REDUCE_ONLY_WOULD_INCREASE = "reduce_only_would_increase"
    POSITION_SIDE_MISMATCH = "position_side_mismatch"
    UNSUPPORTED_ORDER_TYPE = "unsupported_order_type"
    WOULD_IMMEDIATELY_TRIGGER = "would_immediately_trigger"
    ORDER_NOT_FOUND = "order_not_found"
    ORDER_NOT_OPEN = "order_not_open"
    NO_POSITION = "no_position"
    POSITION_EXISTS = "position_exists"
    OPEN_ORDERS_EXIST = "open_orders_exist"
    LEVERAGE_OUT_OF_RANGE = "leverage_out_of_range"
    NOT_ISOLATED = "not_isolated"
    MARGIN_TOO_LOW = "margin_too_low"
    UNKNOWN_WALLET = "unknown_wallet"


class SimRejected(Exception):
    """Raised by the engine when a request is refused; venue layers render `reason` as their error."""

    def __init__(self, reason: RejectReason, message: str = "") -> None:
        super().__init__(f"{reason.value}: {message}" if message else reason.value)
        self.reason = reason
        self.message = message or reason.value
