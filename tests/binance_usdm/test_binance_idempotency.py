"""Exactly-once placement: ambiguous outcomes are resolved by client order id, never by a second order."""

from __future__ import annotations

import re
from decimal import Decimal

import httpx
import pytest
from binance_usdm_helpers import EXCHANGE_INFO, MockVenue, order_json

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.core.errors import ExchangeUnavailable, InvalidRequest, UnknownOrderState
from venuekit.core.types import OrderRequest, OrderStatus, Side

BINANCE_CID = re.compile(r"^[\.A-Z\:/a-z0-9_-]{1,36}$")
NOT_FOUND = httpx.Response(400, json={"code": -2013, "msg": "Order does not exist."})
REQ = OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.0104"), Decimal("30000.04"))


@pytest.fixture(autouse=True)
def _info(venue: MockVenue) -> None:
    venue.json("GET", "/fapi/v1/exchangeInfo", EXCHANGE_INFO)


def _echo(request: httpx.Request) -> httpx.Response:
    from urllib.parse import parse_qsl

    cid = dict(parse_qsl(request.content.decode()))["newClientOrderId"]
    return httpx.Response(200, json=order_json(clientOrderId=cid))


def _lookup_echo(status: str = "NEW"):  # type: ignore[no-untyped-def]
    def reply(request: httpx.Request) -> httpx.Response:
        cid = request.url.params["origClientOrderId"]
        return httpx.Response(200, json=order_json(clientOrderId=cid, status=status, time=1566818724700))
    return reply


async def test_success_sends_quantised_order_with_generated_client_id(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", _echo)
    order = await unified.create_order(REQ)
    (sent,) = venue.calls("POST", "/fapi/v1/order")
    cid = sent.params["newClientOrderId"]
    assert BINANCE_CID.match(cid) and order.client_order_id == cid
    assert (sent.params["quantity"], sent.params["price"], sent.params["timeInForce"]) == ("0.01", "30000", "GTC")
    assert order.symbol == "BTC/USDT:USDT" and order.id == "22542179" and order.status is OrderStatus.OPEN


async def test_5xx_after_accept_is_resolved_by_lookup(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.Response(
        503, json={"code": -1000, "msg": "Unknown error, please check your request or try again later."}))
    venue.on("GET", "/fapi/v1/order", NOT_FOUND, _lookup_echo())
    order = await unified.create_order(REQ.model_copy(update={"client_order_id": "my:order/1"}))
    assert order.client_order_id == "my:order/1" and order.id == "22542179"
    assert len(venue.calls("POST", "/fapi/v1/order")) == 1
    lookups = venue.calls("GET", "/fapi/v1/order")
    assert len(lookups) == 2 and {s.params["origClientOrderId"] for s in lookups} == {"my:order/1"}


async def test_read_timeout_is_resolved_by_lookup(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.ReadTimeout("slow"))
    venue.on("GET", "/fapi/v1/order", _lookup_echo("FILLED"))
    order = await unified.create_order(REQ)
    assert order.status is OrderStatus.CLOSED
    assert len(venue.calls("POST", "/fapi/v1/order")) == 1


async def test_connect_error_resends_with_the_same_id(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.ConnectError("refused"), _echo)
    order = await unified.create_order(REQ)
    first, second = venue.calls("POST", "/fapi/v1/order")
    assert first.params["newClientOrderId"] == second.params["newClientOrderId"] == order.client_order_id
    assert venue.calls("GET", "/fapi/v1/order") == []


async def test_unresolved_order_raises_unknown_state_with_the_id(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.RemoteProtocolError("dropped"))
    venue.on("GET", "/fapi/v1/order", NOT_FOUND)
    with pytest.raises(UnknownOrderState) as info:
        await unified.create_order(REQ)
    (sent,) = venue.calls("POST", "/fapi/v1/order")
    assert info.value.client_order_id == sent.params["newClientOrderId"]
    assert len(venue.calls("GET", "/fapi/v1/order")) == unified.placement.lookups


async def test_service_unavailable_is_a_plain_failure_without_lookup(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.Response(503, content=b"Service Unavailable."))
    with pytest.raises(ExchangeUnavailable):
        await unified.create_order(REQ)
    assert venue.calls("GET", "/fapi/v1/order") == []


async def test_user_client_id_is_checked_before_the_wire(venue: MockVenue, unified: BinanceUSDM) -> None:
    with pytest.raises(InvalidRequest):
        await unified.create_order(REQ.model_copy(update={"client_order_id": "bad id!"}))
    assert venue.calls("POST", "/fapi/v1/order") == []


async def test_batch_timeout_resolves_each_order(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/batchOrders", httpx.ReadTimeout("slow"))
    found = {"n": 0}

    def lookup(request: httpx.Request) -> httpx.Response:
        found["n"] += 1
        if found["n"] == 1:
            return _lookup_echo()(request)  # type: ignore[no-any-return]
        return httpx.Response(400, json={"code": -2013, "msg": "Order does not exist."})

    venue.on("GET", "/fapi/v1/order", lookup)
    results = await unified.create_orders([REQ, REQ.model_copy(update={"side": Side.SELL})])
    assert len(venue.calls("POST", "/fapi/v1/batchOrders")) == 1
    assert results[0].client_order_id is not None  # type: ignore[union-attr]
    assert isinstance(results[1], UnknownOrderState) and results[1].client_order_id
