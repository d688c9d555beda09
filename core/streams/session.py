"""`StreamSession`: connect → login/subscribe → reconcile → read/decode → queue, forever, with recovery.

Recovery rules: any close, error, stall or plugin request ends the connection; the session emits
RECONNECTING, waits a jittered exponential back-off and starts over (URL re-fetched, so an expired
listen key is re-created; every topic re-subscribed; the stage reconciles). The stall watchdog pings
every `ping_interval` and forces a reconnect when nothing at all (data or pong) arrived for
`stall_timeout` while the reader was waiting on the socket; time spent blocked on a full BLOCK queue
(slow consumer) does not count as a stall. A login refused with `AuthenticationError`/`PermissionDenied`
`auth_attempts` times in a row ends the stream with that error instead.

While the stage reconciles, the socket is read already: frames are held back in arrival order (decoded
only once the reconciled events are queued, so ordering and plugin state are as if read afterwards), but
venue heartbeats are answered at once (`StreamPlugin.heartbeat_reply`) and protocol pings by the socket.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import anyio
from pydantic import BaseModel

from ..errors import AuthenticationError
from .backoff import Backoff
from .connection import WsClosed, WsConnection, WsConnector, describe
from .plugin import StreamPlugin
from .queue import EventQueue
from .stages import Reconnect, Stage, now_ms
from .updates import StreamState, StreamStatus
from .warm import build_models

_log = logging.getLogger(__name__)

E = TypeVar("E")
Out = TypeVar("Out")
Frame = str | bytes
Held = tuple[Frame, bool]
"""A frame read while reconciling, and whether its heartbeat was already answered."""


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
    auth_attempts: int = 3
    """Logins (login message or listen-key creation) refused with `AuthenticationError`/`PermissionDenied`
    in a row before the stream ends with that error; a few, since a fresh key or a clock step can be
    refused briefly, never unbounded."""
    hold_limit: int = 10_000
    """Frames held back while reconciling; beyond it the socket is not read (TCP back-pressure)."""


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
    refused_logins: int = 0
    gaps: int = 0
    held: int = 0
    """Frames that arrived while reconciling (processed right after it)."""
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
        self._refusals = 0
        self._stop = False
        """Set by the watchdog or keep-alive: end the connection after the frame being handled."""
        self.ready = anyio.Event()
        """Set once the first connection is subscribed and reconciled."""
        self.models: tuple[type[BaseModel], ...] = ()
        """Shared models this stream emits, built when it starts (see `warm`) rather than on its first event."""

    def _status(self, state: StreamState, detail: str = "", attempt: int = 0) -> StreamStatus:
        return StreamStatus(venue=self.plugin.venue, stream=self.plugin.name, state=state, detail=detail,
                            attempt=attempt, timestamp=now_ms())

    async def run(self) -> None:
        build_models(self.models)
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

    async def _emit(self, item: Out | StreamStatus) -> None:
        if isinstance(item, StreamStatus) and item.state is StreamState.GAP:
            self.counters.gaps += 1
        await self.queue.put(item)

    def _refused(self, exc: Exception) -> None:
        """Count a refused login; re-raise it once `auth_attempts` were refused in a row (ends the stream)."""
        if not isinstance(exc, AuthenticationError):
            return
        self.counters.refused_logins += 1
        self._refusals += 1
        if self._refusals >= max(1, self.policy.auth_attempts):
            raise exc

    async def _connect_once(self, attempt: int) -> str | None:
        """One connection's life; returns why it ended (None when it never got connected)."""
        try:
            url = await self.plugin.url()
            conn = await self.connector.connect(url, timeout=self.policy.connect_timeout)
        except (WsClosed, OSError) as exc:
            self.counters.last_reason = f"connect failed: {exc}"
            return None
        except Exception as exc:
            self.counters.last_reason = f"connect failed: {describe(exc)}"
            _log.warning("%s: %s", self.plugin.name, self.counters.last_reason)
            self._refused(exc)
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
        except WsClosed as exc:
            self.counters.last_reason = f"closed during subscribe: {exc}"
            return None
        except Exception as exc:
            self.counters.last_reason = f"subscribe failed: {describe(exc)}"
            _log.warning("%s: %s", self.plugin.name, self.counters.last_reason)
            self._refused(exc)
            return None
        self._refusals = 0
        self.counters.connects += 1
        await self.queue.put(self._status(StreamState.CONNECTED, attempt=attempt))
        synced = False
        self._stop = False
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._watchdog, conn, tg.cancel_scope)
            if self.plugin.keepalive_interval:
                tg.start_soon(self._keepalive, self.plugin.keepalive_interval, tg.cancel_scope)
            caught_up = await self._reconcile(conn, attempt)
            if caught_up is not None:
                synced = True
                self.ready.set()
                self.policy.backoff.reset()
                self._reason = await self._read(conn, *caught_up) or self._reason
            tg.cancel_scope.cancel()
        self.counters.last_reason = self._reason
        return self._reason if synced else None

    async def _reconcile(self, conn: WsConnection, attempt: int) -> tuple[list[Held], str | None] | None:
        """Run the stage's `on_connect` while holding frames back; queue its events. Returns the held
        frames and, if the socket closed meanwhile, why; None when reconciliation failed."""
        held: list[Held] = []
        closed: list[str] = []
        events: Sequence[Out | StreamStatus] | None = None
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._hold, conn, held, closed)
            try:
                events = await self.stage.on_connect(attempt)
            except Exception as exc:
                self.counters.reconcile_failures += 1
                self._reason = f"reconcile failed: {describe(exc)}"
                _log.warning("%s: %s", self.plugin.name, self._reason)
            tg.cancel_scope.cancel()
        if events is None:
            return None
        with anyio.CancelScope(shield=True):
            for event in events:
                await self._emit(event)
        return held, closed[0] if closed else None

    async def _hold(self, conn: WsConnection, held: list[Held], closed: list[str]) -> None:
        while len(held) < self.policy.hold_limit:
            try:
                frame = await self._receive(conn)
            except WsClosed as exc:
                closed.append(f"closed: {exc}")
                return
            self.counters.held += 1
            reply = self._heartbeat_reply(frame)
            held.append((frame, reply is not None))
            if reply is not None:
                with anyio.CancelScope(shield=True):
                    try:
                        await _send(conn, reply)
                    except WsClosed as exc:
                        closed.append(f"closed: {exc}")
                        return

    def _heartbeat_reply(self, frame: Frame) -> Frame | None:
        try:
            return self.plugin.heartbeat_reply(frame)
        except Exception:
            _log.debug("%s: heartbeat_reply failed", self.plugin.name, exc_info=True)
            return None

    async def _receive(self, conn: WsConnection) -> Frame:
        self._waiting_since = time.monotonic()
        try:
            frame = await conn.receive()
        finally:
            self._waiting_since = None
        self.counters.frames += 1
        return frame

    async def _read(self, conn: WsConnection, held: list[Held], closed: str | None) -> str:
        """The per-frame path: plain calls and a queue put, no cancel scope per frame. Cancellation from the
        watchdog or keep-alive reaches this task only while it waits in `receive` (`_interrupt`), so a
        decoded frame's events are always queued in full (the deduper has already accepted them)."""
        for frame, answered in held:
            reason = await self._handle(conn, frame, answered)
            if reason is not None:
                return reason
            if self._stop:
                return self._reason
        if closed is not None:
            return closed
        if self._stop:
            return self._reason
        monotonic = time.monotonic
        counters = self.counters
        receive = conn.receive
        handle = self._handle
        while True:
            self._waiting_since = monotonic()
            try:
                frame = await receive()
            except WsClosed as exc:
                return f"closed: {exc}"
            finally:
                self._waiting_since = None
            counters.frames += 1
            reason = await handle(conn, frame, False)
            if reason is not None:
                return reason
            if self._stop:
                return self._reason

    async def _handle(self, conn: WsConnection, frame: Frame, answered: bool) -> str | None:
        """Decode one frame, reply, queue its events; a reason when the connection must end."""
        try:
            decoded = self.plugin.decode(frame)
        except Exception:
            self.counters.decode_errors += 1
            _log.warning("%s: undecodable frame skipped", self.plugin.name, exc_info=True)
            return None
        if decoded.reply is not None and not answered:
            try:
                await _send(conn, decoded.reply)
            except WsClosed as exc:
                return f"closed: {exc}"
        put_nowait = self.queue.put_nowait
        try:
            for event in decoded.events:
                for out in await self.stage.process(event):
                    if isinstance(out, StreamStatus) or not put_nowait(out):
                        with anyio.CancelScope(shield=True):
                            await self._emit(out)
        except Reconnect as exc:
            if exc.gap:
                await self._emit(self._status(StreamState.GAP, str(exc)))
            return f"resync: {exc}"
        return decoded.reconnect or None

    def _interrupt(self, scope: anyio.CancelScope) -> None:
        """End the connection (reason already in `_reason`): cancel the reader only while it waits on the
        socket, where no frame is half-processed; otherwise it stops after the frame it is handling."""
        self._stop = True
        if self._waiting_since is not None:
            scope.cancel()

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
                self._interrupt(scope)
                return
            if time.monotonic() >= next_ping:
                next_ping = time.monotonic() + self.policy.ping_interval
                try:
                    beat = self.plugin.heartbeat()
                    await (conn.ping() if beat is None else _send(conn, beat))
                except WsClosed:
                    continue
                except Exception:
                    _log.warning("%s: heartbeat failed", self.plugin.name, exc_info=True)

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
                self._interrupt(scope)
                return


async def _send(conn: WsConnection, data: Frame) -> None:
    await (conn.send_text(data) if isinstance(data, str) else conn.send_bytes(data))
