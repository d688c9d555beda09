"""Decimals cross the wire exactly: JSON numbers and strings, ints, exponents, huge and tiny values."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import httpx
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from properties_profile import BOUNDED

from venuekit.connectors.binance_usdm.codec import BinanceCodec
from venuekit.connectors.binance_usdm.endpoints.orders import QUERY_ORDER as BINANCE_QUERY
from venuekit.connectors.bingx.codec import BingXCodec
from venuekit.connectors.bingx.endpoints.swap_orders import QUERY_ORDER as BINGX_QUERY
from venuekit.connectors.gate_crossex.codec import GateCodec
from venuekit.connectors.gate_crossex.endpoints.orders import GET_ORDER as GATE_GET
from venuekit.core.codec import decode
from venuekit.core.errors import RequestInfo
from venuekit.core.numbers import format_decimal, to_decimal
from venuekit.core.signing.params import render_value
from venuekit.core.transport.response import RawResponse


class Holder(BaseModel):
    value: Decimal


HOLDER = TypeAdapter(Holder)
INFO = RequestInfo("GET", "/property")

digits = st.text("0123456789", min_size=1, max_size=40)
#: JSON number literals as venues write them: sign, integer part, optional fraction, optional exponent.
number_literals = st.builds(
    lambda sign, whole, frac, exp: f"{sign}{whole.lstrip('0') or '0'}{frac}{exp}",
    st.sampled_from(["", "-"]),
    digits,
    st.one_of(st.just(""), digits.map(lambda d: "." + d)),
    st.one_of(st.just(""), st.integers(-400, 400).map(lambda e: f"e{e}"), st.integers(0, 30).map(lambda e: f"E+{e}")),
)
#: Canonical positional text, the form `format_decimal` writes: no exponent, no trailing zeros, no "-0".
canonical = st.builds(
    lambda sign, whole, frac: f"{sign}{whole}{frac}",
    st.sampled_from(["", "-"]),
    st.one_of(st.just("0"), st.from_regex(r"[1-9][0-9]{0,40}", fullmatch=True)),
    st.one_of(st.just(""), st.from_regex(r"\.[0-9]{0,40}[1-9]", fullmatch=True)),
).filter(lambda s: s not in ("-0",))
finite = st.decimals(allow_nan=False, allow_infinity=False)


@BOUNDED
@given(number_literals)
@example("12345678901234567891e5")
@example("1e-400")
@example("2e400")
@example("0.1")
def test_json_numbers_and_strings_decode_exactly(literal: str) -> None:
    expected = Decimal(literal)
    assert decode(HOLDER, f'{{"value":{literal}}}'.encode()).value == expected
    assert decode(HOLDER, f'{{"value":"{literal}"}}'.encode()).value == expected


@BOUNDED
@given(st.integers(min_value=-(10**60), max_value=10**60))
def test_ints_decode_exactly(number: int) -> None:
    assert decode(HOLDER, f'{{"value":{number}}}'.encode()).value == Decimal(number)
    assert to_decimal(number) == Decimal(number)


@BOUNDED
@given(canonical)
def test_format_decimal_after_parse_is_identity_on_canonical_forms(text: str) -> None:
    assert format_decimal(to_decimal(text)) == text
    assert render_value(Decimal(text)) == text


@BOUNDED
@given(finite)
def test_format_decimal_is_exact_for_any_finite_decimal(value: Decimal) -> None:
    text = format_decimal(value)
    assert "e" not in text.lower()
    assert not ("." in text and text.endswith(("0", "."))), "no trailing zeros or dot"
    assert text != "-0"
    assert Decimal(text) == value
    assert decode(HOLDER, f'{{"value":"{text}"}}'.encode()).value == value
    assert decode(HOLDER, f'{{"value":{text}}}'.encode()).value == value


def _raw(body: str) -> RawResponse:
    return RawResponse(200, httpx.Headers({"content-type": "application/json"}), body.encode())


@BOUNDED
@given(canonical.filter(lambda s: not s.startswith("-")), canonical.filter(lambda s: not s.startswith("-")))
def test_venue_order_models_keep_price_and_quantity_exact(price: str, qty: str) -> None:
    bingx = BingXCodec().decode(BINGX_QUERY, _raw(
        '{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT","orderId":1735924831603391122,"side":"BUY",'
        f'"positionSide":"LONG","type":"LIMIT","price":"{price}","origQty":"{qty}","status":"NEW"}}}}}}'
    ), INFO)
    assert (bingx.order.price, bingx.order.orig_qty) == (Decimal(price), Decimal(qty))
    assert bingx.order.order_id == "1735924831603391122"
    binance = BinanceCodec().decode(BINANCE_QUERY, _raw(
        '{"orderId":8886774,"clientOrderId":"abc","symbol":"BTCUSDT","status":"NEW","side":"BUY",'
        f'"type":"LIMIT","price":"{price}","origQty":"{qty}","executedQty":"0","updateTime":1}}'
    ), INFO)
    assert (binance.price, binance.orig_qty) == (Decimal(price), Decimal(qty))
    gate = GateCodec().decode(GATE_GET, _raw(
        '{"order_id":"123","symbol":"BINANCE_FUTURE_BTC_USDT","side":"BUY",'
        f'"price":"{price}","qty":"{qty}"}}'
    ), INFO)
    assert (gate.price, gate.qty) == (Decimal(price), Decimal(qty))
