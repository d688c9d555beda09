"""Decimal fields of venue models (`core/types/fast_decimal.py`) read exactly like pydantic's own, faster.

The reference is pydantic itself: the same field in a plain `BaseModel`, which `fast_decimal` never touches.
Same value (digits, exponent and sign: `as_tuple()`) or the same refusal, for every JSON and Python value.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError, create_model

from venuekit.connectors.binance_usdm.endpoints import ENDPOINTS as BINANCE
from venuekit.connectors.bingx.endpoints import ENDPOINTS as BINGX
from venuekit.connectors.gate_crossex.endpoints import ENDPOINTS as GATE
from venuekit.core.codec import JsonDecoder
from venuekit.core.types import VenueModel
from venuekit.core.types import fast_decimal as fd
from venuekit.core.types.fast_decimal import EXACT, InexactNumber, NumbersFirst, all_guarded

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None)

FIELDS: dict[str, Any] = {
    "Decimal": Decimal,
    "Decimal | None": Decimal | None,
    "list[Decimal]": list[Decimal],
    "NumbersFirst": Annotated[Decimal, NumbersFirst()],
}


def _pair(field: Any) -> tuple[TypeAdapter[Any], TypeAdapter[Any]]:
    fast = create_model("Fast", __base__=VenueModel, v=(field, ...))
    plain = create_model("Plain", __base__=BaseModel, v=(field, ...))
    return TypeAdapter(fast), TypeAdapter(plain)


PAIRS = {name: _pair(field) for name, field in FIELDS.items()}

_NUMERIC = st.text(alphabet="0123456789.-+eE_ \t\u0660\u0661", max_size=12)
_WORDS = st.sampled_from(["", " ", "NaN", "-Infinity", "inf", "sNaN", "1_000", "0x10", "1e999999", "-0", "+.5",
                          "1.", "١٢٣", "0.00000000", "2.1710", "1E+3", " 7 "])
_FLOATS = st.floats(allow_nan=True, allow_infinity=True) | st.floats(-1e6, 1e6).map(lambda f: round(f, 6))
SCALARS = st.one_of(_NUMERIC, _WORDS, st.text(max_size=6), st.integers(-(10**30), 10**30), _FLOATS,
                    st.booleans(), st.none())
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=3), SCALARS, max_size=2))


def _outcome(adapter: TypeAdapter[Any], run: Any) -> Any:
    try:
        value = run(adapter).v
    except ValidationError:
        return "refused"
    if isinstance(value, list):
        return [(type(v), v.as_tuple()) for v in value]
    return None if value is None else (type(value), value.as_tuple())


def _wrap(name: str, value: Any) -> Any:
    return [value] if name == "list[Decimal]" else value


@pytest.mark.parametrize("name", PAIRS)
@SETTINGS
@given(value=VALUES)
@example(value=-0.0)
@example(value=1e300)
@example(value=100.0)
@example(value="")
@example(value=" 1.5 ")
def test_json_values_read_as_pydantic_reads_them(name: str, value: Any) -> None:
    try:
        text = json.dumps({"v": _wrap(name, value)}, allow_nan=False)
    except ValueError:
        return
    fast, plain = PAIRS[name]
    assert _outcome(fast, lambda a: a.validate_json(text)) == _outcome(plain, lambda a: a.validate_json(text))


@pytest.mark.parametrize("name", PAIRS)
@SETTINGS
@given(value=VALUES | st.decimals())
@example(value=Decimal("sNaN"))
@example(value=1.5)
def test_python_values_read_as_pydantic_reads_them(name: str, value: Any) -> None:
    data = {"v": _wrap(name, value)}
    fast, plain = PAIRS[name]
    assert _outcome(fast, lambda a: a.validate_python(data)) == _outcome(plain, lambda a: a.validate_python(data))


@pytest.mark.parametrize("name", PAIRS)
def test_a_codec_decode_signals_json_fractions_and_nothing_else(name: str) -> None:
    fast, _ = PAIRS[name]
    for literal in ("0.5", "1e5", "-0.0", "2E-3"):
        body = f'{{"v": [{literal}]}}' if name == "list[Decimal]" else f'{{"v": {literal}}}'
        with pytest.raises(InexactNumber):
            fast.validate_json(body, context=EXACT)
    assert _outcome(fast, lambda a: a.validate_json(json.dumps({"v": _wrap(name, "0.5")}), context=EXACT)) != "refused"
    assert _outcome(fast, lambda a: a.validate_json(json.dumps({"v": _wrap(name, 7)}), context=EXACT)) != "refused"
    assert _outcome(fast, lambda a: a.validate_python({"v": _wrap(name, 0.5)}, context=EXACT)) != "refused"


class Holder(VenueModel):
    value: Decimal
    maybe: Decimal | None = None


#: The literal forms of tests/properties/test_decimal_properties.py: sign, digits, fraction, exponent.
_DIGITS = st.text("0123456789", min_size=1, max_size=40)
LITERALS = st.builds(
    lambda sign, whole, frac, exp: f"{sign}{whole.lstrip('0') or '0'}{frac}{exp}",
    st.sampled_from(["", "-"]), _DIGITS, st.one_of(st.just(""), _DIGITS.map(lambda d: "." + d)),
    st.one_of(st.just(""), st.integers(-400, 400).map(lambda e: f"e{e}"), st.integers(0, 30).map(lambda e: f"E+{e}")),
)


@SETTINGS
@given(literal=LITERALS)
@example(literal="0.30000000000000000001")
@example(literal="1e-400")
@example(literal="12345678901234567891e5")
def test_a_guarded_decoder_reads_every_number_exactly(literal: str) -> None:
    decoder = JsonDecoder(TypeAdapter(Holder))
    assert not decoder.scans
    assert decoder(f'{{"value":"{literal}"}}'.encode()).value == Decimal(literal)
    assert not decoder.scans, "a string never makes the decoder scan"
    assert decoder(f'{{"value":{literal}}}'.encode()).value == Decimal(literal)
    assert decoder(f'{{"value":"1","maybe":{literal}}}'.encode()).maybe == Decimal(literal)


def test_the_first_json_fraction_switches_the_decoder_to_scanning() -> None:
    decoder = JsonDecoder(TypeAdapter(list[Holder]))
    assert decoder(b'[{"value":"0.1"},{"value":2}]')[1].value == Decimal(2)
    assert not decoder.scans
    rows = decoder(b'[{"value":"0.1"},{"value":0.25,"maybe":0.1000000000000000055511151231257827}]')
    assert (rows[1].value, rows[1].maybe) == (Decimal("0.25"), Decimal("0.1000000000000000055511151231257827"))
    assert decoder.scans
    assert decoder(b'[{"value":0.1}]')[0].value.as_tuple() == Decimal("0.1").as_tuple()


def test_an_unguarded_type_is_scanned_from_the_start() -> None:
    class Plain(BaseModel):
        value: Decimal

    assert not all_guarded(TypeAdapter(Plain).core_schema)
    decoder = JsonDecoder(TypeAdapter(Plain))
    assert decoder.scans
    assert decoder(b'{"value":0.30000000000000000001}').value == Decimal("0.30000000000000000001")


def test_the_same_text_gives_the_same_instance() -> None:
    decoder = JsonDecoder(TypeAdapter(list[Holder]))
    rows = decoder(b'[{"value":"123.4500"},{"value":"123.4500"},{"value":0}]')
    assert rows[0].value is rows[1].value
    assert str(rows[0].value) == "123.4500"


def test_a_full_table_starts_over_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fd, "TABLE_SIZE", 8)
    monkeypatch.setattr(fd, "_TEXTS_OR_BLANK", fd._TextTable({"": None}))
    table = fd._TEXTS_OR_BLANK
    for n in range(50):
        assert table[f"{n}.5"] == Decimal(f"{n}.5")
        assert len(table) <= 8
    assert table[""] is None, "the blank entry survives a restart"
    with pytest.raises(ValueError, match="not a decimal"):
        table["1.5.5"]
    with pytest.raises(ValueError, match="not a finite"):
        table["NaN"]


@pytest.mark.parametrize("value", [0.0, -0.0, 100.0, 1e300, 1e-7, 0.1, 2.5e-10, 1.7976931348623157e308, 5e-324,
                                   123456.789, 1e16, 1e22, 1.5e15])
def test_json_float_decimal_is_pydantics_reading_of_a_json_float(value: float) -> None:
    native = TypeAdapter(Decimal).validate_json(json.dumps(value))
    assert fd.json_float_decimal(value).as_tuple() == native.as_tuple()


@pytest.mark.parametrize(("venue", "endpoints"), [("binance-usdm", BINANCE), ("bingx", BINGX), ("gate-crossex", GATE)])
def test_every_endpoint_response_is_decoded_without_a_scan(venue: str, endpoints: Any) -> None:
    """A venue model with a Decimal outside `fast_decimal` would make every body of its endpoint scanned."""
    scanned = [e.name or e.path for e in endpoints if JsonDecoder(TypeAdapter(e.response)).scans]
    assert scanned == [], f"{venue}: {scanned}"


def test_constrained_decimals_keep_their_own_validator() -> None:
    from pydantic import Field

    class Bounded(VenueModel):
        value: Annotated[Decimal, Field(gt=0)]

    adapter = TypeAdapter(Bounded)
    adapter.rebuild()
    assert not all_guarded(adapter.core_schema)
    assert JsonDecoder(TypeAdapter(Bounded)).scans
    with pytest.raises(ValidationError, match="greater than 0"):
        Bounded.model_validate_json(b'{"value":"-1"}')


def test_json_schema_is_unchanged() -> None:
    fast, plain = PAIRS["Decimal | None"]
    assert fast.json_schema()["properties"] == plain.json_schema()["properties"]


def test_table_values_are_finite() -> None:
    assert all(v is None or v.is_finite() for v in fd._TEXTS.values())


def test_json_floats_read_twice_read_the_same_and_zeros_keep_their_sign() -> None:
    """Outside a codec's first read a JSON float's `Decimal` is remembered; `0.0` and `-0.0` are equal as
    floats but not as pydantic's Decimals (`0` / `-0`), so they are never remembered."""
    fast, plain = PAIRS["Decimal"]
    for literal in ("0.0", "-0.0", "0.0", "-0.0", "2.5", "2.5", "-2.5", "1e300", "1e300"):
        body = f'{{"v": {literal}}}'

        def read(adapter: TypeAdapter[Any], text: str = body) -> Any:
            return adapter.validate_json(text)

        assert _outcome(fast, read) == _outcome(plain, read)
