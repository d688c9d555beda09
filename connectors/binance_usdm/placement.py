"""Unified order requests → Binance `NewOrder`, and exactly-once placement by client order id."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Final, NoReturn, TypeVar

from venuekit.core.errors import ExchangeUnavailable, InvalidRequest, NetworkError, UnknownOrderState, VenueError
from venuekit.core.idempotency import ClientOrderIds, place_once
from venuekit.core.types import OrderRequest, OrderType, TimeInForce

from .config import VENUE
from .endpoints._common import check_client_id
from .endpoints.order_params import NewOrder
from .enums import (
    ORDER_TYPE_TO_WIRE,
    POSITION_SIDE_TO_WIRE,
    SIDE_TO_WIRE,
    TIF,
    TIF_TO_WIRE,
    NewOrderRespType,
)
from .errors import is_not_executed

T = TypeVar("T")

#: Binance allows 36 characters of `[.A-Z:/a-z0-9_-]`; generated ids stay alphanumeric.
CLIENT_ID_MAX: Final = 36
_PARAM_FIELDS: Final = frozenset(f.name for f in dataclasses.fields(NewOrder)) - {
    "symbol", "side", "type", "quantity", "price", "time_in_force", "position_side", "reduce_only",
    "new_client_order_id", "stop_price",
}


def client_order_ids() -> ClientOrderIds:
    return ClientOrderIds(prefix="vk", max_length=CLIENT_ID_MAX)


def to_new_order(request: OrderRequest, venue_symbol: str, client_order_id: str) -> NewOrder:
    """Map the unified request; `request.params` may set the remaining documented fields by name."""
    unknown = set(request.params) - _PARAM_FIELDS
    if unknown:
        raise InvalidRequest(f"unknown binance-usdm order params: {sorted(unknown)}", field="params")
    tif: TIF | None = None
    if request.post_only:
        tif = TIF.GTX
    elif request.time_in_force is not None:
        tif = TIF_TO_WIRE[request.time_in_force]
    elif request.type in (OrderType.LIMIT, OrderType.STOP, OrderType.TAKE_PROFIT):
        tif = TIF_TO_WIRE[TimeInForce.GTC]
    if request.type is OrderType.MARKET and tif is not None and tif is not TIF.GTC:
        raise InvalidRequest("market orders take no time in force", field="timeInForce")
    extra = dict(request.params)
    extra.setdefault("new_order_resp_type", NewOrderRespType.RESULT)
    order = NewOrder(
        symbol=venue_symbol,
        side=SIDE_TO_WIRE[request.side],
        type=ORDER_TYPE_TO_WIRE[request.type],
        quantity=None if extra.get("close_position") else request.amount,
        price=request.price if request.type in (OrderType.LIMIT, OrderType.STOP, OrderType.TAKE_PROFIT) else None,
        time_in_force=tif if request.type is not OrderType.MARKET else None,
        position_side=POSITION_SIDE_TO_WIRE[request.position_side] if request.position_side else None,
        reduce_only=True if request.reduce_only else None,
        new_client_order_id=client_order_id,
        stop_price=request.trigger_price,
        **extra,
    )
    order.validate()
    return order


def resolve_client_id(request: OrderRequest, ids: ClientOrderIds) -> str:
    """The user's id (checked against Binance's rule) or a freshly generated one."""
    if request.client_order_id is not None:
        check_client_id(request.client_order_id)
        return request.client_order_id
    return ids.new()


class _NotExecuted(Exception):
    """Carries a definite failure (503 "Service Unavailable.") past `place_once`'s lookup."""

    def __init__(self, error: VenueError) -> None:
        super().__init__(error.message)
        self.error = error


async def place_exactly_once(
    submit: Callable[[], Awaitable[T]],
    lookup: Callable[[], Awaitable[T]],
    *,
    client_order_id: str,
    lookups: int = 5,
    backoff_s: float = 0.2,
) -> T:
    """`place_once`, except that a documented not-executed 503 is raised as is (nothing to look up)."""

    async def guarded() -> T:
        try:
            return await submit()
        except ExchangeUnavailable as exc:
            if is_not_executed(exc):
                raise _NotExecuted(exc) from exc
            raise

    try:
        return await place_once(guarded, lookup, client_order_id=client_order_id, venue=VENUE, lookups=lookups,
                                backoff_s=backoff_s)
    except _NotExecuted as wrapped:
        raise wrapped.error from wrapped.error.__cause__


async def resolve_ambiguous(
    cause: VenueError,
    lookup: Callable[[], Awaitable[T]],
    *,
    client_order_id: str,
    lookups: int = 5,
    backoff_s: float = 0.2,
) -> T:
    """After a batch whose outcome is unknown: find one order by id, or raise `UnknownOrderState`."""

    async def replay() -> NoReturn:
        raise cause

    return await place_once(replay, lookup, client_order_id=client_order_id, venue=VENUE, lookups=lookups,
                            backoff_s=backoff_s)


def is_ambiguous(error: VenueError) -> bool:
    """Sent, and the venue may have acted: timeouts/drops after send, 5xx other than the not-executed ones."""
    if isinstance(error, NetworkError):
        return error.request_sent
    return isinstance(error, ExchangeUnavailable) and not is_not_executed(error)


__all__ = ["UnknownOrderState", "client_order_ids", "is_ambiguous", "place_exactly_once", "resolve_ambiguous",
           "resolve_client_id", "to_new_order"]
