"""The unified API against the in-process Binance simulator, including faults after the order was accepted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.errors import OrderNotFound
from venuekit.core.idempotency import PlacementPolicy
from venuekit.core.types import MarginMode, OrderRequest, OrderStatus, Side

KEY, SECRET = "sim-key-unified", "sim-secret-unified"
BTC = "BTC/USDT:USDT"


@pytest.fixture
def sim() -> BinanceUSDMSimulator:
    simulator = BinanceUSDMSimulator(seed=3)
    simulator.add_account(KEY, SECRET)
    return simulator


@pytest.fixture
async def bn(sim: BinanceUSDMSimulator) -> AsyncIterator[BinanceUSDM]:
    venue = BinanceUSDM.from_simulator(sim, KEY, SECRET)
    venue.placement = PlacementPolicy(backoff_s=0.0)
    await venue.load_instruments()
    yield venue
    await venue.close()


async def _far_bid(bn: BinanceUSDM) -> OrderRequest:
    mark = (await bn.fetch_funding_rate(BTC)).mark_price
    assert mark is not None
    inst = bn.instrument(BTC)
    price = inst.quantize_price(mark * Decimal("0.8"))
    amount = max(inst.min_qty, inst.quantize_amount(inst.min_notional * 2 / price) + inst.lot_step)
    return OrderRequest.limit(BTC, Side.BUY, amount, price)


async def test_instruments_and_balances(bn: BinanceUSDM) -> None:
    btc = bn.instrument(BTC)
    assert btc.venue_symbol == "BTCUSDT" and btc.tick_size > 0 and btc.lot_step > 0 and btc.min_notional > 0
    assert (await bn.fetch_balances())["USDT"].total == Decimal(100_000)


async def test_order_lifecycle(bn: BinanceUSDM) -> None:
    placed = await bn.create_order(await _far_bid(bn))
    assert placed.status is OrderStatus.OPEN and placed.client_order_id
    (open_order,) = await bn.fetch_open_orders(BTC)
    assert open_order.id == placed.id
    fetched = await bn.fetch_order(BTC, client_order_id=placed.client_order_id)
    assert fetched.id == placed.id and fetched.price == placed.price
    canceled = await bn.cancel_order(BTC, placed.id)
    assert canceled.status is OrderStatus.CANCELED
    assert await bn.fetch_open_orders(BTC) == []
    with pytest.raises(OrderNotFound):
        await bn.cancel_order(BTC, placed.id)


async def test_market_order_opens_and_closes_a_position(bn: BinanceUSDM) -> None:
    bid = await _far_bid(bn)
    order = await bn.create_order(OrderRequest.market(BTC, Side.BUY, bid.amount))
    assert order.status is OrderStatus.CLOSED and order.filled == bid.amount
    (pos,) = await bn.fetch_positions([BTC])
    assert pos.side is Side.BUY and pos.size == bid.amount
    fills = await bn.fetch_fills(BTC)
    assert sum(f.amount for f in fills) == bid.amount and all(f.order_id == order.id for f in fills)
    await bn.close_position(BTC)
    assert await bn.fetch_positions([BTC]) == []


async def test_settings(bn: BinanceUSDM) -> None:
    await bn.set_leverage(BTC, 7)
    assert (await bn.fetch_leverage(BTC)).long == Decimal(7)
    await bn.set_margin_mode(BTC, MarginMode.ISOLATED)
    await bn.set_margin_mode(BTC, MarginMode.ISOLATED)  # already set: still fine
    assert (await bn.fetch_leverage(BTC)).margin_mode is MarginMode.ISOLATED
    fees = await bn.fetch_commission(BTC)
    assert fees.taker >= fees.maker >= 0
    await bn.cancel_all_after(60_000, BTC)


@pytest.mark.parametrize("fault", ["http_503", "timeout", "drop"])
async def test_fault_after_accept_never_duplicates(bn: BinanceUSDM, sim: BinanceUSDMSimulator, fault: str) -> None:
    request = await _far_bid(bn)
    if fault == "http_503":
        unknown = {"code": -1000, "msg": "Unknown error, please check your request or try again later."}
        sim.faults.http_error(503, unknown, after_handler=True, method="POST", path="/fapi/v1/order")
    elif fault == "timeout":
        sim.faults.timeout(after_handler=True, method="POST", path="/fapi/v1/order")
    else:
        sim.faults.drop_connection(after_handler=True, method="POST", path="/fapi/v1/order")
    order = await bn.create_order(request)
    assert order.status is OrderStatus.OPEN
    (only,) = await bn.fetch_open_orders(BTC)
    assert only.id == order.id and only.client_order_id == order.client_order_id
