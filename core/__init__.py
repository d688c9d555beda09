"""venuekit.core: venue-neutral types, signing, transport, errors, limits, clock and simulator engine."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clock import ServerClock
    from .credentials import Credentials, Secret
    from .endpoint import Endpoint
    from .errors import (
        AuthenticationError,
        BadResponse,
        BadSymbol,
        DuplicateOrder,
        ExchangeUnavailable,
        InsufficientFunds,
        InvalidOrder,
        InvalidRequest,
        IPBanned,
        NetworkError,
        NotSupported,
        OrderNotFound,
        PermissionDenied,
        RateLimited,
        RequestInfo,
        RequestTimeout,
        TimestampOutOfWindow,
        UnknownOrderState,
        VenueError,
    )
    from .events import Event, EventBus
    from .idempotency import ClientOrderIds, PlacementPolicy, place_once
    from .ratelimit import Cost, Quota, RateLimiter, Scope
    from .symbols import SymbolMap, UnifiedSymbol
    from .transport import RestClient, RetryPolicy, Timeouts
    from .types import (
        Balance,
        Commission,
        Fee,
        Fill,
        FundingRate,
        IncomeEntry,
        Instrument,
        InstrumentKind,
        InstrumentStatus,
        Leverage,
        LiquidityRole,
        MarginMode,
        Order,
        OrderRequest,
        OrderStatus,
        OrderType,
        Position,
        PositionMode,
        PositionSide,
        Side,
        Ticker,
        TimeInForce,
    )
    from .venue import Capability, Venue

#: public name -> defining module; loaded on first access (PEP 562) so `import venuekit.core.<mod>`
#: does not pay for the types, the venue base class and the rest.
_EXPORTS: dict[str, str] = {
    "ServerClock": ".clock",
    "Credentials": ".credentials",
    "Secret": ".credentials",
    "Endpoint": ".endpoint",
    "AuthenticationError": ".errors",
    "BadResponse": ".errors",
    "BadSymbol": ".errors",
    "DuplicateOrder": ".errors",
    "ExchangeUnavailable": ".errors",
    "InsufficientFunds": ".errors",
    "InvalidOrder": ".errors",
    "InvalidRequest": ".errors",
    "IPBanned": ".errors",
    "NetworkError": ".errors",
    "NotSupported": ".errors",
    "OrderNotFound": ".errors",
    "PermissionDenied": ".errors",
    "RateLimited": ".errors",
    "RequestInfo": ".errors",
    "RequestTimeout": ".errors",
    "TimestampOutOfWindow": ".errors",
    "UnknownOrderState": ".errors",
    "VenueError": ".errors",
    "Event": ".events",
    "EventBus": ".events",
    "ClientOrderIds": ".idempotency",
    "PlacementPolicy": ".idempotency",
    "place_once": ".idempotency",
    "Cost": ".ratelimit",
    "Quota": ".ratelimit",
    "RateLimiter": ".ratelimit",
    "Scope": ".ratelimit",
    "SymbolMap": ".symbols",
    "UnifiedSymbol": ".symbols",
    "RestClient": ".transport",
    "RetryPolicy": ".transport",
    "Timeouts": ".transport",
    "Balance": ".types",
    "Commission": ".types",
    "Fee": ".types",
    "Fill": ".types",
    "FundingRate": ".types",
    "IncomeEntry": ".types",
    "Instrument": ".types",
    "InstrumentKind": ".types",
    "InstrumentStatus": ".types",
    "Leverage": ".types",
    "LiquidityRole": ".types",
    "MarginMode": ".types",
    "Order": ".types",
    "OrderRequest": ".types",
    "OrderStatus": ".types",
    "OrderType": ".types",
    "Position": ".types",
    "PositionMode": ".types",
    "PositionSide": ".types",
    "Side": ".types",
    "Ticker": ".types",
    "TimeInForce": ".types",
    "Capability": ".venue",
    "Venue": ".venue",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "AuthenticationError",
    "BadResponse",
    "BadSymbol",
    "Balance",
    "Capability",
    "ClientOrderIds",
    "Commission",
    "Cost",
    "Credentials",
    "DuplicateOrder",
    "Endpoint",
    "Event",
    "EventBus",
    "ExchangeUnavailable",
    "Fee",
    "Fill",
    "FundingRate",
    "IPBanned",
    "IncomeEntry",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "InsufficientFunds",
    "InvalidOrder",
    "InvalidRequest",
    "Leverage",
    "LiquidityRole",
    "MarginMode",
    "NetworkError",
    "NotSupported",
    "Order",
    "OrderNotFound",
    "OrderRequest",
    "OrderStatus",
    "OrderType",
    "PermissionDenied",
    "PlacementPolicy",
    "Position",
    "PositionMode",
    "PositionSide",
    "Quota",
    "RateLimited",
    "RateLimiter",
    "RequestInfo",
    "RequestTimeout",
    "RestClient",
    "RetryPolicy",
    "Scope",
    "Secret",
    "ServerClock",
    "Side",
    "SymbolMap",
    "Ticker",
    "TimeInForce",
    "Timeouts",
    "TimestampOutOfWindow",
    "UnifiedSymbol",
    "UnknownOrderState",
    "Venue",
    "VenueError",
    "place_once",
]
