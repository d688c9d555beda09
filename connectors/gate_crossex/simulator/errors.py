"""Labelled Gate errors as the simulator answers them, and engine rejections mapped to CrossEx labels."""

from __future__ import annotations

from venuekit.core.simulator import RejectReason, SimRejected, SimResponse, json_response

# Not in the CrossEx v1.0.0 label list (it names no balance label); Gate APIv4 uses this one elsewhere.
BALANCE_NOT_ENOUGH = "BALANCE_NOT_ENOUGH"

REJECT_LABELS: dict[RejectReason, str] = {
    RejectReason.UNKNOWN_SYMBOL: "TRADE_SYM_NOT_SUPPORT",
    RejectReason.SYMBOL_NOT_TRADING: "TRADE_SYM_NOT_SUPPORT",
    RejectReason.UNKNOWN_ACCOUNT: "USER_NOT_EXIST",
    RejectReason.INVALID_QUANTITY: "TRADE_INVALID_ORDER_QTY",
    RejectReason.INVALID_PRICE: "TRADE_INVALID_LIMIT_PRICE",
    RejectReason.INVALID_TRIGGER_PRICE: "COMMON_PARAM_BIND_ERROR",
    RejectReason.INVALID_AMOUNT: "COMMON_PARAM_BIND_ERROR",
    RejectReason.PRICE_TICK: "TRADE_ORDER_TICK_SIZE_ERROR",
    RejectReason.QTY_STEP: "TRADE_ORDER_LOT_SIZE_ERROR",
    RejectReason.MIN_QTY: "TRADE_ORDER_QUANTITY_MIN_ERROR",
    RejectReason.MIN_NOTIONAL: "TRADE_ORDER_AMOUNT_MIN_ERROR",
    RejectReason.INSUFFICIENT_MARGIN: BALANCE_NOT_ENOUGH,
    RejectReason.INSUFFICIENT_BALANCE: BALANCE_NOT_ENOUGH,
    RejectReason.DUPLICATE_CLIENT_ORDER_ID: "TRADE_ORDER_DUPLICATE_ERROR",
    RejectReason.POST_ONLY_WOULD_TAKE: "TRADE_INVALID_POC",
    RejectReason.REDUCE_ONLY_WOULD_INCREASE: "TRADE_REDUCE_ONLY_SIDE_ERROR",
    RejectReason.POSITION_SIDE_MISMATCH: "TRADE_INVALID_POSITION_SIDE",
    RejectReason.UNSUPPORTED_ORDER_TYPE: "TRADE_INVALID_ORDER_TYPE",
    RejectReason.WOULD_IMMEDIATELY_TRIGGER: "TRADE_UNSUPPORTED_OPERATION",
    RejectReason.ORDER_NOT_FOUND: "TRADE_ORDER_NOT_FOUND_ERROR",
    RejectReason.ORDER_NOT_OPEN: "TRADE_ORDER_NOT_FOUND_ERROR",
    RejectReason.NO_POSITION: "TRADE_REDUCE_ONLY_POSITION_QTY_ERROR",
    RejectReason.POSITION_EXISTS: "TRADE_PZ_MODE_HAVE_POSITION_ERROR",
    RejectReason.OPEN_ORDERS_EXIST: "TRADE_PZ_MODE_HAVE_ORDER_ERROR",
    RejectReason.LEVERAGE_OUT_OF_RANGE: "TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR",
    RejectReason.NOT_ISOLATED: "TRADE_UNSUPPORTED_OPERATION",
    RejectReason.MARGIN_TOO_LOW: "TRADE_UNSUPPORTED_OPERATION",
    RejectReason.UNKNOWN_WALLET: "COMMON_PARAM_BIND_ERROR",
}


class GateError(Exception):
    """A refusal rendered as `{"label": …, "message": …}` with its HTTP status."""

    def __init__(self, label: str, message: str = "", status: int = 400) -> None:
        super().__init__(f"{label}: {message}" if message else label)
        self.label = label
        self.message = message or label
        self.status = status

    def response(self) -> SimResponse:
        return json_response({"label": self.label, "message": self.message}, status=self.status)


def param_error(message: str) -> GateError:
    return GateError("COMMON_PARAM_BIND_ERROR", message)


def from_rejection(exc: SimRejected, overrides: dict[RejectReason, str] | None = None) -> GateError:
    """The CrossEx label for an engine rejection; `overrides` adapt it to the operation at hand."""
    label = (overrides or {}).get(exc.reason) or REJECT_LABELS.get(exc.reason, "TRADE_UNSUPPORTED_OPERATION")
    return GateError(label, exc.message)
