"""The unified API end to end against the in-process Gate CrossEx simulator (wire protocol included)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core import (
    BadSymbol,
    InstrumentKind,
    OrderRequest,
    OrderStatus,
    PositionMode,
    PositionSide,
    Side,
)

BTC = "BTC/USDT:USDT@BINANCE"


@pytest.fixture
def sim() -> GateCrossExSimulator:
    simulator = GateCrossExSimulator()
    simulator.add_account("sim-key", "sim-secret")
    return simulator


@pytest.fixture
async def gate(sim: GateCrossExSimulator) -> AsyncIterator[GateCrossEx]:
    async with GateCrossEx.from_simulator(sim, "sim-key", "sim-secret", default_exchange="BINANCE") as venue:
        await venue.load_instruments()
        yield venue


async def test_instruments_name_the_underlying_exchange(gate: GateCrossEx) -> None:
    assert set(gate.exchanges()) >= {"BINANCE", "OKX", "GATE"}
    okx = gate.instrument("ETH/USDT:USDT@OKX")
    assert okx.venue_symbol == "OKX_FUTURE_ETH_USDT" and okx.metadata["exchange"] == "OKX"
    assert okx.max_leverage is not None and okx.max_leverage > 1
    margin = gate.instrument("ETH/USDT@OKX_MARGIN")
    assert margin.kind is InstrumentKind.MARGIN and margin.venue_symbol == "OKX_MARGIN_ETH_USDT"
    assert gate.instrument("BTC/USDT:USDT") is gate.instrument(BTC)
    with pytest.raises(BadSymbol):
        gate.instrument("NOPE/USDT:USDT")


async def test_limit_order_lifecycle(gate: GateCrossEx) -> None:
    ticker = await gate.fetch_ticker(BTC)
    assert ticker.last is not None
    placed = await gate.create_order(OrderRequest.limit(BTC, Side.BUY, Decimal("0.01"), ticker.last * Decimal("0.9")))
    assert placed.status is OrderStatus.OPEN and placed.client_order_id and placed.symbol == BTC
    assert [o.id for o in await gate.fetch_open_orders(BTC)] == [placed.id]
    moved = await gate.amend_order(BTC, placed.id, price=ticker.last * Decimal("0.8"))
    assert moved.price == ticker.last * Decimal("0.8")
    by_client_id = await gate.fetch_order(BTC, client_order_id=placed.client_order_id)
    assert by_client_id.id == placed.id
    canceled = await gate.cancel_order(BTC, placed.id)
    assert canceled.status is OrderStatus.CANCELED
    assert await gate.fetch_open_orders(BTC) == []


async def test_market_order_position_fills_fees_income_and_close(
    gate: GateCrossEx, sim: GateCrossExSimulator
) -> None:
    filled = await gate.create_order(OrderRequest.market(BTC, Side.BUY, Decimal("0.01")))
    assert filled.status is OrderStatus.CLOSED and filled.filled == Decimal("0.01")
    [position] = await gate.fetch_positions([BTC])
    assert position.side is Side.BUY and position.size == Decimal("0.01") and position.symbol == BTC
    fills = await gate.fetch_fills(BTC)
    assert [f.order_id for f in fills] == [filled.id] and fills[0].fee is not None
    commission = await gate.fetch_commission(BTC)
    assert fills[0].fee.cost == (fills[0].cost or 0) * commission.taker
    income = await gate.fetch_income(asset="USDT")
    assert any(e.type == "TRADING_FEE" and e.amount == -fills[0].fee.cost for e in income)
    balances = await gate.fetch_balances()
    assert balances["USDT"].total < Decimal(100_000)
    closing = await gate.close_position(BTC)
    assert len(closing) == 1 and closing[0].reduce_only and closing[0].side is Side.SELL
    assert await gate.fetch_positions([BTC]) == []


async def test_dropped_answer_is_resolved_by_client_id(gate: GateCrossEx, sim: GateCrossExSimulator) -> None:
    sim.faults.drop_connection(after_handler=True, method="POST", path="/api/v4/crossex/orders")
    order = await gate.create_order(OrderRequest.market(BTC, Side.SELL, Decimal("0.002"), client_order_id="drop-1"))
    assert order.client_order_id == "drop-1" and order.status is OrderStatus.CLOSED
    history = await gate.fetch_orders(BTC)
    assert [o.client_order_id for o in history].count("drop-1") == 1


async def test_leverage_contract_and_margin(gate: GateCrossEx) -> None:
    await gate.set_leverage(BTC, 7)
    assert (await gate.fetch_leverage(BTC)).long == Decimal(7)
    await gate.set_leverage("BTC/USDT@GATE_MARGIN", 2)
    assert (await gate.fetch_leverage("BTC/USDT@GATE_MARGIN")).short == Decimal(2)


async def test_margin_long_with_quote_size(gate: GateCrossEx) -> None:
    order = await gate.create_order(OrderRequest.market(
        "ETH/USDT@OKX_MARGIN", Side.BUY, Decimal("0.1"), position_side=PositionSide.LONG,
        params={"quote_qty": Decimal(500)},
    ))
    assert order.status is OrderStatus.CLOSED and order.filled > 0
    [position] = await gate.fetch_positions(["ETH/USDT@OKX_MARGIN"])
    assert position.position_side is PositionSide.LONG and position.size == order.filled


async def test_position_mode_and_funding(gate: GateCrossEx) -> None:
    await gate.set_position_mode(PositionMode.HEDGE)
    account = await gate.raw.account.get_account()
    assert account.position_mode == "DUAL"
    funding = await gate.fetch_funding_rate(BTC)
    assert funding.next_funding_time is not None
