"""JSON in and out: orjson for speed, with an exact path for numbers a float cannot hold."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, TypeVar

import orjson
from pydantic import TypeAdapter

from .gcpause import gc_paused
from .numbers import format_decimal

T = TypeVar("T")

#: Bodies from this size (a list of ~25 orders) are decoded with the garbage collector paused (`gcpause`).
GC_PAUSE_BYTES = 16 * 1024

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

#: Every digit becomes `0` and `E` becomes `e` (same length, same positions), so the cheap checks below are
#: literal patterns: the regex engine compares bytes instead of testing character classes.
_ONE_DIGIT = bytes.maketrans(b"0123456789E", b"0000000000e")

#: On `_ONE_DIGIT` text. Necessary for a long fraction (`a + b >= 16` means 9+ digits after the dot or 8+ before
#: it) and cheaper per dot, so `_LONG_FRACTION` runs only from the first dot this finds (venues send 8 decimals).
_FRACTION_HINT = re.compile(
    rb"\.(?:%s|(?<=%s\.))" % (b"0" * (EXACT_DIGITS // 2 + 1), b"0" * (EXACT_DIGITS // 2))
)

#: On `_ONE_DIGIT` text: an exponent candidate, `<digit>e<digit|sign>` (`2e400`, `1.5E-7`). Its two-byte literal
#: prefix stops the engine only at `0e`, not at every `e` of the keys.
_EXPONENT = re.compile(rb"0e[-+0]")
_NUMBER_BODY = frozenset(b"0.")
_BEFORE_NUMBER = frozenset(b" \t\r\n:,[")


def _long_fraction(data: bytes, digits: bytes) -> bool:
    """Some `.` has 16 or more digits right around it (`digits`: `data` through `_ONE_DIGIT`)."""
    hint = _FRACTION_HINT.search(digits)
    return hint is not None and _LONG_FRACTION.search(data, hint.start()) is not None


def _exponent_number(digits: bytes) -> bool:
    """Some JSON number token has an exponent (it goes through a float on the fast path: `2e400` overflows,
    `1e-400` becomes 0). Candidates inside strings (hex ids like `"a3e5"`) are told apart by what precedes
    the digits: a number starts after `:`, `,`, `[`, whitespace or at the start, with an optional `-`."""
    match = _EXPONENT.search(digits)
    while match is not None:
        i = match.start() - 1
        while i >= 0 and digits[i] in _NUMBER_BODY:
            i -= 1
        if i >= 0 and digits[i] == 0x2D:  # "-"
            i -= 1
        if i < 0 or digits[i] in _BEFORE_NUMBER:
            return True
        match = _EXPONENT.search(digits, match.start() + 1)
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
    digits = data.translate(_ONE_DIGIT)
    return _long_fraction(data, digits) or _exponent_number(digits)


def _exact_loads(data: bytes) -> Any:
    """`json.loads` with Decimal fractions; a number Decimal cannot hold (`0e1000000000000000000`) is a
    `ValueError` like any other malformed body, so codecs report it as `BadResponse`."""
    try:
        return loads(data)
    except ArithmeticError as exc:
        raise ValueError(f"JSON number out of Decimal's range: {exc!r}") from exc


def decode(adapter: TypeAdapter[T], data: bytes) -> T:
    """Validate JSON bytes into `T`: pydantic's Rust parser, or the exact path for long fractions/exponents.

    Calls the adapter's core validator directly: `TypeAdapter.validate_json` adds ~0.2 µs of Python per call.
    """
    validator = adapter.validator
    exact = needs_exact_path(data)
    result: T
    if len(data) < GC_PAUSE_BYTES:
        result = validator.validate_python(_exact_loads(data)) if exact else validator.validate_json(data)
        return result
    with gc_paused:
        result = validator.validate_python(_exact_loads(data)) if exact else validator.validate_json(data)
    return result
