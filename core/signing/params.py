"""Rendering typed parameter values into the exact strings that go on the wire."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

import orjson

from ..numbers import format_decimal

ParamValue = str | int | bool | Decimal | Enum | list[Any] | dict[str, Any] | None


def _json_default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return format_decimal(obj)
    if isinstance(obj, Enum):
        return obj.value
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def render_value(value: object) -> str:
    """`True` → `"true"`, `0` → `"0"`, `Decimal("1E-8")` → `"0.00000001"`, lists/dicts → compact JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return render_value(value.value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple | dict):
        return orjson.dumps(value, default=_json_default).decode()
    if isinstance(value, float):
        raise TypeError("floats are not accepted for wire parameters; pass a Decimal or a string")
    raise TypeError(f"cannot send {type(value).__name__} as a parameter")


def render_params(params: Mapping[str, object] | None) -> dict[str, str]:
    """Drop only `None` (meaning "not given"); `False`, `0` and `""` are sent."""
    if not params:
        return {}
    return {k: render_value(v) for k, v in params.items() if v is not None}


def json_body(body: object) -> bytes:
    """Compact JSON for request bodies; Decimals as JSON strings, never floats."""
    return orjson.dumps(body, default=_json_default)


def join_pairs(pairs: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in pairs)
