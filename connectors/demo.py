"""`make demo`: a short cross-venue session on the three in-process simulators, through the unified API only."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import anyio

from venuekit.core import OrderRequest, OrderType, Side, TimeInForce, Venue
from venuekit.core.portfolio import Portfolio, Snapshot

from .output import table
from .registry import VENUES

SYMBOL = "BTC/USDT:USDT"
AMOUNT = Decimal("0.05")
# Each venue's book is centred on its own price, so there is something to arbitrage.
MIDS = {"bingx": Decimal("60000"), "binance-usdm": Decimal("60180"), "gate-crossex": Decimal("60090")}


@dataclass
class Leg:
    venue: Venue
    bid: Decimal
    ask: Decimal


def _say(text: str = "") -> None:
    print(text, flush=True)


async def _open_venues() -> list[Venue]:
    venues: list[Venue] = []
    for name, entry in VENUES.items():
        sim: Any = entry.simulator_class()(seed=7)
        sim.add_account("demo-key", "demo-secret", {"USDT": Decimal("25000")})
        venue: Any = entry.venue_class()
        client: Venue = venue.from_simulator(sim, "demo-key", "demo-secret")
        await client.load_instruments()
        engine_symbol = client.instrument(SYMBOL).venue_symbol
        tick = client.instrument(SYMBOL).tick_size
        sim.exchange.seed_book(engine_symbol, MIDS[name], levels=10, step=tick * 10, qty=Decimal("2"))
        sim.exchange.set_mark_price(engine_symbol, MIDS[name])
        venues.append(client)
    return venues


def _portfolio_table(snap: Snapshot, title: str) -> str:
    rows = [[v.venue, b.asset, b.total, b.free, b.used] for v in snap.venues for b in v.balances.values()]
    text = table(["venue", "asset", "total", "free", "used"], rows, title=title)
    return text + f"\ntotal (USD): {snap.total_usd.quantize(Decimal('0.01'))}" + (
        f"   failed: {', '.join(snap.failed)}" if snap.failed else "")


async def run() -> None:
    started = time.perf_counter()
    _say("venuekit demo — three venue simulators in-process, one unified API\n")
    venues = await _open_venues()
    portfolio = Portfolio(venues, deadline_s=5)
    _say(_portfolio_table(await portfolio.snapshot(), "Portfolio before"))

    legs = []
    for venue in venues:
        ticker = await venue.fetch_ticker(SYMBOL)
        assert ticker.bid is not None and ticker.ask is not None
        legs.append(Leg(venue, ticker.bid, ticker.ask))
    _say()
    _say(table(["venue", "bid", "ask"], [[leg.venue.name, leg.bid, leg.ask] for leg in legs], title=f"{SYMBOL} books"))
    cheap = min(legs, key=lambda leg: leg.ask)
    rich = max(legs, key=lambda leg: leg.bid)
    edge = rich.bid - cheap.ask
    _say(f"\nBuy on {cheap.venue.name} at {cheap.ask}, sell on {rich.venue.name} at {rich.bid}: edge {edge} per BTC")

    buy = await cheap.venue.create_order(OrderRequest(
        symbol=SYMBOL, side=Side.BUY, type=OrderType.LIMIT, amount=AMOUNT, price=cheap.ask,
        time_in_force=TimeInForce.IOC))
    sell = await rich.venue.create_order(OrderRequest(
        symbol=SYMBOL, side=Side.SELL, type=OrderType.LIMIT, amount=AMOUNT, price=rich.bid,
        time_in_force=TimeInForce.IOC))
    _say(table(["venue", "order id", "client id", "side", "price", "amount", "status"],
               [[leg.venue.name, o.id, o.client_order_id, o.side, o.price, o.amount, o.status]
                for leg, o in ((cheap, buy), (rich, sell))], title="\nHedged pair"))

    fills = [f for v in (cheap.venue, rich.venue) for f in await v.fetch_fills(SYMBOL)]
    _say(table(["venue", "fill id", "order id", "side", "price", "amount", "fee"],
               [[f.venue, f.id, f.order_id, f.side, f.price, f.amount, f.fee.cost if f.fee else None] for f in fills],
               title="\nFills"))
    positions = [p for v in venues for p in await v.fetch_positions()]
    _say(table(["venue", "symbol", "side", "size", "entry", "mark", "uPnL"],
               [[p.venue, p.symbol, p.side, p.size, p.entry_price, p.mark_price, p.unrealized_pnl] for p in positions],
               title="\nPositions"))

    resting = []
    for leg in legs:
        price = leg.venue.instrument(SYMBOL).quantize_price(leg.bid * Decimal("0.95"))
        resting.append(await leg.venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, AMOUNT, price)))
    _say(f"\nResting bids placed: {', '.join(f'{o.venue}:{o.id}' for o in resting)}")
    for venue in venues:
        await venue.cancel_all_orders(SYMBOL)
    left = [o for v in venues for o in await v.fetch_open_orders(SYMBOL)]
    _say(f"Cancelled what was left; open orders now: {len(left)}\n")
    _say(_portfolio_table(await portfolio.snapshot(), "Portfolio after"))
    for venue in venues:
        await venue.close()
    _say(f"\ndone in {time.perf_counter() - started:.2f}s")


def main() -> int:
    anyio.run(run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
