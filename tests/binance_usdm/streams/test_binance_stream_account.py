"""User data over the simulator: exactly once across drops, stalls, duplicates, reordering and key expiry."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

import anyio
import pytest

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.errors import AuthenticationError
from venuekit.core.simulator import Lifecycle
from venuekit.core.streams import BalanceUpdate, FillUpdate, OrderUpdate, PositionUpdate, Stream, StreamStatus
from venuekit.core.types import OrderRequest, OrderStatus, Side

from .conftest import SYMBOL, drain, fast_policy, statuses, take

LIFECYCLE = {Lifecycle.NEW: OrderStatus.OPEN, Lifecycle.PARTIALLY_FILLED: OrderStatus.OPEN,
             Lifecycle.FILLED: OrderStatus.CLOSED, Lifecycle.CANCELED: OrderStatus.CANCELED,
             Lifecycle.EXPIRED: OrderStatus.EXPIRED}


def account_of(sim: BinanceUSDMSimulator) -> str:
    return next(iter(sim.state.keys.values())).account_id


def consumer_view(events: list[object]) -> tuple[dict[str, tuple[OrderStatus, D]], list[str], dict[str, D]]:
    orders: dict[str, tuple[OrderStatus, D]] = {}
    fills: list[str] = []
    positions: dict[str, D] = {}
    for e in events:
        if isinstance(e, OrderUpdate):
            orders[e.order.id] = (e.order.status, e.order.filled)
        elif isinstance(e, FillUpdate):
            fills.append(e.fill.id)
        elif isinstance(e, PositionUpdate):
            p = e.position
            positions[p.symbol] = p.size if p.side is Side.BUY else -p.size
    return orders, fills, positions


def venue_view(sim: BinanceUSDMSimulator) -> tuple[dict[str, tuple[OrderStatus, D]], list[str], D]:
    account = account_of(sim)
    orders = {o.order_id: (LIFECYCLE[o.lifecycle], o.filled_qty) for o in sim.exchange.orders(account)}
    fills = sorted(f.trade_id for f in sim.exchange.fills(account))
    return orders, fills, sim.exchange.position(account, "BTCUSDT").quantity


async def trade_a_bit(venue: BinanceUSDM) -> None:
    """A resting order, a market fill, another resting order, a cancel."""
    resting = await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.01"), D("60000")))
    await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.02")))
    await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.01"), D("70000")))
    await venue.cancel_order(SYMBOL, resting.id)


def assert_views_equal(events: list[object], sim: BinanceUSDMSimulator) -> None:
    orders, fills, positions = consumer_view(events)
    sim_orders, sim_fills, sim_position = venue_view(sim)
    assert orders == sim_orders
    assert len(fills) == len(set(fills)), "a fill was delivered twice"
    assert sorted(fills) == sim_fills
    assert positions[SYMBOL] == sim_position


async def test_drop_and_refused_logins_lose_nothing(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        assert statuses(events) == ["connected"]
        await trade_a_bit(venue)
        events += await drain(stream)
        sim.stream_faults.drop("ORDER_TRADE_UPDATE")
        sim.stream_faults.refuse_login(times=2)
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.4)
    assert statuses(events).count("resynced") == 1
    assert any(getattr(e, "replayed", False) for e in events)
    assert_views_equal(events, sim)
    assert stream.stats["reconnects"] >= 3


async def test_stall_is_detected_and_reconciled(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.stall("ORDER_TRADE_UPDATE")
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.6)
    assert stream.stats["stalls"] == 1
    assert statuses(events) == ["connected", "reconnecting", "connected", "resynced"]
    assert_views_equal(events, sim)


async def test_duplicates_and_reordering_are_delivered_once(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    sim.stream_faults.duplicate("*", times=None)
    sim.stream_faults.reorder("ORDER_TRADE_UPDATE", times=3)
    async with venue.watch_account() as stream:
        events = await drain(stream)
        await trade_a_bit(venue)
        events += await drain(stream)
    assert_views_equal(events, sim)
    versions = [(e.order.id, e.order.status, e.order.filled) for e in events if isinstance(e, OrderUpdate)]
    assert len(versions) == len(set(versions))
    assert stream.stats["suppressed"] > 0


async def test_listen_key_expiry_recreates_the_key(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    async with venue.watch_account() as stream:
        await drain(stream)
        first_key = next(iter(sim.state.listen_keys))
        sim.stream_faults.expire_listen_key()
        events = await drain(stream)
        assert statuses(events) == ["reconnecting", "connected", "resynced"]
        assert isinstance(events[0], StreamStatus) and events[0].detail == "listen key expired"
        live = [k for k, (_, until) in sim.state.listen_keys.items() if until > sim.exchange.now_ms()]
        assert live and first_key not in live
        await trade_a_bit(venue)
        events = await drain(stream)
    assert any(isinstance(e, OrderUpdate) and not e.replayed for e in events)
    assert stream.session.plugin.keys_created == 2  # type: ignore[attr-defined]


async def test_keepalive_runs_on_schedule(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    venue.streams.keepalive_interval = 0.05
    async with venue.watch_account() as stream:
        await take(stream, 1)
        (key, (_, expires_first)), = sim.state.listen_keys.items()
        with anyio.fail_after(2):
            while stream.stats["keepalives"] < 2:
                await anyio.sleep(0.01)
        assert sim.state.listen_keys[key][1] > expires_first
    assert stream.stats["keepalive_failures"] == 0


async def test_venue_close_stops_every_stream(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    before = asyncio.all_tasks()
    streams: list[Stream[object]] = [
        venue.watch_account(), venue.watch_order_book(SYMBOL), venue.watch_trades(SYMBOL),  # type: ignore[list-item]
    ]
    for s in streams:
        await s.start()
        await take(s, 1)
    assert all(s.running for s in streams)
    assert len(sim.websocket.connections) == 3
    await venue.close()
    assert not any(s.running for s in streams)
    assert len(venue.streams.registry) == 0
    assert asyncio.all_tasks() - before == set()
    assert sim.websocket.connections == set()


async def test_late_balance_and_position_pushes_are_withheld(sim: BinanceUSDMSimulator, venue: BinanceUSDM) -> None:
    """A reordered ACCOUNT_UPDATE arriving after a newer one (older `T`) must not set the consumer back."""
    account = account_of(sim)
    start = sim.exchange.balance(account)["USDT"].wallet_balance
    async with venue.watch_account() as stream:
        await drain(stream)
        sim.stream_faults.reorder("ACCOUNT_UPDATE", behind="ACCOUNT_UPDATE")  # first deposit behind the second
        sim.exchange.deposit(account, "USDT", D(10))
        await anyio.sleep(0.003)
        sim.exchange.deposit(account, "USDT", D(5))
        deposits = await drain(stream)
        # each fill pushes its balance, then its position: the first position goes behind the second fill's two
        sim.stream_faults.reorder("ACCOUNT_UPDATE", after=1, behind="ACCOUNT_UPDATE", by=2)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.01")))
        await anyio.sleep(0.003)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("0.02")))
        trades = await drain(stream)
    assert sim.stream_faults.fired() == 2
    assert [e.wallet_balance for e in deposits if isinstance(e, BalanceUpdate)] == [start + 15]
    assert [e.position.size for e in trades if isinstance(e, PositionUpdate)] == [D("0.03")]
    balances = [e.wallet_balance for e in trades if isinstance(e, BalanceUpdate)]
    assert balances[-1] == sim.exchange.balance(account)["USDT"].wallet_balance
    assert stream.stats["suppressed"] == 2 and stream.stats["reconnects"] == 0


async def test_a_refused_listen_key_ends_the_stream_with_the_error(sim: BinanceUSDMSimulator) -> None:
    """An unknown API key: creating the listen key is refused (-2015) `auth_attempts` times, then raised."""
    venue = BinanceUSDM.from_simulator(sim, "not-a-key", "not-a-secret")
    venue.streams.policy_factory = fast_policy
    events: list[object] = []
    with anyio.fail_after(3):
        async with venue, venue.watch_account() as stream:
            with pytest.raises(AuthenticationError) as refused:
                async for event in stream:
                    events.append(event)
    assert statuses(events) == ["reconnecting", "reconnecting"]
    assert stream.stats["refused_logins"] == 3 and stream.stats["connects"] == 0 and not stream.running
    assert refused.value.code is not None and "not-a-secret" not in str(refused.value)
