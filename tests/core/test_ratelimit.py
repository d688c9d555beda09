import anyio
import pytest

from venuekit.core import Cost, IPBanned, Quota, RateLimited, RateLimiter, Scope
from venuekit.core.ratelimit import MemoryStore, Reservation


class _Clock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


async def test_memory_store_is_all_or_nothing() -> None:
    store = MemoryStore()
    a, b = Reservation("a", 1, 2, 1000), Reservation("b", 1, 1, 1000)
    assert await store.reserve([a, b], 5_000) == 0
    assert await store.reserve([a, b], 5_100) == 900
    assert store.usage("a", 1000, 5_100) == 1, "a failed reservation must not charge any counter"
    assert await store.reserve([a], 5_100) == 0
    assert await store.reserve([b], 6_000) == 0, "a new window starts empty"


async def test_limiter_waits_for_the_next_window() -> None:
    clock = _Clock(10_000)
    limiter = RateLimiter("v", [Quota("w", 2, 100)], now_ms=clock)
    await limiter.acquire([Cost("w")])
    await limiter.acquire([Cost("w")])
    slept: list[float] = []

    async def sleep(ms: int) -> None:
        slept.append(ms)
        clock.now += ms

    limiter._sleep = sleep  # type: ignore[method-assign]
    await limiter.acquire([Cost("w")])
    assert slept == [100]


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
