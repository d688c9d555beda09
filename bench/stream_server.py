"""The Binance USDⓈ-M simulator on a real loopback socket in its own process, emitting public trades on command.

Every `aggTrade` the simulator sends is stamped at the moment it is handed to the socket: its trade id
(`a`, which both venuekit's `TradeUpdate.id` and ccxt's `trade["id"]` carry) is replaced with
`time.monotonic_ns()` (one clock for every process on Linux), so a consumer computes the latency of each
message from the simulator's emit to its own loop without any other bookkeeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
import threading
import time
from decimal import Decimal
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any, Self

from .server import SERVER_CPU, pin

PLACEHOLDER = 999_999_999_999_999_999
ENGINE_SYMBOL = "BTCUSDT"


def _stamp_sends() -> None:
    from venuekit.core.simulator.ws import SimWebSocket

    original = SimWebSocket.send
    placeholder = str(PLACEHOLDER)

    async def send(self: SimWebSocket, data: str | bytes, kind: str = "") -> None:
        if kind == "aggTrade" and isinstance(data, str):
            data = data.replace(placeholder, str(time.monotonic_ns()), 1)
        await original(self, data, kind)

    SimWebSocket.send = send  # type: ignore[method-assign]


async def _emit(sim: Any, rate: float, seconds: float) -> int:
    """Push `rate` trades per second for `seconds` through the hub (as the engine would), in ≥ 1 ms ticks."""
    from venuekit.core.simulator import TradeEvent
    from venuekit.core.types import Side

    per_tick = max(1, round(rate / 1000))
    interval, total = per_tick / rate, int(rate * seconds)
    price, qty = Decimal("65000.1"), Decimal("0.002")
    sent, next_at = 0, time.perf_counter()
    while sent < total:
        for _ in range(min(per_tick, total - sent)):
            side = Side.BUY if sent % 2 else Side.SELL
            sim.hub.on_event(TradeEvent(sim.exchange.now_ms(), ENGINE_SYMBOL, str(PLACEHOLDER), price, qty, side))
            sent += 1
        next_at += interval
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    return sent


async def _serve(conn: Connection) -> None:
    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
    from venuekit.core.simulator import running_socket_server

    _stamp_sends()
    sim = BinanceUSDMSimulator()
    loop = asyncio.get_running_loop()
    commands: asyncio.Queue[Any] = asyncio.Queue()

    def read_pipe() -> None:
        while True:
            try:
                command = conn.recv()
            except (EOFError, OSError):
                command = ("stop",)
            loop.call_soon_threadsafe(commands.put_nowait, command)
            if command[0] == "stop":
                return

    async with running_socket_server(sim) as url:
        threading.Thread(target=read_pipe, daemon=True).start()
        conn.send(url)
        while (command := await commands.get())[0] != "stop":
            if command[0] == "emit":
                conn.send(await _emit(sim, command[1], command[2]))
            elif command[0] == "listeners":
                conn.send(len(sim.hub.listeners))


def _child(conn: Connection) -> None:
    pin(SERVER_CPU)
    asyncio.run(_serve(conn))


class StreamServer:
    """`with StreamServer() as server:` `server.ws_url`, `server.emit(rate, seconds)` (returns once sent)."""

    def __init__(self, *, start_timeout_s: float = 30.0) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child_conn = ctx.Pipe()
        self._proc = ctx.Process(target=_child, args=(child_conn,), daemon=True, name="bench-stream-sim")
        self.start_timeout_s = start_timeout_s
        self.url = ""

    @property
    def ws_url(self) -> str:
        return "ws" + self.url.removeprefix("http")

    def __enter__(self) -> Self:
        self._proc.start()
        if not self._conn.poll(self.start_timeout_s):
            self._proc.kill()
            raise RuntimeError("stream simulator did not start")
        self.url = self._conn.recv()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"refusing non-loopback server URL {self.url!r}")
        return self

    def _ask(self, *command: Any) -> Any:
        self._conn.send(command)
        return self._conn.recv()

    async def emit(self, rate: float, seconds: float) -> int:
        """Emit trades in the server process; awaits without blocking this process's event loop."""
        return int(await asyncio.to_thread(self._ask, "emit", rate, seconds))

    async def listeners(self) -> int:
        return int(await asyncio.to_thread(self._ask, "listeners"))

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self._conn.send(("stop",))
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(timeout=5)
