"""Hosts, retries and pre-wire validation of the raw client."""

from __future__ import annotations

import time
from decimal import Decimal

import httpx
import pytest
import respx
from bingx_helpers import KEY, SECRET, check_signed

from venuekit.connectors.bingx import BingXClient
from venuekit.connectors.bingx import enums as bx
from venuekit.connectors.bingx.config import BASE_URLS, Environment
from venuekit.core.credentials import Credentials
from venuekit.core.errors import InvalidRequest, NetworkError, RequestTimeout, TimestampOutOfWindow
from venuekit.core.transport.config import RetryPolicy

CREDS = Credentials.of(KEY, SECRET)
TIME = {"code": 0, "msg": "", "data": {"serverTime": 0}}


def _time() -> dict[str, object]:
    return {"code": 0, "msg": "", "data": {"serverTime": int(time.time() * 1000)}}


def test_environments_and_fallback_hosts() -> None:
    assert BASE_URLS[Environment.LIVE] == ("https://open-api.bingx.com", "https://open-api.bingx.pro")
    assert BASE_URLS[Environment.VST] == ("https://open-api-vst.bingx.com", "https://open-api-vst.bingx.pro")


async def test_fallback_host_only_when_the_primary_is_unreachable() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        if request.url.host == "open-api.bingx.com":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json={"code": 0, "msg": "", "data": {"serverTime": 1672025091160}})

    async with BingXClient(CREDS, transport=httpx.MockTransport(handler)) as client:
        assert (await client.market.server_time()).server_time == 1672025091160
        assert seen == ["open-api.bingx.com", "open-api.bingx.pro"]
        assert client.rest.base_url == "https://open-api.bingx.pro"


async def test_no_fallback_once_the_request_may_have_been_received() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        if "server/time" in request.url.path:
            return httpx.Response(200, json=_time())
        raise httpx.ReadTimeout("slow", request=request)

    async with BingXClient(CREDS, transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(RequestTimeout) as caught:
            await client.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.MARKET,
                                                quantity=Decimal("0.001"), position_side=bx.PositionSide.BOTH)
    assert caught.value.request_sent is True
    assert seen == ["open-api.bingx.com", "open-api.bingx.com"]


async def test_all_hosts_down_is_a_network_error_not_sent() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down", request=request)

    async with BingXClient(CREDS, transport=httpx.MockTransport(handler), retry=RetryPolicy(attempts=1)) as client:
        with pytest.raises(NetworkError) as caught:
            await client.market.server_time()
    assert caught.value.request_sent is False


async def test_timestamp_rejection_resyncs_and_retries_once(router: respx.Router, client: BingXClient) -> None:
    route = router.post("/openApi/swap/v2/trade/leverage")
    route.side_effect = [
        httpx.Response(200, json={"code": 100421, "msg": "Null timestamp or timestamp mismatch", "data": {}}),
        httpx.Response(200, json={"code": 0, "msg": "", "data": {"leverage": 8, "symbol": "ETH-USDT"}}),
    ]
    result = await client.swap_trade.set_leverage(symbol="ETH-USDT", side=bx.PositionSide.SHORT, leverage=8)
    assert result.leverage == 8
    assert route.call_count == 2
    assert router.routes["server_time"].call_count == 2
    assert client.clock.sync_count == 2


async def test_timestamp_rejection_twice_raises(router: respx.Router, client: BingXClient) -> None:
    router.get("/openApi/swap/v3/user/balance").respond(json={"code": 80014, "msg": "timestamp is invalid"})
    with pytest.raises(TimestampOutOfWindow):
        await client.swap_account.balance()


async def test_false_and_zero_are_sent(router: respx.Router, client: BingXClient) -> None:
    order = router.post("/openApi/swap/v2/trade/order").respond(json={"code": 0, "msg": "", "data": {"order": {
        "symbol": "BTC-USDT", "orderId": 1, "side": "SELL", "type": "LIMIT"}}})
    await client.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.SELL, type=bx.OrderType.LIMIT,
                                        quantity=Decimal("0.001"), price=Decimal("50000"), reduce_only=False,
                                        position_side=bx.PositionSide.BOTH)
    assert check_signed(order.calls.last.request)["reduceOnly"] == "false"
    after = router.post("/openApi/swap/v2/trade/cancelAllAfter").respond(
        json={"code": 0, "msg": "", "data": {"triggerTime": 0, "status": "CLOSED", "note": ""}})
    await client.swap_trade.cancel_all_after(type=bx.CancelAllAfterType.CLOSE, time_out=0)
    assert check_signed(after.calls.last.request)["timeOut"] == "0"


