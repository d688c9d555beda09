"""JSON in and out: orjson for speed, with an exact path for numbers a float cannot hold."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar
from weakref import WeakKeyDictionary

import orjson
from pydantic import TypeAdapter

from .gcpause import gc_paused
from .numbers import format_decimal
from .types.fast_decimal import EXACT, InexactNumber, all_guarded

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


class _Validator(Protocol):
    """What a decoder uses of pydantic's (plain or plugin-wrapped) `SchemaValidator`."""

    def validate_json(self, data: bytes, /, *, context: object = ...) -> Any: ...

    def validate_python(self, data: object, /) -> Any: ...


class JsonDecoder(Generic[T]):
    """JSON bytes into `T`, every number exact: pydantic's Rust parser, and an exact path when a float could lose.

    A type whose Decimal fields are all guarded (`VenueModel`s, `core/types/fast_decimal.py`) is first read with
    no scan at all: a JSON fraction reaching a Decimal raises `InexactNumber`. From then on this decoder knows
    its endpoint sends fractions as numbers and scans every body first, as it does for unguarded types: bodies
    whose numbers a float holds exactly are validated as they are, the others through `json.loads` with Decimals.
    Built on first use (or `build()`), so declaring one costs nothing at import.
    """

    __slots__ = ("_optimistic", "_validator", "adapter")

    def __init__(self, adapter: TypeAdapter[T]) -> None:
        self.adapter = adapter
        self._validator: _Validator | None = None
        self._optimistic = False

    def build(self) -> JsonDecoder[T]:
        """Build the validator now (models are `defer_build`: the first decode would otherwise pay for it)."""
        if self._validator is None:
            adapter = self.adapter
            adapter.rebuild()  # a deferred adapter holds stand-ins that rebuild on every use until then
            self._optimistic = all_guarded(adapter.core_schema)
            self._validator = adapter.validator
        return self

    @property
    def scans(self) -> bool:
        """Bodies are scanned for numbers a float cannot hold before validation (see the class docstring)."""
        return not self.build()._optimistic

    def __call__(self, data: bytes) -> T:
        """`_decode`, with its first step repeated inline for the common case (a small body, validator built,
        no fraction seen yet): the extra method call would be ~1 % of a small decode."""
        validator = self._validator
        if self._optimistic and validator is not None and len(data) < GC_PAUSE_BYTES:
            try:
                result: T = validator.validate_json(data, context=EXACT)
                return result
            except InexactNumber:
                self._optimistic = False
        if len(data) < GC_PAUSE_BYTES:
            return self._decode(data)
        with gc_paused:
            return self._decode(data)

    def _decode(self, data: bytes) -> T:
        validator = self._validator or self.build()._validator
        assert validator is not None
        result: T
        if self._optimistic:
            try:
                result = validator.validate_json(data, context=EXACT)
                return result
            except InexactNumber:
                self._optimistic = False
        if needs_exact_path(data):
            result = validator.validate_python(_exact_loads(data))
        else:
            result = validator.validate_json(data)
        return result


_DECODERS: WeakKeyDictionary[TypeAdapter[Any], JsonDecoder[Any]] = WeakKeyDictionary()
_BY_TYPE: dict[Any, JsonDecoder[Any]] = {}


def decoder_for(response_type: Any) -> JsonDecoder[Any]:
    """The process-wide decoder of a response type: its adapter and schema check are built once, not once per
    client (a portfolio of 100 clients used to build 100 adapters per endpoint, ~0.5 ms each)."""
    found = _BY_TYPE.get(response_type)
    if found is None:
        found = _BY_TYPE[response_type] = JsonDecoder(TypeAdapter(response_type))
    return found


def decoder(adapter: TypeAdapter[T]) -> JsonDecoder[T]:
    """The `JsonDecoder` of `adapter`, built once per adapter."""
    found = _DECODERS.get(adapter)
    if found is None:
        found = _DECODERS[adapter] = JsonDecoder(adapter).build()
    return found


def decode(adapter: TypeAdapter[T], data: bytes) -> T:
    """Validate JSON bytes into `T` with every number exact (`JsonDecoder`; hot paths keep their decoder)."""
    return decoder(adapter)(data)
