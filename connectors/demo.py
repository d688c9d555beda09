"""`make demo`: a short cross-venue session on the three in-process simulators, through the unified API only."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import anyio

from venuekit.core import Instrument, Order, OrderRequest, OrderType, Side, TimeInForce, Venue
from venuekit.core.portfolio import Portfolio, Snapshot

from .demo_streams import AccountWatch
from .output import table
from .registry import VENUES

SYMBOL = "BTC/USDT:USDT"
AMOUNT = Decimal("0.05")
SLIPPAGE = Decimal("0.002")
# Each venue's book is centred on its own price, so there is something to arbitrage.
MIDS = {"bingx": Decimal("60000"), "binance-usdm": Decimal("60180"), "gate-crossex": Decimal("60090")}
# CrossEx trades on several exchanges: plain symbols route to the one named here (documented form: `…@GATE`).
OPTIONS: dict[str, dict[str, Any]] = {"gate-crossex": {"default_exchange": "GATE"}}


@dataclass
class Leg:
    venue: Venue
    price: Decimal


def _say(text: str = "") -> None:
    print(text, flush=True)


async def _open_venues() -> list[Venue]:
    venues: list[Venue] = []
    for seed, (name, entry) in enumerate(VENUES.items(), start=1):
        sim: Any = entry.simulator_class()(seed=seed)
        sim.add_account("demo-key", "demo-secret", {"USDT": Decimal("25000")})
        venue: Any = entry.venue_class()
        client: Venue = venue.from_simulator(sim, "demo-key", "demo-secret", **OPTIONS.get(name, {}))
        await client.load_instruments()
        _set_market(sim.exchange, client.instrument(SYMBOL), MIDS[name])
        venues.append(client)
    return venues


def _set_market(exchange: Any, instrument: Instrument, mid: Decimal) -> None:
    """Centre the venue's book on `mid` and print one small trade there, so `last` reflects it."""
    symbol = instrument.venue_symbol
    exchange.seed_book(symbol, mid, levels=10, step=instrument.tick_size * 10, qty=Decimal("2"))
    exchange.set_mark_price(symbol, mid)
    exchange.create_account("demo-primer", {"USDT": Decimal("1000000")})
    exchange.place_order("demo-primer", symbol, Side.BUY, OrderType.MARKET, Decimal("0.01"))


def _portfolio_table(snap: Snapshot, title: str) -> str:
    rows = [[v.venue, b.asset, b.total, b.free, b.used] for v in snap.venues for b in v.balances.values()]
    text = table(["venue", "asset", "total", "free", "used"], rows, title=title)
    return text + f"\ntotal (USD): {snap.total_usd.quantize(Decimal('0.01'))}" + (
        f"   failed: {', '.join(snap.failed)}" if snap.failed else "")


async def _send_leg(watch: AccountWatch, leg: Leg, side: Side, slippage: Decimal) -> Order:
    """One IOC leg with a slippage limit; the stream watch times its updates from here."""
    limit = leg.venue.instrument(SYMBOL).quantize_price(leg.price * (1 + slippage))
    watch.sending(leg.venue)
    order = await leg.venue.create_order(OrderRequest(
        symbol=SYMBOL, side=side, type=OrderType.LIMIT, amount=AMOUNT, price=limit, time_in_force=TimeInForce.IOC))
    watch.answered(order)
    return order


async def run() -> None:
    started = time.perf_counter()
    _say("venuekit demo — three venue simulators in-process, one unified API\n")
    venues = await _open_venues()
    portfolio = Portfolio(venues, deadline_s=5)
    _say(_portfolio_table(await portfolio.snapshot(), "Portfolio before"))

    legs = []
    for venue in venues:
        ticker = await venue.fetch_ticker(SYMBOL)
        price = ticker.last or ticker.mark
        assert price is not None, f"{venue.name} gave no price"
        legs.append(Leg(venue, price))
    _say()
    _say(table(["venue", "last"], [[leg.venue.name, leg.price] for leg in legs], title=f"{SYMBOL} prices"))
    cheap = min(legs, key=lambda leg: leg.price)
    rich = max(legs, key=lambda leg: leg.price)
    _say(f"\nBuy on {cheap.venue.name} at {cheap.price}, sell on {rich.venue.name} at {rich.price}: "
         f"edge {rich.price - cheap.price} per BTC")

    _say("\nBoth legs sent at once; watch_account() streams print updates as they arrive (time since sending):")
    async with AccountWatch(venues, say=_say) as watch:
        pair = list(await asyncio.gather(
            _send_leg(watch, cheap, Side.BUY, SLIPPAGE), _send_leg(watch, rich, Side.SELL, -SLIPPAGE)))
        complete = await watch.settle(pair)
        _say(f"  {'every order and fill arrived on the streams' if complete else 'streams incomplete after 3 s'}"
             f" (plus {watch.other_updates} position/balance updates, not shown)")
    _say(table(["venue", "order id", "client id", "side", "price", "filled", "status"],
               [[o.venue, o.id, o.client_order_id, o.side, o.price, o.filled, o.status] for o in pair],
               title="\nHedged pair (IOC, 0.2 % slippage limit)"))

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
        price = leg.venue.instrument(SYMBOL).quantize_price(leg.price * Decimal("0.95"))
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
