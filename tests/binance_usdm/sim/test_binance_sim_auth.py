"""Signature and timestamp checks of the simulator, against the reference's worked HMAC example."""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

import httpx
import pytest

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import ManualClock

if TYPE_CHECKING:
    from conftest import Trader

# Worked example of the Binance docs (reference §2): secret, totalParams and the resulting signature.
DOC_SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"
DOC_PARAMS = (
    "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"
)
DOC_SIGNATURE = "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9"
DOC_TIMESTAMP = 1591702613943


def hmac_hex(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


@pytest.fixture
async def doc_sim() -> tuple[BinanceUSDMSimulator, httpx.AsyncClient]:
    sim = BinanceUSDMSimulator(clock=ManualClock(DOC_TIMESTAMP + 10), seed=1)
    sim.add_account("doc-key", DOC_SECRET)
    return sim, httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url)


def test_helper_reproduces_the_documented_signature() -> None:
    assert hmac_hex(DOC_SECRET, DOC_PARAMS) == DOC_SIGNATURE


@pytest.mark.parametrize("in_body", [False, True])
async def test_documented_vector_is_accepted(doc_sim: tuple[BinanceUSDMSimulator, httpx.AsyncClient],
                                             in_body: bool) -> None:
    sim, http = doc_sim
    assert sim.exchange.now_ms() - DOC_TIMESTAMP == 10
    signed = f"{DOC_PARAMS}&signature={DOC_SIGNATURE}"
    headers = {"X-MBX-APIKEY": "doc-key"}
    if in_body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = await http.post("/fapi/v1/order", content=signed.encode(), headers=headers)
    else:
        response = await http.post("/fapi/v1/order?" + signed, headers=headers)
    assert response.status_code == 200, response.text
    order = response.json()
    assert order["symbol"] == "BTCUSDT"
    assert order["origQty"] == "1.000"
    assert order["price"] == "9000.00"
    assert order["status"] == "NEW"
    await http.aclose()


async def test_signature_over_query_and_body_concatenated(doc_sim: tuple[BinanceUSDMSimulator, httpx.AsyncClient]
                                                          ) -> None:
    _, http = doc_sim
    query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
    body = "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"
    signature = hmac_hex(DOC_SECRET, query + body)
    wrong = hmac_hex(DOC_SECRET, query + "&" + body)
    headers = {"X-MBX-APIKEY": "doc-key", "Content-Type": "application/x-www-form-urlencoded"}
    bad = await http.post(f"/fapi/v1/order?{query}", content=f"{body}&signature={wrong}".encode(), headers=headers)
    assert bad.status_code == 400
    assert bad.json()["code"] == -1022
    good = await http.post(f"/fapi/v1/order?{query}", content=f"{body}&signature={signature}".encode(),
                           headers=headers)
    assert good.status_code == 200, good.text
    await http.aclose()


async def test_bad_signature_is_1022(alice: Trader) -> None:
    alice.secret = "not-the-secret"
    response = await alice.call("GET", "/fapi/v2/balance")
    assert response.status_code == 400
    assert response.json() == {"code": -1022, "msg": "Signature for this request is not valid."}


async def test_uppercase_signature_is_accepted(http: httpx.AsyncClient, clock: ManualClock) -> None:
    query = f"timestamp={clock.now_ms()}"
    signature = hmac_hex("alice-secret-0001", query).upper()
    response = await http.get(f"/fapi/v2/balance?{query}&signature={signature}",
                              headers={"X-MBX-APIKEY": "alice-key-0001"})
    assert response.status_code == 200, response.text


async def test_unknown_key_is_2015_and_missing_key_2014(alice: Trader, http: httpx.AsyncClient) -> None:
    alice.key = "nobody"
    unknown = await alice.call("GET", "/fapi/v2/balance")
    assert unknown.status_code == 401
    assert unknown.json()["code"] == -2015
    missing = await http.get("/fapi/v2/balance?timestamp=1&signature=00")
    assert missing.status_code == 401
    assert missing.json()["code"] == -2014


@pytest.mark.parametrize(
    ("offset", "window", "accepted"),
    [
        (0, None, True),
        (-5000, None, True),
        (-5001, None, False),
        (-20000, 30000, True),
        (-20000, 10000, False),
        (999, None, True),
        (1000, None, False),
    ],
)
async def test_timestamp_window(alice: Trader, clock: ManualClock, offset: int, window: int | None,
                                accepted: bool) -> None:
    params: dict[str, object] = {} if window is None else {"recvWindow": window}
    response = await alice.call("GET", "/fapi/v2/balance", params, timestamp=clock.now_ms() + offset)
    if accepted:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 400
        assert response.json()["code"] == -1021


async def test_recv_window_above_60000_is_refused(alice: Trader) -> None:
    response = await alice.call("GET", "/fapi/v2/balance", {"recvWindow": 60001})
    assert response.status_code == 400
    assert response.json()["code"] != 0
    assert (await alice.call("GET", "/fapi/v2/balance", {"recvWindow": 60000})).status_code == 200


async def test_missing_timestamp_is_1102(http: httpx.AsyncClient) -> None:
    query = "symbol=BTCUSDT"
    signature = hmac_hex("alice-secret-0001", query)
    response = await http.get(f"/fapi/v1/openOrders?{query}&signature={signature}",
                              headers={"X-MBX-APIKEY": "alice-key-0001"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == -1102
    assert "timestamp" in body["msg"]


async def test_missing_mandatory_order_parameter_is_1102(alice: Trader) -> None:
    response = await alice.call("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT",
                                                            "quantity": "0.01", "timeInForce": "GTC"})
    assert response.status_code == 400
    assert response.json()["code"] == -1102
    assert "price" in response.json()["msg"]


async def test_query_value_wins_over_body(alice: Trader, http: httpx.AsyncClient, clock: ManualClock) -> None:
    query = "symbol=ETHUSDT"
    body = f"symbol=NOPE&countdownTime=0&timestamp={clock.now_ms()}"
    signature = hmac_hex(alice.secret, query + body)
    response = await http.post(
        f"/fapi/v1/countdownCancelAll?{query}",
        content=f"{body}&signature={signature}".encode(),
        headers={"X-MBX-APIKEY": alice.key, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["symbol"] == "ETHUSDT"


async def test_public_endpoints_need_no_key(http: httpx.AsyncClient, clock: ManualClock) -> None:
    assert (await http.get("/fapi/v1/ping")).json() == {}
    assert (await http.get("/fapi/v1/time")).json() == {"serverTime": clock.now_ms()}
