"""Injected faults: a 500 after the order was accepted, drops, latency, and the real-socket server."""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

import httpx
import pytest

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import FaultKind, ManualClock, running_server

if TYPE_CHECKING:
    from conftest import Trader

ORDER = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "1",
         "price": "110.0000", "newClientOrderId": "idem-1"}


async def test_500_after_handler_leaves_the_order_in_the_engine(alice: Trader, sim: BinanceUSDMSimulator) -> None:
    sim.faults.http_error(500, {"code": -1000, "msg": "An unknown error occured while processing the request."},
                          after_handler=True, method="POST", path="/fapi/v1/order")
    response = await alice.call("POST", "/fapi/v1/order", ORDER)
    assert response.status_code == 500
    found = await alice.ok("GET", "/fapi/v1/order", {"symbol": "SOLUSDT", "origClientOrderId": "idem-1"})
    assert (found["status"], found["clientOrderId"]) == ("NEW", "idem-1")
    again = await alice.call("POST", "/fapi/v1/order", ORDER)
    assert again.json()["code"] == -4116


async def test_503_before_handler_places_nothing(alice: Trader, sim: BinanceUSDMSimulator) -> None:
    sim.faults.http_error(503, "Service Unavailable.", content_type="text/plain", path="/fapi/v1/order")
    response = await alice.call("POST", "/fapi/v1/order", ORDER)
    assert response.status_code == 503
    assert await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"}) == []


async def test_drop_after_send_raises_and_keeps_the_order(alice: Trader, sim: BinanceUSDMSimulator) -> None:
    sim.faults.drop_connection(after_handler=True, path="/fapi/v1/order", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        await alice.call("POST", "/fapi/v1/order", ORDER)
    assert sim.faults.fired(FaultKind.DROP) == 1
    assert len(await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"})) == 1


async def test_drop_before_send_is_a_connect_error(alice: Trader, sim: BinanceUSDMSimulator) -> None:
    sim.faults.drop_connection(path="/fapi/v1/order", method="POST")
    with pytest.raises(httpx.ConnectError):
        await alice.call("POST", "/fapi/v1/order", ORDER)
    assert await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"}) == []


async def test_latency_is_applied(alice: Trader, sim: BinanceUSDMSimulator) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    sim.faults.sleep = fake_sleep
    sim.faults.latency(250, path="/fapi/v1/time")
    await alice.call("GET", "/fapi/v1/time", signed=False)
    assert slept == [0.25]


async def test_uvicorn_smoke() -> None:
    clock = ManualClock(1_700_000_000_000)
    sim = BinanceUSDMSimulator(clock=clock)
    sim.add_account("k", "s")
    async with running_server(sim) as base, httpx.AsyncClient(base_url=base) as http:
        assert (await http.get("/fapi/v1/time")).json() == {"serverTime": clock.now_ms()}
        query = f"symbol=BTCUSDT&timestamp={clock.now_ms()}"
        signature = hmac.new(b"s", query.encode(), hashlib.sha256).hexdigest()
        rate = await http.get(f"/fapi/v1/commissionRate?{query}&signature={signature}", headers={"X-MBX-APIKEY": "k"})
        assert rate.status_code == 200, rate.text
        assert rate.json()["symbol"] == "BTCUSDT"
        assert rate.headers["x-mbx-used-weight-1m"] == "21"
