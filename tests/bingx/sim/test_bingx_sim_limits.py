"""Rate limits (100410 with the unblock time), injected faults, and the uvicorn server path."""

from __future__ import annotations

import hashlib
import hmac
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import httpx
import pytest

from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.simulator import FaultKind, ManualClock, WallClock, running_server

Caller = Any
BLOCK_TEXT = re.compile(
    r"^code:100410:The endpoint trigger frequency limit rule is currently in the disabled period "
    r"and will be unblocked after (\d{13})$"
)


async def test_uid_limit_answers_100410_with_unblock_time(
    alice: Caller, bob: Caller, sim: BingXSimulator, clock: ManualClock
) -> None:
    path = "/openApi/swap/v2/trade/marginType"  # 2/s per UID (seed 000)
    for _ in range(2):
        await alice.ok("GET", path, {"symbol": "BTC-USDT"})
    refused = await alice.call("GET", path, {"symbol": "BTC-USDT"})
    assert refused["code"] == 100410
    match = BLOCK_TEXT.match(refused["msg"])
    assert match is not None, refused["msg"]
    unblock = int(match.group(1))
    assert clock.now_ms() < unblock <= clock.now_ms() + 1000
    assert sim.limits.violations == 1
    assert (await bob.call("GET", path, {"symbol": "BTC-USDT"}))["code"] == 0  # another UID is unaffected
    clock.set(unblock)
    assert (await alice.call("GET", path, {"symbol": "BTC-USDT"}))["code"] == 0


async def test_place_order_limit_is_five_per_second(alice: Caller) -> None:
    params = {
        "symbol": "BTC-USDT",
        "side": "BUY",
        "positionSide": "LONG",
        "type": "LIMIT",
        "quantity": "0.001",
        "price": "60000",
    }
    codes = [(await alice.call("POST", "/openApi/swap/v2/trade/order", params))["code"] for _ in range(6)]
    assert codes == [0, 0, 0, 0, 0, 100410]


async def test_ip_group_limit(sim: BingXSimulator, http: httpx.AsyncClient) -> None:
    sim.limits.define("ip:market", 3, 10_000)
    codes = [(await http.get("/openApi/swap/v2/server/time")).json()["code"] for _ in range(4)]
    assert codes == [0, 0, 0, 100410]
    assert sim.limits.violations_by_key["ip:market"] == 1


async def test_http_and_network_faults(alice: Caller, sim: BingXSimulator) -> None:
    sim.faults.html_error(502, path="/openApi/swap/v3/user/balance")
    bad_gateway = await alice.raw("GET", "/openApi/swap/v3/user/balance")
    assert bad_gateway.status_code == 502 and "Bad Gateway" in bad_gateway.text
    sim.faults.drop_connection(after_handler=True, path="/openApi/swap/v2/trade/order")
    with pytest.raises(httpx.RemoteProtocolError):
        await alice.raw(
            "POST",
            "/openApi/swap/v2/trade/order",
            {
                "symbol": "BTC-USDT",
                "side": "BUY",
                "positionSide": "LONG",
                "type": "LIMIT",
                "quantity": "0.001",
                "price": "60000",
                "clientOrderId": "lost-1",
            },
        )
    assert sim.faults.fired(FaultKind.DROP) == 1
    found = await alice.ok("GET", "/openApi/swap/v2/trade/order", {"symbol": "BTC-USDT", "clientOrderId": "lost-1"})
    assert found["data"]["order"]["status"] == "PENDING"  # the handler ran before the drop


async def test_served_by_uvicorn() -> None:
    sim = BingXSimulator(clock=WallClock())
    sim.add_account("k", "s", {"USDT": Decimal(10)})
    async with running_server(sim) as base_url, httpx.AsyncClient(base_url=base_url) as http:
        assert (await http.get("/openApi/swap/v2/quote/contracts")).json()["data"][0]["symbol"] == "BTC-USDT"
        payload = f"timestamp={sim.exchange.now_ms()}"
        signature = hmac.new(b"s", payload.encode(), hashlib.sha256).hexdigest()
        balance = await http.get(
            f"/openApi/swap/v3/user/balance?{payload}&signature={signature}", headers={"X-BX-APIKEY": "k"}
        )
        assert balance.json()["data"][0]["balance"] == "10.0000"


def test_cli_help_lists_its_options() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "venuekit.connectors.bingx.simulator", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    assert "--port" in out and "--key" in out and "--secret" in out