async def test_decimals_travel_exactly(router: respx.Router, client: BingXClient) -> None:
    route = router.post("/openApi/swap/v2/trade/order").respond(json={"code": 0, "msg": "", "data": {"order": {
        "symbol": "BTC-USDT", "orderId": 1, "side": "BUY", "type": "LIMIT"}}})
    await client.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.LIMIT,
                                        quantity=Decimal("1E-8"), price=Decimal("0.30000000000000004"),
                                        position_side=bx.PositionSide.BOTH)
    sent = check_signed(route.calls.last.request)
    assert (sent["quantity"], sent["price"]) == ("0.00000001", "0.30000000000000004")


@pytest.mark.parametrize(("call", "field"), [
    (lambda c: c.swap_trade.margin_type(symbol="btc-usdt"), "symbol"),
    (lambda c: c.swap_trade.margin_type(symbol="BTCUSDT"), "symbol"),
    (lambda c: c.swap_trade.margin_type(symbol="VERYLONGSYMBOLNAME-USDT"), "symbol"),
    (lambda c: c.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.LIMIT,
                                        quantity=Decimal("-1"), price=Decimal(1)), "quantity"),
    (lambda c: c.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.LIMIT,
                                        quantity=Decimal(1), price=Decimal(0)), "price"),
    (lambda c: c.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.MARKET,
                                        quantity=Decimal(1), client_order_id="x" * 41), "clientOrderId"),
    (lambda c: c.swap_trade.place_order(symbol="BTC-USDT", side=bx.OrderSide.BUY, type=bx.OrderType.MARKET,
                                        quantity=Decimal(1), client_order_id="a&b=c"), "clientOrderId"),
    (lambda c: c.swap_trade.query_order(symbol="BTC-USDT", client_order_id="line\nbreak"), "clientOrderId"),
    (lambda c: c.swap_trade.query_order(symbol="BTC-USDT", order_id="12a"), "orderId"),
    (lambda c: c.swap_trade.query_order(symbol="BTC-USDT"), "orderId / clientOrderId"),
    (lambda c: c.spot_fund.fund_balance(asset="USDT#1"), "asset"),
    (lambda c: c.spot_fund.transfer(asset="USDT", amount=Decimal(1)), "type"),
    (lambda c: c.swap_trade.cancel_all_after(type=bx.CancelAllAfterType.ACTIVATE, time_out=5), "timeOut"),
])
async def test_invalid_input_never_reaches_the_wire(call, field, router: respx.Router, client: BingXClient) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidRequest) as caught:
        await call(client)
    assert caught.value.field == field
    assert all("server/time" in str(c.request.url) for c in router.calls)


def test_recv_window_range() -> None:
    with pytest.raises(InvalidRequest):
        BingXClient(CREDS, recv_window=60_001)
    with pytest.raises(InvalidRequest):
        BingXClient(CREDS, recv_window=0)
    BingXClient(CREDS, recv_window=60_000)


async def test_vst_environment_apply_vst() -> None:
    router = respx.Router(base_url="https://open-api-vst.bingx.com", assert_all_called=False)
    router.get("/openApi/swap/v2/server/time").respond(json=_time())
    vst = router.post("/openApi/swap/v1/trade/getVst").respond(
        json={"code": 0, "msg": "", "timestamp": 1730863321895, "data": {"amount": 20000}})
    async with BingXClient(CREDS, env="vst", transport=httpx.MockTransport(router.async_handler)) as client:
        assert (await client.swap_trade.apply_vst()).amount == Decimal(20000)
    assert vst.calls.last.request.url.host == "open-api-vst.bingx.com"
    assert check_signed(vst.calls.last.request) == {}
