"""RateLimiter + MemoryStore: sliding spans of window + guard, the venue's fixed windows, fairness, bans."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

import anyio
import anyio.lowlevel
import pytest
from counting_store import CountingStore
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from venuekit.core import Cost, IPBanned, Quota, RateLimited, RateLimiter, Scope
from venuekit.core.ratelimit import MemoryStore, Reservation

T = TypeVar("T")


class _Clock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Drive a MemoryStore coroutine, which never suspends, without an event loop."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    raise AssertionError("MemoryStore suspended")


def span_peak(grants: Sequence[tuple[int, int]], span_ms: int) -> int:
    """Most units granted within any closed interval of `span_ms` ms (grants sorted by time)."""
    peak = total = lo = 0
    for t, units in grants:
        total += units
        while grants[lo][0] < t - span_ms:
            total -= grants[lo][1]
            lo += 1
        peak = max(peak, total)
    return peak


def venue_peak(
    grants: Sequence[tuple[int, int]], window_ms: int, delay_ms: int, rng: random.Random, tries: int = 20
) -> int:
    """Most units one fixed venue window counted, over random clock phases and send delays <= `delay_ms`.

    Times are microseconds: a grant stamped `t` ms leaves within that millisecond, travels 0..delay_ms
    (half the runs only the extremes 0 or delay_ms), and the venue truncates its own clock to ms.
    """
    peak = 0
    for _ in range(tries):
        phase, extremes = rng.randrange(window_ms * 1000), rng.random() < 0.5
        counts: Counter[int] = Counter()
        for t, units in grants:
            delay = rng.choice((0, delay_ms * 1000)) if extremes else rng.randrange(delay_ms * 1000 + 1)
            arrival_us = t * 1000 + rng.randrange(1000) + delay + phase
            counts[arrival_us // 1000 // window_ms] += units
        peak = max(peak, max(counts.values(), default=0))
    return peak


# --- MemoryStore ----------------------------------------------------------------------------------------


async def test_memory_store_is_all_or_nothing() -> None:
    store = MemoryStore()
    a, b = Reservation("a", 1, 2, 1000), Reservation("b", 1, 1, 1000)
    assert await store.reserve([a, b], 5_000) == 0
    assert await store.reserve([a, b], 5_100) == 901, "b's unit counts until 5_000 + 1000 inclusive"
    assert store.usage("a", 1000, 5_100) == 1, "a failed reservation must not charge any counter"
    assert await store.reserve([a], 5_100) == 0
    assert await store.reserve([b], 6_000) == 1
    assert await store.reserve([b], 6_001) == 0, "the unit granted at 5_000 no longer counts"


async def test_a_unit_counts_for_window_plus_guard() -> None:
    store = MemoryStore()
    item = Reservation("k", 1, 1, 1000, guard_ms=50)
    assert item.span_ms == 1050
    assert await store.reserve([item], 0) == 0
    assert await store.reserve([item], 1000) == 51, "a fixed window would have reset at 1000"
    assert await store.reserve([item], 1050) == 1
    assert await store.reserve([item], 1051) == 0


async def test_weights_wait_for_enough_old_units_to_leave() -> None:
    store = MemoryStore()
    weight = 10

    def item(units: int) -> Reservation:
        return Reservation("w", units, weight, 1000)

    assert await store.reserve([item(3)], 0) == 0
    assert await store.reserve([item(4)], 200) == 0
    assert await store.reserve([item(3)], 400) == 0
    # 10 used; 5 more need the grants of 0 (3 units) and 200 (4 units) to leave: at 200 + 1001.
    assert await store.reserve([item(5)], 500) == 701
    assert await store.reserve([item(3)], 500) == 501, "3 units only need the grant at 0 to leave"
    assert await store.reserve([item(5)], 1201) == 0
    assert store.usage("w", 1000, 1201) == 8


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    limit=st.integers(1, 30),
    window_ms=st.integers(100, 2_000),
    guard_pct=st.integers(0, 10),
    attempts=st.lists(st.tuples(st.integers(0, 120), st.integers(1, 4)), min_size=1, max_size=250),
    seed=st.integers(0, 2**32),
)
def test_no_venue_window_ever_exceeds_the_limit(
    limit: int, window_ms: int, guard_pct: int, attempts: list[tuple[int, int]], seed: int
) -> None:
    """Random request times and weights; venue windows of any phase; send delays up to the guard."""
    guard_ms = window_ms * guard_pct // 100
    store, now, grants = MemoryStore(), 0, []
    for gap, units in attempts:
        now += gap
        item = Reservation("k", min(units, limit), limit, window_ms, guard_ms)
        wait = run(store.reserve([item], now))
        if wait == 0:
            grants.append((now, item.units))
        else:
            assert wait > 0
            assert run(store.reserve([item], now + wait - 1)) > 0, "the wait is not longer than needed"
            assert run(store.reserve([item], now + wait)) == 0
            grants.append((now + wait, item.units))
            now += wait
    assert span_peak(grants, window_ms + guard_ms) <= limit
    assert venue_peak(grants, window_ms, guard_ms, random.Random(seed)) <= limit


def test_the_venue_model_catches_a_limiter_without_guard() -> None:
    """Control: the same flood counted with no guard overflows some venue window once delays reach 50 ms."""
    store, grants = MemoryStore(), []
    for now in range(0, 20_000):
        if run(store.reserve([Reservation("k", 1, 20, 1000)], now)) == 0:
            grants.append((now, 1))
    assert span_peak(grants, 1000) <= 20
    assert span_peak(grants, 1050) > 20
    assert venue_peak(grants, 1000, 50, random.Random(7), tries=200) > 20


async def test_observed_usage_adds_only_what_we_did_not_grant() -> None:
    store, window = MemoryStore(), 1000
    quota = Reservation("w", 1, 10, window, guard_ms=50)
    for _ in range(4):
        assert await store.reserve([quota], 10_100) == 0
    await store.observe("w", window, 4, 10_200)
    assert store.usage("w", 1050, 10_200) == 4, "the venue counted our own 4 units: nothing to add"
    await store.observe("w", window, 7, 10_300)
    assert store.usage("w", 1050, 10_300) == 7
    await store.observe("w", window, 5, 10_400)
    assert store.usage("w", 1050, 10_400) == 7, "never lowered"
    # The 3 extra units are charged at the newest grant (10_100) and leave one span later.
    assert store.usage("w", 1050, 11_150) == 7
    assert store.usage("w", 1050, 11_151) == 0


async def test_observed_usage_before_any_grant_is_dated_at_the_venue_window_start() -> None:
    store = MemoryStore()
    await store.observe("w", 1000, 10, 20_700)
    assert await store.reserve([Reservation("w", 1, 10, 1000, 50)], 20_800) == 20_000 + 1051 - 20_800


# --- RateLimiter ----------------------------------------------------------------------------------------


async def test_limiter_waits_one_span_after_the_oldest_grant() -> None:
    clock = _Clock(10_000)
    limiter = RateLimiter("v", [Quota("w", 2, 100)], now_ms=clock, guard_ms=20)
    await limiter.acquire([Cost("w")])
    await limiter.acquire([Cost("w")])
    slept: list[float] = []

    async def sleep(ms: int) -> None:
        slept.append(ms)
        clock.now += ms

    limiter._sleep = sleep  # type: ignore[method-assign]
    await limiter.acquire([Cost("w")])
    assert slept == [121], "window 100 + guard 20 + the millisecond the stamps are truncated to"


def test_guard_must_fit_in_the_shortest_window() -> None:
    assert RateLimiter("v", [Quota("w", 2, 1000)]).guard_ms == 50
    with pytest.raises(ValueError, match="guard_ms"):
        RateLimiter("v", [Quota("w", 2, 1000), Quota("s", 1, 40)])
    with pytest.raises(ValueError, match="guard_ms"):
        RateLimiter("v", [Quota("w", 2, 1000)], guard_ms=-1)


async def test_the_same_quota_twice_in_one_request_is_charged_once_in_full() -> None:
    store = MemoryStore()
    limiter = RateLimiter("v", [Quota("w", 5, 1000)], store=store, now_ms=_Clock(0), max_wait_s=0)
    await limiter.acquire([Cost("w", 2), Cost("w", 2)])
    assert store.usage(limiter.key(limiter.quotas["w"]), 1050, 0) == 4
    with pytest.raises(RateLimited):
        await limiter.acquire([Cost("w", 1), Cost("w", 1)])


async def test_a_cost_above_the_limit_is_refused_at_once() -> None:
    limiter = RateLimiter("v", [Quota("w", 5, 1000)], max_wait_s=30)
    with anyio.fail_after(1), pytest.raises(RateLimited, match="never fits"):
        await limiter.acquire([Cost("w", 6)])


@pytest.mark.parametrize(("limit", "weights", "seed"), [(400, (1,), 1), (5, (1,), 2), (60, (1, 2, 3), 3)])
async def test_flood_in_virtual_time_is_fair_safe_and_fast(limit: int, weights: tuple[int, ...], seed: int) -> None:
    """Many tasks queued at once: served in arrival order, no venue violation, >= 90 % of the rate, no herd."""
    window, guard, rng = 1000, 50, random.Random(seed)
    clock, store = _Clock(1_000_000 + rng.randrange(1000)), CountingStore()
    limiter = RateLimiter("v", [Quota("q", limit, window)], store=store, now_ms=clock, max_wait_s=3600)
    calls = limit * 12 // max(weights)
    costs = [rng.choice(weights) for _ in range(calls)]
    grants: list[tuple[int, int]] = []
    order: list[int] = []

    async def sleep(ms: int) -> None:
        clock.now += ms
        await anyio.lowlevel.checkpoint()

    limiter._sleep = sleep  # type: ignore[method-assign]

    async def call(i: int) -> None:
        await limiter.acquire([Cost("q", costs[i])])
        grants.append((clock.now, costs[i]))
        order.append(i)

    started = clock.now
    async with anyio.create_task_group() as tg:
        for i in range(calls):
            tg.start_soon(call, i)
    elapsed = clock.now - started
    assert order == list(range(calls)), "first come, first served"
    assert span_peak(grants, window + guard) <= limit
    assert venue_peak(grants, window, guard, rng) <= limit
    units = sum(costs)
    # Units granted before the last grant's moment, over that time: whole spans, against limit / window.
    assert sum(u for t, u in grants if t < clock.now) / elapsed >= 0.9 * limit / window
    assert store.reserves <= calls + 2 * (units // limit + 1), "only the first waiter in line asks the store"
    assert len(limiter._turns) == 0


async def test_cancelled_waiters_leave_the_line_without_stalling_it() -> None:
    limiter = RateLimiter("v", [Quota("q", 1, 60)], guard_ms=10)
    await limiter.acquire([Cost("q")])
    served: list[str] = []

    async def call(name: str) -> None:
        await limiter.acquire([Cost("q")])
        served.append(name)

    with anyio.fail_after(3):
        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "a")
            await anyio.sleep(0.01)
            async with anyio.create_task_group() as doomed:
                doomed.start_soon(call, "b")
                await anyio.sleep(0.01)
                doomed.cancel_scope.cancel()
            tg.start_soon(call, "c")
    assert served == ["a", "c"]
    assert len(limiter._turns) == 0

    # Cancelling the first in line while it sleeps hands the turn on.
    await limiter.acquire([Cost("q")])
    with anyio.fail_after(3):
        async with anyio.create_task_group() as tg, anyio.create_task_group() as doomed:
            doomed.start_soon(call, "head")
            await anyio.sleep(0.01)
            tg.start_soon(call, "next")
            await anyio.sleep(0.01)
            doomed.cancel_scope.cancel()
    assert served == ["a", "c", "next"]
    assert len(limiter._turns) == 0


async def test_waiting_in_line_is_bounded_by_max_wait() -> None:
    limiter = RateLimiter("v", [Quota("q", 1, 300)], guard_ms=10, max_wait_s=5)
    await limiter.acquire([Cost("q")])
    outcomes: list[str] = []

    async def call(name: str) -> None:
        try:
            await limiter.acquire([Cost("q")])
            outcomes.append(f"{name} granted")
        except RateLimited as exc:
            outcomes.append(f"{name} refused " + ("in line" if "in line" in str(exc) else "by the wait"))

    with anyio.fail_after(2):
        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "head")
            await anyio.sleep(0.01)
            limiter.max_wait_s = 0.1
            tg.start_soon(call, "impatient")
    assert outcomes == ["impatient refused in line", "head granted"]
    assert len(limiter._turns) == 0


async def test_a_line_for_one_quota_does_not_hold_up_another() -> None:
    limiter = RateLimiter("v", [Quota("slow", 1, 500), Quota("fast", 100, 1000)], guard_ms=10)
    await limiter.acquire([Cost("slow")])
    with anyio.fail_after(2):
        async with anyio.create_task_group() as tg:
            tg.start_soon(limiter.acquire, [Cost("slow")])
            await anyio.sleep(0.01)
            started = anyio.current_time()
            await limiter.acquire([Cost("fast")])
            assert anyio.current_time() - started < 0.05
            tg.cancel_scope.cancel()


# --- blocks ---------------------------------------------------------------------------------------------


async def test_limiter_refuses_to_send_into_a_long_ban() -> None:
    clock = _Clock(0)
    limiter = RateLimiter("v", [Quota("w", 10, 1000)], now_ms=clock, max_wait_s=5)
    await limiter.block(120_000, "ban: 418", scope=Scope.IP)
    with pytest.raises(IPBanned) as info:
        await limiter.acquire([Cost("w")])
    assert info.value.retry_after == 120.0


async def test_short_block_is_waited_out() -> None:
    limiter = RateLimiter("v", [Quota("w", 10, 1000)], max_wait_s=5)
    now = limiter._now()
    await limiter.block(now + 50, "retry-after", quota="w")
    with anyio.fail_after(2):
        await limiter.acquire([Cost("w")])
    assert limiter.waited_ms >= 40


async def test_wait_longer_than_allowed_raises() -> None:
    clock = _Clock(0)
    limiter = RateLimiter("v", [Quota("o", 1, 60_000, Scope.ACCOUNT)], now_ms=clock, max_wait_s=1)
    await limiter.acquire([Cost("o")])
    with pytest.raises(RateLimited):
        await limiter.acquire([Cost("o")])


async def test_observed_usage_raises_counter() -> None:
    clock = _Clock(60_000)
    limiter = RateLimiter("v", [Quota("w", 10, 60_000)], now_ms=clock, max_wait_s=0)
    await limiter.observe_usage("w", 10)
    with pytest.raises(RateLimited):
        await limiter.acquire([Cost("w")])
