"""A Binance simulator served by uvicorn in its own process, and order-placing workers sharing limits through Redis.

The simulator and the clients use the same rescaled quotas (Binance's documented kinds, per second instead
of per minute so a run takes seconds): request weight per IP, new orders per account.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from decimal import Decimal
from multiprocessing.connection import Connection
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any, Literal

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.config import VENUE
from venuekit.connectors.binance_usdm.limits import ORDERS_1M, ORDERS_10S, WEIGHT_1M
from venuekit.core import Credentials, OrderRequest, Side
from venuekit.core.errors import VenueError
from venuekit.core.ratelimit import Quota, RateLimiter, Scope
from venuekit.core.ratelimit.redis_store import LimiterUnavailable, RedisStore

WEIGHT_PER_S = 100
ORDERS_PER_S = 60
#: The second order window is kept but never binds (a 1 s window too: the local fallback holds one span).
ORDERS_LOOSE = 100_000
CLIENT_QUOTAS = (
    Quota(WEIGHT_1M, WEIGHT_PER_S, 1000, Scope.IP),
    Quota(ORDERS_10S, ORDERS_PER_S, 1000, Scope.ACCOUNT),
    Quota(ORDERS_1M, ORDERS_LOOSE, 1000, Scope.ACCOUNT),
)
SYMBOL = "BTC/USDT:USDT"


def serve(keys: list[tuple[str, str]], conn: Connection) -> None:
    """Child process: the simulator with the rescaled limits on a loopback port; answers `stats` until `stop`."""
    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
    from venuekit.connectors.binance_usdm.simulator import limits as sim_limits
    from venuekit.core.simulator import server_thread

    sim = BinanceUSDMSimulator()
    sim.limits.define(sim_limits.WEIGHT, WEIGHT_PER_S, 1000)
    sim.limits.define(sim_limits.ORDERS_10S, ORDERS_PER_S, 1000)
    sim.limits.define(sim_limits.ORDERS_1M, ORDERS_LOOSE, 1000)
    accounts = {key: sim.add_account(key, secret, {"USDT": Decimal(10_000_000)}) for key, secret in keys}
    with server_thread(sim, "127.0.0.1", 0) as url:
        conn.send(url)
        while conn.recv() == "stats":
            orders = {
                key: [(o.client_order_id, o.created_ms) for o in sim.exchange.account(account).orders.values()]
                for key, account in accounts.items()
            }
            conn.send({
                "violations": sim.limits.violations,
                "by_key": dict(sim.limits.violations_by_key),
                "banned": sim.limits.banned_until("127.0.0.1") is not None,
                "orders": orders,
            })
    conn.send("stopped")


@dataclass
class WorkerReport:
    """What one worker did: orders the venue acknowledged, ids never sent, other errors, when Redis went away."""

    key: str
    acked: list[str] = field(default_factory=list)
    unsent: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unavailable_ms: int | None = None
    degraded: bool = False


async def _place(
    url: str, redis_url: str, prefix: str, creds: tuple[str, str], options: dict[str, Any],
    ready: Barrier, schedule: Queue[tuple[int, int]],
) -> WorkerReport:
    key, secret = creds
    report = WorkerReport(key)
    on_unavailable: Literal["raise", "local"] = options.get("on_unavailable", "raise")
    store = RedisStore.from_url(
        redis_url, prefix=prefix, on_unavailable=on_unavailable, process_count=options.get("process_count", 1),
        timeout_s=0.2, retry_s=60,
    )
    credentials = Credentials.of(key, secret)
    async with store, BinanceUSDM(credentials, base_url=url, limiter_store=store) as venue:
        await venue.load_instruments()
        venue.raw.rest.limiter = RateLimiter(
            VENUE, CLIENT_QUOTAS, store=store, scope_ids={Scope.ACCOUNT: credentials.account_tag}, max_wait_s=10
        )
        ready.wait(30)
        start_ms, end_ms = schedule.get(timeout=30)
        await asyncio.sleep(max(0, start_ms - time.time() * 1000) / 1000)
        stop = asyncio.Event()

        async def loop() -> None:
            while not stop.is_set() and time.time() * 1000 < end_ms:
                cid = venue.client_order_ids.new()
                request = OrderRequest.limit(SYMBOL, Side.BUY, Decimal("0.01"), Decimal(50_000), client_order_id=cid)
                try:
                    await venue.create_order(request)
                    report.acked.append(cid)
                except LimiterUnavailable:
                    report.unsent.append(cid)
                    report.unavailable_ms = report.unavailable_ms or int(time.time() * 1000)
                    stop.set()
                except VenueError as exc:
                    report.errors.append(f"{type(exc).__name__}: {exc}")
                    stop.set()

        await asyncio.gather(*(loop() for _ in range(options.get("tasks", 4))))
        report.degraded = store.degraded
    return report


def place(
    url: str, redis_url: str, prefix: str, creds: tuple[str, str], options: dict[str, Any],
    ready: Barrier, schedule: Queue[tuple[int, int]], out: Queue[WorkerReport],
) -> None:
    """Worker process: place resting limit orders as fast as the shared limits allow until the end time."""
    out.put(asyncio.run(_place(url, redis_url, prefix, creds, options, ready, schedule)))
