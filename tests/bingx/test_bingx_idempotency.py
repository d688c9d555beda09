"""Unified placement never resends: an ambiguous timeout is resolved by looking the client order id up."""

from __future__ import annotations

import time
from decimal import Decimal
from urllib.parse import parse_qsl

import httpx
import pytest
import respx
from bingx_helpers import KEY, LIVE, SECRET

from venuekit.connectors.bingx import BingX
from venuekit.core.credentials import Credentials
from venuekit.core.errors import UnknownOrderState
from venuekit.core.types import OrderRequest, OrderStatus, Side

CONTRACT = {"contractId": "100", "symbol": "BTC-USDT", "quantityPrecision": 4, "pricePrecision": 1,
            "tradeMinQuantity": 0.0001, "tradeMinUSDT": 2, "currency": "USDT", "asset": "BTC", "status": 1,
            "apiStateOpen": "true", "apiStateClose": "true"}


def _venue(router: respx.Router) -> BingX:
    router.get("/openApi/swap/v2/server/time").respond(
        json={"code": 0, "msg": "", "data": {"serverTime": int(time.time() * 1000)}})
    router.get("/openApi/swap/v2/quote/contracts").respond(json={"code": 0, "msg": "", "data": [CONTRACT]})
    router.get("/openApi/swap/v1/positionSide/dual").respond(
        json={"code": "0", "msg": "", "timeStamp": "1709002057516", "data": {"dualSidePosition": "false"}})
    return BingX(Credentials.of(KEY, SECRET), transport=httpx.MockTransport(router.async_handler))


async def test_timeout_after_send_is_resolved_by_client_order_id() -> None:
    router = respx.Router(base_url=LIVE, assert_all_called=False)
    venue = _venue(router)
    place = router.post("/openApi/swap/v2/trade/order").mock(side_effect=httpx.ReadTimeout("slow"))
    lookup = router.get("/openApi/swap/v2/trade/order").respond(json={"code": 0, "msg": "", "data": {"order": {
        "symbol": "BTC-USDT", "orderId": 1742930526912864656, "side": "BUY", "positionSide": "BOTH",
        "type": "LIMIT", "origQty": "0.0123", "price": "30000.0", "executedQty": "0", "status": "NEW",
        "clientOrderId": "placeholder"}}})
    await venue.load_instruments()
    order = await venue.create_order(OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.01234"),
                                                        Decimal("30000.04")))
    await venue.close()
    assert place.call_count == 1
    sent = dict(parse_qsl(place.calls.last.request.content.decode()))
    asked = dict(parse_qsl(lookup.calls.last.request.url.query.decode()))
    assert asked["clientOrderId"] == sent["clientOrderId"]
    assert (sent["quantity"], sent["price"], sent["positionSide"]) == ("0.0123", "30000", "BOTH")
    assert (order.id, order.status) == ("1742930526912864656", OrderStatus.OPEN)


async def test_order_never_found_is_unknown_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("venuekit.core.idempotency.anyio.sleep", _no_sleep)
    router = respx.Router(base_url=LIVE, assert_all_called=False)
    venue = _venue(router)
    place = router.post("/openApi/swap/v2/trade/order").respond(500, text="gateway")
    router.get("/openApi/swap/v2/trade/order").respond(json={"code": 80016, "msg": "order does not exist"})
    await venue.load_instruments()
    with pytest.raises(UnknownOrderState) as caught:
        await venue.create_order(OrderRequest.market("BTC/USDT:USDT", Side.SELL, Decimal("0.01")))
    await venue.close()
    assert place.call_count == 1
    assert caught.value.client_order_id


async def _no_sleep(_: float) -> None:
    return None
