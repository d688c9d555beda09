"""The limiter's synchronous path on a plain `MemoryStore`: same grants as the awaited path, never a quota
exceeded, never ahead of a task already in line; merged same-millisecond log entries change no answer."""

from __future__ import annotations

import random

import anyio
import anyio.lowlevel
import pytest
from counting_store import CountingStore
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from venuekit.core import Cost, IPBanned, Quota, RateLimited, RateLimiter, Scope
from venuekit.core.ratelimit import MemoryStore
from venuekit.core.ratelimit.sliding import SlidingLog, wait_ms


class _Clock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


QUOTAS = (Quota("w", 12, 1000), Quota("o", 5, 300, Scope.ACCOUNT))
COSTS = ((Cost("w", 1),), (Cost("w", 3), Cost("o", 1)), (Cost("o", 2),), (Cost("w", 5), Cost("o", 5)), ())


def test_only_a_plain_memory_store_takes_the_synchronous_path() -> None:
    assert RateLimiter("v", QUOTAS)._memory is not None
    assert RateLimiter("v", QUOTAS, store=CountingStore())._memory is None
    limiter = RateLimiter("v", QUOTAS, store=CountingStore())
    limiter.store = MemoryStore()
    assert limiter._memory is limiter.store, "assigning a store re-decides"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 200), st.integers(0, len(COSTS) - 1), st.sampled_from([None, 0, 4, 9, 20])),
        min_size=1, max_size=120,
    ),
)
async def test_fast_and_awaited_paths_grant_and_refuse_alike(steps: list[tuple[int, int, int | None]]) -> None:
    """Same clock, costs and venue usage reports: every acquire has the same outcome on both paths."""
    clock = _Clock(10_000)
    fast = RateLimiter("v", QUOTAS, now_ms=clock, max_wait_s=0)
    slow = RateLimiter("v", QUOTAS, store=CountingStore(), now_ms=clock, max_wait_s=0)
    assert fast._memory is not None and slow._memory is None
    for gap, which, reported in steps:
        clock.now += gap
        outcomes = []
        for limiter in (fast, slow):
            if reported is not None:
                await limiter.observe_usage("w", reported)
            try:
                await limiter.acquire(COSTS[which])
                outcomes.append("granted")
            except RateLimited as exc:
                outcomes.append(f"refused {exc.retry_after}")
        assert outcomes[0] == outcomes[1]
        for quota in QUOTAS:
            key = fast.key(quota)
            span = quota.window_ms + fast.guard_ms
            used = fast.store.usage(key, span, clock.now)  # type: ignore[attr-defined]
            assert used == slow.store.usage(key, span, clock.now)  # type: ignore[attr-defined]
            charged = any(c.quota == quota.name for c in COSTS[which])
            assert used <= quota.limit or not (charged and outcomes[0] == "granted"), "a grant never overfills"


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_flood_on_a_plain_memory_store_is_fair_and_never_over_the_limit(seed: int) -> None:
    window, guard, limit, rng = 1000, 50, 40, random.Random(seed)
    clock = _Clock(1_000_000 + rng.randrange(1000))
    limiter = RateLimiter("v", [Quota("q", limit, window)], now_ms=clock, max_wait_s=3600)
    assert limiter._memory is not None
    grants: list[tuple[int, int]] = []
    order: list[int] = []
    costs = [rng.choice((1, 2, 3)) for _ in range(limit * 8)]

    async def sleep(ms: int) -> None:
        clock.now += ms
        await anyio.lowlevel.checkpoint()

    limiter._sleep = sleep  # type: ignore[method-assign]

    async def call(i: int) -> None:
        await limiter.acquire([Cost("q", costs[i])])
        grants.append((clock.now, costs[i]))
        order.append(i)

    async with anyio.create_task_group() as tg:
        for i in range(len(costs)):
            tg.start_soon(call, i)
            if rng.random() < 0.2:
                await anyio.lowlevel.checkpoint()
    assert order == list(range(len(costs))), "first come, first served"
    for i, (t, _) in enumerate(grants):
        assert sum(u for s, u in grants[: i + 1] if s >= t - (window + guard)) <= limit
    assert len(limiter._turns) == 0


async def test_a_newcomer_that_fits_does_not_overtake_a_waiter() -> None:
    """A waiter needs 3 units (2 free); a later 1-unit request would fit at once but must queue behind it."""
    limiter = RateLimiter("v", [Quota("q", 3, 200)], guard_ms=10, max_wait_s=5)
    await limiter.acquire([Cost("q", 1)])
    served: list[str] = []

    async def call(name: str, units: int) -> None:
        await limiter.acquire([Cost("q", units)])
        served.append(name)

    with anyio.fail_after(3):
        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "big", 3)
            await anyio.sleep(0.02)
            tg.start_soon(call, "small", 1)
            await anyio.sleep(0.02)
            assert served == [], "the newcomer fits now but someone is in line"
    assert served == ["big", "small"]
    assert len(limiter._turns) == 0


