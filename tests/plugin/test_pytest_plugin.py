"""The shipped pytest plugin, as a user meets it: an installed entry point and two fixtures."""

from __future__ import annotations

import pytest

USER_TEST = '''
from decimal import Decimal

from venuekit.core import OrderRequest, OrderStatus, Side


async def test_strategy_fills(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        inst = venue.instrument("BTC/USDT:USDT")
        order = await venue.create_order(OrderRequest.limit(inst.symbol, Side.BUY, Decimal("0.01"), Decimal("50000")))
        sim.clear_book(inst.venue_symbol)
        sim.trade_against(inst.venue_symbol, Side.SELL, Decimal("0.01"), Decimal("50000"))
        assert (await venue.fetch_order(inst.symbol, order.id)).status is OrderStatus.CLOSED


async def test_fault_injection(venuekit_sim):
    sim = venuekit_sim("binance-usdm", balances={"USDT": Decimal(500)})
    async with sim.connect() as venue:
        await venue.load_instruments()
        assert (await venue.fetch_balances())["USDT"].total == Decimal(500)
        sim.faults.http_error(500, after_handler=True, method="POST")
        request = OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.002"), Decimal("50000"))
        order = await venue.create_order(request)
        assert [o.id for o in await venue.fetch_open_orders("BTC/USDT:USDT")] == [order.id]
'''

USER_STREAM_TEST = '''
import asyncio
from decimal import Decimal

from venuekit.core import OrderRequest, Side
from venuekit.core.streams import Backoff, FillUpdate, OrderUpdate, StreamPolicy, StreamState, StreamStatus

SYMBOL = "BTC/USDT:USDT"


async def fills_until_complete(stream, want):
    """Every FillUpdate of the orders in `want` (id -> filled) until their amounts add up, plus the statuses."""
    fills, got, states = [], {}, []
    async with asyncio.timeout(5):
        async for event in stream:
            if isinstance(event, StreamStatus):
                states.append(event.state)
            elif isinstance(event, FillUpdate) and event.fill.order_id in want:
                fills.append(event)
                got[event.fill.order_id] = got.get(event.fill.order_id, Decimal(0)) + event.fill.amount
                if all(got.get(order_id, 0) >= filled for order_id, filled in want.items()):
                    return fills, got, states


async def place(venue, sides):
    orders = [await venue.create_order(OrderRequest.market(SYMBOL, side, Decimal("0.01"))) for side in sides]
    return {o.id: (await venue.fetch_order(SYMBOL, o.id)).filled for o in orders}


async def test_dropped_account_stream_still_delivers_every_fill_once(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        async with venue.watch_account() as stream:
            drop = sim.stream_faults.drop("orders", after=1)     # dies instead of the 2nd order update
            want = await place(venue, [Side.BUY, Side.SELL])
            fills, got, states = await fills_until_complete(stream, want)
        assert drop.fired == 1 and stream.stats["reconnects"] == 1
        assert states[:2] == [StreamState.CONNECTED, StreamState.RECONNECTING]
        assert got == want and all(filled > 0 for filled in want.values())
        assert len({f.fill.id for f in fills}) == len(fills)
        assert any(f.replayed for f in fills)                  # what the dead socket lost came back over REST


async def test_duplicated_and_reordered_updates_are_delivered_once(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        async with venue.watch_account() as stream:
            duplicate = sim.stream_faults.duplicate("account", times=None)
            reorder = sim.stream_faults.reorder("orders", times=2)
            want = await place(venue, [Side.BUY, Side.SELL])
            fills, got, _ = await fills_until_complete(stream, want)
        assert duplicate.fired >= 4 and reorder.fired == 2 and stream.stats["suppressed"] > 0
        assert got == want and len({f.fill.id for f in fills}) == len(fills)


async def test_listen_key_expiry_and_a_refused_login_are_survived(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        async with venue.watch_account() as stream:
            sim.stream_faults.expire_listen_key()
            refused = sim.stream_faults.refuse_login()
            want = await place(venue, [Side.BUY])
            _, got, states = await fills_until_complete(stream, want)
        assert refused.fired == 1 and got == want
        assert states.count(StreamState.RECONNECTING) == 2 and states[-1] is StreamState.CONNECTED


async def test_missing_book_update_is_a_gap_then_a_rebuilt_book(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        inst = venue.instrument(SYMBOL)
        best_bid, _ = sim.exchange.best_bid_ask(inst.venue_symbol)

        async def market_maker():
            for step in range(1000):
                sim.seed_book(inst.venue_symbol, best_bid + inst.tick_size * (step % 7))
                await asyncio.sleep(0.005)

        maker = asyncio.create_task(market_maker())
        skip, states, books_after_gap = None, [], 0
        async with venue.watch_order_book(SYMBOL, 5) as book, asyncio.timeout(5):
            async for update in book:
                if isinstance(update, StreamStatus):
                    states.append(update.state)
                    if update.state is StreamState.RESYNCED:
                        break
                elif skip is None:
                    skip = sim.stream_faults.skip("order_book")    # the next update's sequence goes missing
                elif StreamState.GAP in states:
                    books_after_gap += 1                          # never a book between the gap and the rebuild
        maker.cancel()
        assert skip is not None and skip.fired == 1
        assert StreamState.GAP in states and books_after_gap == 0 and book.stats["gaps"] == 1


async def test_a_silent_socket_is_detected_with_custom_timings(venuekit_sim):
    sim = venuekit_sim("gate-crossex")
    sim.stream_policy = lambda: StreamPolicy(ping_interval=0.02, stall_timeout=0.2,
                                             backoff=Backoff(initial=0.01, maximum=0.02))
    async with sim.connect() as venue:
        await venue.load_instruments()
        async with venue.watch_account() as stream:
            sim.stream_faults.stall("account")
            order = await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, Decimal("0.01")))
            async with asyncio.timeout(5):
                async for event in stream:
                    if isinstance(event, OrderUpdate) and event.order.id == order.id and event.order.status.is_final:
                        break
        assert stream.stats["stalls"] == 1 and event.replayed
'''


def test_fixtures_work_in_a_users_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    pytester.makeini("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=4)


def test_users_drive_stream_faults_the_same_way_on_every_venue(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user_streams=USER_STREAM_TEST)
    pytester.makeini("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=13)


def test_plugin_is_registered_by_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_x="def test_x(venuekit_sim):\n    assert callable(venuekit_sim)\n")
    result = pytester.runpytest_subprocess("-q", "--fixtures")
    result.stdout.fnmatch_lines(["*venuekit_sim*", "*venuekit_any_sim*"])
