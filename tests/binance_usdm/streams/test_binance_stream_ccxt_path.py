"""What ccxt.pro does against Binance: open `/market/ws/<connection index>` (no stream in the path), then
SUBSCRIBE on it. The simulator must take that for a plain connection, not for an unknown listen key."""

from __future__ import annotations

import json
from decimal import Decimal as D

import aiohttp
import anyio
import pytest

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import running_socket_server
from venuekit.core.types import OrderType, Side


@pytest.mark.parametrize("path", ["/market/ws/0", "/ws/3"])
async def test_connection_index_path_then_subscribe(sim: BinanceUSDMSimulator, path: str) -> None:
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http:
        ws_base = base.replace("http://", "ws://")
        async with http.ws_connect(f"{ws_base}{path}") as ws:
            await ws.send_str(json.dumps({"method": "SUBSCRIBE", "params": ["btcusdt@aggTrade"], "id": 1}))
            with anyio.fail_after(3):
                assert json.loads(await ws.receive_str()) == {"result": None, "id": 1}
                account = next(iter(sim.state.keys.values())).account_id
                sim.exchange.place_order(account, "BTCUSDT", Side.SELL, OrderType.MARKET, D("0.003"))
                trade = json.loads(await ws.receive_str())
    assert trade["e"] == "aggTrade" and trade["s"] == "BTCUSDT" and trade["q"] == "0.003" and trade["m"] is True


async def test_a_name_with_letters_is_still_an_unknown_listen_key(sim: BinanceUSDMSimulator) -> None:
    unknown = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http:
        ws_base = base.replace("http://", "ws://")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(f"{ws_base}/market/ws/{unknown}")
        assert refused.value.status == 403
