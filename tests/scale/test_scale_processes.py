"""Many spawned processes on one Redis: no venue window overflows a shared quota, client order ids have one owner."""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from collections.abc import Callable, Sequence
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

import pytest
import scale_workers
from scale_support import RedisServer, span_peak, venue_peak

from venuekit.core.ratelimit.limiter import DEFAULT_GUARD_MS

WORKERS = 4
LIMIT, WINDOW_MS = scale_workers.HAMMER_QUOTA.limit, scale_workers.HAMMER_QUOTA.window_ms
FULL_WINDOWS = 3


@pytest.fixture
def spawn() -> SpawnContext:
    return multiprocessing.get_context("spawn")


def run_all(
    ctx: SpawnContext, target: Callable[..., None], calls: Sequence[tuple[tuple[Any, ...], dict[str, Any]]]
) -> list[SpawnProcess]:
    procs = [ctx.Process(target=target, args=args, kwargs=kwargs, daemon=True) for args, kwargs in calls]
    for proc in procs:
        proc.start()
    return procs


def join_all(procs: list[SpawnProcess]) -> None:
    for proc in procs:
        proc.join(timeout=20)
        assert proc.exitcode == 0, f"worker exited with {proc.exitcode}"


def test_processes_share_one_quota_without_exceeding_it(
    spawn: SpawnContext, redis_server: RedisServer, prefix: str
) -> None:
    ready, schedule, out = spawn.Barrier(WORKERS + 1), spawn.Queue(), spawn.Queue()
    procs = run_all(spawn, scale_workers.hammer, [((redis_server.url, prefix, ready, schedule, out), {})] * WORKERS)
    ready.wait(60)
    seconds, micros = redis_server.sync_client().time()
    now = seconds * 1000 + micros // 1000
    start = now - now % WINDOW_MS + WINDOW_MS
    if start - now < 200:
        start += WINDOW_MS
    end = start + FULL_WINDOWS * WINDOW_MS
    for _ in range(WORKERS):
        schedule.put((start, end))
    per_worker: list[list[int]] = [out.get(timeout=30) for _ in range(WORKERS)]
    join_all(procs)

    grants = [t for times in per_worker for t in times]
    per_window = Counter(t // WINDOW_MS for t in grants)
    assert max(per_window.values()) <= LIMIT, per_window
    # Any venue window, whatever its phase, with each request arriving up to the guard after its grant.
    assert span_peak([(t, 1) for t in grants], WINDOW_MS + DEFAULT_GUARD_MS) <= LIMIT
    assert venue_peak([(t, 1) for t in grants], WINDOW_MS, DEFAULT_GUARD_MS, random.Random(5)) <= LIMIT
    assert all(t >= start for t in grants)
    full = [per_window[(start // WINDOW_MS) + i] for i in range(FULL_WINDOWS)]
    assert sum(full) >= 0.9 * LIMIT * FULL_WINDOWS, full
    assert all(len(times) > 0 for times in per_worker), "a worker never got a unit"


def test_one_process_holds_a_client_order_id(spawn: SpawnContext, redis_server: RedisServer, prefix: str) -> None:
    ready, out = spawn.Barrier(WORKERS), spawn.Queue()
    call = ((redis_server.url, prefix, ready, "vkSAMEid1"), {"hold_s": 0.5, "out": out})
    procs = run_all(spawn, scale_workers.claim, [call] * WORKERS)
    outcomes = sorted(out.get(timeout=30) for _ in range(WORKERS))
    join_all(procs)
    assert outcomes == ["held"] + ["refused"] * (WORKERS - 1)


def test_client_order_ids_of_processes_never_collide(spawn: SpawnContext) -> None:
    count, out = 20_000, spawn.Queue()
    kinds = ["default", "gate"] * (WORKERS // 2)
    procs = run_all(spawn, scale_workers.make_ids, [((count, kind, out), {}) for kind in kinds])
    batches: list[list[str]] = [out.get(timeout=30) for _ in kinds]
    join_all(procs)
    assert all(len(set(batch)) == count for batch in batches)
    assert len(set().union(*batches)) == count * len(kinds)
