"""What every BingX endpoint group shares: declaration helper, pre-wire validation, compact JSON values."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar

import orjson

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest
from venuekit.core.numbers import format_decimal
from venuekit.core.signing.params import render_params
from venuekit.core.transport.client import RestClient
from venuekit.core.validation import (
    reject_forbidden_chars,
    require_length,
    require_pattern,
    require_positive,
    require_range,
)

from .. import limits
from ..config import VENUE

T = TypeVar("T")

#: `BASE-QUOTE`, at most 20 characters. Seed 003 writes `^[A-Z0-9]+-[A-Z]+$`, but listed swap bases
#: include non-ASCII letters (`MØTH-USDT`), which the signer encodes and signs exactly: any letter/digit goes.
SYMBOL_PATTERN: Final = re.compile(r"[^\W_]+-[A-Z0-9]+")
SYMBOL_MAX: Final = 20
#: Trade doc: "a limit of characters from 1 to 40"; BingX lower-cases it.
CLIENT_ID_MAX: Final = 40
ORDER_ID_PATTERN: Final = re.compile(r"[0-9]{1,20}")


def endpoint(
    name: str,
    method: str,
    path: str,
    response: Any,
    *,
    signed: bool = True,
    shape: str = "data",
    places_order: bool = False,
    retry_safe: bool | None = None,
) -> Endpoint[Any]:
    """An `Endpoint` named `<group>.<method>` with its quota costs from `limits`."""
    return Endpoint(
        method,
        path,
        response,
        signed=signed,
        costs=limits.costs(name),
        name=name,
        places_order=places_order,
        retry_safe=retry_safe,
        extra={"shape": shape},
    )


def check_symbol(value: str | None, *, field: str = "symbol", required: bool = True) -> None:
    if value is None:
        if required:
            raise InvalidRequest("is required", field=field, venue=VENUE)
        return
    require_length(field, value, 1, SYMBOL_MAX)
    require_pattern(field, value, SYMBOL_PATTERN, "a BingX symbol like 'BTC-USDT'")


def check_positive(**values: Decimal | None) -> None:
    for field, value in values.items():
        require_positive(_camel(field), value)


def check_client_id(value: str | None, field: str = "clientOrderId") -> None:
    require_length(field, value, 1, CLIENT_ID_MAX)


def check_order_id(value: str | None, field: str = "orderId") -> None:
    require_pattern(field, value, ORDER_ID_PATTERN, "a numeric BingX order id")


def check_range(field: str, value: int | None, low: int, high: int) -> None:
    require_range(field, value, low, high)


def check_length(field: str, value: str | None, low: int, high: int) -> None:
    require_length(field, value, low, high)


def one_of(**values: object) -> None:
    """At least one of the named parameters must be given (e.g. orderId or clientOrderId)."""
    if all(v is None for v in values.values()):
        raise InvalidRequest("one of them is required", field=" / ".join(_camel(k) for k in values), venue=VENUE)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


class JsonInt(str):
    """An id that must travel as a JSON integer inside JSON-valued parameters (exact, never a float)."""

    __slots__ = ()


def compact_json(value: object) -> str:
    """JSON without spaces; Decimals as number literals (BingX's Go decoder wants numbers for float64
    fields), booleans as the strings `"true"`/`"false"` (documented as string fields), None dropped."""
    if isinstance(value, bool):
        return '"true"' if value else '"false"'
    if isinstance(value, JsonInt):
        return str.__str__(value)
    if isinstance(value, Enum):
        return compact_json(value.value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return orjson.dumps(value).decode()
    if isinstance(value, Mapping):
        items = (f"{orjson.dumps(str(k)).decode()}:{compact_json(v)}" for k, v in value.items() if v is not None)
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(compact_json(v) for v in value) + "]"
    raise TypeError(f"cannot send {type(value).__name__} inside a JSON parameter")


def id_list(ids: Sequence[str], field: str) -> str:
    """`[1735924831603391122,1735924833239172233]`: order ids as exact JSON integers."""
    for order_id in ids:
        check_order_id(order_id, field)
    return "[" + ",".join(ids) + "]"


class ApiGroup:
    """Base of the endpoint groups: validate before the wire, then call."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def _call(self, ep: Endpoint[T], params: Mapping[str, object] | None = None) -> T:
        rendered = render_params(params)
        reject_forbidden_chars(rendered)
        return await self._client.call(ep, rendered)
