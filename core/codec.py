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

#: Digits (before + after the dot) from which a fractional literal may not survive a float.
EXACT_DIGITS = 16


def _long_fraction_pattern(digits: int = EXACT_DIGITS) -> re.Pattern[bytes]:
    """A `.` with `b` digits right before it and `a` right after, `a + b >= digits`.

    Anchored on the dot (the regex engine skips to each `.` with a literal scan), then one digit after
    the dot per level: at depth `a` a single fixed-width look-behind asks for the `digits - a` before it.
    Every digit is read once, unlike a look-ahead tried at every byte.
    """
    tail = rb"(?<=[0-9]\.[0-9]{%d})|[0-9]" % (digits - 1)
    for after in range(digits - 2, -1, -1):
        tail = rb"(?<=[0-9]{%d}\.[0-9]{%d})|[0-9](?:%s)" % (digits - after, after, tail)
    return re.compile(rb"\.(?:" + tail + rb")")


# A fractional literal with 16+ digits may not survive a float; only then take the slow exact path.
_LONG_FRACTION = _long_fraction_pattern()

# `<digit>e<digit|sign>` candidates for an exponent (`2e400`, `1.5E-7`); one literal-prefix scan per case.
_EXPONENTS = (re.compile(rb"e[-+0-9](?<=[0-9]e.)"), re.compile(rb"E[-+0-9](?<=[0-9]E.)"))
_NUMBER_BODY = frozenset(b"0123456789.")
_BEFORE_NUMBER = frozenset(b" \t\r\n:,[")


def _exponent_number(data: bytes) -> bool:
    """Some JSON number token has an exponent (it goes through a float on the fast path: `2e400` overflows,
    `1e-400` becomes 0). Candidates inside strings (hex ids like `"a3e5"`) are told apart by what precedes
    the digits: a number starts after `:`, `,`, `[`, whitespace or at the start, with an optional `-`."""
    for pattern in _EXPONENTS:
        match = pattern.search(data)
        while match is not None:
            i = match.start() - 1
            while i >= 0 and data[i] in _NUMBER_BODY:
                i -= 1
            if i >= 0 and data[i] == 0x2D:  # "-"
                i -= 1
            if i < 0 or data[i] in _BEFORE_NUMBER:
                return True
            match = pattern.search(data, match.end())
    return False


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
    """A number literal a float may not hold: 16+ digits around a dot, or an exponent."""
    return _LONG_FRACTION.search(data) is not None or _exponent_number(data)


def decode(adapter: TypeAdapter[T], data: bytes) -> T:
    """Validate JSON bytes into `T`: pydantic's Rust parser, or the exact path for long fractions/exponents."""
    if _LONG_FRACTION.search(data) is None and not _exponent_number(data):
        return adapter.validate_json(data)
    return adapter.validate_python(json.loads(data, parse_float=Decimal))
