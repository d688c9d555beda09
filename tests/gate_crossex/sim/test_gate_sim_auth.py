"""Signature, timestamp window and header checks of the simulator, against the document's worked examples."""

from __future__ import annotations

import hashlib

import pytest
from gate_sim_helpers import User, gate_sign

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator, GateError
from venuekit.core.simulator import ManualClock, SimRequest

# The document's two worked examples (key "key", secret "secret", Timestamp 1541993715).
EXAMPLE_TS = "1541993715"
GET_QUERY = "contract=BTC_USD&status=finished&limit=50"
GET_SIGN = (
    "55f84ea195d6fe57ce62464daaa7c3c02fa9d1dde954e4c898289c9a2407a3d6"
    "fb3faf24deff16790d726b66ac9f74526668b13bd01029199cc4fcc522418b8a"
)
POST_BODY = '{"contract":"BTC_USD","type":"limit","size":100,"price":6800,"time_in_force":"gtc"}'
POST_BODY_HASH = (
    "ad3c169203dc3026558f01b4df307641fa1fa361f086b2306658886d5708767b"
    "1854797c68d9e62fef2f991645aa82673622ebf417e091d0bd22bafe5d956cca"
)
POST_SIGN = (
    "eae42da914a590ddf727473aff25fc87d50b64783941061f47a3fdb92742541f"
    "c4c2c14017581b4199a1418d54471c269c03a38d788d802e2c306c37636389f0"
)


def _example_sim() -> tuple[GateCrossExSimulator, str]:
    sim = GateCrossExSimulator(clock=ManualClock(int(EXAMPLE_TS) * 1000), seed_markets=False)
    return sim, sim.add_account("key", "secret")


def _request(method: str, query: str, body: str, sign: str, ts: str = EXAMPLE_TS) -> SimRequest:
    headers = [("key", "key"), ("timestamp", ts), ("sign", sign)]
    return SimRequest(method, "/api/v4/futures/orders", query.encode(), headers, body.encode())


def test_hand_helper_reproduces_the_documented_signatures() -> None:
    assert hashlib.sha512(POST_BODY.encode()).hexdigest() == POST_BODY_HASH
    assert gate_sign("secret", "GET", "/api/v4/futures/orders", GET_QUERY, "", EXAMPLE_TS) == GET_SIGN
    assert gate_sign("secret", "POST", "/api/v4/futures/orders", "", POST_BODY, EXAMPLE_TS) == POST_SIGN


def test_documented_get_example_verifies() -> None:
    sim, account = _example_sim()
    assert sim.auth.verify(_request("GET", GET_QUERY, "", GET_SIGN)) == account


def test_documented_post_example_verifies() -> None:
    sim, account = _example_sim()
    assert sim.auth.verify(_request("POST", "", POST_BODY, POST_SIGN)) == account


@pytest.mark.parametrize(
    ("method", "query", "body", "sign"),
    [
        ("GET", "contract=BTC_USD&status=finished&limit=51", "", GET_SIGN),
        ("POST", "", POST_BODY.replace("6800", "6801"), POST_SIGN),
        ("PUT", "", POST_BODY, POST_SIGN),
    ],
)
def test_tampered_example_is_refused(method: str, query: str, body: str, sign: str) -> None:
    sim, _ = _example_sim()
    with pytest.raises(GateError) as info:
        sim.auth.verify(_request(method, query, body, sign))
    assert (info.value.label, info.value.status) == ("INVALID_SIGNATURE", 401)


def test_example_outside_the_window_is_expired() -> None:
    sim, _ = _example_sim()
    assert isinstance(sim.clock, ManualClock)
    sim.clock.advance(61_000)
    with pytest.raises(GateError) as info:
        sim.auth.verify(_request("GET", GET_QUERY, "", GET_SIGN))
    assert info.value.label == "REQUEST_EXPIRED"


async def test_signed_call_succeeds(alice: User) -> None:
    response = await alice.call("GET", "/accounts")
    assert response.status_code == 200
    assert response.json()["user_id"] == alice.user_id


async def test_fractional_timestamp_is_accepted(alice: User) -> None:
    ts = f"{alice.clock.now_ms() / 1000:.3f}"
    path = "/api/v4/crossex/fee"
    headers = {"KEY": alice.key, "Timestamp": ts, "SIGN": gate_sign(alice.secret, "GET", path, "", "", ts)}
    response = await alice.http.get(path, headers=headers)
    assert response.status_code == 200, response.text


async def test_query_signed_unencoded_but_sent_encoded(alice: User) -> None:
    params = {"symbols": "BINANCE_FUTURE_BTC_USDT,OKX_FUTURE_BTC_USDT"}
    response = await alice.call("GET", "/positions/leverage", params)
    assert response.status_code == 200, response.text
    assert [row["symbol"] for row in response.json()] == params["symbols"].split(",")


async def test_bad_key(alice: User) -> None:
    alice.key = "nobody"
    response = await alice.call("GET", "/accounts")
    assert response.status_code == 401
    assert response.json() == {"label": "INVALID_KEY", "message": "Invalid key provided"}


async def test_bad_signature(alice: User) -> None:
    alice.secret = "wrong-secret"
    response = await alice.call("GET", "/accounts")
    assert (response.status_code, response.json()["label"]) == (401, "INVALID_SIGNATURE")


async def test_body_changed_after_signing(alice: User) -> None:
    ts = str(alice.clock.now_ms() // 1000)
    path = "/api/v4/crossex/positions/leverage"
    signed_body = '{"symbol":"BINANCE_FUTURE_BTC_USDT","leverage":"5"}'
    headers = {"KEY": alice.key, "Timestamp": ts, "SIGN": gate_sign(alice.secret, "POST", path, "", signed_body, ts)}
    response = await alice.http.post(path, content=signed_body.replace("5", "7").encode(), headers=headers)
    assert response.json()["label"] == "INVALID_SIGNATURE"


@pytest.mark.parametrize("skew_ms", [61_000, -61_000])
async def test_expired_timestamp(alice: User, skew_ms: int) -> None:
    ts = str((alice.clock.now_ms() + skew_ms) // 1000)
    path = "/api/v4/crossex/accounts"
    headers = {"KEY": alice.key, "Timestamp": ts, "SIGN": gate_sign(alice.secret, "GET", path, "", "", ts)}
    response = await alice.http.get(path, headers=headers)
    assert (response.status_code, response.json()["label"]) == (401, "REQUEST_EXPIRED")


@pytest.mark.parametrize("missing", ["KEY", "Timestamp", "SIGN"])
async def test_missing_header(alice: User, missing: str) -> None:
    ts = str(alice.clock.now_ms() // 1000)
    path = "/api/v4/crossex/accounts"
    headers = {"KEY": alice.key, "Timestamp": ts, "SIGN": gate_sign(alice.secret, "GET", path, "", "", ts)}
    del headers[missing]
    response = await alice.http.get(path, headers=headers)
    body = response.json()
    assert (response.status_code, body["label"]) == (401, "MISSING_REQUIRED_HEADER")
    assert missing in body["message"]


async def test_public_routes_need_no_signature(alice: User) -> None:
    response = await alice.call("GET", "/rule/symbols", signed=False)
    assert response.status_code == 200
    time = await alice.call("GET", "/api/v4/spot/time", signed=False)
    assert time.json() == {"server_time": alice.clock.now_ms()}


async def test_unknown_path_is_labelled_404(alice: User) -> None:
    response = await alice.call("GET", "/no_such_thing")
    assert (response.status_code, response.json()["label"]) == (404, "NOT_FOUND")
