"""A redis-server child process for the scale-out tests, and the venue model their grants are checked against."""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Sequence

import pytest
import redis


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """One `redis-server` child process without persistence; can be stopped and started again on its port."""

    def __init__(self, port: int | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail(
                "redis-server is not installed; the scale-out tests need a real one. Run `make install` "
                "(it installs the redis-server package), or `apt-get install -y redis-server`.",
                pytrace=False,
            )
        self.binary = binary
        self.port = port or _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=0.2, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        try:
            while True:
                try:
                    if client.ping():
                        return
                except redis.ConnectionError:
                    pass
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"redis-server did not answer PING on port {self.port}", pytrace=False)
                time.sleep(0.02)
        finally:
            client.close()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None

    def sync_client(self) -> redis.Redis:
        return redis.Redis(port=self.port, decode_responses=True, socket_timeout=1)


def span_peak(grants: Sequence[tuple[int, int]], span_ms: int) -> int:
    """Most units granted within any closed interval of `span_ms` ms (grants as (ms, units), any order)."""
    ordered = sorted(grants)
    peak = total = lo = 0
    for t, units in ordered:
        total += units
        while ordered[lo][0] < t - span_ms:
            total -= ordered[lo][1]
            lo += 1
        peak = max(peak, total)
    return peak


def venue_peak(grants: Sequence[tuple[int, int]], window_ms: int, delay_ms: int, rng: random.Random) -> int:
    """Most units one fixed venue window counted, over random clock phases and send delays <= `delay_ms`.

    In microseconds: a grant stamped `t` ms leaves within that millisecond, travels 0..delay_ms (half
    the runs only the extremes), and the venue truncates its own clock to ms.
    """
    peak = 0
    for _ in range(20):
        phase, extremes = rng.randrange(window_ms * 1000), rng.random() < 0.5
        counts: Counter[int] = Counter()
        for t, units in grants:
            delay = rng.choice((0, delay_ms * 1000)) if extremes else rng.randrange(delay_ms * 1000 + 1)
            counts[(t * 1000 + rng.randrange(1000) + delay + phase) // 1000 // window_ms] += units
        peak = max(peak, max(counts.values(), default=0))
    return peak
