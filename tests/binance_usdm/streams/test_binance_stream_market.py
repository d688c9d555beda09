"""Market data over the simulator: a local book equal to the venue's through gaps, tickers, marks, trades."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.streams import BookTickerUpdate, MarkPriceUpdate, OrderBookUpdate, StreamStatus, TradeUpdate
from venuekit.core.types import OrderRequest, OrderType, Side

from .conftest import SYMBOL, drain, statuses, take

ENGINE = "BTCUSDT"


def last_book(events: list[object]) -> OrderBookUpdate:
    return [e for e in events if isinstance(e, OrderBookUpdate)][-1]


def venue_book(sim: BinanceUSDMSimulator, depth: int) -> tuple[tuple[tuple[D, D], ...], tuple[tuple[D, D], ...]]:
    bids, asks = sim.exchange.book(ENGINE, depth)
    return tuple(bids), tuple(asks)


async def move_book(venue: BinanceUSDM, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.005"), D(64_990 - i)))
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.005"), D(65_010 + i)))


async def test_local_book_matches_the_venue_through_gaps(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    async with venue.watch_order_book(SYMBOL, depth=10) as stream:
        events = await drain(stream)
        await move_book(venue, 3)
        events += await drain(stream)
        assert (last_book(events).bids, last_book(events).asks) == venue_book(sim, 10)
        start = 3
        for arm in (sim.stream_faults.skip, sim.stream_faults.duplicate, sim.stream_faults.reorder):
            arm("depthUpdate", after=1)
            await move_book(venue, 2, start=start)
            start += 2
            events += await drain(stream)
            assert (last_book(events).bids, last_book(events).asks) == venue_book(sim, 10)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.4")))
        events += await drain(stream)
    book = last_book(events)
    assert (book.bids, book.asks) == venue_book(sim, 10)
    assert book.sequence == sim.hub.last_update_id(ENGINE)
    # the skip and the reorder are gaps (rebuilt from the REST snapshot); the duplicate is dropped, as are
    # updates still in flight that the snapshot already covers
    assert statuses(events) == ["connected", "gap", "resynced", "gap", "resynced"]
    assert (stream.stats["gaps"], stream.stats["resyncs"], stream.stats["reconnects"]) == (2, 2, 0)
    assert stream.stats["stale_dropped"] >= 1


async def test_book_ticker_and_mark_price(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    async with venue.watch_book_ticker(SYMBOL) as tickers, venue.watch_mark_price(SYMBOL) as marks:
        await take(tickers, 1)
        await take(marks, 1)
        await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.5"), D("64999.5")))
        sim.exchange.set_funding_rate(ENGINE, D("0.0003"))
        sim.exchange.set_mark_price(ENGINE, D("65000.25"))
        ticker = [e for e in await drain(tickers) if isinstance(e, BookTickerUpdate)][-1]
        mark = [e for e in await drain(marks) if isinstance(e, MarkPriceUpdate)][-1]
    (bid, bid_qty), (ask, ask_qty) = sim.exchange.book(ENGINE, 1).bids[0], sim.exchange.book(ENGINE, 1).asks[0]
    assert (ticker.bid_price, ticker.bid_amount, ticker.ask_price, ticker.ask_amount) == (bid, bid_qty, ask, ask_qty)
    assert ticker.bid_price == D("64999.5")
    assert (mark.mark_price, mark.funding_rate) == (D("65000.25"), D("0.0003"))
    assert mark.next_funding_time == sim.exchange.next_funding_ms(ENGINE)


async def test_slow_trade_consumer_stays_bounded(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    venue.streams.market_queue_size = 5
    account = next(iter(sim.state.keys.values())).account_id
    async with venue.watch_trades(SYMBOL) as stream:
        await take(stream, 1)
        for _ in range(40):
            sim.exchange.place_order(account, ENGINE, Side.BUY, OrderType.MARKET, D("0.002"))
        events = await drain(stream)
        trades = [e for e in events if isinstance(e, TradeUpdate)]
        assert stream.stats["high_water"] <= 5
    assert len(trades) == 5
    assert stream.stats["dropped"] == 40 - 5
    assert [t.id for t in trades] == [t.trade_id for t in sim.exchange.recent_trades(ENGINE)[-5:]]
    assert all(t.side is Side.BUY and not isinstance(t, StreamStatus) for t in trades)
