"""Order endpoints: request shape and the seed's example responses (with both field spellings)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.connectors.gate_crossex.enums import GateOrderType, GatePositionSide, GateSide, GateTimeInForce
from venuekit.core import InvalidRequest

P = "/api/v4/crossex"


async def test_create_order_seed_body(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("POST /api/v4/crossex/orders")
    result = await client.orders.create_order(
        symbol="BINANCE_SPOT_ADA_USDT", side=GateSide.BUY, type=GateOrderType.MARKET, quote_qty=Decimal(10)
    )
    assert mock.last.method == "POST" and mock.last.url.path == f"{P}/orders"
    assert mock.last_json() == examples["POST /api/v4/crossex/orders"]["request"]
    assert result.order_id == "123456" and result.text == "cross-test-1"


async def test_create_order_every_field(client: GateCrossExClient, mock: Any) -> None:
    mock.example("POST /api/v4/crossex/orders")
    await client.orders.create_order(
        symbol="OKX_FUTURE_ADA_USDT", side=GateSide.SELL, type=GateOrderType.LIMIT, qty=Decimal("20"),
        price=Decimal("0.6500"), time_in_force=GateTimeInForce.POC, reduce_only=False,
        position_side=GatePositionSide.SHORT, text="cross-test-1",
    )
    assert mock.last_json() == {
        "text": "cross-test-1", "symbol": "OKX_FUTURE_ADA_USDT", "side": "SELL", "type": "LIMIT",
        "time_in_force": "POC", "qty": "20", "price": "0.65", "reduce_only": "false", "position_side": "SHORT",
    }


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"type": GateOrderType.LIMIT, "qty": Decimal(1)}, "price"),
        ({"type": GateOrderType.MARKET}, "qty"),
        ({"type": GateOrderType.MARKET, "qty": Decimal(1), "time_in_force": GateTimeInForce.POC}, "time_in_force"),
        ({"type": GateOrderType.MARKET, "qty": Decimal(-1)}, "qty"),
        ({"type": GateOrderType.MARKET, "qty": Decimal(1), "text": "bad id!"}, "text"),
        ({"type": GateOrderType.MARKET, "qty": Decimal(1), "text": "x" * 29}, "text"),
    ],
)
async def test_create_order_checks_before_the_wire(
    client: GateCrossExClient, mock: Any, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.orders.create_order(symbol="BINANCE_FUTURE_ADA_USDT", side=GateSide.BUY, **kwargs)
    assert err.value.field == field and not mock.requests


async def test_cancel_order(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("DELETE /api/v4/crossex/orders/{order_id}", path=f"{P}/orders/crossex-test-1")
    result = await client.orders.cancel_order(order_id="crossex-test-1")
    assert mock.last.method == "DELETE" and mock.last.content == b"{}"
    assert mock.last_json() == examples["DELETE /api/v4/crossex/orders/{order_id}"]["request"]
    assert result.order_id == "123456" and result.text == "crossex-test-1"


async def test_amend_order(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("PUT /api/v4/crossex/orders/{order_id}", path=f"{P}/orders/123")
    result = await client.orders.amend_order(order_id="123", qty=Decimal("20"), price=Decimal("0.65"))
    assert mock.last.method == "PUT"
    assert mock.last_json() == examples["PUT /api/v4/crossex/orders/{order_id}"]["request"]
    assert result.order_id == "123" and result.text == "crossx-test-1"


async def test_amend_order_needs_something(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest):
        await client.orders.amend_order(order_id="1")


async def test_get_order_seed_spelling(client: GateCrossExClient, mock: Any) -> None:
    """This example uses `text`, `tif` and `fee_currency`."""
    mock.example("GET /api/v4/crossex/orders/{order_id}", path=f"{P}/orders/2048522992198912")
    order = await client.orders.get_order(order_id="2048522992198912")
    assert mock.last.method == "GET" and mock.last.content == b""
    assert order.text == "2048522992198912" and order.time_in_force == "GTC" and order.fee_coin == "ADA"
    assert order.executed_qty == Decimal("12.9") and order.executed_avg_price == Decimal("0.5399")
    assert order.reduce_only is False and order.create_time == 1750681141933 and order.state == "FILLED"


async def test_get_order_rejects_empty_id(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.orders.get_order(order_id="")
    assert err.value.field == "order_id"


async def test_open_orders_other_spelling(client: GateCrossExClient, mock: Any) -> None:
    """This example uses `client_order_id`, `time_in_force` and `fee_coin`."""
    mock.example("GET /api/v4/crossex/open_orders")
    rows = await client.orders.list_open_orders(symbol="OKX_SPOT_ADA_USDT", exchange_type="OKX", business_type="SPOT")
    assert dict(mock.last.url.params) == {
        "symbol": "OKX_SPOT_ADA_USDT", "exchange_type": "OKX", "business_type": "SPOT"
    }
    assert rows[0].text == "2048529119934720" and rows[0].time_in_force == "GTC" and rows[0].fee_coin == "ADA"
    assert rows[0].state == "PARTIALLY_FILLED" and rows[0].executed_amount == Decimal("5.99994698")


async def test_history_orders(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/history_orders")
    rows = await client.orders.list_history_orders(symbol="BINANCE_SPOT_ADA_USDT", start=10, end=20, page=2, limit=5)
    assert dict(mock.last.url.params) == {
        "symbol": "BINANCE_SPOT_ADA_USDT", "from": "10", "to": "20", "page": "2", "limit": "5"
    }
    assert rows[0].order_id == "2048522992198912" and rows[0].quote_qty == Decimal(7)


async def test_history_trades(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/history_trades")
    rows = await client.orders.list_history_trades(symbol="BINANCE_FUTURE_ADA_USDT", limit=1000)
    assert mock.last.url.params["limit"] == "1000"
    t = rows[0]
    assert t.transaction_id == "2049614605858560" and t.fee == Decimal("0.002798500000000000")
    assert t.match_role == "MAKER" and t.rpnl == Decimal("-0.001") and t.fee_coin == "USDT"


async def test_history_window_order_checked(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.orders.list_history_trades(start=20, end=10)
    assert err.value.field == "from"


async def test_batch_cancel(client: GateCrossExClient, mock: Any) -> None:
    """After v1.0.0 (SDK 7.2.123): body is a list of {order_id}; answer per order."""
    mock.add("POST", f"{P}/batch_cancel_orders", [
        {"order_id": "1", "text": "a", "accepted": True},
        {"order_id": "2", "text": "b", "accepted": False, "label": "TRADE_ORDER_NOT_FOUND_ERROR", "message": "x"},
    ])
    rows = await client.orders.batch_cancel_orders(order_ids=["1", "2"])
    assert mock.last_json() == [{"order_id": "1"}, {"order_id": "2"}]
    assert rows[0].accepted is True and rows[1].label == "TRADE_ORDER_NOT_FOUND_ERROR"
