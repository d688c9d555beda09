"""The unified API against the in-process BingX simulator: two accounts trading with each other."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.errors import InvalidOrder, OrderNotFound
from venuekit.core.types import (
    MarginMode,
    OrderRequest,
    OrderStatus,
    OrderType,
    PositionMode,
    PositionSide,
    Side,
    TimeInForce,
)

BTC = "BTC/USDT:USDT"


@pytest.fixture
async def pair() -> AsyncIterator[tuple[BingX, BingX, BingXSimulator]]:
    sim = BingXSimulator()
    sim.add_account("maker-key", "maker-secret", {"USDT": Decimal(100_000)})
    sim.add_account("taker-key", "taker-secret", {"USDT": Decimal(100_000)})
    maker = BingX.from_simulator(sim, "maker-key", "maker-secret")
    taker = BingX.from_simulator(sim, "taker-key", "taker-secret")
    await maker.load_instruments()
    await taker.load_instruments()
    yield maker, taker, sim
    await maker.close()
    await taker.close()


async def test_instruments_and_symbol_mapping(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    inst = maker.instrument(BTC)
    assert inst.venue_symbol == "BTC-USDT"
    assert (inst.base, inst.quote, inst.settle) == ("BTC", "USDT", "USDT")
    assert inst.tick_size > 0 and inst.lot_step > 0 and inst.min_qty > 0
    assert maker.symbols.to_unified("BTC-USDT") == BTC


async def test_balances(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    usdt = (await maker.fetch_balances())["USDT"]
    assert usdt.total == Decimal(100_000)
    assert usdt.free + usdt.used == usdt.total


async def test_limit_order_quantised_open_and_cancelled(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    inst = maker.instrument(BTC)
    human_amount = Decimal("0.0123456789")
    order = await maker.create_order(OrderRequest.limit(BTC, Side.BUY, human_amount, Decimal("30000.04")))
    assert order.amount == inst.quantize_amount(human_amount) < human_amount
    assert order.client_order_id and order.client_order_id == order.client_order_id.lower()
    assert order.status is OrderStatus.OPEN
    (listed,) = await maker.fetch_open_orders(BTC)
    assert listed.id == order.id
    assert listed.price == inst.quantize_price(Decimal("30000.04"))
    fetched = await maker.fetch_order(BTC, client_order_id=order.client_order_id)
    assert fetched.id == order.id
    cancelled = await maker.cancel_order(BTC, order.id)
    assert cancelled.status is OrderStatus.CANCELED
    assert await maker.fetch_open_orders(BTC) == []
    with pytest.raises(OrderNotFound):
        await maker.cancel_order(BTC, order.id)


async def test_fill_against_second_account_positions_and_close(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, taker, _ = pair
    ticker = await maker.fetch_ticker(BTC)
    assert ticker.bid is not None and ticker.ask is not None
    price = maker.instrument(BTC).quantize_price((ticker.bid + ticker.ask) / 2)
    assert ticker.bid < price < ticker.ask
    ask = await maker.create_order(OrderRequest.limit(BTC, Side.SELL, Decimal("0.01"), price))
    bought = await taker.create_order(OrderRequest.limit(BTC, Side.BUY, Decimal("0.01"), price))
    done = await taker.fetch_order(BTC, bought.id)
    assert done.status is OrderStatus.CLOSED
    assert done.filled == Decimal("0.01")
    fills = await taker.fetch_fills(BTC)
    assert any(f.order_id == bought.id and f.amount == Decimal("0.01") and f.price == price for f in fills)
    assert (await maker.fetch_order(BTC, ask.id)).status is OrderStatus.CLOSED

    (long_pos,) = await taker.fetch_positions([BTC])
    assert (long_pos.side, long_pos.position_side, long_pos.size) == (Side.BUY, PositionSide.LONG, Decimal("0.01"))
    (short_pos,) = await maker.fetch_positions([BTC])
    assert (short_pos.side, short_pos.position_side) == (Side.SELL, PositionSide.SHORT)

    closed = await taker.close_position(BTC)
    assert closed and all(o.side is Side.SELL for o in closed)
    assert await taker.fetch_positions([BTC]) == []
    income = await taker.fetch_income()
    assert any(i.type == "TRADING_FEE" and i.amount < 0 for i in income)


async def test_reduce_only_in_hedge_mode_targets_the_right_leg(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    _, taker, _ = pair
    await taker.create_order(OrderRequest.market(BTC, Side.BUY, Decimal("0.02")))
    close = await taker.create_order(OrderRequest.market(BTC, Side.SELL, Decimal("0.02"), reduce_only=True))
    assert close.position_side is PositionSide.LONG
    assert await taker.fetch_positions([BTC]) == []


async def test_one_way_mode_uses_both(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    _, taker, _ = pair
    await taker.set_position_mode(PositionMode.ONE_WAY)
    assert await taker.is_hedge_mode(refresh=True) is False
    with pytest.raises(InvalidOrder):
        await taker.create_order(OrderRequest.market(BTC, Side.BUY, Decimal("0.01"), position_side=PositionSide.LONG))
    await taker.create_order(OrderRequest.market(BTC, Side.BUY, Decimal("0.01")))
    (pos,) = await taker.fetch_positions([BTC])
    assert (pos.position_side, pos.side) == (PositionSide.BOTH, Side.BUY)
    await taker.create_order(OrderRequest.market(BTC, Side.SELL, Decimal("0.01"), reduce_only=True))
    assert await taker.fetch_positions([BTC]) == []


async def test_leverage_and_margin_mode(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    await maker.set_leverage(BTC, 7)
    lev = await maker.fetch_leverage(BTC)
    assert (lev.long, lev.short) == (Decimal(7), Decimal(7))
    await maker.set_margin_mode(BTC, MarginMode.ISOLATED)
    assert (await maker.fetch_leverage(BTC)).margin_mode is MarginMode.ISOLATED


async def test_batch_orders_cancel_all_and_amend(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    requests = [OrderRequest.limit(BTC, Side.BUY, Decimal("0.01"), Decimal(20000 + i)) for i in range(3)]
    placed = await maker.create_orders(requests)
    assert all(not isinstance(o, Exception) and o.status is OrderStatus.OPEN for o in placed)
    first = placed[0]
    assert not isinstance(first, Exception)
    amended = await maker.amend_order(BTC, first.id, price=Decimal("20500"))
    assert amended.price == Decimal("20500") and amended.id != first.id
    assert len(await maker.fetch_open_orders(BTC)) == 3
    cancelled = await maker.cancel_all_orders(BTC)
    assert len(cancelled) == 3
    history = await maker.fetch_orders(BTC)
    assert {o.status for o in history} >= {OrderStatus.CANCELED}


async def test_market_data_and_commission(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    maker, _, _ = pair
    rate = await maker.fetch_funding_rate(BTC)
    assert rate.mark_price is not None and rate.next_funding_time is not None
    fees = await maker.fetch_commission(BTC)
    assert fees.taker >= fees.maker >= 0
    await maker.cancel_all_after(30_000)
    await maker.cancel_all_after(0)


async def test_stop_market_order_without_client_id(pair: tuple[BingX, BingX, BingXSimulator]) -> None:
    _, taker, _ = pair
    await taker.create_order(OrderRequest.market(BTC, Side.BUY, Decimal("0.01")))
    stop = await taker.create_order(OrderRequest(symbol=BTC, side=Side.SELL, type=OrderType.STOP_MARKET,
                                                 amount=Decimal("0.01"), trigger_price=Decimal(10000),
                                                 reduce_only=True))
    assert stop.client_order_id in (None, "")
    assert stop.type is OrderType.STOP_MARKET


async def test_create_order_reports_the_real_state_of_an_immediately_filled_order(
    pair: tuple[BingX, BingX, BingXSimulator],
) -> None:
    maker, taker, _ = pair
    resting = await maker.create_order(OrderRequest.limit(BTC, Side.SELL, Decimal("0.01"), Decimal("70000")))
    assert resting.status is OrderStatus.OPEN and resting.filled == 0
    taken = await taker.create_order(OrderRequest(symbol=BTC, side=Side.BUY, type=OrderType.LIMIT,
                                                  amount=Decimal("0.01"), price=Decimal("70000"),
                                                  time_in_force=TimeInForce.IOC))
    assert taken.status is OrderStatus.CLOSED
    assert taken.filled == Decimal("0.01") and taken.average_price is not None
