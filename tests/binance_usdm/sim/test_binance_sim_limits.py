"""Request weights, order counts, 429 then 418, and the violation counter."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import ManualClock

if TYPE_CHECKING:
    from conftest import Trader


def used(response: httpx.Response) -> int:
    return int(response.headers["X-MBX-USED-WEIGHT-1M"])


async def test_documented_weights_are_charged(alice: Trader, http: httpx.AsyncClient) -> None:
    # Weights from the seed document: dual-side GET 30, openOrders 1 with symbol / 40 without,
    # forceOrders 20 with symbol / 50 without, income 30, v4 account 5; premiumIndex 1 / 10 (reference).
    steps = [
        (("GET", "/fapi/v1/positionSide/dual", {}), 30),
        (("GET", "/fapi/v1/openOrders", {"symbol": "BTCUSDT"}), 1),
        (("GET", "/fapi/v1/openOrders", {}), 40),
        (("GET", "/fapi/v1/forceOrders", {"symbol": "BTCUSDT"}), 20),
        (("GET", "/fapi/v1/forceOrders", {}), 50),
        (("GET", "/fapi/v1/income", {}), 30),
        (("GET", "/fapi/v4/account", {}), 5),
        (("POST", "/fapi/v1/countdownCancelAll", {"symbol": "BTCUSDT", "countdownTime": 0}), 10),
    ]
    total = 0
    for (method, path, params), weight in steps:
        response = await alice.call(method, path, params)
        assert response.status_code == 200, (path, response.text)
        total += weight
        assert used(response) == total, path
    for params, weight in (({"symbol": "ETHUSDT"}, 1), ({}, 10)):
        response = await http.get("/fapi/v1/premiumIndex", params=params)
        total += weight
        assert used(response) == total


async def test_weight_header_also_on_errors(alice: Trader) -> None:
    alice.secret = "wrong"
    response = await alice.call("GET", "/fapi/v2/balance")
    assert response.status_code == 400
    assert used(response) == 5


async def test_window_resets_each_minute(alice: Trader, clock: ManualClock) -> None:
    clock.set(1_700_000_040_000 - 1_700_000_040_000 % 60_000 + 59_000)
    first = await alice.call("GET", "/fapi/v1/positionSide/dual")
    assert used(first) == 30
    clock.advance(1_000)
    second = await alice.call("GET", "/fapi/v1/positionSide/dual")
    assert used(second) == 30


async def test_429_then_418_ban(alice: Trader, sim: BinanceUSDMSimulator, clock: ManualClock) -> None:
    clock.set(1_700_000_040_000 - 1_700_000_040_000 % 60_000)
    for _ in range(60):
        response = await alice.call("GET", "/fapi/v1/openOrders")
        assert response.status_code == 200
    assert used(response) == 2400
    assert sim.limits.violations == 0
    limited = await alice.call("GET", "/fapi/v1/openOrders")
    assert limited.status_code == 429
    assert limited.json()["code"] == -1003
    assert int(limited.headers["Retry-After"]) == 60
    assert sim.limits.violations == 1
    clock.advance(1_000)
    banned = await alice.call("GET", "/fapi/v1/ping", signed=False)
    assert banned.status_code == 418
    body = banned.json()
    assert body["code"] == -1003
    until = clock.now_ms() + 120_000
    assert f"banned until {until}" in body["msg"]
    assert int(banned.headers["Retry-After"]) == 120
    assert sim.limits.violations == 2
    clock.advance(120_000)
    assert (await alice.call("GET", "/fapi/v1/ping", signed=False)).status_code == 200


async def test_waiting_out_retry_after_avoids_the_ban(alice: Trader, sim: BinanceUSDMSimulator,
                                                      clock: ManualClock) -> None:
    clock.set(1_700_000_040_000 - 1_700_000_040_000 % 60_000)
    for _ in range(60):
        await alice.call("GET", "/fapi/v1/openOrders")
    limited = await alice.call("GET", "/fapi/v1/openOrders")
    assert limited.status_code == 429
    clock.advance(int(limited.headers["Retry-After"]) * 1000)
    again = await alice.call("GET", "/fapi/v1/openOrders")
    assert again.status_code == 200
    assert used(again) == 40
    assert sim.limits.violations == 1


async def test_order_count_headers(alice: Trader) -> None:
    order = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": 1,
             "price": "100.00"}
    first = await alice.call("POST", "/fapi/v1/order", order)
    assert first.status_code == 200, first.text
    assert first.headers["X-MBX-ORDER-COUNT-10S"] == "1"
    assert first.headers["X-MBX-ORDER-COUNT-1M"] == "1"
    second = await alice.call("POST", "/fapi/v1/order", order)
    assert second.headers["X-MBX-ORDER-COUNT-10S"] == "2"
    query = await alice.call("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"})
    assert "X-MBX-ORDER-COUNT-10S" not in query.headers


async def test_order_rate_limit_per_10s(alice: Trader, sim: BinanceUSDMSimulator, clock: ManualClock) -> None:
    clock.set(1_700_000_040_000 - 1_700_000_040_000 % 60_000)
    sim.limits.define("ORDERS_10S", 3, 10_000)
    order = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": 1,
             "price": "100.00"}
    for _ in range(3):
        assert (await alice.call("POST", "/fapi/v1/order", order)).status_code == 200
    refused = await alice.call("POST", "/fapi/v1/order", order)
    assert refused.status_code == 429
    assert refused.json()["code"] == -1015
    assert "Retry-After" in refused.headers
    assert sim.limits.violations == 1
    clock.advance(10_000)
    assert (await alice.call("POST", "/fapi/v1/order", order)).status_code == 200


async def test_exchange_info_publishes_the_limits(http: httpx.AsyncClient) -> None:
    info = (await http.get("/fapi/v1/exchangeInfo")).json()
    limits = {(r["rateLimitType"], r["interval"], r["intervalNum"]): r["limit"] for r in info["rateLimits"]}
    assert limits[("REQUEST_WEIGHT", "MINUTE", 1)] == 2400
    assert limits[("ORDERS", "MINUTE", 1)] == 1200
    assert ("ORDERS", "SECOND", 10) in limits
