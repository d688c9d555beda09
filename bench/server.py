"""Loopback servers in their own process (the machine may have 2 cores): fixed answers or a venue simulator."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any, Self

import orjson

from .payloads import binance_body

Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]
Stats = Callable[[], dict[str, Any]]

#: The server process runs on this CPU, the measuring client on `CLIENT_CPU` (on machines with 2+ CPUs).
SERVER_CPU = 1
CLIENT_CPU = 0

BINANCE_HEADERS = [
    (b"content-type", b"application/json"),
    (b"x-mbx-used-weight-1m", b"1"),
    (b"x-mbx-order-count-10s", b"1"),
    (b"x-mbx-order-count-1m", b"1"),
]


class FixedApp:
    """ASGI app answering Binance paths with fixed bodies: the documented new-order example, time, exchangeInfo."""

    def __init__(self, exchange_info: bytes) -> None:
        self.order = binance_body("binance_order")
        self.exchange_info = exchange_info
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        while (await receive()).get("more_body", False):
            pass
        self.requests += 1
        method, path = scope["method"], scope["path"]
        status, body = 200, b""
        if method == "POST" and path == "/fapi/v1/order":
            body = self.order
        elif path == "/fapi/v1/time":
            body = orjson.dumps({"serverTime": time.time_ns() // 1_000_000})
        elif path == "/fapi/v1/exchangeInfo":
            body = self.exchange_info
        else:
            status, body = 404, b'{"code":-1099,"msg":"Not found"}'
        await send({"type": "http.response.start", "status": status, "headers": BINANCE_HEADERS})
        await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def _fixed(options: dict[str, Any]) -> tuple[Any, Stats]:
    app = FixedApp(options["exchange_info"])
    return app, lambda: {"requests": app.requests}


def _gate_sim(options: dict[str, Any]) -> tuple[Any, Stats]:
    """Gate CrossEx simulator with one endpoint's documented quota rescaled (same numbers as the client's)."""
    from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

    sim = GateCrossExSimulator()
    sim.add_account(options["key"], options["secret"])
    sim.limits.define(options["bucket"], options["limit"], options["window_ms"])

    def stats() -> dict[str, Any]:
        return {"violations": sim.limits.violations, "by_key": dict(sim.limits.violations_by_key)}

    return sim, stats


FACTORIES: dict[str, Callable[[dict[str, Any]], tuple[Any, Stats]]] = {"fixed": _fixed, "gate-sim": _gate_sim}


def pin(cpu: int) -> set[int] | None:
    """Pin this process to one CPU when there are at least two (returns the previous set to restore)."""
    if not hasattr(os, "sched_setaffinity") or (os.cpu_count() or 1) < 2:
        return None
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {cpu})
    return before


def unpin(before: set[int] | None) -> None:
    if before is not None:
        os.sched_setaffinity(0, before)


def _child(kind: str, options: dict[str, Any], conn: Connection) -> None:
    from venuekit.core.simulator import server_thread

    pin(SERVER_CPU)
    app, stats = FACTORIES[kind](options)
    with server_thread(app, "127.0.0.1", 0) as url:
        conn.send(url)
        while True:
            command = conn.recv()
            if command == "stats":
                conn.send(stats())
            else:
                break
    conn.send("stopped")


class ServerProcess:
    """`with ServerProcess("fixed", {...}) as server: server.url`; uvicorn runs in a spawned child process."""

    def __init__(self, kind: str, options: dict[str, Any], *, start_timeout_s: float = 30.0) -> None:
        self.kind = kind
        self.options = options
        self.start_timeout_s = start_timeout_s
        self.url = ""
        ctx = mp.get_context("spawn")
        self._conn, child_conn = ctx.Pipe()
        self._proc = ctx.Process(target=_child, args=(kind, options, child_conn), daemon=True, name=f"bench-{kind}")

    def __enter__(self) -> Self:
        self._proc.start()
        if not self._conn.poll(self.start_timeout_s):
            self._proc.kill()
            raise RuntimeError(f"{self.kind} server did not start")
        self.url = self._conn.recv()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"refusing non-loopback server URL {self.url!r}")
        return self

    def stats(self) -> dict[str, Any]:
        self._conn.send("stats")
        result: dict[str, Any] = self._conn.recv()
        return result

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self._conn.send("stop")
            self._conn.poll(10)
        except (BrokenPipeError, EOFError, OSError):
            pass
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(timeout=5)
