"""Rate limiter at scale: thousands of calls queued at once against the Gate CrossEx simulator over uvicorn.

The document gives `GET /open_orders` "200 requests per 10 seconds" per user; both the simulator and the
client limiter get that quota rescaled to the same tighter numbers (e.g. 400 per 1 s) so the run takes
~10-20 s. Pass: the simulator saw zero limit violations and throughput reached >= 90 % of the allowed rate.
"""

from __future__ import annotations

import asyncio
import time

from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.connectors.gate_crossex.config import VENUE
from venuekit.connectors.gate_crossex.limits import QUOTAS
from venuekit.core.credentials import Credentials
from venuekit.core.errors import VenueError
from venuekit.core.ratelimit import Quota, RateLimiter, Scope

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes
from .server import CLIENT_CPU, ServerProcess, pin, unpin

SECTION = "rate limiter"
QUOTA = "orders.list_open_orders"
SIM_BUCKET = "GET /api/v4/crossex/open_orders"


def _client(url: str, limit: int, window_ms: int) -> GateCrossExClient:
    client = GateCrossExClient(Credentials.of(FAKE_KEY, FAKE_SECRET), base_url=url, sync_clock=False)
    quotas = [Quota(q.name, limit, window_ms, q.scope) if q.name == QUOTA else q for q in QUOTAS]
    limiter = RateLimiter(VENUE, quotas, scope_ids={Scope.ACCOUNT: FAKE_KEY[:8]}, max_wait_s=120.0)
    client.limiter = client.rest.limiter = limiter
    return client


async def _flood(url: str, sizes: Sizes) -> tuple[float, int, int]:
    """All calls queued at once; returns (seconds, ok, failed)."""
    client = _client(url, sizes.limiter_rate, sizes.limiter_window_ms)
    ok = failed = 0

    async def one() -> None:
        nonlocal ok, failed
        try:
            await client.orders.list_open_orders()
            ok += 1
        except VenueError:
            failed += 1

    try:
        start = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(sizes.limiter_calls)))
        elapsed = time.perf_counter() - start
    finally:
        await client.aclose()
    return elapsed, ok, failed


def run(sizes: Sizes) -> list[Row]:
    options = {"key": FAKE_KEY, "secret": FAKE_SECRET, "bucket": SIM_BUCKET, "limit": sizes.limiter_rate,
               "window_ms": sizes.limiter_window_ms}
    with ServerProcess("gate-sim", options) as server:
        before = pin(CLIENT_CPU)
        try:
            elapsed, ok, failed = asyncio.run(_flood(server.url, sizes))
        finally:
            unpin(before)
        stats = server.stats()
    allowed = sizes.limiter_rate * 1000 / sizes.limiter_window_ms
    achieved = ok / elapsed
    quota = f"{sizes.limiter_rate}/{sizes.limiter_window_ms / 1000:g}s"
    extra = {"calls": sizes.limiter_calls, "ok": ok, "failed": failed, "seconds": elapsed,
             "allowed_per_s": allowed, "violations_by_key": stats["by_key"]}
    return [
        Row(SECTION, f"violations seen by the simulator ({sizes.limiter_calls} calls, {quota})",
            float(stats["violations"]), None, "count", against="-", limit=0, extra=extra),
        Row(SECTION, "calls that failed", float(failed), None, "count", against="-", limit=0, extra=extra),
        Row(SECTION, "throughput vs allowed rate", achieved, allowed, "calls/s", against="allowed rate",
            better="higher", limit=0.9, extra=extra),
    ]
