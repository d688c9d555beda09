"""BingX error codes and messages (seed 001 tables, reference §6) and the engine-rejection mapping."""

from __future__ import annotations

from venuekit.core.simulator.errors import RejectReason, SimRejected

SIGNATURE_MISMATCH = 100001
PERMISSION_DENIED = 100004
INSUFFICIENT_ASSETS = 100202
NO_DATA = 100204
BAD_PARAMS = 100400
RATE_LIMITED = 100410
NULL_SIGNATURE = 100412
BAD_API_KEY = 100413
IP_NOT_WHITELISTED = 100419
TIMESTAMP_MISMATCH = 100421
INTERNAL = 100500
REQUEST_FAILED = 80001
TIMESTAMP_INVALID = 80014
ORDER_NOT_EXIST = 80016
POSITION_NOT_EXIST = 80017
ORDER_FILLED = 80018
INSUFFICIENT_MARGIN = 101204
NO_POSITION_TO_CLOSE = 101205
POST_ONLY_REJECTED = 101215
MIN_ORDER_AMOUNT = 101400
LEVERAGE_TOO_HIGH = 101414
NOT_TRADING = 101415
DUPLICATE_CLIENT_ID = 101481
INVALID_PARAMS = 109400
MIN_NOTIONAL = 110425

TIMESTAMP_MISMATCH_MSG = (
    "Null timestamp or timestamp mismatch, try to run our sample code from the link "
    "https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets"
)
IP_MSG = "IP does not match IP whitelist , please go to https://bingx.com/en/account/api/ to verify the ip you have set"


def disabled_period_msg(unblock_ms: int) -> str:
    """The documented 100410 text carrying the epoch-ms at which the endpoint unblocks."""
    return (
        "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period "
        f"and will be unblocked after {unblock_ms}"
    )


def symbol_not_exist_msg(symbol: str) -> str:
    return f"{symbol},symbol not exist, please verify it in api: /openApi/swap/v2/quote/contracts"


class BingXError(Exception):
    """A request refused with a BingX code; rendered as `{"code":..,"msg":..,"data":{}}`."""

    def __init__(self, code: int, msg: str, status: int = 200) -> None:
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg
        self.status = status


def param_error(msg: str) -> BingXError:
    return BingXError(INVALID_PARAMS, msg)


_REJECT_CODES: dict[RejectReason, int] = {
    RejectReason.UNKNOWN_SYMBOL: INVALID_PARAMS,
    RejectReason.SYMBOL_NOT_TRADING: NOT_TRADING,
    RejectReason.UNKNOWN_ACCOUNT: BAD_API_KEY,
    RejectReason.INVALID_QUANTITY: INVALID_PARAMS,
    RejectReason.INVALID_PRICE: INVALID_PARAMS,
    RejectReason.INVALID_TRIGGER_PRICE: INVALID_PARAMS,
    RejectReason.INVALID_AMOUNT: INVALID_PARAMS,
    RejectReason.PRICE_TICK: INVALID_PARAMS,
    RejectReason.QTY_STEP: INVALID_PARAMS,
    RejectReason.MIN_QTY: MIN_ORDER_AMOUNT,
    RejectReason.MIN_NOTIONAL: MIN_NOTIONAL,
    RejectReason.INSUFFICIENT_MARGIN: INSUFFICIENT_MARGIN,
    RejectReason.INSUFFICIENT_BALANCE: INSUFFICIENT_ASSETS,
    RejectReason.DUPLICATE_CLIENT_ORDER_ID: DUPLICATE_CLIENT_ID,
    RejectReason.POST_ONLY_WOULD_TAKE: POST_ONLY_REJECTED,
    RejectReason.REDUCE_ONLY_WOULD_INCREASE: NO_POSITION_TO_CLOSE,
    RejectReason.POSITION_SIDE_MISMATCH: INVALID_PARAMS,
    RejectReason.UNSUPPORTED_ORDER_TYPE: INVALID_PARAMS,
    RejectReason.WOULD_IMMEDIATELY_TRIGGER: INVALID_PARAMS,
    RejectReason.ORDER_NOT_FOUND: ORDER_NOT_EXIST,
    RejectReason.ORDER_NOT_OPEN: ORDER_FILLED,
    RejectReason.NO_POSITION: POSITION_NOT_EXIST,
    RejectReason.POSITION_EXISTS: REQUEST_FAILED,
    RejectReason.OPEN_ORDERS_EXIST: REQUEST_FAILED,
    RejectReason.LEVERAGE_OUT_OF_RANGE: LEVERAGE_TOO_HIGH,
    RejectReason.NOT_ISOLATED: INVALID_PARAMS,
    RejectReason.MARGIN_TOO_LOW: INSUFFICIENT_MARGIN,
    RejectReason.UNKNOWN_WALLET: INVALID_PARAMS,
}

_REJECT_MSGS: dict[RejectReason, str] = {
    RejectReason.INSUFFICIENT_MARGIN: "Insufficient margin",
    RejectReason.INSUFFICIENT_BALANCE: "Insufficient assets",
    RejectReason.ORDER_NOT_FOUND: "order not exist",
    RejectReason.NO_POSITION: "position not exist",
    RejectReason.POST_ONLY_WOULD_TAKE: "PostOnly order could not be placed",
    RejectReason.REDUCE_ONLY_WOULD_INCREASE: "No position to close",
    RejectReason.DUPLICATE_CLIENT_ORDER_ID: "clientOrderId already exists",
    RejectReason.SYMBOL_NOT_TRADING: "symbol is not currently trading",
}


def from_rejection(exc: SimRejected, symbol: str | None = None) -> BingXError:
    """Map an engine refusal onto BingX's code and message."""
    reason = exc.reason
    if reason is RejectReason.UNKNOWN_SYMBOL and symbol:
        return BingXError(INVALID_PARAMS, symbol_not_exist_msg(symbol))
    if reason is RejectReason.ORDER_NOT_OPEN and "canceled" in exc.message:
        return BingXError(ORDER_NOT_EXIST, "order not exist")
    code = _REJECT_CODES.get(reason, REQUEST_FAILED)
    msg = _REJECT_MSGS.get(reason, exc.message)
    return BingXError(code, msg)
