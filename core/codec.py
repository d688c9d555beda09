"""JSON in and out: orjson for speed, with an exact path for numbers a float cannot hold."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, TypeVar

import orjson
from pydantic import TypeAdapter

from .numbers import format_decimal

T = TypeVar("T")

# A fractional literal with 16+ digits may not survive a float; only then take the slow exact path.
_LONG_FRACTION = re.compile(rb"(?=[0-9.]{17})[0-9]*\.[0-9]+")


def _default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return format_decimal(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def dumps(obj: object) -> bytes:
    """Compact JSON; Decimals become strings so no precision is lost."""
    return orjson.dumps(obj, default=_default)


def loads(data: bytes | str) -> Any:
    """Parse JSON with every fractional number as an exact Decimal."""
    return json.loads(data, parse_float=Decimal)


def needs_exact_path(data: bytes) -> bool:
    return _LONG_FRACTION.search(data) is not None


def decode(adapter: TypeAdapter[T], data: bytes) -> T:
    """Validate JSON bytes into `T`: pydantic's Rust parser, or the exact path for long fractions."""
    if _LONG_FRACTION.search(data) is None:
        return adapter.validate_json(data)
    return adapter.validate_python(json.loads(data, parse_float=Decimal))
