"""Account events of several venues in one stream, each labelled with its account."""

from __future__ import annotations

from decimal import Decimal

import anyio

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core import OrderRequest, OrderType, Side, TimeInForce
from venuekit.core.portfolio import Portfolio
from venuekit.core.streams import FillUpdate

BTC = "BTC/USDT:USDT"


async def test_fills_of_every_account_arrive_labelled_once() -> None:
    bingx_sim, binance_sim = BingXSimulator(), BinanceUSDMSimulator()
    bingx_sim.add_account("k", "s", {"USDT": Decimal(10_000)})
    binance_sim.add_account("k", "s", {"USDT": Decimal(10_000)})
    accounts = {"bx-main": BingX.from_simulator(bingx_sim, "k", "s"),
                "bn-main": BinanceUSDM.from_simulator(binance_sim, "k", "s")}
    for venue in accounts.values():
        await venue.load_instruments()
    fills: list[tuple[str, str]] = []
    async with Portfolio(accounts).watch_accounts() as events:
        placed = {}
        for label, venue in accounts.items():
            order = await venue.create_order(OrderRequest(
                symbol=BTC, side=Side.BUY, type=OrderType.LIMIT, amount=Decimal("0.01"), price=Decimal("80000"),
                time_in_force=TimeInForce.IOC))
            placed[label] = order.id
        with anyio.fail_after(5):
            async for label, event in events:
                if isinstance(event, FillUpdate):
                    fills.append((label, event.fill.order_id))
                if {label for label, _ in fills} == set(accounts):
                    break
    assert sorted(fills) == sorted((label, placed[label]) for label in accounts)
    for venue in accounts.values():
        await venue.close()
