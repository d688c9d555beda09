"""`StreamSession`: connect → login/subscribe → reconcile → read/decode → queue, forever, with recovery.

Recovery rules: any close, error, stall or plugin request ends the connection; the session emits
RECONNECTING, waits a jittered exponential back-off and starts over (URL re-fetched, so an expired
listen key is re-created; every topic re-subscribed; the stage reconciles). The stall watchdog pings
every `ping_interval` and forces a reconnect when nothing at all (data or pong) arrived for
`stall_timeout` while the reader was waiting on the socket; time spent blocked on a full BLOCK queue
(slow consumer) does not count as a stall.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import anyio

from .backoff import Backoff
from .connection import WsClosed, WsConnection, WsConnector
from .plugin import StreamPlugin
from .queue import EventQueue
from .stages import Reconnect, Stage, now_ms
from .updates import StreamState, StreamStatus

_log = logging.getLogger(__name__)

E = TypeVar("E")
Out = TypeVar("Out")


@dataclass
class StreamPolicy:
    """Timing knobs; defaults suit Binance (server pings every 3 min) and BingX (every 5 s) alike."""

    ping_interval: float = 20.0
    stall_timeout: float = 60.0
    connect_timeout: float = 10.0
    close_timeout: float = 2.0
    backoff: Backoff = field(default_factory=Backoff)
    max_attempts: int | None = None
    """Consecutive failed connects before giving up (the stream then ends with the error); None = never."""
    ready_timeout: float = 15.0
    """How long entering a stream waits for the first connection (subscribed and reconciled)."""


@dataclass
class StreamCounters:
    connects: int = 0
    reconnects: int = 0
    frames: int = 0
    decode_errors: int = 0
    stalls: int = 0
    keepalives: int = 0
    keepalive_failures: int = 0
    reconcile_failures: int = 0
    gaps: int = 0
    last_reason: str = ""


class GiveUp(Exception):
    """`max_attempts` consecutive connection attempts failed."""


class StreamSession(Generic[E, Out]):
    """Runs one logical stream until cancelled; output goes to `queue` (statuses in-band)."""

    def __init__(self, plugin: StreamPlugin[E], stage: Stage[E, Out], connector: WsConnector,
                 queue: EventQueue[Out | StreamStatus], policy: StreamPolicy | None = None) -> None:
        self.plugin = plugin
        self.stage = stage
        self.connector = connector
        self.queue = queue
        self.policy = policy or StreamPolicy()
        self.counters = StreamCounters()
        self.connection: WsConnection | None = None
        self._waiting_since: float | None = None
        self._reason = ""
        self.ready = anyio.Event()
        """Set once the first connection is subscribed and reconciled."""

    def _status(self, state: StreamState, detail: str = "", attempt: int = 0) -> StreamStatus:
        return StreamStatus(venue=self.plugin.venue, stream=self.plugin.name, state=state, detail=detail,
                            attempt=attempt, timestamp=now_ms())

    async def run(self) -> None:
        attempt = 0
        failures = 0
        while True:
            reason = await self._connect_once(attempt)
            attempt += 1
            if reason is None:
                failures += 1
                if self.policy.max_attempts is not None and failures >= self.policy.max_attempts:
                    raise GiveUp(f"{self.plugin.name}: {failures} failed attempts, last: {self.counters.last_reason}")
            else:
                failures = 0
            self.counters.reconnects += 1
            delay = self.policy.backoff.next()
            await self.queue.put(self._status(StreamState.RECONNECTING, self.counters.last_reason, attempt))
            await anyio.sleep(delay)

    async def _connect_once(self, attempt: int) -> str | None:
        """One connection's life; returns why it ended (None when it never got connected)."""
        try:
            url = await self.plugin.url()
            conn = await self.connector.connect(url, timeout=self.policy.connect_timeout)
        except (WsClosed, OSError) as exc:
            self.counters.last_reason = f"connect failed: {exc}"
            return None
        except Exception as exc:
            self.counters.last_reason = f"connect failed: {type(exc).__name__}: {exc}"
            _log.warning("%s: %s", self.plugin.name, self.counters.last_reason)
            return None
        self.connection = conn
        self._reason = ""
        try:
            return await self._serve(conn, attempt)
        finally:
            self.connection = None
            with anyio.CancelScope(shield=True), anyio.move_on_after(self.policy.close_timeout):
                try:
                    await conn.close()
                except Exception:
                    _log.debug("%s: close failed", self.plugin.name, exc_info=True)

    async def _serve(self, conn: WsConnection, attempt: int) -> str | None:
        try:
            await self.plugin.on_open(conn)
            self.counters.connects += 1
            await self.queue.put(self._status(StreamState.CONNECTED, attempt=attempt))
            for event in await self.stage.on_connect(attempt):
                await self.queue.put(event)
            self.ready.set()
        except WsClosed as exc:
            self.counters.last_reason = f"closed during subscribe: {exc}"
            return None
        except Exception as exc:
            self.counters.reconcile_failures += 1
            self.counters.last_reason = f"subscribe/reconcile failed: {type(exc).__name__}: {exc}"
            _log.warning("%s: %s", self.plugin.name, self.counters.last_reason)
            return None
        self.policy.backoff.reset()
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._watchdog, conn, tg.cancel_scope)
            if self.plugin.keepalive_interval:
                tg.start_soon(self._keepalive, self.plugin.keepalive_interval, tg.cancel_scope)
            self._reason = await self._read(conn) or self._reason
            tg.cancel_scope.cancel()
        self.counters.last_reason = self._reason
        return self._reason

    async def _read(self, conn: WsConnection) -> str:
        while True:
            self._waiting_since = time.monotonic()
            try:
                frame = await conn.receive()
            except WsClosed as exc:
                return f"closed: {exc}"
            finally:
                self._waiting_since = None
            self.counters.frames += 1
            try:
                decoded = self.plugin.decode(frame)
            except Exception:
                self.counters.decode_errors += 1
                _log.warning("%s: undecodable frame skipped", self.plugin.name, exc_info=True)
                continue
            if decoded.reply is not None:
                try:
                    await (conn.send_text(decoded.reply) if isinstance(decoded.reply, str)
                           else conn.send_bytes(decoded.reply))
                except WsClosed as exc:
                    return f"closed: {exc}"
            try:
                with anyio.CancelScope(shield=True):
                    for event in decoded.events:
                        for out in await self.stage.process(event):
                            await self.queue.put(out)
            except Reconnect as exc:
                if exc.gap:
                    self.counters.gaps += 1
                    await self.queue.put(self._status(StreamState.GAP, str(exc)))
                return f"resync: {exc}"
            if decoded.reconnect:
                return decoded.reconnect

    def _stalled(self, conn: WsConnection) -> bool:
        waiting = self._waiting_since
        if waiting is None:
            return False
        quiet_since = max(waiting, conn.last_received)
        return time.monotonic() - quiet_since > self.policy.stall_timeout

    async def _watchdog(self, conn: WsConnection, scope: anyio.CancelScope) -> None:
        tick = min(self.policy.ping_interval, self.policy.stall_timeout / 4)
        next_ping = time.monotonic() + self.policy.ping_interval
        while True:
            await anyio.sleep(tick)
            if self._stalled(conn):
                self.counters.stalls += 1
                self._reason = f"stalled: nothing received for {self.policy.stall_timeout:g}s"
                scope.cancel()
                return
            if time.monotonic() >= next_ping:
                next_ping = time.monotonic() + self.policy.ping_interval
                beat = self.plugin.heartbeat()
                try:
                    if beat is None:
                        await conn.ping()
                    elif isinstance(beat, str):
                        await conn.send_text(beat)
                    else:
                        await conn.send_bytes(beat)
                except WsClosed:
                    continue

    async def _keepalive(self, interval: float, scope: anyio.CancelScope) -> None:
        while True:
            await anyio.sleep(interval)
            try:
                reason = await self.plugin.keepalive()
            except Exception as exc:
                self.counters.keepalive_failures += 1
                _log.warning("%s: keep-alive failed: %s", self.plugin.name, exc)
                continue
            self.counters.keepalives += 1
            if reason:
                self._reason = reason
                scope.cancel()
                return
