"""Real sockets: the simulator served on 127.0.0.1; the unified client and a plain aiohttp client see BingX's
path, gzip binary frames, `Ping`/`Pong`, and the `reqType` subscription protocol."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal as D
from typing import Any

import aiohttp
import anyio
import pytest

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.connectors.bingx.streams import StreamUrls
from venuekit.core.credentials import Credentials
from venuekit.core.simulator import running_socket_server
from venuekit.core.streams import FillUpdate, OrderUpdate
from venuekit.core.types import OrderRequest, OrderStatus, OrderType, PositionSide, Side

from .conftest import ENGINE, KEY, SECRET, SYMBOL, account_of, drain, fast_policy


async def next_json(ws: aiohttp.ClientWebSocketResponse, *, skip_pings: bool = True) -> Any:
    """The next message, gunzipped (every server frame must be gzip binary); Pings are answered."""
    while True:
        msg = await ws.receive()
        assert msg.type is aiohttp.WSMsgType.BINARY, msg
        text = gzip.decompress(msg.data).decode()
        if text == "Ping" and skip_pings:
            await ws.send_str("Pong")
            continue
        return text if text == "Ping" else json.loads(text)


async def test_unified_account_stream_over_a_socket(sim: BingXSimulator) -> None:
    async with running_socket_server(sim) as base:
        venue = BingX(Credentials.of(KEY, SECRET), base_url=base)
        venue.streams.urls = StreamUrls(base.replace("http://", "ws://"))
        venue.streams.policy_factory = fast_policy
        async with venue, venue.watch_account() as stream:
            await drain(stream)
            placed = await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
            events = await drain(stream, quiet=0.3)
    final = [e.order for e in events if isinstance(e, OrderUpdate) and e.order.id == placed.id][-1]
    assert (final.status, final.filled) == (OrderStatus.CLOSED, D("0.01"))
    assert sum(isinstance(e, FillUpdate) for e in events) == 1


async def test_plain_client_gets_bingx_frames(sim: BingXSimulator) -> None:
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http:
        url = base.replace("http://", "ws://") + "/swap-market"
        async with http.ws_connect(url) as ws:
            with anyio.fail_after(3):
                assert await next_json(ws, skip_pings=False) == "Ping"
                await ws.send_str("Pong")
                await ws.send_str(json.dumps({"id": "id1", "reqType": "sub", "dataType": "BTC-USDT@trade"}))
                assert await next_json(ws) == {"id": "id1", "code": 0, "msg": "", "dataType": "", "data": None}
                await ws.send_str(json.dumps({"id": "id2", "reqType": "sub", "dataType": "BTC-USDT@incrDepth"}))
                assert (await next_json(ws))["code"] == 0
                snapshot = await next_json(ws)
                await ws.send_str(json.dumps({"id": "id3", "reqType": "sub", "dataType": "BTC-USDT@depth5@500ms"}))
                assert (await next_json(ws))["id"] == "id3"
                await ws.send_str(json.dumps({"id": "id4", "reqType": "sub", "dataType": "BTC-USDT@kline_1m"}))
                refused = await next_json(ws)
                sim.exchange.place_order(account_of(sim), ENGINE, Side.BUY, OrderType.MARKET, D("0.002"),
                                         position_side=PositionSide.LONG)
                pushes = [await next_json(ws) for _ in range(3)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as invalid:
            await http.ws_connect(url + "?listenKey=not-a-listen-key")
        assert invalid.value.status == 403
    assert snapshot["dataType"] == "BTC-USDT@incrDepth" and snapshot["data"]["action"] == "all"
    assert len(snapshot["data"]["bids"]) == 20 and snapshot["data"]["asks"][-1][0] == "65000.5"
    assert (refused["code"], refused["msg"]) == (80015, "dataType not supported")
    by_topic = {p["dataType"]: p for p in pushes}
    assert by_topic["BTC-USDT@trade"]["data"] == [
        {"q": "0.0020", "p": "65000.5", "T": by_topic["BTC-USDT@trade"]["data"][0]["T"], "m": False, "s": "BTC-USDT"}]
    update = by_topic["BTC-USDT@incrDepth"]["data"]
    assert (update["action"], update["lastUpdateId"]) == ("update", snapshot["data"]["lastUpdateId"] + 1)
    assert update["asks"] == [["65000.5", "2.4980"]] and update["bids"] == []
    top = by_topic["BTC-USDT@depth5@500ms"]
    assert len(top["data"]["bids"]) == 5 and top["data"]["asks"][-1] == ["65000.5", "2.4980"] and "ts" in top


async def test_a_client_that_never_pongs_is_disconnected(sim: BingXSimulator) -> None:
    sim.hub.max_missed_pongs = 2
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http, \
            http.ws_connect(base.replace("http://", "ws://") + "/swap-market") as ws:
        with anyio.fail_after(3):
            while (msg := await ws.receive()).type is aiohttp.WSMsgType.BINARY:
                assert gzip.decompress(msg.data) == b"Ping"
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
