"""Helpers shared by the endpoint groups: declaration, path segments, input checks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest
from venuekit.core.validation import require_positive, require_range

from ..config import API_PREFIX
from ..limits import cost

T = TypeVar("T")

CROSSEX = API_PREFIX + "/crossex"
CLIENT_ORDER_ID = re.compile(r"[A-Za-z0-9_-]{1,28}")


def declare(
    name: str,
    method: str,
    path: str,
    response: Any,
    *,
    signed: bool = True,
    quota: str | None = None,
    places_order: bool = False,
    retry_safe: bool | None = None,
    prefix: str = CROSSEX,
) -> Endpoint[Any]:
    """One endpoint; `path` is relative to `/api/v4/crossex` unless `prefix` says otherwise."""
    return Endpoint(
        method=method,
        path=prefix + path,
        response=response,
        signed=signed,
        costs=cost(quota or name),
        retry_safe=retry_safe,
        places_order=places_order,
        name=name,
    )


def csv(field: str, values: str | Sequence[str] | None) -> str | None:
    """Comma-separated list parameter (`symbols=A,B`); a plain string passes through."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    if not items or any(not v or "," in v for v in items):
        raise InvalidRequest("needs one or more non-empty names without commas", field=field)
    return ",".join(items)


def require_text(field: str, value: str) -> None:
    if not value or not value.strip():
        raise InvalidRequest("is required", field=field)


def page_params(page: int | None, limit: int | None, start: int | None, end: int | None) -> dict[str, Any]:
    """`page`, `limit` (1..1000) and the `from`/`to` millisecond window of the history endpoints."""
    require_range("page", page, 1, 1_000_000)
    require_range("limit", limit, 1, 1000)
    if start is not None and end is not None and start > end:
        raise InvalidRequest(f"from ({start}) is after to ({end})", field="from")
    return {"page": page, "limit": limit, "from": start, "to": end}


def positive(field: str, value: Decimal | None, *, required: bool = False) -> None:
    require_positive(field, value, allow_none=not required)


def check_client_order_id(value: str | None) -> None:
    """Letters, digits, `-` and `_` (the document's rule); 28 characters at most (our conservative cap)."""
    if value is not None and not CLIENT_ORDER_ID.fullmatch(value):
        raise InvalidRequest(
            f"{value!r} must be 1-28 characters of letters, digits, '-' or '_'", field="text"
        )
