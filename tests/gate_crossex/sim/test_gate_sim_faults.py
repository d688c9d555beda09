"""Injected faults through the in-process transport, and the simulator served by uvicorn."""

from __future__ import annotations

import httpx
import pytest
from gate_sim_helpers import User, gate_sign

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.connectors.gate_crossex.simulator.__main__ import main
from venuekit.core.simulator import FaultKind, running_server

ORDER = {"symbol": "BINANCE_FUTURE_BTC_USDT", "side": "BUY", "type": "MARKET", "qty": "0.002"}


async def test_html_502_before_the_handler_places_nothing(alice: User, sim: GateCrossExSimulator) -> None:
    sim.faults.html_error(502, method="POST", path="/api/v4/crossex/orders")
    response = await alice.call("POST", "/orders", body=ORDER)
    assert response.status_code == 502 and "Bad Gateway" in response.text
    assert sim.exchange.orders(alice.user_id) == []
    assert sim.faults.fired(FaultKind.HTML_ERROR) == 1


async def test_drop_after_the_handler_keeps_the_order(alice: User, sim: GateCrossExSimulator) -> None:
    sim.faults.drop_connection(after_handler=True, path="/api/v4/crossex/orders")
    with pytest.raises(httpx.RemoteProtocolError):
        await alice.call("POST", "/orders", body=ORDER)
    (order,) = sim.exchange.orders(alice.user_id)
    assert (await alice.ok("GET", f"/orders/{order.order_id}"))["state"] == "FILLED"


async def test_timeout_before_the_handler(alice: User, sim: GateCrossExSimulator) -> None:
    sim.faults.timeout(path="/api/v4/crossex/*")
    with pytest.raises(httpx.ConnectTimeout):
        await alice.call("GET", "/accounts")
    assert (await alice.call("GET", "/accounts")).status_code == 200


async def test_truncated_and_server_error_bodies(alice: User, sim: GateCrossExSimulator) -> None:
    sim.faults.truncate_body(path="/api/v4/crossex/fee")
    cut = await alice.call("GET", "/fee")
    with pytest.raises(ValueError):
        cut.json()
    sim.faults.http_error(500, {"label": "SERVER_ERROR", "message": "boom"}, path="/api/v4/crossex/fee")
    failed = await alice.call("GET", "/fee")
    assert (failed.status_code, failed.json()["label"]) == (500, "SERVER_ERROR")


async def test_served_by_uvicorn(sim: GateCrossExSimulator) -> None:
    sim.add_account("k", "s")
    async with running_server(sim) as base, httpx.AsyncClient(base_url=base) as http:
        ts = str(sim.clock.now_ms() // 1000)
        path = "/api/v4/crossex/open_orders"
        query = "symbol=GATE_FUTURE_ETH_USDT"
        sign = gate_sign("s", "GET", path, query, "", ts)
        response = await http.get(f"{path}?{query}", headers={"KEY": "k", "Timestamp": ts, "SIGN": sign})
        assert (response.status_code, response.json()) == (200, [])
        assert response.headers["X-Gate-RateLimit-Limit"] == "200"
        symbols = await http.get("/api/v4/crossex/rule/symbols", params={"symbols": "GATE_FUTURE_ETH_USDT"})
        assert [s["tick_size"] for s in symbols.json()] == ["0.01"]


def test_cli_rejects_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--port", "not-a-number"])
    assert "--port" in capsys.readouterr().err
