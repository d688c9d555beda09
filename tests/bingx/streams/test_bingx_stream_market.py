"""Market data over the simulator: a local book equal to the venue's through gaps, tickers, marks, trades."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.streams import (
    BalanceUpdate,
    BookTickerUpdate,
    MarkPriceUpdate,
    OrderBookUpdate,
    StreamStatus,
    TradeUpdate,
)
from venuekit.core.types import OrderRequest, OrderType, PositionSide, Side

from .conftest import ENGINE, SYMBOL, account_of, drain, statuses, take


def last_book(events: list[object]) -> OrderBookUpdate:
    return [e for e in events if isinstance(e, OrderBookUpdate)][-1]


def venue_book(sim: BingXSimulator, depth: int) -> tuple[tuple[tuple[D, D], ...], tuple[tuple[D, D], ...]]:
    bids, asks = sim.exchange.book(ENGINE, depth)
    return tuple(bids), tuple(asks)


async def move_book(venue: BingX, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.005"), D(64_990 - i)))
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.005"), D(65_010 + i)))


async def test_local_book_matches_the_venue_through_gaps(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_order_book(SYMBOL, depth=10) as stream:
        events = await drain(stream)
        await move_book(venue, 3)
        events += await drain(stream)
        assert (last_book(events).bids, last_book(events).asks) == venue_book(sim, 10)
        assert statuses(events) == ["connected"]
        sim.stream_faults.skip("incrDepth", after=1)
        await move_book(venue, 2, start=3)
        events += await drain(stream)
        sim.stream_faults.reorder("incrDepth", after=1)
        await move_book(venue, 2, start=5)
        events += await drain(stream)
        sim.stream_faults.duplicate("incrDepth", after=1)
        await move_book(venue, 2, start=7)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("4")))
        events += await drain(stream)
    book = last_book(events)
    assert (book.bids, book.asks) == venue_book(sim, 10)
    assert book.sequence == sim.hub.last_update_id(ENGINE)
    # the skip and the reorder are gaps, each rebuilt by a reconnect (a new `all` snapshot); the duplicate is
    # an update the book already holds, dropped
    assert statuses(events) == ["connected"] + ["gap", "reconnecting", "connected", "resynced"] * 2
    assert (stream.stats["gaps"], stream.stats["resyncs"], stream.stats["reconnects"]) == (2, 2, 2)
    assert stream.stats["stale_dropped"] == 1
    gap_at = statuses(events).index("gap")
    after_gap = events[[i for i, e in enumerate(events) if isinstance(e, StreamStatus)][gap_at] + 1:]
    first_book = next(i for i, e in enumerate(after_gap) if isinstance(e, OrderBookUpdate))
    assert "resynced" in statuses(after_gap[:first_book]), "no book between the gap and the rebuilt snapshot"


async def test_book_ticker_and_mark_price(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_book_ticker(SYMBOL) as tickers, venue.watch_mark_price(SYMBOL) as marks:
        await take(tickers, 1)
        await take(marks, 1)
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.5"), D("64999.9")))
        sim.exchange.set_mark_price(ENGINE, D("65000.25"))
        ticker = [e for e in await drain(tickers) if isinstance(e, BookTickerUpdate)][-1]
        mark = [e for e in await drain(marks) if isinstance(e, MarkPriceUpdate)][-1]
    (bid, bid_qty), (ask, ask_qty) = sim.exchange.book(ENGINE, 1).bids[0], sim.exchange.book(ENGINE, 1).asks[0]
    assert (ticker.bid_price, ticker.bid_amount, ticker.ask_price, ticker.ask_amount) == (bid, bid_qty, ask, ask_qty)
    assert ticker.bid_price == D("64999.9")
    assert ticker.update_id == sim.hub.last_update_id(ENGINE)
    assert (mark.symbol, mark.mark_price, mark.funding_rate) == (SYMBOL, D("65000.25"), None)


async def test_funding_moves_the_mark_stream_and_the_balance(sim: BingXSimulator, venue: BingX) -> None:
    await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("1")))
    async with venue.watch_mark_price(SYMBOL) as marks, venue.watch_account() as account:
        await take(marks, 1)
        await drain(account)
        sim.exchange.set_mark_price(ENGINE, D("65100"))
        sim.exchange.settle_funding(ENGINE, D("0.0001"))
        mark_events = await drain(marks)
        account_events = await drain(account)
    assert [e.mark_price for e in mark_events if isinstance(e, MarkPriceUpdate)][-1] == D("65100")
    (funding,) = [e for e in account_events if isinstance(e, BalanceUpdate)]
    assert (funding.reason, funding.change) == ("FUNDING_FEE", D("-6.51"))
    assert funding.wallet_balance == sim.exchange.balance(account_of(sim))["USDT"].wallet_balance
    leg = sim.exchange.position(account_of(sim), ENGINE, PositionSide.LONG)
    assert leg.quantity == D(1)


async def test_market_topics_are_resubscribed_after_a_drop(sim: BingXSimulator, venue: BingX) -> None:
    account = account_of(sim)
    async with venue.watch_trades(SYMBOL) as stream:
        await take(stream, 1)
        sim.stream_faults.drop("trade")
        for _ in range(2):
            sim.exchange.place_order(account, ENGINE, Side.BUY, OrderType.MARKET, D("0.002"),
                                     position_side=PositionSide.LONG)
            events = await drain(stream)
    assert statuses(events) == [] and stream.stats["reconnects"] == 1
    (trade,) = [e for e in events if isinstance(e, TradeUpdate)]
    last = sim.exchange.recent_trades(ENGINE)[-1]
    assert (trade.price, trade.amount, trade.timestamp, trade.side) == (last.price, last.quantity, last.ts, Side.BUY)


async def test_slow_trade_consumer_stays_bounded(sim: BingXSimulator, venue: BingX) -> None:
    venue.streams.market_queue_size = 5
    account = account_of(sim)
    async with venue.watch_trades(SYMBOL) as stream:
        await take(stream, 1)
        for _ in range(40):
            sim.exchange.place_order(account, ENGINE, Side.SELL, OrderType.MARKET, D("0.002"),
                                     position_side=PositionSide.SHORT)
        events = await drain(stream)
        trades = [e for e in events if isinstance(e, TradeUpdate)]
        assert stream.stats["high_water"] <= 5
    assert len(trades) == 5
    assert stream.stats["dropped"] == 40 - 5
    expected = [(t.price, t.quantity, t.ts) for t in sim.exchange.recent_trades(ENGINE)[-5:]]
    assert [(t.price, t.amount, t.timestamp) for t in trades] == expected
    assert all(t.side is Side.SELL for t in trades)
