"""Market data over the simulator: a local book equal to the venue's through gaps, ticker, mark + funding, trades."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.errors import BadSymbol
from venuekit.core.streams import BookTickerUpdate, MarkPriceUpdate, OrderBookUpdate, StreamStatus, TradeUpdate
from venuekit.core.types import OrderRequest, OrderType, Side

from .conftest import ENGINE, SYMBOL, drain, statuses, take


def last_book(events: list[object]) -> OrderBookUpdate:
    return [e for e in events if isinstance(e, OrderBookUpdate)][-1]


def venue_book(sim: GateCrossExSimulator, depth: int) -> tuple[tuple[tuple[D, D], ...], tuple[tuple[D, D], ...]]:
    bids, asks = sim.exchange.book(ENGINE, depth)
    return tuple(bids), tuple(asks)


async def move_book(venue: GateCrossEx, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.005"), D(64_990 - i)))
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.005"), D(65_010 + i)))


async def test_local_book_matches_the_venue_through_gaps(sim: GateCrossExSimulator, venue: GateCrossEx) -> None:
    async with venue.watch_order_book(SYMBOL, depth=10) as stream:
        events = await drain(stream)
        await move_book(venue, 3)
        events += await drain(stream)
        assert (last_book(events).bids, last_book(events).asks) == venue_book(sim, 10)
        assert statuses(events) == ["connected"]
        start = 3
        for arm in (sim.stream_faults.skip, sim.stream_faults.duplicate, sim.stream_faults.reorder):
            arm("order_book_update", after=1)
            await move_book(venue, 2, start=start)
            start += 2
            events += await drain(stream, quiet=0.25)
            assert (last_book(events).bids, last_book(events).asks) == venue_book(sim, 10)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.4")))
        events += await drain(stream)
    book = last_book(events)
    assert (book.bids, book.asks) == venue_book(sim, 10)
    assert book.sequence == sim.hub.books[ENGINE].last_id
    # the skip and the reorder are gaps, each rebuilt by a reconnect (a new snapshot); the duplicate is an
    # update the book already holds, dropped
    assert statuses(events) == ["connected"] + ["gap", "reconnecting", "connected", "resynced"] * 2
    assert (stream.stats["gaps"], stream.stats["resyncs"], stream.stats["reconnects"]) == (2, 2, 2)
    assert stream.stats["stale_dropped"] == 1


async def test_book_ticker_and_mark_price(sim: GateCrossExSimulator, venue: GateCrossEx) -> None:
    async with venue.watch_book_ticker(SYMBOL) as tickers, venue.watch_mark_price(SYMBOL) as marks:
        await take(tickers, 2)
        await take(marks, 2)
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.5"), D("65000.0")))
        sim.exchange.set_funding_rate(ENGINE, D("0.0003"))
        sim.exchange.set_mark_price(ENGINE, D("65000.25"))
        ticker = [e for e in await drain(tickers) if isinstance(e, BookTickerUpdate)][-1]
        mark = [e for e in await drain(marks) if isinstance(e, MarkPriceUpdate)][-1]
    (bid, bid_qty), (ask, ask_qty) = sim.exchange.book(ENGINE, 1).bids[0], sim.exchange.book(ENGINE, 1).asks[0]
    assert (ticker.bid_price, ticker.bid_amount, ticker.ask_price, ticker.ask_amount) == (bid, bid_qty, ask, ask_qty)
    assert (ticker.symbol, ticker.bid_price, ticker.bid_amount) == (SYMBOL, D("65000.0"), D("0.5"))
    assert (mark.symbol, mark.mark_price, mark.funding_rate) == (SYMBOL, D("65000.25"), D("0.0003"))
    assert mark.next_funding_time == sim.exchange.next_funding_ms(ENGINE)


async def test_slow_trade_consumer_stays_bounded(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                 account_id: str) -> None:
    venue.streams.market_queue_size = 5
    async with venue.watch_trades(SYMBOL) as stream:
        await take(stream, 1)
        for _ in range(40):
            sim.exchange.place_order(account_id, ENGINE, Side.SELL, OrderType.MARKET, D("0.002"))
        events = await drain(stream)
        trades = [e for e in events if isinstance(e, TradeUpdate)]
        assert stream.stats["high_water"] <= 5
    assert len(trades) == 5
    assert stream.stats["dropped"] == 40 - 5
    assert [t.id for t in trades] == [t.trade_id for t in sim.exchange.recent_trades(ENGINE)[-5:]]
    assert all(t.side is Side.SELL and t.symbol == SYMBOL and not isinstance(t, StreamStatus) for t in trades)


async def test_unknown_symbol_is_refused_before_connecting(venue: GateCrossEx) -> None:
    with pytest.raises(BadSymbol):
        venue.watch_trades("DOGE/USDT:USDT@BINANCE")
