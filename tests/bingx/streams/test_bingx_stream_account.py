"""User data over the simulator: exactly once across drops, refused logins, stalls, delays, duplicates,
reordering and listen-key expiry; the consumer's orders, fills and positions equal the simulator's."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from decimal import Decimal as D

import anyio
import pytest

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.errors import AuthenticationError
from venuekit.core.simulator import Lifecycle
from venuekit.core.streams import BalanceUpdate, FillUpdate, OrderUpdate, PositionUpdate, Stream, StreamStatus
from venuekit.core.types import OrderRequest, OrderStatus, PositionSide, Side

from .conftest import ENGINE, SYMBOL, account_of, drain, fast_policy, statuses, take

LIFECYCLE = {Lifecycle.NEW: OrderStatus.OPEN, Lifecycle.PARTIALLY_FILLED: OrderStatus.OPEN,
             Lifecycle.FILLED: OrderStatus.CLOSED, Lifecycle.CANCELED: OrderStatus.CANCELED,
             Lifecycle.EXPIRED: OrderStatus.EXPIRED}
View = tuple[dict[str, tuple[OrderStatus, D]], dict[str, D], dict[tuple[str, str], D]]


def consumer_view(events: list[object]) -> tuple[View, list[str]]:
    orders: dict[str, tuple[OrderStatus, D]] = {}
    fills: dict[str, D] = {}
    seen_fills: list[str] = []
    positions: dict[tuple[str, str], D] = {}
    for e in events:
        if isinstance(e, OrderUpdate):
            orders[e.order.id] = (e.order.status, e.order.filled)
        elif isinstance(e, FillUpdate):
            fills[e.fill.id] = e.fill.amount
            seen_fills.append(e.fill.id)
        elif isinstance(e, PositionUpdate):
            p = e.position
            positions[(p.symbol, p.position_side.value)] = p.size if p.side is Side.BUY else -p.size
    return (orders, fills, positions), seen_fills


def venue_view(sim: BingXSimulator) -> View:
    """The simulator's truth; a fill is named by its order and the order's filled quantity after it."""
    account = account_of(sim)
    orders = {o.order_id: (LIFECYCLE[o.lifecycle], o.filled_qty) for o in sim.exchange.orders(account)}
    fills: dict[str, D] = {}
    totals: dict[str, D] = {}
    for f in sim.exchange.fills(account):
        totals[f.order_id] = totals.get(f.order_id, D(0)) + f.quantity
        fills[f"{f.order_id}:{totals[f.order_id].normalize():f}"] = f.quantity
    positions = {}
    for leg in (PositionSide.LONG, PositionSide.SHORT):
        quantity = sim.exchange.position(account, ENGINE, leg).quantity
        if quantity:
            positions[(SYMBOL, leg.value)] = quantity
    return orders, fills, positions


async def trade_a_bit(venue: BingX) -> None:
    """A resting order, a market fill sweeping two levels, another resting order, a cancel."""
    resting = await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.01"), D("60000")))
    await venue.create_order(OrderRequest.market(SYMBOL, Side.BUY, D("3")))
    await venue.create_order(OrderRequest.limit(SYMBOL, Side.SELL, D("0.01"), D("70000")))
    await venue.cancel_order(SYMBOL, resting.id)


def assert_views_equal(events: list[object], sim: BingXSimulator) -> None:
    (orders, fills, positions), seen = consumer_view(events)
    sim_orders, sim_fills, sim_positions = venue_view(sim)
    assert len(seen) == len(set(seen)), "a fill was delivered twice"
    assert orders == sim_orders
    assert fills == sim_fills
    assert {k: v for k, v in positions.items() if v} == sim_positions


async def test_drop_and_refused_logins_lose_nothing(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        assert statuses(events) == ["connected"]
        await trade_a_bit(venue)
        events += await drain(stream)
        sim.stream_faults.drop("ORDER_TRADE_UPDATE", after=1)
        sim.stream_faults.refuse_login(times=2)
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.4)
    assert statuses(events).count("resynced") == 1
    assert any(getattr(e, "replayed", False) and isinstance(e, FillUpdate) for e in events)
    assert_views_equal(events, sim)
    assert stream.stats["reconnects"] >= 3


async def test_stall_is_detected_and_reconciled(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.stall("ORDER_TRADE_UPDATE")
        await trade_a_bit(venue)
        events += await drain(stream, quiet=0.6)
    assert stream.stats["stalls"] == 1
    assert statuses(events) == ["connected", "reconnecting", "connected", "resynced"]
    assert_views_equal(events, sim)


async def test_duplicates_reordering_and_delays_are_delivered_once(sim: BingXSimulator, venue: BingX) -> None:
    sim.stream_faults.duplicate("*", times=None)
    sim.stream_faults.reorder("ORDER_TRADE_UPDATE", times=3)
    sim.stream_faults.delay(30, "ACCOUNT_UPDATE", times=2)
    async with venue.watch_account() as stream:
        events = await drain(stream)
        await trade_a_bit(venue)
        events += await drain(stream)
    assert_views_equal(events, sim)
    versions = [(e.order.id, e.order.status, e.order.filled) for e in events if isinstance(e, OrderUpdate)]
    assert len(versions) == len(set(versions))
    assert stream.stats["suppressed"] > 0
    assert not any(getattr(e, "replayed", False) for e in events if isinstance(e, OrderUpdate | FillUpdate))


async def test_skipped_pushes_are_recovered_by_the_next_reconnect(sim: BingXSimulator, venue: BingX) -> None:
    """BingX user data has no sequence numbers: a lost push is found by the reconciliation of the next
    reconnect (here forced by a drop)."""
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.skip("ORDER_TRADE_UPDATE", times=1)
        sim.stream_faults.skip("ACCOUNT_UPDATE", times=2)
        resting = await venue.create_order(OrderRequest.limit(SYMBOL, Side.BUY, D("0.01"), D("60000")))
        events += await drain(stream)
        assert resting.id not in {e.order.id for e in events if isinstance(e, OrderUpdate)}
        sim.stream_faults.drop("ORDER_TRADE_UPDATE")
        await venue.create_order(OrderRequest.market(SYMBOL, Side.SELL, D("0.5")))
        events += await drain(stream, quiet=0.4)
    assert statuses(events) == ["connected", "reconnecting", "connected", "resynced"]
    assert_views_equal(events, sim)


async def test_fills_missed_mid_order_are_recovered_exactly(sim: BingXSimulator, venue: BingX) -> None:
    """A market order sweeping several levels; the connection drops after its first fill push."""
    async with venue.watch_account() as stream:
        events = await drain(stream)
        sim.stream_faults.drop("ORDER_TRADE_UPDATE", after=2)
        await venue.create_order(OrderRequest.market(SYMBOL, Side.SELL, D("7")))
        events += await drain(stream, quiet=0.4)
    fills = [e.fill for e in events if isinstance(e, FillUpdate)]
    assert len(fills) >= 3
    assert sum(f.amount for f in fills) == D("7")
    assert any(f.raw is not None and getattr(f.raw, "trade_id", None) for f in fills), "some came over REST"
    assert_views_equal(events, sim)


async def test_listen_key_expiry_recreates_the_key(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_account() as stream:
        await drain(stream)
        (first_key,) = sim.hub.listen_keys
        sim.stream_faults.expire_listen_key()
        events = await drain(stream)
        assert statuses(events) == ["reconnecting", "connected", "resynced"]
        assert isinstance(events[0], StreamStatus) and events[0].detail == "listen key expired"
        live = [k for k in sim.hub.listen_keys if sim.hub.key_owner(k)]
        assert live and first_key not in live
        await trade_a_bit(venue)
        events = await drain(stream)
    assert any(isinstance(e, OrderUpdate) and not e.replayed for e in events)
    assert stream.session.plugin.keys_created == 2  # type: ignore[attr-defined]


async def test_keepalive_extends_the_key_and_a_lost_key_is_recreated(sim: BingXSimulator, venue: BingX) -> None:
    venue.streams.keepalive_interval = 0.5  # the venue allows 2 listen-key calls per second
    async with venue.watch_account() as stream:
        await take(stream, 1)
        ((key, (_, expires_first)),) = sim.hub.listen_keys.items()
        with anyio.fail_after(3):
            while stream.stats["keepalives"] < 2:
                await anyio.sleep(0.01)
        assert sim.hub.listen_keys[key][1] > expires_first
        sim.hub.delete_key(key)
        events = await drain(stream, quiet=1.0)
    assert "listen key no longer exists" in [e.detail for e in events if isinstance(e, StreamStatus)]
    assert stream.session.plugin.keys_created == 2  # type: ignore[attr-defined]
    assert stream.stats["keepalive_failures"] == 0


async def test_pings_are_answered(sim: BingXSimulator, venue: BingX) -> None:
    async with venue.watch_account() as stream:
        await take(stream, 1)
        with anyio.fail_after(2):
            while not any(listener.pongs >= 3 for listener in sim.hub.listeners):
                await anyio.sleep(0.02)
    assert stream.stats["reconnects"] == 0


async def test_venue_close_stops_every_stream(sim: BingXSimulator, venue: BingX) -> None:
    before = asyncio.all_tasks()
    streams: list[Stream[object]] = [
        venue.watch_account(), venue.watch_order_book(SYMBOL), venue.watch_trades(SYMBOL),  # type: ignore[list-item]
        venue.watch_mark_price(SYMBOL), venue.watch_book_ticker(SYMBOL),  # type: ignore[list-item]
    ]
    for s in streams:
        await s.start()
        await take(s, 1)
    assert all(s.running for s in streams)
    assert len(sim.websocket.connections) == 5
    await venue.close()
    assert not any(s.running for s in streams)
    assert len(venue.streams.registry) == 0
    assert asyncio.all_tasks() - before == set()
    assert sim.websocket.connections == set()
    assert sim.hub.listeners == set()


async def test_late_balance_and_position_pushes_are_withheld(sim: BingXSimulator, venue: BingX) -> None:
    """A reordered ACCOUNT_UPDATE arriving after a newer one (older event time) must not set the consumer back."""
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


async def test_a_slow_reconciliation_keeps_answering_pings(sim: BingXSimulator, venue: BingX) -> None:
    """The server closes a socket after 3 unanswered `Ping`s (every 50 ms here); reconciliation reads positions
    and balances over REST for ~0.4 s, during which the session holds frames back but answers each `Ping`."""
    assert sim.hub.max_missed_pongs == 3
    sim.faults.latency(200, method="GET", path="/openApi/swap/v*/user/*", times=None)
    async with venue.watch_account() as stream:
        events = await drain(stream, quiet=0.2)
    assert statuses(events) == ["connected"]
    assert stream.stats["reconnects"] == 0 and stream.stats["held"] >= 3
    assert stream.session.stage.reconciler.runs == 1  # type: ignore[attr-defined]


async def test_a_refused_listen_key_ends_the_stream_with_the_error(sim: BingXSimulator) -> None:
    """An unknown API key is refused (`Incorrect apiKey`) `auth_attempts` times in a row, then raised (two here:
    a third position-mode read would wait for that endpoint's rate limit)."""
    venue = BingX.from_simulator(sim, "not-a-key", "not-a-secret")
    venue.streams.policy_factory = lambda: replace(fast_policy(), auth_attempts=2)
    events: list[object] = []
    with anyio.fail_after(3):
        async with venue, venue.watch_account() as stream:
            with pytest.raises(AuthenticationError) as refused:
                async for event in stream:
                    events.append(event)
    assert statuses(events) == ["reconnecting"]
    assert stream.stats["refused_logins"] == 2 and stream.stats["connects"] == 0 and not stream.running
    assert refused.value.code == "100413"
    assert stream.session.plugin.keys_created == 0  # type: ignore[attr-defined]
    assert "not-a-secret" not in str(refused.value)
