"""Signature vectors from the Binance docs and hand-built cases (form bodies, JSON lists, URL-encoding)."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qsl

import pytest
from binance_usdm_helpers import KEY, SECRET, MockVenue

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.signer import BinanceSigner, signature
from venuekit.core import Credentials
from venuekit.core.errors import AuthenticationError, InvalidRequest
from venuekit.core.signing.base import UnsignedRequest

DOC_PARAMS = (
    "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"
)
DOC_SIG = "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9"
NOW = 1591702613943


def _hmac(payload: str) -> str:
    return hmac.new(SECRET.encode(), payload.encode(), hashlib.sha256).hexdigest()


def test_doc_vector_query_string() -> None:
    assert signature(SECRET, DOC_PARAMS, "") == DOC_SIG


def test_doc_vector_request_body() -> None:
    assert signature(SECRET, "", DOC_PARAMS) == DOC_SIG


def test_doc_mixed_vector_has_the_stray_space() -> None:
    """The doc's mixed example signs `…&timestamp= 1591702613943` (note the space): reproduced exactly."""
    query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
    body = "quantity=1&price=9000&recvWindow=5000&timestamp= 1591702613943"
    assert signature(SECRET, query, body) == "f9d0ae5e813ef6ccf15c2b5a434047a0181cb5a342b903b367ca6d27a66e36f2"


def _signer(recv_window: int | None = 5000) -> BinanceSigner:
    return BinanceSigner(Credentials.of(KEY, SECRET), recv_window=recv_window)


def test_signer_get_puts_everything_in_the_query_and_signature_last() -> None:
    params = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "1", "price": "9000",
              "timeInForce": "GTC"}
    wire = _signer().sign(UnsignedRequest("GET", "/fapi/v1/order", params), NOW)
    assert wire.query == f"{DOC_PARAMS}&signature={DOC_SIG}"
    assert wire.body == b""
    assert wire.headers["X-MBX-APIKEY"] == KEY


def test_signer_post_uses_a_form_body() -> None:
    params = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "1", "price": "9000",
              "timeInForce": "GTC"}
    wire = _signer().sign(UnsignedRequest("POST", "/fapi/v1/order", params), NOW)
    assert wire.query == ""
    assert wire.body.decode() == f"{DOC_PARAMS}&signature={DOC_SIG}"
    assert wire.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_signer_mixed_signs_query_then_body_without_separator() -> None:
    query = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC"}
    body = {"quantity": "1", "price": "9000"}
    wire = _signer().sign(UnsignedRequest("POST", "/fapi/v1/order", query, body), NOW)
    q = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
    b = "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"
    assert wire.query == q
    assert wire.body.decode() == f"{b}&signature={_hmac(q + b)}"


def test_json_list_and_special_characters_are_percent_encoded_before_signing() -> None:
    params = {"symbol": "BTCUSDT", "origClientOrderIdList": '["my_id_1","a:b/c"]'}
    wire = _signer(None).sign(UnsignedRequest("DELETE", "/fapi/v1/batchOrders", params), NOW)
    expected = ("symbol=BTCUSDT&origClientOrderIdList=%5B%22my_id_1%22%2C%22a%3Ab%2Fc%22%5D"
                "&timestamp=1591702613943")
    assert wire.query == f"{expected}&signature={_hmac(expected)}"
    assert dict(parse_qsl(wire.query))["origClientOrderIdList"] == '["my_id_1","a:b/c"]'


def test_recv_window_is_configurable_and_capped() -> None:
    wire = _signer(1500).sign(UnsignedRequest("GET", "/fapi/v2/balance", {}), NOW)
    assert wire.query.startswith("recvWindow=1500&timestamp=1591702613943&signature=")
    with pytest.raises(InvalidRequest):
        BinanceSigner(Credentials.of(KEY, SECRET), recv_window=60001)


def test_signing_without_credentials_fails_before_the_wire() -> None:
    with pytest.raises(AuthenticationError):
        BinanceSigner(None).sign(UnsignedRequest("GET", "/fapi/v2/balance", {}), NOW)


def test_public_and_user_stream_encoding() -> None:
    signer = _signer()
    public = signer.encode(UnsignedRequest("GET", "/fapi/v1/premiumIndex", {"symbol": "BTCUSDT"}, signed=False))
    assert public.query == "symbol=BTCUSDT" and "X-MBX-APIKEY" not in public.headers
    stream = signer.encode(UnsignedRequest("POST", "/fapi/v1/listenKey", {}, signed=False))
    assert stream.headers["X-MBX-APIKEY"] == KEY and b"signature" not in stream.body and "signature" not in stream.query


def test_secret_never_in_repr() -> None:
    assert SECRET not in repr(_signer())
    assert SECRET not in repr(BinanceUSDMClient(Credentials.of(KEY, SECRET)))


async def test_timestamp_comes_from_the_server_clock(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.server_time = 4_102_444_800_000  # far from local time: the offset must be applied
    venue.json("GET", "/fapi/v2/balance", b"[]")
    await client.account.balance()
    (sent,) = venue.calls("GET", "/fapi/v2/balance")
    assert abs(int(sent.params["timestamp"]) - venue.server_time) < 5_000
    unsigned = sent.query.rsplit("&signature=", 1)
    assert unsigned[1] == _hmac(unsigned[0])


async def test_listen_key_calls_send_key_only(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.json("POST", "/fapi/v1/listenKey", {"listenKey": "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf"})
    venue.json("PUT", "/fapi/v1/listenKey", {})
    venue.json("DELETE", "/fapi/v1/listenKey", {})
    key = await client.stream.new_listen_key()
    assert key.listen_key.startswith("pqia91ma19a5")
    assert (await client.stream.keepalive_listen_key()).listen_key is None
    await client.stream.close_listen_key()
    for s in venue.sent:
        assert s.headers["X-MBX-APIKEY"] == KEY
        assert "signature" not in s.params and "timestamp" not in s.params
