"""Binance error bodies: `{"code": -1022, "msg": "..."}` with the HTTP status Binance uses, and the engine mapping."""

from __future__ import annotations

from typing import Final

from venuekit.core.simulator.errors import RejectReason, SimRejected


class BinanceError(Exception):
    """A request the simulator refuses; rendered as Binance's error JSON with `status`."""

    def __init__(self, code: int, msg: str, status: int = 400, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg
        self.status = status
        self.headers = headers or {}

    def body(self) -> dict[str, object]:
        return {"code": self.code, "msg": self.msg}


def mandatory(name: str) -> BinanceError:
    return BinanceError(-1102, f"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.")


def invalid(name: str) -> BinanceError:
    return BinanceError(-1130, f"Data sent for parameter '{name}' is not valid.")


def bad_symbol() -> BinanceError:
    return BinanceError(-1121, "Invalid symbol.")


def unknown_order() -> BinanceError:
    return BinanceError(-2013, "Order does not exist.")


def bad_key_format() -> BinanceError:
    return BinanceError(-2014, "API-key format invalid.", 401)


def rejected_key() -> BinanceError:
    return BinanceError(-2015, "Invalid API-key, IP, or permissions for action.", 401)


def bad_signature() -> BinanceError:
    return BinanceError(-1022, "Signature for this request is not valid.")


def outside_window() -> BinanceError:
    return BinanceError(-1021, "Timestamp for this request is outside of the recvWindow.")


def ahead_of_server() -> BinanceError:
    return BinanceError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.")


_REJECTS: Final[dict[RejectReason, tuple[int, str]]] = {
    RejectReason.UNKNOWN_SYMBOL: (-1121, "Invalid symbol."),
    RejectReason.SYMBOL_NOT_TRADING: (-1122, "Invalid symbol status."),
    RejectReason.UNKNOWN_ACCOUNT: (-2015, "Invalid API-key, IP, or permissions for action."),
    RejectReason.INVALID_QUANTITY: (-4003, "Quantity less than or equal to zero."),
    RejectReason.INVALID_PRICE: (-4001, "Price less than 0."),
    RejectReason.INVALID_TRIGGER_PRICE: (-4006, "Stop price less than zero."),
    RejectReason.INVALID_AMOUNT: (-4055, "Amount must be positive."),
    RejectReason.PRICE_TICK: (-4014, "Price not increased by tick size."),
    RejectReason.QTY_STEP: (-4023, "Quantity not increased by step size."),
    RejectReason.MIN_QTY: (-4004, "Quantity less than min quantity."),
    RejectReason.MIN_NOTIONAL: (
        -4164,
        "Order's notional must be no smaller than {notional} (unless you choose reduce only).",
    ),
    RejectReason.INSUFFICIENT_MARGIN: (-2019, "Margin is insufficient."),
    RejectReason.INSUFFICIENT_BALANCE: (-2018, "Balance is insufficient."),
    RejectReason.DUPLICATE_CLIENT_ORDER_ID: (-4116, "ClientOrderId is duplicated."),
    RejectReason.POST_ONLY_WOULD_TAKE: (
        -5022,
        "Due to the order could not be executed as maker, the Post Only order will be rejected. "
        "The order will not be recorded in the order history",
    ),
    RejectReason.REDUCE_ONLY_WOULD_INCREASE: (-2022, "ReduceOnly Order is rejected."),
    RejectReason.POSITION_SIDE_MISMATCH: (-4061, "Order's position side does not match user's setting."),
    RejectReason.UNSUPPORTED_ORDER_TYPE: (-1116, "Invalid orderType."),
    RejectReason.WOULD_IMMEDIATELY_TRIGGER: (-2021, "Order would immediately trigger."),
    RejectReason.ORDER_NOT_FOUND: (-2013, "Order does not exist."),
    RejectReason.ORDER_NOT_OPEN: (-2011, "Unknown order sent."),
    RejectReason.NO_POSITION: (-2022, "ReduceOnly Order is rejected."),
    RejectReason.POSITION_EXISTS: (-4068, "Position side cannot be changed if there exists position."),
    RejectReason.OPEN_ORDERS_EXIST: (-4067, "Position side cannot be changed if there exists open orders."),
    RejectReason.LEVERAGE_OUT_OF_RANGE: (-4028, "Leverage is not valid"),
    RejectReason.NOT_ISOLATED: (-4049, "Add margin only support for isolated position."),
    RejectReason.MARGIN_TOO_LOW: (-4051, "Isolated balance insufficient."),
    RejectReason.UNKNOWN_WALLET: (-1108, "Invalid asset."),
}


def from_reject(exc: SimRejected, **fmt: str) -> BinanceError:
    """The Binance code and message for an engine rejection (`fmt` fills placeholders such as the notional)."""
    code, msg = _REJECTS.get(exc.reason, (-1000, "An unknown error occured while processing the request."))
    return BinanceError(code, msg.format(**fmt) if fmt else msg.replace("{notional}", "5.0"))

