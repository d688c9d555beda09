"""Scale-out: 1, 4 and 8 processes sharing one simulator limit through Redis; portfolio snapshots of many accounts.

Process rows: the Binance simulator runs under uvicorn in its own process with its per-IP request weight
rescaled (e.g. 200 per 1 s, the documented kind of quota at a rate a short run can measure); N spawned
workers, each with its own client and account, share that quota through `RedisStore` on a redis-server
started for the run. Pass: zero violations counted by the simulator and >= 90 % of the allowed rate in
aggregate. Portfolio rows: one snapshot of N accounts spread over the three in-process simulators, cold
(instruments loaded on the way) and warm, with the Python memory it allocates at its peak.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing as mp
import shutil
import socket
import subprocess
import time
import tracemalloc
import uuid
from dataclasses import dataclass
from decimal import Decimal
from multiprocessing.connection import Connection
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from types import TracebackType
from typing import Any, Self

from venuekit.connectors.binance_usdm.config import VENUE
from venuekit.connectors.binance_usdm.limits import ORDERS_1M, ORDERS_10S, WEIGHT_1M
from venuekit.core.credentials import Credentials
from venuekit.core.errors import VenueError
from venuekit.core.ratelimit import Quota, RateLimiter, Scope
from venuekit.core.ratelimit.limiter import DEFAULT_GUARD_MS

from .common import Row, Sizes, rss_kib

SECTION = "scale-out"
LOOSE = 1_000_000


@dataclass(frozen=True)
class ScaleSizes:
    processes: tuple[int, ...]
    rate: int
    seconds: float
    tasks: int
    accounts: tuple[int, ...]

    @classmethod
    def of(cls, sizes: Sizes) -> ScaleSizes:
        if sizes.quick:
            return cls(processes=(2,), rate=100, seconds=2.4, tasks=4, accounts=(10, 30))
        return cls(processes=(1, 4, 8), rate=200, seconds=6.0, tasks=8, accounts=(10, 100, 300))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisProcess:
    """A throwaway loopback redis-server without persistence (None from `start()` when it is not installed)."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls) -> RedisProcess | None:
        binary = shutil.which("redis-server")
        if binary is None:
            return None
        server = cls()
        server.proc = subprocess.Popen(
            [binary, "--port", str(server.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis(port=server.port, socket_timeout=0.2, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline and server.proc.poll() is None:
                try:
                    if client.ping():
                        return server
                except redis.ConnectionError:
                    time.sleep(0.02)
        finally:
            client.close()
        server.stop()
        raise RuntimeError("redis-server did not answer PING")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)


def _serve(rate: int, keys: list[tuple[str, str]], conn: Connection) -> None:
    """Child: the Binance simulator with `rate` weight per 1 s per IP; answers `stats` until told to stop."""
    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
    from venuekit.connectors.binance_usdm.simulator import limits as sim_limits
    from venuekit.core.simulator import server_thread

    sim = BinanceUSDMSimulator()
    sim.limits.define(sim_limits.WEIGHT, rate, 1000)
    for key, secret in keys:
        sim.add_account(key, secret)
    with server_thread(sim, "127.0.0.1", 0) as url:
        conn.send(url)
        while conn.recv() == "stats":
            conn.send({"violations": sim.limits.violations, "by_key": dict(sim.limits.violations_by_key)})
    conn.send("stopped")


class SimProcess:
    """`with SimProcess(rate, keys) as sim: sim.url`; the simulator serves from a spawned child."""

    def __init__(self, rate: int, keys: list[tuple[str, str]]) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(rate, keys, child), daemon=True, name="bench-scale-sim")
        self.url = ""

    def __enter__(self) -> Self:
        self._proc.start()
        if not self._conn.poll(30):
            self._proc.kill()
            raise RuntimeError("simulator did not start")
        self.url = self._conn.recv()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"refusing non-loopback server URL {self.url!r}")
        return self

    def stats(self) -> dict[str, Any]:
        self._conn.send("stats")
        result: dict[str, Any] = self._conn.recv()
        return result

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        try:
            self._conn.send("stop")
            self._conn.poll(10)
        except (BrokenPipeError, EOFError, OSError):
            pass
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()


async def _hammer(
    url: str, redis_url: str, prefix: str, creds: tuple[str, str], rate: int, tasks: int,
    ready: Barrier, schedule: Queue[tuple[float, float]],
) -> tuple[list[float], int]:
    from venuekit.connectors.binance_usdm import BinanceUSDM
    from venuekit.core.ratelimit.redis_store import RedisStore

    credentials = Credentials.of(*creds)
    quotas = [Quota(WEIGHT_1M, rate, 1000, Scope.IP), Quota(ORDERS_10S, LOOSE, 1000, Scope.ACCOUNT),
              Quota(ORDERS_1M, LOOSE, 1000, Scope.ACCOUNT)]
    done: list[float] = []
    failed = 0
    async with RedisStore.from_url(redis_url, prefix=prefix) as store, BinanceUSDM(
        credentials, base_url=url, limiter_store=store
    ) as venue:
        await venue.load_instruments()
        venue.raw.rest.limiter = RateLimiter(
            VENUE, quotas, store=store, scope_ids={Scope.ACCOUNT: credentials.account_tag}, max_wait_s=30
        )
        ready.wait(60)
        start, end = schedule.get(timeout=60)
        await asyncio.sleep(max(0.0, start - time.time()))

        async def loop() -> None:
            nonlocal failed
            while time.time() < end:
                try:
                    await venue.raw.orders.open_orders(symbol="BTCUSDT")
                    done.append(time.time())
                except VenueError:
                    failed += 1

        await asyncio.gather(*(loop() for _ in range(tasks)))
    return done, failed


def _worker(
    url: str, redis_url: str, prefix: str, creds: tuple[str, str], rate: int, tasks: int,
    ready: Barrier, schedule: Queue[tuple[float, float]], out: Queue[tuple[list[float], int]],
) -> None:
    out.put(asyncio.run(_hammer(url, redis_url, prefix, creds, rate, tasks, ready, schedule)))


def _processes(n: int, redis: RedisProcess, s: ScaleSizes) -> list[Row]:
    keys = [(f"vkbenchscale{i:04d}" * 4, f"vkbenchscalesecret{i:04d}" * 3) for i in range(n)]
    ctx = mp.get_context("spawn")
    with SimProcess(s.rate, keys) as sim:
        before = sim.stats()
        ready, schedule, out = ctx.Barrier(n + 1), ctx.Queue(), ctx.Queue()
        prefix = f"bench:{uuid.uuid4().hex[:8]}:"
        procs = [ctx.Process(target=_worker, args=(sim.url, redis.url, prefix, key, s.rate, s.tasks, ready,
                                                   schedule, out), daemon=True) for key in keys]
        for proc in procs:
            proc.start()
        ready.wait(120)
        start = time.time() + 0.3
        for _ in procs:
            schedule.put((start, start + s.seconds))
        results: list[tuple[list[float], int]] = [out.get(timeout=120) for _ in procs]
        for proc in procs:
            proc.join(timeout=30)
        stats = sim.stats()
    ok, failed = sum(len(r[0]) for r in results), sum(r[1] for r in results)
    violations = stats["violations"] - before["violations"]
    # A waiting crowd is granted in bursts one span (window + guard) apart: count whole spans after the first.
    span = (1000 + DEFAULT_GUARD_MS) / 1000
    spans = int((s.seconds - 0.75 * span) // span)
    begin = start + 0.75 * span
    steady = sum(begin <= t < begin + spans * span for r in results for t in r[0])
    achieved = steady / (spans * span)
    quota = f"{s.rate}/1s"
    extra = {"processes": n, "tasks_per_process": s.tasks, "seconds": s.seconds, "ok": ok, "failed": failed,
             "per_process": [len(r[0]) for r in results], "allowed_per_s": s.rate,
             "violations_by_key": stats["by_key"]}
    label = f"{n} process{'es' if n > 1 else ''}"
    return [
        Row(SECTION, f"{label}: violations seen by the simulator ({quota} per IP)", float(violations), None,
            "count", against="-", limit=0, extra=extra),
        Row(SECTION, f"{label}: aggregate throughput vs allowed rate", achieved, float(s.rate), "calls/s",
            against="allowed rate", better="higher", limit=0.9, extra=extra),
    ]


def _accounts(n: int) -> tuple[list[Any], list[Any]]:
    """`n` accounts over the three in-process simulators, one shared limiter store per venue (one IP)."""
    from venuekit.connectors.binance_usdm import BinanceUSDM
    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
    from venuekit.connectors.bingx import BingX
    from venuekit.connectors.bingx.simulator import BingXSimulator
    from venuekit.connectors.gate_crossex import GateCrossEx
    from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
    from venuekit.core.ratelimit import MemoryStore

    kinds: list[tuple[Any, Any, dict[str, Any]]] = [
        (BingX, BingXSimulator(), {}), (BinanceUSDM, BinanceUSDMSimulator(), {}),
        (GateCrossEx, GateCrossExSimulator(), {"default_exchange": "BINANCE"}),
    ]
    stores = [MemoryStore() for _ in kinds]
    accounts = []
    for i in range(n):
        cls, sim, kw = kinds[i % 3]
        sim.add_account(f"k{i}", f"s{i}", {"USDT": Decimal(1000)})
        accounts.append((f"{sim.venue}/{i}", cls.from_simulator(sim, f"k{i}", f"s{i}",
                                                                limiter_store=stores[i % 3], **kw)))
    return accounts, [sim for _, sim, _ in kinds]


async def _snapshot_costs(n: int) -> dict[str, Any]:
    from venuekit.core.portfolio import Portfolio

    gc.collect()
    rss_before = rss_kib()
    accounts, sims = _accounts(n)
    portfolio = Portfolio(accounts, deadline_s=60, include_orders=False)
    began = time.perf_counter()
    cold = await portfolio.snapshot()
    cold_s = time.perf_counter() - began
    rss_after = rss_kib()
    began = time.perf_counter()
    warm = await portfolio.snapshot()
    warm_s = time.perf_counter() - began
    gc.collect()
    tracemalloc.start()
    traced = await portfolio.snapshot()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for _, venue in accounts:
        await venue.close()
    return {"accounts": n, "cold_s": cold_s, "warm_s": warm_s, "warm_peak_kib": peak / 1024,
            "rss_growth_kib": rss_after - rss_before,
            "failed": len(cold.failed) + len(warm.failed) + len(traced.failed),
            "violations": sum(sim.limits.violations for sim in sims)}


def _portfolio_rows(s: ScaleSizes) -> list[Row]:
    rows: list[Row] = []
    for n in s.accounts:
        costs = asyncio.run(_snapshot_costs(n))
        rows += [
            Row(SECTION, f"portfolio of {n} accounts: cold snapshot (instruments loaded)", costs["cold_s"] * 1000,
                None, "ms", against="-", extra=costs),
            Row(SECTION, f"portfolio of {n} accounts: warm snapshot", costs["warm_s"] * 1000, None, "ms",
                against="-", extra=costs),
            Row(SECTION, f"portfolio of {n} accounts: warm snapshot per account", costs["warm_s"] * 1e6 / n, None,
                "us", against="-", extra=costs),
            Row(SECTION, f"portfolio of {n} accounts: Python memory peak of a warm snapshot",
                costs["warm_peak_kib"], None, "KiB", against="-", extra=costs),
            Row(SECTION, f"portfolio of {n} accounts: RSS growth (simulators, clients, first snapshot)",
                costs["rss_growth_kib"] / 1024, None, "MiB", against="-", extra=costs),
            Row(SECTION, f"portfolio of {n} accounts: accounts failed or violations", float(costs["failed"] +
                costs["violations"]), None, "count", against="-", limit=0, extra=costs),
        ]
    return rows


def run(sizes: Sizes) -> list[Row]:
    s = ScaleSizes.of(sizes)
    rows = _portfolio_rows(s)
    redis = RedisProcess.start()
    if redis is None:
        print("[scale-out: redis-server not installed; process rows skipped]", flush=True)
        return rows
    try:
        for n in s.processes:
            rows += _processes(n, redis, s)
    finally:
        redis.stop()
    return rows
