"""Real sockets: the simulator served on 127.0.0.1; a plain aiohttp client speaks the documented CrossEx
protocol (login, subscribe, pushes shaped like the doc's examples) and the unified client streams over it."""

from __future__ import annotations

import hashlib
import hmac
import json
from decimal import Decimal as D
from typing import Any

import aiohttp
import anyio

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.connectors.gate_crossex.streams import StreamUrls
from venuekit.core.credentials import Credentials
from venuekit.core.simulator import running_socket_server
from venuekit.core.streams import FillUpdate, OrderUpdate
from venuekit.core.types import OrderRequest, OrderStatus, OrderType, Side

from .conftest import ENGINE, KEY, SECRET, SYMBOL, drain, fast_policy
from .gate_stream_docs import ASSET, LOGIN_RESPONSE, ORDER, POSITION, SUBSCRIBE_ACK, USERTRADES


def keys(doc: bytes, part: str = "payload") -> set[str]:
    return set(json.loads(doc)[part])


def login(secret: str, time_s: int) -> str:
    sign = hmac.new(secret.encode(), f"channel=&event=login&time={time_s}".encode(), hashlib.sha512).hexdigest()
    return json.dumps({"time": time_s, "event": "login",
                       "payload": {"method": "api_key", "api_key": KEY, "sign": sign}})


def subscribe(channel: str, payload: list[str]) -> str:
    return json.dumps({"time": 1, "channel": channel, "event": "subscribe", "payload": payload})


async def next_json(ws: aiohttp.ClientWebSocketResponse) -> Any:
    with anyio.fail_after(3):
        return json.loads(await ws.receive_str())


async def test_plain_client_gets_the_documented_frames(sim: GateCrossExSimulator, account_id: str) -> None:
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http, \
            http.ws_connect(base.replace("http://", "ws://") + "/ws/crossex") as ws:
        await ws.send_str(subscribe("order", ["!all"]))
        not_logged_in = await next_json(ws)
        await ws.send_str(login("wrong-secret", 1754272114))
        refused = await next_json(ws)
        await ws.send_str(login(SECRET, 1754272114))
        accepted = await next_json(ws)
        acks = []
        for channel in ("order", "usertrades", "position", "asset"):
            await ws.send_str(subscribe(channel, ["!all"]))
            acks.append(await next_json(ws))
        sim.exchange.place_order(account_id, ENGINE, Side.BUY, OrderType.MARKET, D("0.01"))
        pushes: dict[str, list[Any]] = {}
        while len(pushes.get("order", [])) < 2:
            frame = await next_json(ws)
            pushes.setdefault(frame["channel"], []).append(frame)
    assert not_logged_in["error"]["code"] == "100002"
    assert refused["error"] == {"code": "100006", "message": "Login failed"} and refused["event"] == "login"
    assert accepted.keys() == json.loads(LOGIN_RESPONSE).keys() and accepted["result"]["code"] == "100000"
    assert [a["channel"] for a in acks] == ["order", "usertrades", "position", "asset"]
    assert all(a.keys() == json.loads(SUBSCRIBE_ACK).keys() and a["payload"] == ["!all"] for a in acks)
    order = pushes["order"][-1]
    assert order.keys() == json.loads(ORDER).keys() and set(order["payload"]) == keys(ORDER)
    assert (order["payload"]["state"], order["payload"]["executed_qty"], order["payload"]["symbol"]) == (
        "FILLED", "0.01", ENGINE)
    assert set(pushes["usertrades"][0]["payload"]) == keys(USERTRADES)
    assert set(pushes["position"][0]["payload"]) == keys(POSITION)
    assert set(pushes["asset"][0]["payload"]) == keys(ASSET)


async def test_public_channels_by_symbol(sim: GateCrossExSimulator) -> None:
    async with running_socket_server(sim) as base, aiohttp.ClientSession() as http, \
            http.ws_connect(base.replace("http://", "ws://") + "/ws/crossex/public") as ws:
        await ws.send_str(subscribe("trade", ["!all"]))
        everything = await next_json(ws)
        await ws.send_str(subscribe("mark_price", [ENGINE]))
        ack, first = await next_json(ws), await next_json(ws)
        sim.exchange.set_mark_price(ENGINE, D("65010"))
        moved = await next_json(ws)
    assert everything["error"]["code"] == "100001"
    assert ack["event"] == "subscribe" and ack["result"]["code"] == "100000"
    assert first["result"] == {"s": ENGINE, "mp": "65000"}
    assert moved["channel"] == "mark_price" and moved["result"] == {"s": ENGINE, "mp": "65010"}
    assert "payload" not in moved and isinstance(moved["time_ms"], int)


async def test_unified_account_stream_over_a_socket(sim: GateCrossExSimulator) -> None:
    async with running_socket_server(sim) as base:
        venue = GateCrossEx(Credentials.of(KEY, SECRET), base_url=base)
        venue.streams.urls = StreamUrls.at(base.replace("http://", "ws://"))
        venue.streams.policy_factory = fast_policy
        async with venue, venue.watch_account() as stream:
            await drain(stream)
            placed = await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
            events = await drain(stream, quiet=0.3)
    final = [e.order for e in events if isinstance(e, OrderUpdate) and e.order.id == placed.id][-1]
    assert (final.status, final.filled) == (OrderStatus.CLOSED, D("0.01"))
    assert sum(isinstance(e, FillUpdate) for e in events) == 1
