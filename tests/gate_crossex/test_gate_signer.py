"""Signing against the two worked examples of the Gate APIv4 document (key `key`, secret `secret`)."""

from __future__ import annotations

import hashlib
import hmac
from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.connectors.gate_crossex.signer import GateSigner, signature_payload
from venuekit.core import AuthenticationError, Credentials
from venuekit.core.signing import UnsignedRequest

TS_MS = 1541993715 * 1000
EMPTY_SHA512 = (
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
)


@pytest.fixture
def signer() -> GateSigner:
    return GateSigner(Credentials.of("key", "secret"))


def test_document_example_list_orders(signer: GateSigner) -> None:
    request = UnsignedRequest(
        "GET", "/api/v4/futures/orders", {"contract": "BTC_USD", "status": "finished", "limit": "50"}
    )
    wire = signer.sign(request, TS_MS)
    assert wire.headers["SIGN"] == (
        "55f84ea195d6fe57ce62464daaa7c3c02fa9d1dde954e4c898289c9a2407a3d6"
        "fb3faf24deff16790d726b66ac9f74526668b13bd01029199cc4fcc522418b8a"
    )
    assert wire.headers["KEY"] == "key"
    assert wire.headers["Timestamp"] == "1541993715"
    assert wire.query == "contract=BTC_USD&status=finished&limit=50"
    assert wire.body == b""


def test_document_example_create_order(signer: GateSigner) -> None:
    body = {"contract": "BTC_USD", "type": "limit", "size": 100, "price": 6800, "time_in_force": "gtc"}
    wire = signer.sign(UnsignedRequest("POST", "/api/v4/futures/orders", {}, body), TS_MS)
    assert wire.body == b'{"contract":"BTC_USD","type":"limit","size":100,"price":6800,"time_in_force":"gtc"}'
    assert hashlib.sha512(wire.body).hexdigest() == (
        "ad3c169203dc3026558f01b4df307641fa1fa361f086b2306658886d5708767b"
        "1854797c68d9e62fef2f991645aa82673622ebf417e091d0bd22bafe5d956cca"
    )
    assert wire.headers["SIGN"] == (
        "eae42da914a590ddf727473aff25fc87d50b64783941061f47a3fdb92742541f"
        "c4c2c14017581b4199a1418d54471c269c03a38d788d802e2c306c37636389f0"
    )
    assert wire.headers["Content-Type"] == "application/json"


def test_empty_body_hash_is_the_documented_constant() -> None:
    payload = signature_payload("get", "/p", "", b"", "1")
    assert payload.split("\n")[3] == EMPTY_SHA512
    assert payload.startswith("GET\n/p\n\n")


def test_timestamp_header_is_whole_seconds(signer: GateSigner) -> None:
    wire = signer.sign(UnsignedRequest("GET", "/api/v4/crossex/accounts"), 1_700_000_000_999)
    assert wire.headers["Timestamp"] == "1700000000"


def test_public_call_carries_no_credentials(signer: GateSigner) -> None:
    wire = signer.encode(UnsignedRequest("GET", "/api/v4/crossex/rule/symbols", {"symbols": "A_B,C_D"}, signed=False))
    assert "SIGN" not in wire.headers and "KEY" not in wire.headers
    assert wire.query == "symbols=A_B,C_D"


def test_signing_needs_credentials() -> None:
    with pytest.raises(AuthenticationError):
        GateSigner(None).sign(UnsignedRequest("GET", "/x"), TS_MS)


def test_secret_not_in_repr(signer: GateSigner) -> None:
    assert "secret" not in repr(signer).replace("secret=***", "")


async def test_sent_bytes_are_the_signed_bytes(client: GateCrossExClient, mock: Any) -> None:
    """The seed's transfer body goes out byte for byte, and SIGN covers exactly those bytes."""
    mock.add("POST", "/api/v4/crossex/transfers", {"tx_id": "23453", "text": "23453"})
    await client.transfers.create_transfer(
        coin="USDT", amount=Decimal("242.45"), from_account="SPOT", to_account="CROSSEX"
    )
    sent = mock.last
    assert sent.content == b'{"coin":"USDT","amount":"242.45","from":"SPOT","to":"CROSSEX"}'
    text = "\n".join(
        ["POST", "/api/v4/crossex/transfers", "", hashlib.sha512(sent.content).hexdigest(), sent.headers["Timestamp"]]
    )
    expected = hmac.new(b"secret", text.encode(), hashlib.sha512).hexdigest()
    assert sent.headers["SIGN"] == expected


async def test_path_segment_is_percent_encoded_and_signed_as_sent(
    client: GateCrossExClient, mock: Any, examples: dict[str, Any]
) -> None:
    mock.add("GET", "/api/v4/crossex/orders/a%2Fb%20c", examples["GET /api/v4/crossex/orders/{order_id}"]["response"])
    await client.orders.get_order(order_id="a/b c")
    sent = mock.last
    assert sent.url.raw_path == b"/api/v4/crossex/orders/a%2Fb%20c"
    text = f"GET\n/api/v4/crossex/orders/a%2Fb%20c\n\n{EMPTY_SHA512}\n{sent.headers['Timestamp']}"
    assert sent.headers["SIGN"] == hmac.new(b"secret", text.encode(), hashlib.sha512).hexdigest()


async def test_query_is_signed_unencoded_in_request_order(client: GateCrossExClient, mock: Any) -> None:
    mock.add("GET", "/api/v4/crossex/positions/leverage", [])
    await client.positions.get_leverage(symbols=["BINANCE_FUTURE_ADA_USDT", "OKX_FUTURE_ADA_USDT"])
    sent = mock.last
    query = "symbols=BINANCE_FUTURE_ADA_USDT,OKX_FUTURE_ADA_USDT"
    assert sent.url.query == query.encode()
    text = f"GET\n/api/v4/crossex/positions/leverage\n{query}\n{EMPTY_SHA512}\n{sent.headers['Timestamp']}"
    assert sent.headers["SIGN"] == hmac.new(b"secret", text.encode(), hashlib.sha512).hexdigest()
