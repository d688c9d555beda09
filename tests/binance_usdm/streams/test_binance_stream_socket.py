"""Real sockets: the simulator served on 127.0.0.1; the unified client and a plain aiohttp client use the
same URL shapes and JSON as against Binance."""

from __future__ import annotations

import json
from decimal import Decimal as D

import aiohttp
import anyio
import pytest

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.connectors.binance_usdm.streams import StreamUrls
from venuekit.core.credentials import Credentials
from venuekit.core.simulator import running_socket_server
from venuekit.core.streams import FillUpdate, OrderUpdate
from venuekit.core.types import OrderRequest, OrderStatus, OrderType, Side

from .conftest import KEY, SECRET, SYMBOL, drain, fast_policy


async def test_unified_account_stream_over_a_socket(sim: BinanceUSDMSimulator) -> None:
    async with running_socket_server(sim) as base:
        venue = BinanceUSDM(Credentials.of(KEY, SECRET), base_url=base)
        venue.streams.urls = StreamUrls(base.replace("http://", "ws://"), split=False)
        venue.streams.policy_factory = fast_policy
        async with venue, venue.watch_account() as stream:
            await drain(stream)
            placed = await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
            events = await drain(stream, quiet=0.3)
    final = [e.order for e in events if isinstance(e, OrderUpdate) and e.order.id == placed.id][-1]
    assert (final.status, final.filled) == (OrderStatus.CLOSED, D("0.010"))
    assert sum(isinstance(e, FillUpdate) for e in events) == 1


async def test_plain_client_gets_binance_shapes(sim: BinanceUSDMSimulator) -> None:
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http:
        ws_base = base.replace("http://", "ws://")
        async with http.ws_connect(f"{ws_base}/stream?streams=btcusdt@markPrice@1s") as combined, \
                http.ws_connect(f"{ws_base}/ws") as raw:
            await raw.send_str(json.dumps({"method": "SUBSCRIBE", "params": ["btcusdt@aggTrade"], "id": 7}))
            with anyio.fail_after(3):
                assert json.loads(await raw.receive_str()) == {"result": None, "id": 7}
                await raw.send_str(json.dumps({"method": "LIST_SUBSCRIPTIONS", "id": 8}))
                assert json.loads(await raw.receive_str()) == {"result": ["btcusdt@aggTrade"], "id": 8}
                sim.exchange.set_mark_price("BTCUSDT", D("65010"))
                account = next(iter(sim.state.keys.values())).account_id
                sim.exchange.place_order(account, "BTCUSDT", Side.BUY, OrderType.MARKET, D("0.002"))
                wrapped = json.loads(await combined.receive_str())
                trade = json.loads(await raw.receive_str())
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(f"{ws_base}/ws/not-a-listen-key")
        assert refused.value.status == 403
    assert wrapped["stream"] == "btcusdt@markPrice@1s"
    assert wrapped["data"]["e"] == "markPriceUpdate" and wrapped["data"]["p"] == "65010.00000000"
    assert trade["e"] == "aggTrade" and trade["s"] == "BTCUSDT" and trade["q"] == "0.002" and trade["m"] is False
