"""Signing: BingX's own worked examples, and hand-computed HMACs over JSON-valued and non-ASCII values."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from venuekit.connectors.bingx.signer import BingXSigner, signature
from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError
from venuekit.core.signing.base import UnsignedRequest

DOC_SECRET = "mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w"


def test_documented_example_query_string() -> None:
    payload = "symbol=BTC-USDT&timestamp=1667872120843&side=LONG&leverage=6"
    assert signature(DOC_SECRET, payload) == "4f581ecdb1fa09b9d6e57886b6f70cffed17f82b93399722939e49a38edec2bf"


def test_documented_example_query_plus_body() -> None:
    payload = "symbol=BTC-USDT&timestamp=1668159715051side=LONG&leverage=6"
    assert signature(DOC_SECRET, payload) == "8b756b01e7a30f02e19c58a91ab01b29528694316b08a51ecb8dd072942bd47d"


def _hand_hmac(secret: str, payload: str) -> str:
    return hmac.new(secret.encode("utf-8"), payload.encode("utf-8"), hashlib.sha256).hexdigest()


def test_json_and_non_ascii_values_are_signed_as_sent() -> None:
    signer = BingXSigner(Credentials.of("k", "s3cret"), recv_window=5000)
    request = UnsignedRequest(
        "GET", "/openApi/swap/v2/trade/order",
        {"symbol": "MØTH-USDT", "takeProfit": '{"type":"TAKE_PROFIT_MARKET","stopPrice":31968.5}'},
    )
    wire = signer.sign(request, 1702731530753)
    expected_payload = (
        "recvWindow=5000&symbol=M%C3%98TH-USDT"
        "&takeProfit=%7B%22type%22%3A%22TAKE_PROFIT_MARKET%22%2C%22stopPrice%22%3A31968.5%7D"
        "&timestamp=1702731530753"
    )
    assert wire.query == f"{expected_payload}&signature={_hand_hmac('s3cret', expected_payload)}"
    assert wire.body == b""
    assert wire.headers == {"X-BX-APIKEY": "k"}


def test_post_goes_in_a_form_body() -> None:
    signer = BingXSigner(Credentials.of("k", "s3cret"))
    wire = signer.sign(UnsignedRequest("POST", "/openApi/swap/v2/trade/leverage",
                                       {"symbol": "ETH-USDT", "side": "SHORT", "leverage": "8"}), 1702733704941)
    payload = "leverage=8&side=SHORT&symbol=ETH-USDT&timestamp=1702733704941"
    assert wire.query == ""
    assert wire.body == f"{payload}&signature={_hand_hmac('s3cret', payload)}".encode()
    assert wire.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert wire.target == "/openApi/swap/v2/trade/leverage"


def test_explicit_recv_window_wins_and_false_zero_are_kept() -> None:
    signer = BingXSigner(Credentials.of("k", "s"), recv_window=5000)
    wire = signer.sign(UnsignedRequest("GET", "/x", {"recvWindow": "60000", "reduceOnly": "false", "type": "0"}), 1)
    assert wire.query.startswith("recvWindow=60000&reduceOnly=false&timestamp=1&type=0&signature=")


def test_public_requests_are_not_signed() -> None:
    wire = BingXSigner(None).encode(UnsignedRequest("GET", "/openApi/swap/v2/quote/ticker", {"symbol": "BTC-USDT"},
                                                    signed=False))
    assert wire.query == "symbol=BTC-USDT"
    assert wire.headers == {}


def test_signing_without_credentials_fails() -> None:
    with pytest.raises(AuthenticationError):
        BingXSigner(None).sign(UnsignedRequest("GET", "/x"), 1)


def test_secret_never_shows() -> None:
    signer = BingXSigner(Credentials.of("abcdefgh", "topsecretvalue"))
    assert "topsecretvalue" not in repr(signer)
    assert "abcdefgh" not in repr(signer)
