"""The signing shortcuts produce exactly what the plain formulas produce: `quote` skipped only for unreserved
text, one-pass query encoding, per-type parameter rendering, a pre-keyed HMAC, Gate's unencoded query."""

from __future__ import annotations

import hashlib
import hmac
import pickle
import sys
from decimal import Decimal
from enum import Enum, IntEnum, StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from properties_profile import BOUNDED

from venuekit.connectors.binance_usdm.signer import BinanceSigner
from venuekit.connectors.bingx.signer import BingXSigner
from venuekit.connectors.bingx.signer import encode_pairs as bingx_encode_pairs
from venuekit.connectors.gate_crossex.signer import _query as gate_query
from venuekit.core.credentials import Credentials
from venuekit.core.signing.base import UnsignedRequest
from venuekit.core.signing.hmac_digest import HmacKey
from venuekit.core.signing.params import encode_query, is_unreserved, quote_all, render_params, render_value

SECRET = "fast-path-secret-Ünï"
#: Text biased towards the shortcut's edge: unreserved ASCII, the reserved set, non-ASCII look-alikes.
near_safe = st.characters(
    codec="utf-8", categories=("L", "N"), include_characters="-._~ %+/:,=&?#", exclude_characters="\x00"
)
texts = st.one_of(
    st.text(st.sampled_from("AZaz09-._~"), max_size=20),
    st.text(near_safe, max_size=20),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)
keys = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True)
param_dicts = st.dictionaries(keys, texts, max_size=8)


class _Side(StrEnum):
    BUY = "BUY"
    SELL = "SELL"


class _Level(IntEnum):
    ONE = 1


class _Mixed(str, Enum):  # noqa: UP042  (the point: a str mix-in that is no StrEnum)
    GTC = "GTC"


@BOUNDED
@given(texts)
@example("")
@example("ÀBC")
@example("١٢٣")
@example("BTC-USDT_0.1~")
def test_quote_all_equals_urllib_quote(text: str) -> None:
    assert quote_all(text) == quote(text, safe="")
    assert is_unreserved(text) == (quote(text, safe="") == text and text.isascii())


@BOUNDED
@given(param_dicts)
@example({"symbol": "BTCUSDT", "quantity": "0.01", "price": "50000", "timestamp": "1700000000000"})
@example({"a": "x", "b": "ü"})
@example({"a": "", "b": ""})
def test_encode_query_equals_per_value_quote(params: dict[str, str]) -> None:
    expected = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    assert encode_query(params) == expected
    assert bingx_encode_pairs(params) == "&".join(f"{k}={quote(params[k], safe='')}" for k in sorted(params))


@BOUNDED
@given(param_dicts)
@example({"settle": "usdt", "status": "open"})
@example({"contract": "BTC_USDT", "text": "t-a,b"})
def test_gate_query_equals_quoting_keys_and_values(params: dict[str, str]) -> None:
    safe = "-_.~,"
    wire = "&".join(f"{quote(k, safe=safe)}={quote(v, safe=safe)}" for k, v in params.items())
    plain = "&".join(f"{k}={v}" for k, v in params.items())
    assert gate_query(params) == ((wire, plain) if params else ("", ""))


values = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), texts,
    st.decimals(allow_nan=False, allow_infinity=False, places=8),
    st.sampled_from([_Side.BUY, _Side.SELL, _Level.ONE, _Mixed.GTC]),
    st.lists(st.integers(0, 5), max_size=3),
)


@BOUNDED
@given(st.dictionaries(keys, values, max_size=10))
@example({"reduceOnly": False, "price": 0, "qty": Decimal("0"), "gone": None, "empty": ""})
def test_render_params_equals_render_value_per_item(params: dict[str, Any]) -> None:
    rendered = render_params(params)
    assert rendered == {k: render_value(v) for k, v in params.items() if v is not None}
    assert list(rendered) == [k for k, v in params.items() if v is not None]


def test_render_params_still_refuses_floats_and_unknown_types() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        render_params({"price": 0.1})
    with pytest.raises(TypeError, match="cannot send object"):
        render_params({"x": object()})


@BOUNDED
@given(
    st.one_of(st.text(max_size=300), st.sampled_from(["", "k" * 64, "k" * 65, "é" * 64, "k" * 128, "k" * 129])),
    st.binary(max_size=300),
    st.sampled_from(["sha256", "sha512"]),
)
def test_hmac_key_equals_a_fresh_hmac(secret: str, payload: bytes, digest: str) -> None:
    """Keys shorter than, equal to and longer than the hash block (64 / 128 bytes), any payload."""
    key = HmacKey(secret, digest)
    expected = hmac.new(secret.encode(), payload, getattr(hashlib, digest)).hexdigest()
    assert key.hexdigest(payload) == expected
    assert key.hexdigest(payload) == expected, "signing must not change the kept key states"


def test_hmac_key_never_shows_or_pickles_the_secret() -> None:
    key = HmacKey(SECRET, "sha256")
    assert SECRET not in repr(key) and "***" in repr(key)
    with pytest.raises(TypeError):
        pickle.dumps(key)


@BOUNDED
@given(param_dicts, st.sampled_from(["GET", "POST", "DELETE"]), st.integers(1_500_000_000_000, 2_000_000_000_000))
def test_binance_signature_is_hmac_of_the_sent_bytes(params: dict[str, str], method: str, now: int) -> None:
    wire = BinanceSigner(Credentials.of("k", SECRET)).sign(UnsignedRequest(method, "/fapi/v1/x", params), now)
    sent = wire.body.decode() if method == "POST" else wire.query
    signed, _, sig = sent.rpartition("&signature=")
    assert signed == "&".join(f"{k}={quote(v, safe='')}" for k, v in {**params, "timestamp": str(now)}.items())
    assert sig == hmac.new(SECRET.encode(), signed.encode(), hashlib.sha256).hexdigest()


@BOUNDED
@given(param_dicts, st.integers(1_500_000_000_000, 2_000_000_000_000))
def test_bingx_signature_is_hmac_of_the_sent_bytes(params: dict[str, str], now: int) -> None:
    wire = BingXSigner(Credentials.of("k", SECRET)).sign(UnsignedRequest("GET", "/openApi/x", params), now)
    signed, _, sig = wire.query.rpartition("&signature=")
    assert sig == hmac.new(SECRET.encode(), signed.encode(), hashlib.sha256).hexdigest()
