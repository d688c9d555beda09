"""User data over the simulator: exactly once across drops, stalls, refused logins, duplicates, reordering,
delays and skipped pushes; the consumer's view equals the simulator's."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

import anyio
import pytest

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.errors import AuthenticationError
from venuekit.core.simulator import FUTURES_WALLET
from venuekit.core.streams import (
    BalanceUpdate,
    FillUpdate,
    OrderUpdate,
    PositionUpdate,
    Stream,
    StreamStatus,
)
from venuekit.core.types import OrderRequest, OrderStatus, Side

from .conftest import ENGINE, KEY, SYMBOL, drain, fast_policy, statuses, take

CROSSEX_STATUS = {OrderStatus.OPEN: OrderStatus.OPEN, OrderStatus.CLOSED: OrderStatus.CLOSED,
                  OrderStatus.CANCELED: OrderStatus.CANCELED, OrderStatus.EXPIRED: OrderStatus.CANCELED}
"""CrossEx has no expired state: an IOC/market remainder is reported CANCELED."""

View = tuple[dict[str, tuple[OrderStatus, D]], list[tuple[str, str]], dict[str, D], D | None]


def consumer_view(events: list[object]) -> View:
    orders: dict[str, tuple[OrderStatus, D]] = {}
    fills: list[tuple[str, str]] = []
    legs: dict[tuple[str, str], D] = {}
    wallet: D | None = None
    for e in events:
        if isinstance(e, OrderUpdate):
            orders[e.order.id] = (e.order.status, e.order.filled)
        elif isinstance(e, FillUpdate):
            fills.append((e.fill.order_id, e.fill.id))
        elif isinstance(e, PositionUpdate):
            p = e.position
            legs[(p.symbol, p.position_side.value)] = p.size if p.side is Side.BUY else -p.size
        elif isinstance(e, BalanceUpdate) and e.asset == "USDT":
            wallet = e.wallet_balance
    positions: dict[str, D] = {}
    for (symbol, _), size in legs.items():
        positions[symbol] = positions.get(symbol, D(0)) + size
    return orders, fills, positions, wallet


def venue_view(sim: GateCrossExSimulator, account: str) -> View:
    orders = {o.order_id: (CROSSEX_STATUS[o.status], o.filled_qty) for o in sim.exchange.orders(account)}
    fills = [(f.order_id, f.trade_id) for f in sim.exchange.fills(account)]
    wallet = sim.exchange.balance(account, FUTURES_WALLET)["USDT"].wallet_balance
    return orders, fills, {SYMBOL: sim.exchange.position(account, ENGINE).quantity}, wallet


def assert_views_equal(events: list[object], sim: GateCrossExSimulator, account: str) -> None:
    orders, fills, positions, wallet = consumer_view(events)
    sim_orders, sim_fills, sim_positions, sim_wallet = venue_view(sim, account)
    assert orders == sim_orders
    assert len(fills) == len(set(fills)), "a fill was delivered twice"
    assert sorted(fills) == sorted(sim_fills)
    assert positions.get(SYMBOL, D(0)) == sim_positions[SYMBOL]
    assert wallet == sim_wallet


async def trade_a_bit(venue: GateCrossEx) -> None:
    """A resting order, a market fill, another resting order, a cancel, then a sell that flips the position."""
    resting = await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.01"), D("60000")))
    await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.02")))
    await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.01"), D("70000")))
    await venue.cancel_order(SYMBOL, resting.id)
    await venue.create_order(OrderRequest.market(SYMBOL, Side.SELL, D("0.03")))


async def test_live_pushes_match_the_venue(sim: GateCrossExSimulator, venue: GateCrossEx, account_id: str) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        assert statuses(events) == ["connected"]
        await trade_a_bit(venue)
        events += await drain(stream)
    live = events[1:]
    assert live and not any(getattr(e, "replayed", True) for e in live if not isinstance(e, BalanceUpdate))
    assert_views_equal(events, sim, account_id)
    flips = [e.position for e in events if isinstance(e, PositionUpdate) and e.position.size == 0]
    assert flips, "the long leg must be reported flat when the position flips short"


async def test_drop_and_refused_logins_lose_nothing(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                    account_id: str) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        await trade_a_bit(venue)
        events += await drain(stream)
        sim.stream_faults.drop("order")
        sim.stream_faults.refuse_login(times=2)
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.4)
    assert statuses(events).count("resynced") == 1
    assert any(getattr(e, "replayed", False) for e in events if isinstance(e, OrderUpdate))
    assert_views_equal(events, sim, account_id)
    assert stream.stats["reconnects"] >= 3
    assert stream.session.plugin.logins == 2  # type: ignore[attr-defined]
    reasons = [e.detail for e in events if isinstance(e, StreamStatus) and e.state.value == "reconnecting"]
    assert any("100006" in r and "Login failed" in r for r in reasons)


async def test_stall_is_detected_and_reconciled(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                account_id: str) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.stall("order")
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.6)
    assert stream.stats["stalls"] == 1
    assert statuses(events) == ["connected", "reconnecting", "connected", "resynced"]
    assert_views_equal(events, sim, account_id)


async def test_duplicates_and_reordering_are_delivered_once(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                            account_id: str) -> None:
    sim.stream_faults.duplicate("*", times=None)
    sim.stream_faults.reorder("order", times=3)
    sim.stream_faults.reorder("usertrades", times=1)
    async with venue.watch_account() as stream:
        events = await drain(stream)
        await trade_a_bit(venue)
        events += await drain(stream)
    assert_views_equal(events, sim, account_id)
    versions = [(e.order.id, e.order.status, e.order.filled) for e in events if isinstance(e, OrderUpdate)]
    assert len(versions) == len(set(versions))
    assert stream.stats["suppressed"] > 0 and stream.stats["reconnects"] == 0


async def test_delayed_pushes_arrive_in_full(sim: GateCrossExSimulator, venue: GateCrossEx, account_id: str) -> None:
    sim.stream_faults.delay(150, "usertrades", times=2)
    async with venue.watch_account() as stream:
        events = await drain(stream)
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.4)
    assert_views_equal(events, sim, account_id)
    assert sim.stream_faults.fired() == 2 and stream.stats["reconnects"] == 0


async def test_skipped_push_is_recovered_by_the_next_reconnect(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                               account_id: str) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.skip("usertrades")
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.02")))
        events += await drain(stream)
        missed = sim.exchange.fills(account_id)[-1].trade_id
        assert missed not in {e.fill.id for e in events if isinstance(e, FillUpdate)}
        sim.stream_faults.drop("order")
        await venue.create_order(OrderRequest.market(SYMBOL, Side.SELL, D("0.01")))
        events += await drain(stream, quiet=0.4)
    recovered = [e for e in events if isinstance(e, FillUpdate) and e.fill.id == missed]
    assert len(recovered) == 1 and recovered[0].replayed
    assert_views_equal(events, sim, account_id)


async def test_bad_secret_ends_the_stream_with_the_login_error(sim: GateCrossExSimulator) -> None:
    """A refused login (100006) is retried `auth_attempts` (3) times in a row, then raised to the consumer."""
    venue = GateCrossEx.from_simulator(sim, KEY, "not-the-secret")
    venue.streams.policy_factory = fast_policy
    events: list[object] = []
    with anyio.fail_after(3):
        async with venue, venue.watch_account() as stream:
            with pytest.raises(AuthenticationError) as refused:
                async for event in stream:
                    events.append(event)
    assert refused.value.code == "100006" and "login refused" in str(refused.value)
    assert statuses(events) == ["reconnecting", "reconnecting"]
    assert isinstance(events[0], StreamStatus) and "AuthenticationError" in events[0].detail
    assert "not-the-secret" not in str(refused.value) + events[0].detail
    assert sim.ws_keys.failures == 3 and stream.stats["refused_logins"] == 3 and not stream.running


async def test_relogin_after_every_reconnect(sim: GateCrossExSimulator, venue: GateCrossEx) -> None:
    async with venue.watch_account() as stream:
        await drain(stream)
        first = stream.session.plugin.conn_id  # type: ignore[attr-defined]
        sim.stream_faults.drop("asset")
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
        await drain(stream, quiet=0.3)
        second = stream.session.plugin.conn_id  # type: ignore[attr-defined]
    assert stream.session.plugin.logins == 2  # type: ignore[attr-defined]
    assert first and second and first != second


async def test_venue_close_stops_every_stream(sim: GateCrossExSimulator, venue: GateCrossEx) -> None:
    before = asyncio.all_tasks()
    streams: list[Stream[object]] = [
        venue.watch_account(), venue.watch_order_book(SYMBOL), venue.watch_trades(SYMBOL),  # type: ignore[list-item]
        venue.watch_mark_price(SYMBOL),  # type: ignore[list-item]
    ]
    for s in streams:
        await s.start()
        await take(s, 1)
    assert all(s.running for s in streams)
    assert len(sim.websocket.connections) == 4
    await venue.close()
    assert not any(s.running for s in streams)
    assert len(venue.streams.registry) == 0
    assert asyncio.all_tasks() - before == set()
    assert sim.websocket.connections == set()


async def test_late_balance_and_position_pushes_are_withheld(sim: GateCrossExSimulator, venue: GateCrossEx,
                                                             account_id: str) -> None:
    """A reordered `asset`/`position` push arriving after a newer one must not set the consumer back."""
    start = sim.exchange.balance(account_id)["USDT"].wallet_balance
    async with venue.watch_account() as stream:
        await drain(stream)
        sim.stream_faults.reorder("asset", behind="asset")  # the first deposit behind the second
        sim.exchange.deposit(account_id, "USDT", D(10))
        await anyio.sleep(0.003)
        sim.exchange.deposit(account_id, "USDT", D(5))
        deposits = await drain(stream)
        sim.stream_faults.reorder("position", behind="position")  # the first fill's leg behind the second's
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
        await anyio.sleep(0.003)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.02")))
        trades = await drain(stream)
    assert sim.stream_faults.fired() == 2
    assert [e.wallet_balance for e in deposits if isinstance(e, BalanceUpdate)] == [start + 15]
    assert [e.position.size for e in trades if isinstance(e, PositionUpdate)] == [D("0.03")]
    assert_views_equal(deposits + trades, sim, account_id)
    assert stream.stats["suppressed"] == 2 and stream.stats["reconnects"] == 0
