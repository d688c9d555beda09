"""The blank-as-None field types read like the per-value `BeforeValidator` hooks they replaced.

Same value (same `Decimal` digits and exponent, same `str`) or same rejection for every JSON value, through
`validate_json` and through the exact path's `validate_python`. One documented difference: a JSON *float* on the
`validate_json` path is now formatted by pydantic-core (`1.0` -> `Decimal('1')`, `"1"`), as plain `Decimal` fields
always did, where the hook went through Python's `str(float)` (`Decimal('1.0')`, `"1.0"`): the same number.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BeforeValidator, Field, TypeAdapter, ValidationError, create_model

from venuekit.connectors.bingx.enums import PositionSide
from venuekit.connectors.bingx.models import common as bingx
from venuekit.core.types import VenueModel
from venuekit.core.types import fields as core

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _strip_blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _empty(value: object) -> object:
    return None if value == "" else value


_BX = BeforeValidator(_strip_blank)
_L2R = Field(union_mode="left_to_right")
#: name -> (type now, the hooked definition it replaced)
PAIRS: dict[str, tuple[Any, Any]] = {
    "bingx.OptDec": (bingx.OptDec, Annotated[Decimal | None, _BX]),
    "bingx.OptId": (bingx.OptId, Annotated[str | None, _BX]),
    "bingx.OptInt": (bingx.OptInt, Annotated[int | None, _BX]),
    "bingx.PosSide": (bingx.PosSide, Annotated[PositionSide | str | None, _L2R, _BX]),
    "bingx.Flag": (bingx.Flag, Annotated[bool | str | None, _L2R, _BX]),
    "core.OptionalDecimal": (core.OptionalDecimal, Annotated[Decimal | None, BeforeValidator(_empty)]),
    "core.OptionalInt": (core.OptionalInt, Annotated[int | None, BeforeValidator(_empty)]),
    "core.OptionalBool": (core.OptionalBool, Annotated[bool | None, BeforeValidator(_empty)]),
}


def _adapter(field_type: Any) -> TypeAdapter[Any]:
    """In a `VenueModel`, whose config (`coerce_numbers_to_str`) the venue models share."""
    return TypeAdapter(create_model("Holder", __base__=VenueModel, v=(field_type, None)))


ADAPTERS = {name: (_adapter(new), _adapter(old)) for name, (new, old) in PAIRS.items()}

_TEXT = st.text(alphabet=core.WHITESPACE + "\u200b0123456789.-+eE_xnaNIiftyrusLONGSHORTBOTH", max_size=8)
json_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), _TEXT,
    st.sampled_from(["", " ", "\x1c", "\u3000", "NaN", "-Infinity", "sNaN", "1_000", "true", "no", "LONG", " 1.5 "]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.sampled_from("ab"), st.integers(), max_size=1),
)


def _outcome(adapter: TypeAdapter[Any], body: str, *, python: bool) -> tuple[Any, ...]:
    try:
        holder = (adapter.validate_python(json.loads(body, parse_float=Decimal)) if python
                  else adapter.validate_json(body))
    except ValidationError:
        return ("rejected",)
    value = holder.v
    return (type(value), value.as_tuple() if isinstance(value, Decimal) else value)


def _as_number(outcome: tuple[Any, ...]) -> Decimal | None:
    value = outcome[-1]
    if isinstance(value, tuple):
        return Decimal(value)  # type: ignore[arg-type]
    try:
        return Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        return None


@pytest.mark.parametrize("name", sorted(PAIRS))
@SETTINGS
@given(value=json_values)
@example(value="")
@example(value="   ")
@example(value="\x85")
@example(value=0)
@example(value=1736012449498123500)
@example(value=1.0)
@example(value=2.5)
def test_same_result_as_the_hook(name: str, value: Any) -> None:
    new, old = ADAPTERS[name]
    body = json.dumps({"v": value})
    assert _outcome(new, body, python=True) == _outcome(old, body, python=True)
    got, expected = _outcome(new, body, python=False), _outcome(old, body, python=False)
    if isinstance(value, float) and got != expected:
        assert got[0] is expected[0] and _as_number(got) == _as_number(expected) is not None
    else:
        assert got == expected


def test_whitespace_is_what_str_strip_removes() -> None:
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == core.WHITESPACE


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u3000"])
def test_bingx_blanks_read_as_none_core_only_the_empty_string(blank: str) -> None:
    body = json.dumps({"v": blank})
    for name in ("bingx.OptDec", "bingx.OptId", "bingx.OptInt", "bingx.PosSide", "bingx.Flag"):
        assert ADAPTERS[name][0].validate_json(body).v is None
    assert ADAPTERS["core.OptionalDecimal"][0].validate_json('{"v":""}').v is None
    if blank:
        with pytest.raises(ValidationError):
            ADAPTERS["core.OptionalDecimal"][0].validate_json(body)


def test_a_non_blank_string_keeps_the_types_own_error() -> None:
    with pytest.raises(ValidationError, match="valid decimal"):
        ADAPTERS["core.OptionalDecimal"][0].validate_json('{"v":"abc"}')
