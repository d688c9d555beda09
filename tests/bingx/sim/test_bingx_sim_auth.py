"""Authentication as BingX does it: the documented worked signatures, and each documented refusal code."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.simulator import ManualClock

Caller = Any
KEY_A, SECRET_A = "key-alice", "secret-alice-0123456789"


def sign(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def pairs(params: Mapping[str, object]) -> str:
    return "&".join(f"{k}={v}" for k, v in params.items())


# Worked examples from the BingX V2 signature documentation (reference §2).
DOC_SECRET = "mheO6dR8ovSsxZQCOYEFCtelpuxcWGTfHw7te326y6jOwq5WpvFQ9JNljoTwBXZGv5It07m9RXSPpDQEK2w"
DOC_QUERY = "symbol=BTC-USDT&timestamp=1667872120843&side=LONG&leverage=6"
DOC_SIGNATURE = "4f581ecdb1fa09b9d6e57886b6f70cffed17f82b93399722939e49a38edec2bf"
DOC_MIXED_QUERY = "symbol=BTC-USDT&timestamp=1668159715051"
DOC_MIXED_BODY = "side=LONG&leverage=6"
DOC_MIXED_SIGNATURE = "8b756b01e7a30f02e19c58a91ab01b29528694316b08a51ecb8dd072942bd47d"
LEVERAGE_PATH = "/openApi/swap/v2/trade/leverage"


def _doc_sim(now_ms: int) -> BingXSimulator:
    sim = BingXSimulator(clock=ManualClock(now_ms))
    sim.add_account("doc-key", DOC_SECRET, {"USDT": Decimal(1000)})
    return sim


async def test_documented_query_signature_is_accepted() -> None:
    sim = _doc_sim(1667872120843)
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as http:
        url = f"{LEVERAGE_PATH}?{DOC_QUERY}&signature={DOC_SIGNATURE}"
        body = (await http.post(url, headers={"X-BX-APIKEY": "doc-key"})).json()
    assert body == {"code": 0, "msg": "", "data": {"leverage": 6, "symbol": "BTC-USDT"}}


async def test_documented_mixed_query_and_body_signature_is_accepted() -> None:
    sim = _doc_sim(1668159715051)
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as http:
        response = await http.post(
            f"{LEVERAGE_PATH}?{DOC_MIXED_QUERY}",
            content=f"{DOC_MIXED_BODY}&signature={DOC_MIXED_SIGNATURE}".encode(),
            headers={"X-BX-APIKEY": "doc-key", "Content-Type": "application/x-www-form-urlencoded"},
        )
    assert response.json()["code"] == 0
    assert response.json()["data"]["leverage"] == 6


async def test_tampered_signature_gives_100001(alice: Caller) -> None:
    body = await alice.call("GET", "/openApi/swap/v3/user/balance", secret="not-the-secret")
    assert (body["code"], body["msg"]) == (100001, "Signature verification failed")


async def test_unknown_and_missing_api_key_give_100413(alice: Caller, http: httpx.AsyncClient) -> None:
    body = await alice.call("GET", "/openApi/swap/v3/user/balance", key="nobody")
    assert (body["code"], body["msg"]) == (100413, "Incorrect apiKey")
    missing = (await http.get("/openApi/swap/v3/user/balance?timestamp=1")).json()
    assert missing["code"] == 100413


async def test_missing_signature_gives_100412(sim: BingXSimulator, http: httpx.AsyncClient) -> None:
    ts = sim.exchange.now_ms()
    body = (await http.get(f"/openApi/swap/v3/user/balance?timestamp={ts}", headers={"X-BX-APIKEY": KEY_A})).json()
    assert body["code"] == 100412


async def test_stale_timestamp_gives_100421_and_recv_window_is_honoured(alice: Caller, clock: ManualClock) -> None:
    sent = clock.now_ms()
    clock.advance(5001)
    stale = await alice.call("GET", "/openApi/swap/v3/user/balance", ts=sent)
    assert stale["code"] == 100421
    assert stale["msg"].startswith("Null timestamp or timestamp mismatch")
    widened = await alice.call("GET", "/openApi/swap/v3/user/balance", {"recvWindow": 10000}, ts=sent)
    assert widened["code"] == 0
    within = await alice.call("GET", "/openApi/swap/v3/user/balance", ts=clock.now_ms() - 4999)
    assert within["code"] == 0


async def test_missing_timestamp_gives_100421(sim: BingXSimulator, http: httpx.AsyncClient) -> None:
    payload = "recvWindow=5000"
    url = f"/openApi/swap/v3/user/balance?{payload}&signature={sign(SECRET_A, payload)}"
    assert (await http.get(url, headers={"X-BX-APIKEY": KEY_A})).json()["code"] == 100421


async def test_raw_and_percent_encoded_forms_both_verify(sim: BingXSimulator, http: httpx.AsyncClient) -> None:
    """Sign the raw JSON value (as ccxt and the samples do) and send it percent-encoded, or sign what is sent."""
    take_profit = '{"type": "TAKE_PROFIT_MARKET", "stopPrice": 70000.0, "price": 70000.0, "workingType": "MARK_PRICE"}'
    params = {
        "positionSide": "LONG",
        "quantity": "0.001",
        "side": "BUY",
        "symbol": "BTC-USDT",
        "takeProfit": take_profit,
        "timestamp": sim.exchange.now_ms(),
        "type": "MARKET",
    }
    raw = pairs(params)
    encoded = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())
    headers = {"X-BX-APIKEY": KEY_A}
    for signed_over, sent in ((raw, encoded), (encoded, encoded)):
        url = f"/openApi/swap/v2/trade/order/test?{sent}&signature={sign(SECRET_A, signed_over)}"
        body = (await http.post(url, headers=headers)).json()
        assert body["code"] == 0, body
        assert body["data"]["order"]["takeProfit"] == take_profit


async def test_sorted_json_body_is_accepted(sim: BingXSimulator, http: httpx.AsyncClient) -> None:
    params = {"symbol": "ETH-USDT", "timestamp": sim.exchange.now_ms()}
    signature = sign(SECRET_A, pairs(dict(sorted(params.items()))))
    body = json.dumps({**params, "signature": signature})
    response = await http.request(
        "GET",
        "/openApi/swap/v2/trade/marginType",
        content=body,
        headers={"X-BX-APIKEY": KEY_A, "Content-Type": "application/json"},
    )
    assert response.json() == {"code": 0, "msg": "", "data": {"marginType": "CROSSED"}}


async def test_public_routes_need_no_key(http: httpx.AsyncClient, clock: ManualClock) -> None:
    body = (await http.get("/openApi/swap/v2/server/time")).json()
    assert body == {"code": 0, "msg": "", "data": {"serverTime": clock.now_ms()}}
