"""The unified layer over mocked wire answers (seed examples): symbols with the underlying exchange,
idempotent placement, the full-close method fallback, fees, balances, positions, fills, income."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.core import (
    BadSymbol,
    Credentials,
    InstrumentKind,
    InvalidOrder,
    InvalidRequest,
    NotSupported,
    OrderRequest,
    OrderStatus,
    OrderType,
    PositionSide,
    Side,
    UnknownOrderState,
    idempotency,
)

P = "/api/v4/crossex"
EXTRA_SYMBOLS = [
    {"symbol": "BYBIT_FUTURE_BTC_USDT", "exchange_type": "BYBIT", "business_type": "FUTURE", "state": "live",
     "min_size": "0.001", "min_notional": "5", "lot_size": "0.001", "tick_size": "0.1", "contract_size": "1"},
    {"symbol": "GATE_MARGIN_ADA_USDT", "exchange_type": "GATE", "business_type": "MARGIN", "state": "live",
     "min_size": "1", "min_notional": "1", "lot_size": "1", "tick_size": "0.0001"},
    {"symbol": "BINANCE_SPOT_ADA_USDT", "exchange_type": "BINANCE", "business_type": "SPOT", "state": "live",
     "min_size": "0.1", "min_notional": "1", "lot_size": "0.1", "tick_size": "0.0001"},
]


def serve_markets(mock: Any, examples: dict[str, Any]) -> None:
    symbols = examples["GET /api/v4/crossex/rule/symbols"]["response"] + EXTRA_SYMBOLS
    mock.add("GET", f"{P}/rule/symbols", symbols)
    risk = [{"symbol": "BINANCE_FUTURE_ADA_USDT", "tiers": [{"leverage_max": "75"}, {"leverage_max": "50"}]}]
    mock.add("GET", f"{P}/rule/risk_limits", risk)
    mock.example("GET /api/v4/crossex/transfers/coin")


@pytest.fixture
async def venue(transport: httpx.MockTransport, mock: Any, examples: dict[str, Any]) -> AsyncIterator[GateCrossEx]:
    serve_markets(mock, examples)
    gate = GateCrossEx(Credentials.of("k", "s"), base_url="https://g.test", transport=transport,
                       default_exchange="binance")
    gate.raw.clock.synced = True
    await gate.load_instruments()
    mock.requests.clear()
    yield gate
    await gate.close()


async def test_instruments_keep_the_exchange(venue: GateCrossEx) -> None:
    names = sorted(venue.symbols._by_unified)
    assert names == ["ADA/USDT:USDT@BINANCE", "ADA/USDT:USDT@OKX", "ADA/USDT@BINANCE", "ADA/USDT@GATE_MARGIN",
                     "BTC/USDT:USDT@BYBIT"]
    okx = venue.instrument("ADA/USDT:USDT@OKX")
    assert okx.metadata["exchange"] == "OKX" and okx.metadata["contract_size"] == "100"
    assert okx.contract_size == Decimal(1) and okx.status == "halted" and okx.lot_step == Decimal(10)
    binance = venue.instrument("ADA/USDT:USDT@BINANCE")
    assert binance.max_leverage == Decimal(75) and binance.kind is InstrumentKind.SWAP and binance.settle == "USDT"
    margin = venue.instrument("ADA/USDT@GATE_MARGIN")
    assert margin.kind is InstrumentKind.MARGIN and margin.metadata["business_type"] == "MARGIN"
    assert venue.exchanges() == ["BINANCE", "BYBIT", "GATE", "OKX"]
    assert "string" in venue.transfer_coins


async def test_default_exchange_resolves_plain_symbols(venue: GateCrossEx) -> None:
    assert venue.instrument("ADA/USDT:USDT").venue_symbol == "BINANCE_FUTURE_ADA_USDT"
    assert venue.instrument("ada/usdt").venue_symbol == "BINANCE_SPOT_ADA_USDT"
    with pytest.raises(BadSymbol):
        venue.instrument("BTC/USDT:USDT")


async def test_create_order_sends_client_id_and_reads_back(
    venue: GateCrossEx, mock: Any, examples: dict[str, Any]
) -> None:
    mock.add("POST", f"{P}/orders", {"order_id": 2048529119934720, "text": "x"})
    row = examples["GET /api/v4/crossex/open_orders"]["response"][0]
    mock.add("GET", f"{P}/orders/2048529119934720", {**row, "symbol": "OKX_FUTURE_ADA_USDT"})
    order = await venue.create_order(
        OrderRequest.limit("ADA/USDT:USDT@OKX", Side.BUY, Decimal("25"), Decimal("0.54371"), post_only=True)
    )
    sent = json.loads(mock.requests[0].read())
    assert sent["symbol"] == "OKX_FUTURE_ADA_USDT" and sent["qty"] == "20" and sent["price"] == "0.5437"
    assert sent["time_in_force"] == "POC" and sent["side"] == "BUY" and sent["type"] == "LIMIT"
    assert sent["text"].startswith("vk") and len(sent["text"]) <= 28 and sent["text"].islower()
    assert order.id == "2048529119934720" and order.status is OrderStatus.OPEN
    assert order.filled == Decimal("11.0354") and order.symbol == "ADA/USDT:USDT@OKX"
    assert order.client_order_id == "2048529119934720"


async def test_ambiguous_placement_is_resolved_by_lookup(venue: GateCrossEx, mock: Any) -> None:
    mock.add("POST", f"{P}/orders", raw=b"upstream timeout", status=504)
    mock.example("GET /api/v4/crossex/orders/{order_id}", path=f"{P}/orders/my-order-1")
    order = await venue.create_order(
        OrderRequest.market("ADA/USDT:USDT", Side.SELL, Decimal("3"), client_order_id="my-order-1")
    )
    assert [r.method for r in mock.requests] == ["POST", "GET"]
    assert mock.requests[1].url.path == f"{P}/orders/my-order-1"
    assert order.id == "2048522992198912" and order.status is OrderStatus.CLOSED
    assert order.fee is not None and order.fee.currency == "ADA"


async def test_ambiguous_and_never_found_raises_unknown_state(
    venue: GateCrossEx, mock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_wait(_: float) -> None:
        return None

    monkeypatch.setattr(idempotency.anyio, "sleep", no_wait)
    mock.add("POST", f"{P}/orders", raw=b"", status=502)
    mock.add("GET", f"{P}/orders/lost-1", {"label": "TRADE_ORDER_NOT_FOUND_ERROR", "message": "no"}, status=404)
    with pytest.raises(UnknownOrderState) as err:
        await venue.create_order(OrderRequest.market("ADA/USDT:USDT", Side.BUY, Decimal(3), client_order_id="lost-1"))
    assert err.value.client_order_id == "lost-1"
    assert [r.method for r in mock.requests].count("POST") == 1


async def test_order_rules_before_the_wire(venue: GateCrossEx, mock: Any) -> None:
    with pytest.raises(InvalidRequest) as err:
        await venue.create_order(OrderRequest.market("ADA/USDT@BINANCE", Side.BUY, Decimal("10")))
    assert err.value.field == "quote_qty"
    with pytest.raises(InvalidRequest) as err:
        await venue.create_order(OrderRequest.limit("ADA/USDT@GATE_MARGIN", Side.BUY, Decimal(5), Decimal("0.5")))
    assert err.value.field == "position_side"
    with pytest.raises(NotSupported):
        await venue.create_order(OrderRequest(symbol="ADA/USDT:USDT", side=Side.BUY, type=OrderType.STOP_MARKET,
                                              amount=Decimal(5), trigger_price=Decimal("0.5")))
    assert not mock.requests


async def test_full_close_falls_back_to_delete(venue: GateCrossEx, mock: Any) -> None:
    mock.add("POST", f"{P}/position", {"label": "NOT_FOUND", "message": "no such route"}, status=404)
    mock.example("DELETE /api/v4/crossex/position")
    mock.example("GET /api/v4/crossex/orders/{order_id}", path=f"{P}/orders/123456")
    orders = await venue.full_close("ADA/USDT:USDT@OKX", position_side=PositionSide.LONG)
    assert [(r.method, r.url.path) for r in mock.requests] == [
        ("POST", f"{P}/position"), ("DELETE", f"{P}/position"), ("GET", f"{P}/orders/123456")
    ]
    assert mock.requests[1].read() == b'{"symbol":"OKX_FUTURE_ADA_USDT","position_side":"LONG"}'
    assert len(orders) == 1
    mock.requests.clear()
    await venue.full_close("ADA/USDT:USDT@OKX")
    assert mock.requests[0].method == "DELETE"


async def test_full_close_business_errors_are_not_retried(venue: GateCrossEx, mock: Any) -> None:
    mock.add("POST", f"{P}/position", {"label": "CAN_NOT_DELETE_POSITION", "message": "0"}, status=404)
    with pytest.raises(InvalidOrder):
        await venue.full_close("ADA/USDT:USDT@OKX")
    assert len(mock.requests) == 1


async def test_commission_special_then_exchange(venue: GateCrossEx, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/fee")
    fut = await venue.fetch_commission("ADA/USDT:USDT@BINANCE")
    assert (fut.maker, fut.taker) == (Decimal("0.00004"), Decimal("0.00022"))
    spot = await venue.fetch_commission("ADA/USDT@BINANCE")
    assert (spot.maker, spot.taker) == (Decimal("0.00019"), Decimal("0.0003"))


async def test_balances_sum_exchanges(venue: GateCrossEx, mock: Any) -> None:
    mock.add("GET", f"{P}/accounts", {"assets": [
        {"coin": "USDT", "exchange_type": "BINANCE", "balance": "1000", "available_balance": "900", "upnl": "5"},
        {"coin": "USDT", "exchange_type": "OKX", "balance": "50", "available_balance": "50", "upnl": "-1"},
    ]})
    total = await venue.fetch_balances()
    assert total["USDT"].total == Decimal(1050) and total["USDT"].used == Decimal(100)
    assert total["USDT"].unrealized_pnl == Decimal(4)
    okx = await venue.fetch_balances(exchange="okx")
    assert okx["USDT"].total == Decimal(50)


async def test_positions_contract_and_margin(venue: GateCrossEx, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/positions")
    mock.add("GET", f"{P}/margin_positions", [{"symbol": "GATE_MARGIN_ADA_USDT", "position_side": "SHORT",
                                               "asset_qty": "-30", "entry_price": "0.5", "leverage": "3"}])
    positions = await venue.fetch_positions()
    assert [(p.symbol, p.side, p.size) for p in positions] == [
        ("ADA/USDT:USDT@OKX", Side.BUY, Decimal(10)), ("ADA/USDT@GATE_MARGIN", Side.SELL, Decimal(30))
    ]
    assert positions[0].entry_price == Decimal("0.5426") and positions[0].realized_pnl == Decimal(12)


async def test_fills_and_income(venue: GateCrossEx, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/history_trades")
    mock.example("GET /api/v4/crossex/account_book")
    fills = await venue.fetch_fills("ADA/USDT:USDT@BINANCE", since=1, limit=10)
    assert mock.last.url.params["symbol"] == "BINANCE_FUTURE_ADA_USDT"
    f = fills[0]
    assert f.symbol == "ADA/USDT:USDT@BINANCE" and f.role == "maker" and f.cost == Decimal("5.597")
    assert f.realized_pnl == Decimal("-0.001") and f.timestamp == 1750941402661
    income = await venue.fetch_income(asset="USDT", limit=5)
    assert mock.last.url.params["coin"] == "USDT"
    assert income[0].type == "TRADING_FEE" and income[0].amount == Decimal("-0.002") and income[0].info == "BINANCE"
    by_symbol = await venue.fetch_income("ADA/USDT:USDT@BINANCE")
    assert mock.last.url.params["coin"] == "USDT", "a symbol narrows to its settle coin"
    assert by_symbol and all(e.info == "BINANCE" for e in by_symbol)
    assert await venue.fetch_income("ADA/USDT:USDT@OKX") == [], "entries of other exchanges are left out"


async def test_leverage_routes_by_kind(venue: GateCrossEx, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/positions/leverage")
    mock.add("POST", f"{P}/margin_positions/leverage", {"symbol": "GATE_MARGIN_ADA_USDT", "leverage": "4"},
             status=202)
    lev = await venue.fetch_leverage("ADA/USDT:USDT@OKX")
    assert lev.long == Decimal(5) and lev.symbol == "ADA/USDT:USDT@OKX"
    await venue.set_leverage("ADA/USDT@GATE_MARGIN", 4)
    assert mock.last.read() == b'{"symbol":"GATE_MARGIN_ADA_USDT","leverage":"4"}'
    with pytest.raises(NotSupported):
        await venue.set_leverage("ADA/USDT@BINANCE", 2)
