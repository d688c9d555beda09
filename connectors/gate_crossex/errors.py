"""Gate error `label` → shared exception class: every CrossEx label of the v1.0.0 document plus
the generic APIv4 labels (auth, expiry, rate limit, server)."""

from __future__ import annotations

from venuekit.core.errors import (
    AuthenticationError,
    BadSymbol,
    DuplicateOrder,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidOrder,
    InvalidRequest,
    IPBanned,
    OrderNotFound,
    PermissionDenied,
    RateLimited,
    TimestampOutOfWindow,
    VenueError,
)

_COMMON = {
    "COMMON_PARAM_BIND_ERROR": InvalidRequest,
    "TRADE_UNSUPPORTED_OPERATION": InvalidRequest,
}

_ACCOUNT = {
    "USER_NOT_EXIST": AuthenticationError,
    "USER_DEACTIVATED": PermissionDenied,
    "QUERY_INVALID_EXCHANGE_TYPE": InvalidRequest,
    "TRADE_CHANGE_PZ_MODE_SAME_ERROR": InvalidRequest,
    "TRADE_PZ_MODE_HAVE_ORDER_ERROR": InvalidRequest,
    "TRADE_PZ_MODE_HAVE_POSITION_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_PARAMETERS_ALL_EMPTY_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_PARAMETERS_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_EXCHANGE_TYPE_PARAMETERS_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_ACCOUNT_MODE_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_EXCHANGE_TYPE_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_PZ_ISOLATED_MODE_NOT_EXCHANGE_TYPE_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_MODE_OPEN_ORDERS_EXIST_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_MODE_POSITION_NOT_EMPTY_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_MODE_INITIAL_MARGIN_NOT_ZERO_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_MODE_MAINTENANCE_MARGIN_NOT_ZERO_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_MODE_ACCOUNT_STATUS_NOT_NORMAL_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_CROSSEX_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR": InvalidRequest,
    "UPDATE_ACCOUNT_ISOLATED_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR": InvalidRequest,
}

_ORDER = {
    "TRADE_CLIENT_ORDER_ID_LENGTH_ERROR": InvalidOrder,
    "TRADE_CLIENT_ORDER_ID_MATCH_ERROR": InvalidOrder,
    "TRADE_INVALID_SIDE": InvalidOrder,
    "TRADE_INVALID_ORDER_TYPE": InvalidOrder,
    "TRADE_INVALID_TIME_IN_FORCE": InvalidOrder,
    "TRADE_INVALID_POC": InvalidOrder,
    "TRADE_INVALID_ORDER_QTY": InvalidOrder,
    "TRADE_INVALID_QUOTE_ORDER_QTY": InvalidOrder,
    "TRADE_INVALID_LIMIT_PRICE": InvalidOrder,
    "TRADE_INVALID_REDUCE_ONLY": InvalidOrder,
    "TRADE_ORDER_DUPLICATE_ERROR": DuplicateOrder,
    "TRADE_SYM_NOT_SUPPORT": BadSymbol,
    "MARGIN_ORDER_NOT_SUPPORT": InvalidOrder,
    "TRADE_MARGIN_INVALID_PZ_SIDE_ERROR": InvalidOrder,
    "TRADE_DELIST_OPEN_PROHIBITED_ERROR": InvalidOrder,
    "TRADE_INVALID_POSITION_SIDE": InvalidOrder,
    "TRADE_REDUCE_ONLY_SIDE_ERROR": InvalidOrder,
    "TRADE_REDUCE_ONLY_POSITION_QTY_ERROR": InvalidOrder,
    "TRADE_ONE_OF_ORDER_ID_ERROR": InvalidRequest,
    "TRADE_ORDER_NOT_FOUND_ERROR": OrderNotFound,
    "TRADE_NOT_ALLOW_REPLACE": InvalidOrder,
    "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR": InvalidOrder,
    "TRADE_ORDER_REPLACE_QTY_PRICE_SAME_ERROR": InvalidOrder,
    "TRADE_ORDER_REPLACE_ALLOW_ERROR": InvalidOrder,
    "TRADE_ORDER_LOT_SIZE_ERROR": InvalidOrder,
    "TRADE_ORDER_QUANTITY_MAX_ERROR": InvalidOrder,
    "TRADE_ORDER_QUANTITY_MIN_ERROR": InvalidOrder,
    "TRADE_ORDER_TICK_SIZE_ERROR": InvalidOrder,
    "TRADE_ORDER_AMOUNT_MIN_ERROR": InvalidOrder,
    "TRADE_OKX_LIMIT_BUY_ORDER_PRICE_ERROR": InvalidOrder,
    "TRADE_MAX_ORDERS_ERROR": InvalidOrder,
    "TRADE_INVALID_PZ_MODE_ERROR": InvalidOrder,
}

_LEVERAGE = {
    "TRADE_SET_LEVERAGE_ERROR": InvalidRequest,
    "TRADE_INVALID_SYM_BUSINESSTYPE_ERROR": InvalidRequest,
    "TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR": InvalidRequest,
    "TRADE_INVALID_MARGIN_SYM_BUSINESSTYPE_ERROR": InvalidRequest,
}

_CONVERT = {
    "CONVERT_TRADE_QUOTE_UNKNOWN_ERROR": ExchangeUnavailable,
    "CONVERT_TRADE_QUOTE_EXCHANGE_INVALID_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_FROM_COIN_INVALID_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_TO_COIN_INVALID_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_FROM_AMOUNT_INVALID_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_FROM_AMOUNT_LIMIT_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_FROM_AMOUNT_MAX_ERROR": InvalidRequest,
    "CONVERT_TRADE_QUOTE_EXCHANGE_REJECT_ERROR": InvalidRequest,
}

_CLOSE = {
    "CAN_NOT_DELETE_POSITION": InvalidOrder,
    "CAN_NOT_DELETE_LARGE_POSITION": InvalidOrder,
    "OPEN_ORDERS_CAN_NOT_DELETE_POSITION": InvalidOrder,
}

_APIV4 = {
    "INVALID_KEY": AuthenticationError,
    "INVALID_SIGNATURE": AuthenticationError,
    "MISSING_REQUIRED_HEADER": AuthenticationError,
    "INVALID_CREDENTIALS": AuthenticationError,
    "AUTHENTICATION_FAILED": AuthenticationError,
    "REQUEST_EXPIRED": TimestampOutOfWindow,
    "IP_FORBIDDEN": PermissionDenied,
    "READ_ONLY": PermissionDenied,
    "FORBIDDEN": PermissionDenied,
    "TOO_MANY_REQUESTS": RateLimited,
    "TOO_FAST": RateLimited,
    "INTERNAL": ExchangeUnavailable,
    "SERVER_ERROR": ExchangeUnavailable,
    "TOO_BUSY": ExchangeUnavailable,
    "BALANCE_NOT_ENOUGH": InsufficientFunds,
}

ERRORS: dict[str, type[VenueError]] = {
    **_COMMON, **_ACCOUNT, **_ORDER, **_LEVERAGE, **_CONVERT, **_CLOSE, **_APIV4,
}

# Used when the body carries no known label: the HTTP status decides.
STATUS_ERRORS: dict[int, type[VenueError]] = {
    400: InvalidRequest,
    401: AuthenticationError,
    403: PermissionDenied,
    418: IPBanned,
    429: RateLimited,
}
