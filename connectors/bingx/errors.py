"""BingX `code` values → the shared exception classes; a few codes are refined by their message."""

from __future__ import annotations

import re
from typing import Final

from venuekit.core.errors import (
    AuthenticationError,
    BadSymbol,
    DuplicateOrder,
    ErrorClass,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidOrder,
    InvalidRequest,
    OrderNotFound,
    PermissionDenied,
    RateLimited,
    TimestampOutOfWindow,
    VenueError,
)

#: Every code found in seed 001 and the reference (section 6). Meanings in docs/venues/bingx.md.
ERRORS: Final[dict[str, ErrorClass]] = {
    "80001": InvalidRequest,
    "80012": ExchangeUnavailable,
    "80013": InvalidOrder,
    "80014": InvalidRequest,
    "80016": OrderNotFound,
    "80017": InvalidOrder,
    "80018": OrderNotFound,
    "80020": PermissionDenied,
    "100001": AuthenticationError,
    "100004": PermissionDenied,
    "100202": InsufficientFunds,
    "100204": BadSymbol,
    "100400": InvalidRequest,
    "100401": AuthenticationError,
    "100410": RateLimited,
    "100412": AuthenticationError,
    "100413": AuthenticationError,
    "100414": PermissionDenied,
    "100419": PermissionDenied,
    "100421": TimestampOutOfWindow,
    "100440": InvalidOrder,
    "100500": ExchangeUnavailable,
    "100503": ExchangeUnavailable,
    "101204": InsufficientFunds,
    "101205": InvalidOrder,
    "101209": InvalidOrder,
    "101211": InvalidOrder,
    "101215": InvalidOrder,
    "101400": InvalidOrder,
    "101414": InvalidRequest,
    "101415": BadSymbol,
    "101460": InvalidOrder,
    "101481": DuplicateOrder,
    "109201": DuplicateOrder,
    "109400": InvalidRequest,
    "109418": BadSymbol,
    "109421": OrderNotFound,
    "109422": OrderNotFound,
    "109425": BadSymbol,
    "109429": RateLimited,
    "109500": ExchangeUnavailable,
    "110425": InvalidOrder,
    "110500": ExchangeUnavailable,
}

#: (code, lower-case message fragment, class): generic codes whose message names the real cause.
MESSAGE_HINTS: Final[tuple[tuple[str, str, ErrorClass], ...]] = (
    ("80014", "timestamp", TimestampOutOfWindow),
    ("109400", "timestamp", TimestampOutOfWindow),
    ("109400", "symbol not exist", BadSymbol),
    ("80012", "margin is not enough", InsufficientFunds),
)

_UNBLOCK_AT = re.compile(r"(?:unblocked after|retry after time:?)\s*(\d{13})", re.IGNORECASE)


def error_class(code: str, message: str) -> ErrorClass:
    """The shared class for a BingX code, refined by its message where the code alone is too broad."""
    lowered = message.lower()
    for hint_code, fragment, cls in MESSAGE_HINTS:
        if hint_code == code and fragment in lowered:
            return cls
    return ERRORS.get(code, VenueError)


def unblock_time_ms(message: str) -> int | None:
    """The epoch-ms time a 100410 "disabled period" ends, as stated in its message."""
    match = _UNBLOCK_AT.search(message)
    return int(match.group(1)) if match else None
