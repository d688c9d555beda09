"""Bodies of the spawned worker processes of the scale-out tests (importable by name in a fresh interpreter)."""

from __future__ import annotations

import asyncio
import string
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from venuekit.core.idempotency import ClientOrderIds
from venuekit.core.idempotency_redis import ClientOrderIdInUse, reserve_client_order_id
from venuekit.core.ratelimit import Cost, Quota, RateLimiter
from venuekit.core.ratelimit.redis_store import RedisStore

HAMMER_QUOTA = Quota("orders", 50, 1000)


async def _hammer(url: str, prefix: str, ready: Barrier, schedule: Queue[tuple[int, int]]) -> list[int]:
    async with RedisStore.from_url(url, prefix=prefix) as store:
        limiter = RateLimiter("scalevenue", [HAMMER_QUOTA], store=store, max_wait_s=10)
        await store.server_time_ms()
        ready.wait(30)
        start_ms, end_ms = schedule.get(timeout=30)
        await asyncio.sleep(max(0, start_ms - await store.server_time_ms()) / 1000)
        grants: list[int] = []
        while True:
            await limiter.acquire([Cost("orders")])
            assert store.last_server_ms is not None
            grants.append(store.last_server_ms)
            if store.last_server_ms >= end_ms:
                return grants


def hammer(url: str, prefix: str, ready: Barrier, schedule: Queue[tuple[int, int]], out: Queue[list[int]]) -> None:
    """Take units of one shared quota as fast as the limiter allows; report the Redis time of each grant."""
    out.put(asyncio.run(_hammer(url, prefix, ready, schedule)))


async def _claim(url: str, prefix: str, ready: Barrier, client_order_id: str, hold_s: float) -> str:
    async with RedisStore.from_url(url, prefix=prefix) as store:
        await store.server_time_ms()
        ready.wait(30)
        try:
            async with reserve_client_order_id(store, "scalevenue", client_order_id, ttl_ms=10_000):
                await asyncio.sleep(hold_s)
                return "held"
        except ClientOrderIdInUse:
            return "refused"


def claim(url: str, prefix: str, ready: Barrier, client_order_id: str, *, hold_s: float, out: Queue[str]) -> None:
    """Try to reserve one client order id at the same moment as the other workers; report the outcome."""
    out.put(asyncio.run(_claim(url, prefix, ready, client_order_id, hold_s)))


def make_ids(count: int, venue_like: str, out: Queue[list[str]]) -> None:
    """Generate ids the way a venue's unified client does in this process."""
    if venue_like == "gate":
        ids = ClientOrderIds(prefix="vk", max_length=28, alphabet=string.ascii_lowercase + string.digits)
    else:
        ids = ClientOrderIds()
    out.put([ids.new() for _ in range(count)])
