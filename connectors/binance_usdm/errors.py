"""Binance USDⓈ-M error codes → the shared exception hierarchy, plus the 503 variants of the docs."""

from __future__ import annotations

from typing import Final

from venuekit.core.errors import (
    AuthenticationError,
    BadSymbol,
    DuplicateOrder,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidOrder,
    InvalidRequest,
    NotSupported,
    OrderNotFound,
    PermissionDenied,
    RateLimited,
    TimestampOutOfWindow,
    VenueError,
)

_GROUPS: Final[dict[type[VenueError], tuple[int, ...]]] = {
    # Execution status unknown or server trouble: placement must be resolved by lookup, never resent.
    ExchangeUnavailable: (-1000, -1001, -1006, -1007, -1016, -2012),
    AuthenticationError: (-1002, -1022, -1099, -2014),
    PermissionDenied: (-1011, -2015, -2017, -4087, -4088, -4109, -4192, -4400, -4402, -4403),
    RateLimited: (-1003, -1008, -1015),
    NotSupported: (-1020,),
    TimestampOutOfWindow: (-1021, -5028),
    InvalidRequest: (
        -1004, -1005, -1010, -1013, -1023, -1100, -1101, -1102, -1103, -1104, -1105, -1106, -1108, -1109,
        -1110, -1113, -1118, -1119, -1120, -1125, -1126, -1127, -1128, -1130, -1136, -4015, -4028, -4032,
        -4044, -4046, -4047, -4048, -4049, -4054, -4055, -4059, -4067, -4068, -4082, -4114, -4115, -4161,
        -4165, -4167, -4168, -4169, -4170, -4171, -4172, -4202, -4203, -4204, -4205, -4206, -4207, -4208,
        -4209,
    ),
    BadSymbol: (-1121, -1122, -4141, -4144),
    InvalidOrder: (
        -1014, -1111, -1112, -1114, -1115, -1116, -1117, -2010, -2016, -2020, -2021, -2022, -2023, -2024,
        -2025, -2026, -2027, -2028, -4000, -4001, -4002, -4003, -4004, -4005, -4006, -4007, -4013, -4014,
        -4016, -4023, -4024, -4031, -4045, -4060, -4061, -4062, -4083, -4117, -4118, -4120, -4131, -4135,
        -4137, -4138, -4139, -4140, -4142, -4164, -4183, -4184, -4210, -4211, -4401, -5021, -5022, -5024,
        -5025, -5026, -5027, -5029, -5037, -5038, -5039, -5040, -5041, -5043,
    ),
    InsufficientFunds: (-2018, -2019, -4050, -4051),
    OrderNotFound: (-2011, -2013),
    DuplicateOrder: (-4116,),
}

ERRORS: Final[dict[str, type[VenueError]]] = {str(code): cls for cls, codes in _GROUPS.items() for code in codes}

#: Settings calls that fail only because the account is already in the requested state.
ALREADY_SET: Final = frozenset({"-4046", "-4059", "-4171"})

#: 503 bodies after which the request provably did not execute (safe to resend after a back-off).
NOT_EXECUTED_503: Final = ("service unavailable", "internal error; unable to process your request")


def is_not_executed(error: VenueError) -> bool:
    """True for the documented 503 variants that are a definite failure, unlike "Unknown error…"."""
    if error.status != 503 or not isinstance(error, ExchangeUnavailable):
        return False
    text = error.message.strip().lower()
    return any(text.startswith(m) for m in NOT_EXECUTED_503)
