"""Shared pieces of the endpoint groups: the client seam, input checks and Endpoint shorthand."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol, TypeVar

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest
from venuekit.core.ratelimit.quota import Cost
from venuekit.core.validation import require_pattern, require_range

from ..limits import weight

T = TypeVar("T")

SYMBOL_RE: Final = re.compile(r"[A-Z0-9_]{1,32}")
#: Binance's rule for newClientOrderId / origClientOrderId.
CLIENT_ORDER_ID_RE: Final = re.compile(r"[\.A-Z\:/a-z0-9_-]{1,36}")


class Caller(Protocol):
    """What an endpoint group needs from the raw client: `RestClient.call`."""

    async def call(self, endpoint: Endpoint[T], params: Mapping[str, object] | None = None,
                   body: object = None) -> T: ...


class Group:
    """Base of the endpoint groups: holds the caller."""

    def __init__(self, client: Caller) -> None:
        self._client = client


def endpoint(
    name: str,
    method: str,
    path: str,
    response: Any,
    *,
    costs: tuple[Cost, ...] | None = None,
    cost_fn: Callable[[Mapping[str, str]], tuple[Cost, ...]] | None = None,
    signed: bool = True,
    retry_safe: bool | None = None,
    places_order: bool = False,
    security: str = "USER_DATA",
) -> Endpoint[Any]:
    """`Endpoint` with weight-1 default and the Binance security type kept in `extra`."""
    return Endpoint(
        method=method, path=path, response=response, signed=signed,
        costs=costs if costs is not None else weight(1), cost_fn=cost_fn, retry_safe=retry_safe,
        places_order=places_order, name=name, extra={"security": security},
    )


def check_symbol(value: str | None, *, field: str = "symbol", required: bool = True) -> None:
    if value is None:
        if required:
            raise InvalidRequest("is required", field=field)
        return
    require_pattern(field, value, SYMBOL_RE, "a Binance symbol like 'BTCUSDT'")


def check_client_id(value: str | None, field: str = "newClientOrderId") -> None:
    require_pattern(field, value, CLIENT_ORDER_ID_RE, "1-36 characters of [.A-Z:/a-z0-9_-]")


def check_one_of(**values: object) -> None:
    """Binance's "either orderId or origClientOrderId must be sent"."""
    if all(v is None for v in values.values()):
        raise InvalidRequest(f"one of {' / '.join(values)} is required", field=next(iter(values)))


def check_limit(value: int | None, high: int) -> None:
    require_range("limit", value, 1, high)


def check_window(start: int | None, end: int | None) -> None:
    if start is not None and end is not None and start > end:
        raise InvalidRequest("startTime is after endTime", field="startTime")


def order_id_param(order_id: str | int | None) -> int | None:
    """Order ids are strings in venuekit; Binance wants a LONG."""
    if order_id is None:
        return None
    text = str(order_id)
    if not text.isdigit():
        raise InvalidRequest(f"{order_id!r} is not a Binance order id", field="orderId")
    return int(text)
