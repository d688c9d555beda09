"""Spawned workers, each with its own Binance client, hammer ONE served simulator through limits shared in Redis.

Account "a" is used by three workers and account "b" by one, so both the per-IP weight counter (all four
workers) and a per-account order counter (three workers) are shared between processes. The simulator's
own counters are the judge: zero violations, and its ledger must hold exactly the orders workers saw acked.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterator
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

import pytest
import scale_venue
from scale_support import RedisServer
from scale_venue import ORDERS_PER_S, WEIGHT_PER_S, WorkerReport

KEYS = {name: (f"vk-{name}-key-0123456789", f"vk-{name}-secret-0123456789") for name in "abcdef"}
WINDOW_MS = 1000


class ServedSimulator:
    """The simulator's child process: its URL, and its counters and ledger on demand."""

    def __init__(self, ctx: SpawnContext) -> None:
        self._conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=scale_venue.serve, args=(list(KEYS.values()), child), daemon=True)
        self.proc.start()
        assert self._conn.poll(30), "simulator did not start"
        self.url: str = self._conn.recv()
        assert self.url.startswith("http://127.0.0.1:")

    def stats(self) -> dict[str, Any]:
        self._conn.send("stats")
        result: dict[str, Any] = self._conn.recv()
        return result

    def stop(self) -> None:
        self._conn.send("stop")
        self._conn.poll(10)
        self.proc.join(timeout=10)
        if self.proc.is_alive():
            self.proc.kill()


@pytest.fixture(scope="module")
def spawn() -> SpawnContext:
    return multiprocessing.get_context("spawn")


@pytest.fixture(scope="module")
def served(spawn: SpawnContext) -> Iterator[ServedSimulator]:
    sim = ServedSimulator(spawn)
    yield sim
    sim.stop()


def run_workers(
    spawn: SpawnContext, served: ServedSimulator, redis_url: str, prefix: str, accounts: str,
    options: dict[str, Any], *, seconds: float, during: tuple[float, Callable[[], None]] | None = None,
) -> tuple[list[WorkerReport], int, int, int | None]:
    """One worker per letter of `accounts`; returns (reports, start_ms, end_ms, when `during` ran in ms)."""
    ready, schedule, out = spawn.Barrier(len(accounts) + 1), spawn.Queue(), spawn.Queue()
    procs: list[SpawnProcess] = [
        spawn.Process(
            target=scale_venue.place,
            args=(served.url, redis_url, prefix, KEYS[name], options, ready, schedule, out),
            daemon=True,
        )
        for name in accounts
    ]
    for proc in procs:
        proc.start()
    ready.wait(60)
    now = int(time.time() * 1000)
    start = now - now % WINDOW_MS + WINDOW_MS
    if start - now < 300:
        start += WINDOW_MS
    end = start + int(seconds * 1000)
    for _ in procs:
        schedule.put((start, end))
    ran_at = None
    if during is not None:
        time.sleep(max(0.0, start / 1000 + during[0] - time.time()))
        ran_at = int(time.time() * 1000)
        during[1]()
    reports: list[WorkerReport] = [out.get(timeout=30) for _ in procs]
    for proc in procs:
        proc.join(timeout=20)
        assert proc.exitcode == 0, f"worker exited with {proc.exitcode}"
    return reports, start, end, ran_at


def per_window(stats: dict[str, Any], keys: str) -> Counter[int]:
    return Counter(ms // WINDOW_MS for name in keys for _, ms in stats["orders"][KEYS[name][0]])


def assert_ledger_matches(stats: dict[str, Any], reports: list[WorkerReport]) -> None:
    """Every order the simulator holds was acked to exactly one worker, and no unsent id reached it."""
    for key in {r.key for r in reports}:
        held = Counter(cid for cid, _ in stats["orders"][key])
        acked = Counter(cid for r in reports if r.key == key for cid in r.acked)
        unsent = {cid for r in reports if r.key == key for cid in r.unsent}
        assert held == acked, f"{key}: {len(held)} held vs {len(acked)} acked"
        assert max(held.values(), default=1) == 1
        assert not unsent & set(held)


def test_workers_share_ip_and_account_limits_at_the_allowed_rate(
    spawn: SpawnContext, served: ServedSimulator, redis_server: RedisServer, prefix: str
) -> None:
    before = served.stats()
    reports, start, end, _ = run_workers(spawn, served, redis_server.url, prefix, "aaab", {}, seconds=2)
    stats = served.stats()

    assert stats["violations"] == before["violations"], stats["by_key"]
    assert not stats["banned"]
    assert all(not r.errors and not r.unsent for r in reports), [r.errors for r in reports]
    assert_ledger_matches(stats, reports)
    windows = per_window(stats, "ab")
    account_a = per_window(stats, "a")
    assert max(windows.values()) <= WEIGHT_PER_S and max(account_a.values()) <= ORDERS_PER_S
    full = [windows[w] for w in range(start // WINDOW_MS, end // WINDOW_MS)]
    assert sum(full) >= 0.9 * WEIGHT_PER_S * len(full), (full, dict(account_a))


def test_redis_gone_with_raise_stops_every_worker_cleanly(
    spawn: SpawnContext, served: ServedSimulator, own_redis: RedisServer, prefix: str
) -> None:
    before = served.stats()
    reports, start, _, stopped = run_workers(
        spawn, served, own_redis.url, prefix, "cccd", {"on_unavailable": "raise"}, seconds=5,
        during=(1.2, own_redis.stop),
    )
    stats = served.stats()
    assert stopped is not None

    assert all(r.unavailable_ms is not None and not r.errors for r in reports), [r.errors for r in reports]
    assert stats["violations"] == before["violations"] and not stats["banned"], stats["by_key"]
    assert_ledger_matches(stats, reports)
    created = [ms for name in "cd" for _, ms in stats["orders"][KEYS[name][0]]]
    assert sum(start <= ms < start + WINDOW_MS for ms in created) >= 0.9 * WEIGHT_PER_S
    # Only requests already granted when Redis went away reach the venue: nothing after.
    assert max(created) < stopped + 300


def test_redis_gone_with_local_fallback_continues_within_a_share_of_the_limits(
    spawn: SpawnContext, served: ServedSimulator, own_redis: RedisServer, prefix: str
) -> None:
    workers = "eeef"
    before = served.stats()
    options = {"on_unavailable": "local", "process_count": len(workers)}
    reports, start, end, stopped = run_workers(
        spawn, served, own_redis.url, prefix, workers, options, seconds=4, during=(1.2, own_redis.stop),
    )
    stats = served.stats()
    assert stopped is not None

    assert all(r.degraded and not r.errors and not r.unsent for r in reports), [r.errors for r in reports]
    assert stats["violations"] == before["violations"] and not stats["banned"], stats["by_key"]
    assert_ledger_matches(stats, reports)
    windows = per_window(stats, "ef")
    assert windows[start // WINDOW_MS] >= 0.9 * WEIGHT_PER_S, dict(windows)
    # Nothing local until the grants made through Redis have aged out (one span after the outage began) ...
    created = sorted(ms for name in "ef" for _, ms in stats["orders"][KEYS[name][0]])
    assert not [ms for ms in created if stopped + 300 < ms < stopped + WINDOW_MS], created
    # ... then each process keeps 1/4 of each quota: 15 orders/s, at most 60 per window for the four.
    share = ORDERS_PER_S // len(workers) * len(workers)
    after = [windows[w] for w in range(stopped // WINDOW_MS + 2, end // WINDOW_MS)]
    assert after and all(0.8 * share <= n <= share for n in after), (after, dict(windows))
