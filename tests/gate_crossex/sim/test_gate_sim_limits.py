"""Per-endpoint, per-user rate limits with Gate's X-Gate-RateLimit-* headers and 429 TOO_MANY_REQUESTS."""

from __future__ import annotations

import httpx
from gate_sim_helpers import START_MS, User

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

REMAIN = "X-Gate-RateLimit-Requests-Remain"
LIMIT = "X-Gate-RateLimit-Limit"
RESET = "X-Gate-RateLimit-Reset-Timestamp"
SMALL = {"coin": "USDT", "amount": "1", "from": "CROSSEX", "to": "SPOT"}


def _headers(response: httpx.Response) -> tuple[str, str, str]:
    return response.headers[REMAIN], response.headers[LIMIT], response.headers[RESET]


async def test_headers_on_a_private_call(alice: User) -> None:
    response = await alice.call("GET", "/accounts")
    # 200 requests per 10 s; START_MS is a window boundary, so the window reopens 10 s later
    assert _headers(response) == ("199", "200", str(START_MS // 1000 + 10))


async def test_headers_on_errors_and_public_calls(alice: User) -> None:
    refused = await alice.call("POST", "/orders", body={"symbol": "NOPE_FUTURE_X_USDT", "side": "BUY", "qty": "1"})
    assert refused.status_code == 400
    assert _headers(refused)[:2] == ("99", "100")
    public = await alice.call("GET", "/rule/symbols", signed=False)
    assert _headers(public)[:2] == ("199", "200")
    bad_sign = await alice.call("GET", "/fee", headers={"SIGN": "0"}, signed=False)
    assert bad_sign.status_code == 401 and LIMIT in bad_sign.headers


async def test_transfer_limit_then_429_then_reopens(alice: User, bob: User, sim: GateCrossExSimulator) -> None:
    for expected_remain in range(9, -1, -1):
        response = await alice.call("POST", "/transfers", body=SMALL)
        assert response.status_code == 200
        assert response.headers[REMAIN] == str(expected_remain)
    alice.clock.advance(4_000)
    refused = await alice.call("POST", "/transfers", body=SMALL)
    assert refused.status_code == 429
    assert refused.json()["label"] == "TOO_MANY_REQUESTS"
    assert _headers(refused) == ("0", "10", str(START_MS // 1000 + 10))
    assert sim.limits.violations == 1
    assert (await bob.call("POST", "/transfers", body=SMALL)).status_code == 200
    assert (await alice.call("GET", "/transfers")).status_code == 200
    alice.clock.advance(6_000)
    again = await alice.call("POST", "/transfers", body=SMALL)
    assert (again.status_code, again.headers[REMAIN]) == (200, "9")


async def test_both_full_close_forms_share_the_daily_quota(alice: User) -> None:
    first = await alice.call("DELETE", "/position", body={"symbol": "OKX_FUTURE_SOL_USDT"})
    second = await alice.call("POST", "/position", body={"symbol": "OKX_FUTURE_SOL_USDT"})
    assert first.json()["label"] == second.json()["label"] == "CAN_NOT_DELETE_POSITION"
    assert (first.headers[REMAIN], second.headers[REMAIN], second.headers[LIMIT]) == ("99", "98", "100")
