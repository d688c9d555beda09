"""One scenario, three venues, the unified API only (through the shipped pytest plugin's fixtures)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.connectors.pytest_plugin import SimulatedVenue
from venuekit.core import (
    BadSymbol,
    Capability,
    InvalidOrder,
    InvalidRequest,
    MarginMode,
    NotSupported,
    OrderRequest,
    OrderStatus,
    PositionMode,
    Side,
)

BTC = "BTC/USDT:USDT"


async def test_trade_lifecycle(venuekit_any_sim: SimulatedVenue) -> None:
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        instruments = await venue.load_instruments()
        inst = venue.instrument(BTC)
        assert inst.symbol in instruments and inst.tick_size > 0 and inst.lot_step > 0

        usdt = (await venue.fetch_balances())["USDT"]
        assert usdt.total == Decimal(100_000) and usdt.free + usdt.used == usdt.total

        human = inst.min_qty * 3 + inst.lot_step / 3
        mark = (await venue.fetch_ticker(BTC)).last
        assert mark is not None
        bid = inst.quantize_price(mark * Decimal("0.9"))
        order = await venue.create_order(OrderRequest.limit(BTC, Side.BUY, human, bid + inst.tick_size / 3))
        assert order.amount == inst.min_qty * 3, "amount rounded down to the lot step"
        assert order.price == bid and order.status is OrderStatus.OPEN and order.client_order_id
        assert [o.id for o in await venue.fetch_open_orders(BTC)] == [order.id]
        assert (await venue.fetch_order(BTC, client_order_id=order.client_order_id)).id == order.id

        if Capability.AMEND_ORDER in venue.capabilities:
            amended = await venue.amend_order(BTC, order.id, price=bid - inst.tick_size * 10)
            assert amended.price == bid - inst.tick_size * 10
            order = amended
        else:
            with pytest.raises(NotSupported):
                await venue.amend_order(BTC, order.id, price=bid)

        sim.clear_book(inst.venue_symbol)
        sim.trade_against(inst.venue_symbol, Side.SELL, order.amount, order.price or bid)
        filled = await venue.fetch_order(BTC, order.id)
        assert filled.status is OrderStatus.CLOSED and filled.filled == order.amount
        fills = await venue.fetch_fills(BTC)
        assert sum(f.amount for f in fills if f.order_id == order.id) == order.amount
        [position] = await venue.fetch_positions([BTC])
        assert position.side is Side.BUY and position.size == order.amount

        await venue.set_leverage(BTC, 5)
        assert (await venue.fetch_leverage(BTC)).long == Decimal(5)
        if Capability.SET_MARGIN_MODE in venue.capabilities:
            with pytest.raises(InvalidRequest):
                await venue.set_margin_mode(BTC, MarginMode.ISOLATED)
        else:
            with pytest.raises(NotSupported):
                await venue.set_margin_mode(BTC, MarginMode.ISOLATED)

        sim.seed_book(inst.venue_symbol, mark)
        closing = await venue.close_position(BTC)
        assert closing and all(o.side is Side.SELL for o in closing)
        assert await venue.fetch_positions([BTC]) == []
        assert await venue.fetch_income(BTC) != []


async def test_unknown_symbol_and_dust_fail_before_the_wire(venuekit_any_sim: SimulatedVenue) -> None:
    async with venuekit_any_sim.connect() as venue:
        await venue.load_instruments()
        with pytest.raises(BadSymbol):
            await venue.create_order(OrderRequest.limit("NOPE/USDT:USDT", Side.BUY, Decimal(1), Decimal(1)))
        inst = venue.instrument(BTC)
        with pytest.raises(InvalidOrder, match="below the minimum"):
            await venue.create_order(OrderRequest.limit(BTC, Side.BUY, inst.lot_step / 10, Decimal(50_000)))


ARGS: dict[Capability, tuple[object, ...]] = {
    Capability.LOAD_INSTRUMENTS: (), Capability.FETCH_BALANCES: (), Capability.FETCH_POSITIONS: (),
    Capability.CREATE_ORDER: (OrderRequest.limit(BTC, Side.BUY, Decimal(1), Decimal(1)),),
    Capability.CREATE_ORDERS: ([],), Capability.AMEND_ORDER: (BTC, "1"), Capability.CANCEL_ORDER: (BTC, "1"),
    Capability.CANCEL_ORDERS: (BTC, ["1"]), Capability.CANCEL_ALL_ORDERS: (BTC,), Capability.CANCEL_ALL_AFTER: (1000,),
    Capability.FETCH_ORDER: (BTC, "1"), Capability.FETCH_OPEN_ORDERS: (BTC,), Capability.FETCH_ORDERS: (BTC,),
    Capability.FETCH_FILLS: (BTC,), Capability.FETCH_LEVERAGE: (BTC,), Capability.SET_LEVERAGE: (BTC, 2),
    Capability.SET_MARGIN_MODE: (BTC, MarginMode.CROSS), Capability.SET_POSITION_MODE: (PositionMode.HEDGE,),
    Capability.CLOSE_POSITION: (BTC,), Capability.FETCH_INCOME: (BTC,), Capability.FETCH_FUNDING_RATE: (BTC,),
    Capability.FETCH_TICKER: (BTC,), Capability.FETCH_COMMISSION: (BTC,),
    Capability.WATCH_ACCOUNT: (), Capability.WATCH_MARK_PRICE: (BTC,), Capability.WATCH_BOOK_TICKER: (BTC,),
    Capability.WATCH_TRADES: (BTC,), Capability.WATCH_ORDER_BOOK: (BTC,),
}


async def test_what_is_not_a_capability_raises_not_supported(venuekit_any_sim: SimulatedVenue) -> None:
    async with venuekit_any_sim.connect() as venue:
        await venue.load_instruments()
        assert {Capability.CREATE_ORDER, Capability.CANCEL_ORDER, Capability.CLOSE_POSITION} <= venue.capabilities
        for capability in set(Capability) - venue.capabilities:
            with pytest.raises(NotSupported, match=venue.name):
                await getattr(venue, capability.value)(*ARGS[capability])


def test_every_capability_has_arguments_in_this_suite() -> None:
    assert set(ARGS) == set(Capability)
