"""Seeded BTC/ETH/SOL perpetuals and the public market routes: server time, contracts, ticker, premium index, depth."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from venuekit.core.simulator import Exchange, SimInstrument
from venuekit.core.types.enums import InstrumentStatus

from .app import Ctx, Reply, RouteSpec
from .codes import param_error
from .routes_orders import SWAP
from .wire import dec, num, ok

D = Decimal
DAY_MS = 24 * 3600 * 1000
DEPTH_LIMITS = (5, 10, 20, 50, 100, 500, 1000)


@dataclass(frozen=True)
class Market:
    """A seeded contract: BTC/ETH sizes follow the contracts example in the reference (§5.2)."""

    contract_id: str
    inst: SimInstrument
    mark: Decimal
    funding: Decimal
    level_gap_ticks: int
    level_qty: Decimal


def _perp(base: str, tick: str, step: str, max_lev: int) -> SimInstrument:
    return SimInstrument(
        symbol=f"{base}-USDT",
        base=base,
        quote="USDT",
        settle="USDT",
        tick_size=D(tick),
        step_size=D(step),
        min_qty=D(step),
        min_notional=D(2),
        max_leverage=max_lev,
        maker_fee_rate=D("0.0002"),
        taker_fee_rate=D("0.0005"),
        maintenance_margin_rate=D("0.0038") if base == "BTC" else D("0.005"),
    )


MARKETS = (
    Market("100", _perp("BTC", "0.1", "0.0001", 125), D("65000.0"), D("0.0001"), 5, D("2.5")),
    Market("101", _perp("ETH", "0.01", "0.01", 125), D("3200.00"), D("0.0001"), 5, D("40")),
    Market("102", _perp("SOL", "0.01", "0.1", 100), D("150.00"), D("0.00005"), 2, D("500")),
)


def seed_markets(ex: Exchange, levels: int = 20) -> None:
    """Add the instruments, their marks and funding, and a symmetric book around the mark."""
    for m in MARKETS:
        ex.add_instrument(m.inst)
        ex.set_mark_price(m.inst.symbol, m.mark)
        ex.set_funding_rate(m.inst.symbol, m.funding)
        ex.seed_book(m.inst.symbol, m.mark, levels, step=m.inst.tick_size * m.level_gap_ticks, qty=m.level_qty)


def _contract_id(symbol: str, index: int) -> str:
    return next((m.contract_id for m in MARKETS if m.inst.symbol == symbol), str(200 + index))


def server_time(ctx: Ctx) -> Reply:
    return ok({"serverTime": ctx.now})


def contracts(ctx: Ctx) -> Reply:
    wanted = ctx.p.opt("symbol")
    rows = []
    for i, inst in enumerate(ctx.ex.instruments()):
        if wanted not in (None, inst.symbol):
            continue
        online = inst.status is InstrumentStatus.TRADING
        rows.append(
            {
                "contractId": _contract_id(inst.symbol, i),
                "symbol": inst.symbol,
                "size": dec(inst.step_size),
                "quantityPrecision": inst.quantity_precision,
                "pricePrecision": inst.price_precision,
                "feeRate": num(inst.taker_fee_rate),
                "makerFeeRate": num(inst.maker_fee_rate),
                "takerFeeRate": num(inst.taker_fee_rate),
                "tradeMinLimit": 0,
                "tradeMinQuantity": num(inst.min_qty),
                "tradeMinUSDT": num(inst.min_notional),
                "maxLongLeverage": inst.max_leverage,
                "maxShortLeverage": inst.max_leverage,
                "currency": inst.settle,
                "asset": inst.base,
                "status": 1 if online else 0,
                "apiStateOpen": "true" if online else "false",
                "apiStateClose": "true" if online else "false",
                "ensureTrigger": False,
                "triggerFeeRate": "0.00020000",
            }
        )
    if wanted is not None and not rows:
        ctx.ex.instrument(wanted)
    return ok(rows)


def _one_or_all(ctx: Ctx, build: Any) -> Reply:
    symbol = ctx.p.opt("symbol")
    if symbol is not None:
        ctx.ex.instrument(symbol)
        return ok(build(symbol))
    return ok([build(i.symbol) for i in ctx.ex.instruments()])


def ticker(ctx: Ctx) -> Reply:
    def build(symbol: str) -> dict[str, Any]:
        inst = ctx.ex.instrument(symbol)
        pp, qp = inst.price_precision, inst.quantity_precision
        day = [t for t in ctx.ex.recent_trades(symbol) if t.ts >= ctx.now - DAY_MS]
        last = ctx.ex.last_price(symbol) or ctx.ex.mark_price(symbol)
        open_price = day[0].price if day else last
        change = last - open_price
        bid, ask = ctx.ex.best_bid_ask(symbol)
        book = ctx.ex.book(symbol, 1)
        return {
            "symbol": symbol,
            "priceChange": dec(change, pp),
            "priceChangePercent": dec(change / open_price * 100 if open_price else D(0), 2),
            "lastPrice": dec(last, pp),
            "lastQty": dec(day[-1].quantity if day else D(0), qp),
            "highPrice": dec(max((t.price for t in day), default=last), pp),
            "lowPrice": dec(min((t.price for t in day), default=last), pp),
            "volume": dec(sum((t.quantity for t in day), D(0)), qp),
            "quoteVolume": dec(sum((t.quantity * t.price for t in day), D(0)), 2),
            "openPrice": dec(open_price, pp),
            "openTime": day[0].ts if day else ctx.now - DAY_MS,
            "closeTime": ctx.now,
            "bidPrice": dec(bid, pp) if bid is not None else "",
            "bidQty": dec(book.bids[0][1], qp) if book.bids else "",
            "askPrice": dec(ask, pp) if ask is not None else "",
            "askQty": dec(book.asks[0][1], qp) if book.asks else "",
        }

    return _one_or_all(ctx, build)


def premium_index(ctx: Ctx) -> Reply:
    def build(symbol: str) -> dict[str, Any]:
        inst = ctx.ex.instrument(symbol)
        mark = dec(ctx.ex.mark_price(symbol), inst.price_precision)
        return {
            "symbol": symbol,
            "markPrice": mark,
            "indexPrice": mark,
            "lastFundingRate": dec(ctx.ex.funding_rate(symbol), 8),
            "nextFundingTime": ctx.ex.next_funding_ms(symbol),
            "fundingIntervalHours": 8,
            "updateTime": ctx.now,
        }

    return _one_or_all(ctx, build)


def depth(ctx: Ctx) -> Reply:
    """Order book; like BingX, asks are listed from the highest price down to the best ask."""
    symbol = ctx.p.req("symbol")
    inst = ctx.ex.instrument(symbol)
    limit = ctx.p.integer("limit", default=20) or 20
    if limit not in DEPTH_LIMITS:
        raise param_error(f"limit must be one of {DEPTH_LIMITS}")
    book = ctx.ex.book(symbol, limit)
    pp, qp = inst.price_precision, inst.quantity_precision

    def rows(levels: list[tuple[Decimal, Decimal]]) -> list[list[str]]:
        return [[dec(p, pp), dec(q, qp)] for p, q in levels]

    return ok({"T": ctx.now, "bids": rows(book.bids), "asks": rows(list(reversed(book.asks)))})


def funding_history(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    ctx.ex.instrument(symbol)
    start, end = ctx.p.integer("startTime"), ctx.p.integer("endTime")
    limit = ctx.p.integer("limit", default=100) or 100
    rows = [
        {"symbol": symbol, "fundingRate": dec(rate, 8), "fundingTime": ts}
        for ts, rate, _ in ctx.ex.funding_history(symbol)
        if (start is None or ts >= start) and (end is None or ts <= end)
    ]
    return ok(list(reversed(rows))[:limit])


def last_price(ctx: Ctx) -> Reply:
    def build(symbol: str) -> dict[str, Any]:
        inst = ctx.ex.instrument(symbol)
        last = ctx.ex.last_price(symbol) or ctx.ex.mark_price(symbol)
        return {"symbol": symbol, "price": dec(last, inst.price_precision), "time": ctx.now}

    return _one_or_all(ctx, build)


def book_ticker(ctx: Ctx) -> Reply:
    """Best bid/ask in snake_case with bare numbers, as BingX sends it."""
    symbol = ctx.p.req("symbol")
    book = ctx.ex.book(symbol, 1)
    bid = book.bids[0] if book.bids else (D(0), D(0))
    ask = book.asks[0] if book.asks else (D(0), D(0))
    ticker = {
        "symbol": symbol,
        "bid_price": num(bid[0]),
        "bid_qty": num(bid[1]),
        "ask_price": num(ask[0]),
        "ask_qty": num(ask[1]),
    }
    return ok({"book_ticker": ticker})


ROUTES = [
    RouteSpec("GET", f"{SWAP}/v2/server/time", server_time, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/contracts", contracts, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/ticker", ticker, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/premiumIndex", premium_index, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/depth", depth, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/fundingRate", funding_history, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v1/ticker/price", last_price, None, "market", public=True),
    RouteSpec("GET", f"{SWAP}/v2/quote/bookTicker", book_ticker, None, "market", public=True),
]

__all__ = ["MARKETS", "ROUTES", "seed_markets"]