async def test_blocks_still_stop_the_synchronous_path() -> None:
    clock = _Clock(50_000)
    limiter = RateLimiter("v", QUOTAS, now_ms=clock, max_wait_s=1)
    await limiter.block(clock.now + 5_000, "ban: test", scope=Scope.IP)
    with pytest.raises(IPBanned):
        await limiter.acquire([Cost("w")])
    with pytest.raises(IPBanned):
        await limiter.acquire([])
    clock.now += 5_001
    await limiter.acquire([Cost("w")])


async def test_a_cost_above_the_limit_is_refused_on_a_plain_memory_store() -> None:
    limiter = RateLimiter("v", [Quota("w", 5, 1000)], max_wait_s=30)
    with anyio.fail_after(1), pytest.raises(RateLimited, match="never fits"):
        await limiter.acquire([Cost("w", 6)])


@pytest.mark.parametrize("store_type", [MemoryStore, CountingStore])
async def test_observe_usages_equals_one_observe_per_quota(store_type: type[MemoryStore]) -> None:
    clock = _Clock(123_456)
    one, many = (RateLimiter("v", QUOTAS, store=store_type(), now_ms=clock) for _ in range(2))
    reports = {"w": 7, "o": 3, "unknown": 99}
    for quota, used in reports.items():
        await one.observe_usage(quota, used)
    await many.observe_usages(reports)
    for quota in QUOTAS:
        usage = [lim.store.usage(lim.key(quota), quota.window_ms, clock.now) for lim in (one, many)]  # type: ignore[attr-defined]
        assert usage[0] == usage[1] == reports[quota.name]


class _NaiveLog:
    """Every grant kept as its own entry (the clock going back stamps at the last time): the reference.

    Like the real log, a trim is final: entries older than the latest cutoff seen stay forgotten.
    """

    def __init__(self) -> None:
        self.grants: list[tuple[int, int]] = []
        self.cutoff = -(2**62)

    def add(self, time_ms: int, units: int) -> None:
        last = self.grants[-1][0] if self.grants else time_ms
        self.grants.append((max(time_ms, last), units))

    def live(self) -> list[tuple[int, int]]:
        return [(t, u) for t, u in self.grants if t >= self.cutoff]

    def used_since(self, start_ms: int) -> int:
        return sum(u for t, u in self.live() if t >= start_ms)

    def wait(self, units: int, limit: int, span_ms: int, now_ms: int) -> int:
        self.cutoff = max(self.cutoff, now_ms - span_ms)
        live = self.live()
        excess = sum(u for _, u in live) + units - limit
        if excess <= 0:
            return 0
        running = 0
        for t, u in live:
            running += u
            if running >= excess:
                return t + span_ms + 1 - now_ms
        return span_ms + 1


@settings(max_examples=120, deadline=None)
@given(
    ops=st.lists(st.tuples(st.integers(-3, 40), st.integers(1, 5), st.booleans()), min_size=1, max_size=300),
    limit=st.integers(1, 25),
    span=st.integers(5, 120),
)
def test_merged_log_answers_like_one_entry_per_grant(ops: list[tuple[int, int, bool]], limit: int, span: int) -> None:
    log, naive, now = SlidingLog(), _NaiveLog(), 1_000
    for gap, units, grant in ops:
        now += gap
        wait = wait_ms(log, units, limit, span, now)
        assert wait == naive.wait(units, limit, span, now)
        assert log.used_since(now - span // 2) == naive.used_since(now - span // 2)
        if grant or wait == 0:
            log.add(now, units)
            naive.add(now, units)
    assert len(log) <= len(naive.grants)
    assert log.times[log.head:] == sorted(set(log.times[log.head:])), "one entry per millisecond"


async def test_a_cost_list_changed_between_calls_is_read_afresh() -> None:
    """Plans are remembered by identity only for tuples; a caller's list may change between calls."""
    clock = _Clock(0)
    limiter = RateLimiter("v", [Quota("w", 5, 1000)], now_ms=clock, max_wait_s=0)
    costs = [Cost("w", 1)]
    await limiter.acquire(costs)
    costs[0] = Cost("w", 4)
    await limiter.acquire(costs)
    assert limiter.store.usage(limiter.key(limiter.quotas["w"]), 1050, 0) == 5  # type: ignore[attr-defined]
    with pytest.raises(RateLimited):
        await limiter.acquire(costs)
