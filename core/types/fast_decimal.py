"""Decimal fields of venue models, validated without building a `Decimal` per value and without a float.

pydantic builds a new `Decimal` for every money string (~110–190 ns each; an account body has ~45), although
venues repeat a few values over and over (`"0.00000000"`, `"0"`, one price on many orders). `Decimal` is
immutable, so one instance per distinct text can be shared: the common case becomes a C-level dict lookup.

A JSON number with a fraction reaches pydantic as a float, which may already have lost digits. During a codec
decode (`EXACT` context) such a float raises `InexactNumber`, and the codec reads that body again the careful
way (`core/codec.py`); venues that send money as strings never pay for a scan of the body.

Every value this module does not handle itself goes to pydantic's own decimal validator, so a field accepts
and rejects exactly what it did before (tests/core/test_fast_decimal.py compares both on generated input).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Final

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

#: Validation context a codec passes: a JSON float in a Decimal field then raises `InexactNumber`.
EXACT: Final = object()

#: Distinct values kept per table; a full table starts over (bounded memory, recent values kept).
TABLE_SIZE: Final = 4096

#: Marks the schemas made here, so a schema is never wrapped twice and the codec can tell guarded fields.
MARK: Final = "venuekit.fast_decimal"

#: Keys of a `decimal` schema without constraints; only those are replaced (a constrained one keeps its own).
_PLAIN_KEYS: Final = frozenset({"type", "ref", "metadata", "serialization"})


class InexactNumber(Exception):
    """A JSON number with a fraction met a Decimal field during a codec decode: read the body exactly."""


class _TextTable(dict[str, Decimal | None]):
    """`table[text]` is `Decimal(text)`, shared; a text pydantic would refuse raises `ValueError`.

    Full, it starts over, so values in use now win back their place (a long run's prices drift). A table made
    with `{"": None}` keeps that entry: it serves fields that read a blank as "not given".
    """

    def __init__(self, seed: dict[str, None] | None = None) -> None:
        super().__init__(seed or {})
        self._seed = seed or {}

    def __missing__(self, text: str) -> Decimal:
        try:
            value = Decimal(text)
        except ArithmeticError:
            raise ValueError("not a decimal") from None
        if not value.is_finite():
            raise ValueError("not a finite decimal")
        if len(self) >= TABLE_SIZE:
            self.clear()
            self.update(self._seed)
        self[text] = value
        return value


class _IntTable(dict[int, Decimal]):
    """`table[n]` is `Decimal(n)`; only exact `int`s reach it (the schema before it is a strict int)."""

    def __missing__(self, number: int) -> Decimal:
        value = Decimal(number)
        if len(self) >= TABLE_SIZE:
            self.clear()
        self[number] = value
        return value


_TEXTS = _TextTable()
_TEXTS_OR_BLANK = _TextTable({"": None})
_INTS = _IntTable()
#: JSON floats outside a codec's first read (an endpoint that sends numbers, after its scan found them exact).
_FLOATS: dict[float, Decimal] = {}


def json_float_decimal(value: float) -> Decimal:
    """The `Decimal` pydantic makes of a JSON float: the shortest digits that read back as `value`, written
    positionally (Rust's `f64` text: `100.0` → `100`, `1e300` → 1 and 300 zeros, `-0.0` → `-0`)."""
    text = repr(value)
    if "e" not in text:
        return Decimal(text[:-2] if text.endswith(".0") else text)
    sign, digits, exponent = Decimal(text).as_tuple()
    assert isinstance(exponent, int)
    if exponent > 0:
        digits, exponent = digits + (0,) * exponent, 0
    while exponent < 0 and digits[-1] == 0 and len(digits) > 1:
        digits, exponent = digits[:-1], exponent + 1
    return Decimal((sign, digits, exponent))


def _float_guard(value: float, info: core_schema.ValidationInfo) -> Decimal:
    if info.mode == "json":
        if info.context is EXACT:
            raise InexactNumber
        found = _FLOATS.get(value)
        if found is not None:
            return found
        if math.isfinite(value):
            decimal = json_float_decimal(value)
            if value:  # never 0.0: -0.0 is equal to it and reads "-0"
                if len(_FLOATS) >= TABLE_SIZE:
                    _FLOATS.clear()
                _FLOATS[value] = decimal
            return decimal
    raise PydanticCustomError("decimal_from_float", "left to pydantic's decimal validator")


def fast_decimal_schema(native: core_schema.CoreSchema, *, empty_is_none: bool = False) -> core_schema.CoreSchema:
    """Strings and ints through the shared tables, a JSON fraction to the guard, the rest to `native`.

    `empty_is_none`: `""` is `None`, by the same table lookup (`BlankAsNone` fields: venues send `""` for every
    absent number, and pydantic's own refusal of it costs ~1 µs before the blank check could run).
    """
    texts = _TEXTS_OR_BLANK if empty_is_none else _TEXTS
    after, info_after = core_schema.no_info_after_validator_function, core_schema.with_info_after_validator_function
    return core_schema.union_schema(
        [
            (after(texts.__getitem__, core_schema.str_schema(strict=True)), "str"),
            (after(_INTS.__getitem__, core_schema.int_schema(strict=True)), "int"),
            (info_after(_float_guard, core_schema.float_schema(strict=True)), "float"),
            (native, "decimal"),
        ],
        mode="left_to_right",
        custom_error_type="decimal_parsing",
        metadata={MARK: True, "pydantic_js_functions": [lambda _schema, handler: handler(native)]},
        serialization=native.get("serialization"),
    )


def optional_fast_decimal(schema: core_schema.CoreSchema) -> core_schema.CoreSchema:
    """`Decimal | None` whose `""` is `None` (`BlankAsNone`); any other schema is returned as it is."""
    inner = schema.get("schema") if schema["type"] == "nullable" else None
    if not isinstance(inner, dict) or inner.get("type") != "decimal" or not inner.keys() <= _PLAIN_KEYS:
        return schema
    return core_schema.nullable_schema(fast_decimal_schema(inner, empty_is_none=True))


class NumbersFirst:
    """Field marker: the venue sends this Decimal as a JSON number, so numbers are tried before strings.

    Each form a union tries first costs a refusal to the others (~1.5k instructions per BingX TP/SL object).
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        schema: core_schema.CoreSchema = _numbers_first(with_fast_decimals(handler(source)))
        return schema


def _numbers_first(schema: Any) -> Any:
    if isinstance(schema, list | tuple):
        return type(schema)(_numbers_first(item) for item in schema)
    if not isinstance(schema, dict):
        return schema
    if _is_mark(schema):
        text, number, fraction, native = schema["choices"]
        return {**schema, "choices": [number, fraction, text, native]}
    return {key: _numbers_first(value) for key, value in schema.items()}


def _is_mark(node: dict[str, Any]) -> bool:
    metadata = node.get("metadata")
    return isinstance(metadata, dict) and metadata.get(MARK) is True


def with_fast_decimals(schema: Any) -> Any:
    """`schema` with each unconstrained `decimal` schema replaced by `fast_decimal_schema` (a copy where changed)."""
    if isinstance(schema, dict):
        if _is_mark(schema):
            return schema
        if schema.get("type") == "decimal" and schema.keys() <= _PLAIN_KEYS:
            return fast_decimal_schema(schema)
        changed = {key: with_fast_decimals(value) for key, value in schema.items()}
        return schema if all(changed[key] is value for key, value in schema.items()) else changed
    if isinstance(schema, list | tuple):
        items = [with_fast_decimals(value) for value in schema]
        return schema if all(new is old for new, old in zip(items, schema, strict=True)) else type(schema)(items)
    return schema


def all_guarded(schema: Any) -> bool:
    """Every Decimal in `schema` is guarded: a JSON fraction cannot reach one through a float unnoticed.

    Untyped slots (`Any`, `dict[str, object]`) take JSON numbers as pydantic gives them, fractions as floats;
    no venue model keeps money in one. Anything but a built schema (a deferred adapter's stand-in) is not.
    """
    if not isinstance(schema, dict):
        return False
    seen: set[int] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if _is_mark(node):
                continue
            if node.get("type") == "decimal":
                return False
            stack.extend(value for value in node.values() if isinstance(value, dict | list | tuple))
        elif isinstance(node, list | tuple):
            stack.extend(item for item in node if isinstance(item, dict | list | tuple))
    return True
