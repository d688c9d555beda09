"""Redis going away mid-run: a clear error or per-process limits with one warning; never a hang."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import anyio
import pytest
from scale_support import RedisServer

from venuekit.core.clock import local_ms
from venuekit.core.errors import IPBanned, VenueError
from venuekit.core.idempotency_redis import ClientOrderIdInUse, reserve_client_order_id
from venuekit.core.ratelimit import Cost, Quota, RateLimiter, Reservation, Scope
from venuekit.core.ratelimit.redis_store import LimiterUnavailable, RedisStore

QUOTA = Quota("orders", 1000, 1000)


async def test_redis_stopped_mid_run_raises_a_clear_error(own_redis: RedisServer) -> None:
    store = RedisStore.from_url(own_redis.url, timeout_s=0.3)
    limiter = RateLimiter("v", [QUOTA], store=store)
    granted, stopped_at = 0, 0.0
    with anyio.fail_after(5), pytest.raises(LimiterUnavailable) as caught:
        while True:
            await limiter.acquire([Cost("orders")])
            granted += 1
            if granted == 50:
                own_redis.stop()
                stopped_at = time.monotonic()
    assert time.monotonic() - stopped_at < 2
    assert granted == 50
    assert isinstance(caught.value, VenueError)
    assert "unreachable" in str(caught.value) and "not sending" in str(caught.value)
    await store.aclose()


async def test_feedback_after_a_response_never_raises_but_the_next_send_does(own_redis: RedisServer) -> None:
    store = RedisStore.from_url(own_redis.url, timeout_s=0.3)
    limiter = RateLimiter("v", [QUOTA], store=store)
    await limiter.acquire([Cost("orders")])
    own_redis.stop()
    with anyio.fail_after(5):
        await limiter.observe_usage("orders", 10)
        await limiter.block(local_ms() + 60_000, "ban: HTTP 418", scope=Scope.IP)
        with pytest.raises(LimiterUnavailable):
            await limiter.acquire([Cost("orders")])
    assert await store.fallback.blocked([limiter.scope_block_key(Scope.IP)], local_ms()) is not None
    await store.aclose()


async def test_local_fallback_warns_once_then_recovers(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    store = RedisStore.from_url(own_redis.url, on_unavailable="local", process_count=4, timeout_s=0.3, retry_s=0.2)
    item = Reservation("v:orders:a", 1, 20, 1_000, guard_ms=50)
    assert await store.reserve([item], local_ms()) == 0
    await store.block("v:block:ip:local", local_ms() + 60_000, "ban: learned before the outage")
    own_redis.stop()
    caplog.set_level(logging.WARNING, logger="venuekit.ratelimit.redis")
    lost = local_ms()
    with anyio.fail_after(5):
        # Grants taken through Redis before it went away may still count: nothing local for one span.
        hold = await store.reserve([item], lost)
        later = lost + 1_100
        outcomes = [await store.reserve([item], later) for _ in range(6)]
        ban = await store.blocked(["v:block:ip:local"], later)
    assert 1_000 <= hold <= 1_051 + 300
    assert outcomes[:5] == [0] * 5 and outcomes[5] > 0  # 20 // 4 per process
    assert store.degraded
    assert ban is not None and ban[1] == "ban: learned before the outage"
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1

    own_redis.start()
    await anyio.sleep(0.25)
    with anyio.fail_after(5):
        assert await store.reserve([item], later) == 0
    assert not store.degraded
    assert any("reachable again" in r.getMessage() for r in caplog.records)
    await store.aclose()


async def test_limiter_keeps_working_on_local_fallback(own_redis: RedisServer) -> None:
    store = RedisStore.from_url(own_redis.url, on_unavailable="local", process_count=2, timeout_s=0.3)
    limiter = RateLimiter("v", [QUOTA], store=store, max_wait_s=0.5)
    await limiter.block(local_ms() + 30_000, "ban: HTTP 418", scope=Scope.IP)
    own_redis.stop()
    with anyio.fail_after(5), pytest.raises(IPBanned):
        await limiter.acquire([Cost("orders")])
    await store.aclose()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers: the shape of a hung Redis."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield int(sock.getsockname()[1])


async def test_unresponsive_redis_fails_within_the_timeout(silent_port: int) -> None:
    store = RedisStore.from_url(f"redis://127.0.0.1:{silent_port}", timeout_s=0.2)
    started = time.monotonic()
    with anyio.fail_after(3), pytest.raises(LimiterUnavailable):
        await store.reserve([Reservation("v:orders:a", 1, 10, 1000)], local_ms())
    assert time.monotonic() - started < 1.5
    await store.aclose()


async def test_client_order_id_claim_is_exclusive_and_expires(redis_server: RedisServer, prefix: str) -> None:
    async with RedisStore.from_url(redis_server.url, prefix=prefix) as one, RedisStore.from_url(
        redis_server.url, prefix=prefix
    ) as two:
        async with reserve_client_order_id(one, "v", "vkid1", ttl_ms=5_000):
            with pytest.raises(ClientOrderIdInUse) as caught:
                async with reserve_client_order_id(two, "v", "vkid1"):
                    pass
            assert caught.value.client_order_id == "vkid1"
            async with reserve_client_order_id(two, "v", "vkid2"):
                pass
        async with reserve_client_order_id(two, "v", "vkid1"):
            pass
        assert await one.claim("v:coid:vkid3", "crashed-holder", 100)
        assert not await two.claim("v:coid:vkid3", "someone", 100)
        await anyio.sleep(0.15)
        async with reserve_client_order_id(two, "v", "vkid3"):
            pass


async def test_client_order_id_claim_refuses_when_redis_is_down(own_redis: RedisServer) -> None:
    store = RedisStore.from_url(own_redis.url, timeout_s=0.3)
    own_redis.stop()
    with anyio.fail_after(3), pytest.raises(LimiterUnavailable):
        async with reserve_client_order_id(store, "v", "vkid1"):
            pass
    await store.aclose()
